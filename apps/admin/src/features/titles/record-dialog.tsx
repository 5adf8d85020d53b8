// One dialog for every record of a title's file (a check, a complaint, an order, an answer…):
// the fields are listed, dates are calendar days no later than today, and the server's field
// errors land under their fields.
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';

export interface RecordField {
  name: string;
  label: string;
  kind: 'date' | 'text' | 'textarea' | 'select' | 'number';
  options?: { value: string | number; label: string }[];
  required?: boolean;
  /** For selects: several values. */
  multiple?: boolean;
  /** For dates: the latest day allowed (today by default); `null` for no limit. */
  max?: string | null;
  maxLength?: number;
}

/** Today's calendar day in the county (China Standard Time). */
export function todayIso(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function RecordDialog({
  open,
  title,
  fields,
  initialValues,
  submit,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  fields: RecordField[];
  initialValues?: Record<string, unknown>;
  submit(values: Record<string, unknown>): Promise<unknown>;
  onClose(): void;
  testId?: string;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const mutation = useMutation({ mutationFn: submit });
  const onError = useFormErrorHandler(
    form,
    fields.map((f) => f.name),
  );
  const today = todayIso();

  const ok = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const cleaned = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
    mutation.mutate(cleaned, {
      onSuccess: () => {
        void message.success(t('titleLife.saved'));
        void queryClient.invalidateQueries(trpc.titles.pathFilter());
        form.resetFields();
        onClose();
      },
      onError,
    });
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={
              f.required
                ? [
                    {
                      required: true,
                      whitespace: f.kind !== 'number',
                      message: t('titleLife.required'),
                    },
                  ]
                : []
            }
          >
            {f.kind === 'date' ? (
              <Input type="date" max={f.max === null ? undefined : (f.max ?? today)} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={f.maxLength ?? 2000} />
            ) : f.kind === 'select' ? (
              <Select
                options={f.options ?? []}
                {...(f.multiple ? { mode: 'multiple' as const } : {})}
              />
            ) : f.kind === 'number' ? (
              <InputNumber style={{ width: '100%' }} precision={0} />
            ) : (
              <Input maxLength={f.maxLength ?? 200} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
