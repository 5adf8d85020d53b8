// The mediation case form (人民调解台账): saved with `mediation.save`; the server applies the
// domain's validation rules and answers field errors in Chinese and English.
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import {
  disputeTypes,
  mediationEscalations,
  mediationMethods,
  mediationOutcomes,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { todayIso } from '../records/model';
import { mediationLabel, type MediationInput, type MediationRow } from './model';

type Values = Omit<MediationInput, 'divisionCode' | 'id' | 'version'>;

const fields = [
  'receivedOn',
  'type',
  'parties',
  'partyNames',
  'mediator',
  'method',
  'outcome',
  'closedOn',
  'escalation',
  'agreementNo',
  'notes',
];

export function MediationForm({
  divisionCode,
  editing,
  onClose,
}: {
  divisionCode: string;
  editing: MediationRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const outcome = Form.useWatch('outcome', form);
  const onError = useFormErrorHandler(form, fields);
  const save = useMutation(
    trpc.mediation.save.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('registers.saved'));
        for (const w of saved.warnings) void message.warning(w.message[lang]);
        await queryClient.invalidateQueries(trpc.mediation.pathFilter());
        await queryClient.invalidateQueries(trpc.statistics.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  const options = <K extends 'type' | 'method' | 'outcome' | 'escalation'>(
    list: K,
    values: readonly string[],
  ) => values.map((v) => ({ value: v, label: mediationLabel(list, v as never, lang) }));
  return (
    <Modal
      open
      title={editing ? t('registers.edit') : t('registers.add')}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'mediation-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                ...editing,
                partyNames: editing.partyNames ?? undefined,
                agreementNo: editing.agreementNo ?? undefined,
              }
            : {
                receivedOn: todayIso(),
                type: 'neighbour',
                parties: 2,
                method: 'oral',
                outcome: 'open',
                escalation: 'none',
              }
        }
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            divisionCode,
            receivedOn: v.receivedOn,
            type: v.type,
            parties: v.parties,
            method: v.method,
            outcome: v.outcome,
            closedOn: v.outcome === 'open' ? null : v.closedOn || null,
            escalation: v.escalation ?? 'none',
            ...(v.partyNames ? { partyNames: v.partyNames } : {}),
            ...(v.mediator ? { mediator: v.mediator } : {}),
            ...(v.agreementNo ? { agreementNo: v.agreementNo } : {}),
            ...(v.notes ? { notes: v.notes } : {}),
          })
        }
      >
        <Space wrap>
          <Form.Item
            name="receivedOn"
            label={t('registers.receivedOn')}
            rules={[{ required: true }]}
          >
            <Input type="date" max={todayIso()} data-testid="mediation-received" />
          </Form.Item>
          <Form.Item name="type" label={t('registers.type')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={options('type', disputeTypes)} />
          </Form.Item>
          <Form.Item name="parties" label={t('registers.parties')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="method" label={t('registers.method')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={options('method', mediationMethods)}
              data-testid="mediation-method"
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('registers.outcome')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={options('outcome', mediationOutcomes)}
              data-testid="mediation-outcome"
            />
          </Form.Item>
          {outcome !== 'open' && (
            <Form.Item name="closedOn" label={t('registers.closedOn')}>
              <Input type="date" max={todayIso()} data-testid="mediation-closed" />
            </Form.Item>
          )}
        </Space>
        {method === 'written' && (
          <Form.Item name="agreementNo" label={t('registers.agreementNo')}>
            <Input maxLength={100} data-testid="mediation-agreement" />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="escalation" label={t('registers.escalation')}>
            <Select style={{ width: 140 }} options={options('escalation', mediationEscalations)} />
          </Form.Item>
          <Form.Item name="mediator" label={t('registers.mediator')}>
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="partyNames" label={t('registers.partyNames')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('registers.notes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
