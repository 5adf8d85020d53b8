// A township's monthly 社区矫正 / 安置帮教 figures (counts only), saved with `corrections.save`;
// the server applies the domain's rules (helped ≤ released persons, no month not yet ended).
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { addMonths, correctionFigureKeys, monthOf, type CorrectionFigures } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { todayIso } from '../records/model';
import { figureLabel, type CorrectionRow } from './advisers-model';

type Values = { month: string } & { -readonly [K in keyof CorrectionFigures]: number };

export function CorrectionForm({
  townshipCode,
  editing,
  onClose,
}: {
  townshipCode: string;
  editing: CorrectionRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, ['month', ...correctionFigureKeys]);
  const save = useMutation(
    trpc.corrections.save.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('corrections.saved'));
        for (const w of saved.warnings) void message.warning(w.message[lang]);
        await queryClient.invalidateQueries(trpc.corrections.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  const zero = Object.fromEntries(correctionFigureKeys.map((k) => [k, 0]));
  return (
    <Modal
      open
      title={editing ? t('corrections.edit') : t('corrections.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'correction-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { month: addMonths(monthOf(todayIso()), -1), ...zero }}
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            townshipCode,
            month: v.month,
            underCorrection: v.underCorrection,
            newlyReceived: v.newlyReceived,
            released: v.released,
            helped: v.helped,
            filesOpened: v.filesOpened,
          })
        }
      >
        <Form.Item name="month" label={t('corrections.month')} rules={[{ required: true }]}>
          <Input type="month" style={{ width: 180 }} data-testid="correction-month" />
        </Form.Item>
        <Space wrap>
          {correctionFigureKeys.map((k) => (
            <Form.Item key={k} name={k} label={figureLabel(k, lang)} rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={1_000_000}
                style={{ width: 140 }}
                data-testid={`correction-${k}`}
              />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
