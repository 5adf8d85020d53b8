// A 三务公开 posting, saved with `disclosures.save`.
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Space } from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { disclosureCategories, disclosureChannels, todayIso, type DisclosureInput } from './model';

type Values = Omit<DisclosureInput, 'villageCode'>;
const fields = ['category', 'period', 'postedOn', 'takenDownOn', 'channel', 'summary'];

export function DisclosureForm({
  villageCode,
  onClose,
}: {
  villageCode: string;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const save = useMutation(
    trpc.disclosures.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.disclosure.saved'));
        await queryClient.invalidateQueries(trpc.disclosures.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={t('records.disclosure.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'disclosure-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: 'general', channel: 'board', postedOn: todayIso() }}
        onFinish={(v) =>
          save.mutate({
            ...v,
            villageCode,
            takenDownOn: v.takenDownOn ? v.takenDownOn : null,
          })
        }
      >
        <Space wrap>
          <Form.Item
            name="category"
            label={t('records.disclosure.category')}
            rules={[{ required: true }]}
          >
            <Select
              style={{ width: 160 }}
              data-testid="disclosure-category"
              options={disclosureCategories.map((c) => ({
                value: c,
                label: t(`records.disclosure.categories.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('records.disclosure.period')}
            extra={t('records.disclosure.periodHelp')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 140 }} data-testid="disclosure-period" />
          </Form.Item>
          <Form.Item
            name="channel"
            label={t('records.disclosure.channel')}
            rules={[{ required: true }]}
          >
            <Select
              style={{ width: 140 }}
              options={disclosureChannels.map((c) => ({
                value: c,
                label: t(`records.disclosure.channels.${c}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="postedOn"
            label={t('records.disclosure.postedOn')}
            rules={[{ required: true }]}
          >
            <Input type="date" data-testid="disclosure-posted" max={todayIso()} />
          </Form.Item>
          <Form.Item name="takenDownOn" label={t('records.disclosure.takenDownOn')}>
            <Input type="date" max={todayIso()} />
          </Form.Item>
        </Space>
        <Form.Item
          name="summary"
          label={t('records.disclosure.summary')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="disclosure-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
