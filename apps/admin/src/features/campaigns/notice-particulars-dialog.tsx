// The county sets what the 公示 states besides the list: the issuing body, where objections go
// (telephone, address), and the date of issue, which starts the notice period.
import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';

interface Values {
  issuer: string;
  contact: string;
  issuedOn: Dayjs | null;
}

const fields = ['issuer', 'contact', 'issuedOn'] as const;

export function NoticeParticularsDialog({
  campaignId,
  current,
  open,
  onClose,
}: {
  campaignId: string;
  current: { issuer: string | null; contact: string | null; issuedOn: string | null };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation(trpc.campaigns.setNotice.mutationOptions());
  const onError = useFormErrorHandler(form, fields);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        issuer: current.issuer ?? '',
        contact: current.contact ?? '',
        issuedOn: current.issuedOn ? dayjs(current.issuedOn) : null,
      });
    }
  }, [open, current.issuer, current.contact, current.issuedOn, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !values.issuedOn) return;
    save.mutate(
      {
        id: campaignId,
        issuer: values.issuer.trim(),
        contact: values.contact.trim(),
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.campaigns.noticeList.pathFilter());
          void message.success(t('notice.particularsSaved'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('notice.editParticulars')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: save.isPending }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="issuer"
          label={t('notice.issuerLabel')}
          extra={t('notice.issuerHint')}
          rules={[{ required: true, whitespace: true, message: t('notice.issuerRequired') }]}
        >
          <Input maxLength={100} data-testid="notice-issuer" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('notice.contactLabel')}
          extra={t('notice.contactHint')}
          rules={[{ required: true, whitespace: true, message: t('notice.contactRequired') }]}
        >
          <Input.TextArea maxLength={200} autoSize data-testid="notice-contact" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('notice.issuedOnLabel')}
          extra={t('notice.issuedOnHint')}
          rules={[{ required: true, message: t('notice.issuedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="notice-issued-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
