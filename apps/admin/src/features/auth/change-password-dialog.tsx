import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { trpc } from '../../trpc';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const fields = ['currentPassword', 'newPassword'];

/** 修改密码: `auth.changePassword`, with the server's field errors on the fields. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="change-password" requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('users.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
