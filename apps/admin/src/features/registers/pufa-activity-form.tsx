// The 普法 activity form: saved with `pufa.saveActivity`; the server applies the domain's rules
// (no future date; warnings for an empty lecture or an empty leaflet round) and answers field
// errors in Chinese and English.
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { pufaActivityTypes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { todayIso } from '../records/model';
import { pufaOptions, type PufaActivityInput, type PufaActivityRow } from './pufa-model';
import { PufaPhotos } from './pufa-photos';

type Values = Omit<PufaActivityInput, 'divisionCode' | 'id' | 'version'>;

const fields = ['type', 'heldOn', 'place', 'organiser', 'participants', 'materials', 'notes'];

export function PufaActivityForm({
  divisionCode,
  editing,
  onClose,
}: {
  divisionCode: string;
  editing: PufaActivityRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const save = useMutation(
    trpc.pufa.saveActivity.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('pufa.saved'));
        for (const w of saved.warnings) void message.warning(w.message[lang]);
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
        await queryClient.invalidateQueries(trpc.statistics.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={editing ? t('pufa.editActivity') : t('pufa.addActivity')}
      width={600}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'pufa-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing ?? { heldOn: todayIso(), type: 'lecture', participants: 0, materials: 0 }
        }
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            divisionCode,
            type: v.type,
            heldOn: v.heldOn,
            place: v.place,
            organiser: v.organiser,
            participants: v.participants,
            materials: v.materials ?? 0,
            ...(v.notes ? { notes: v.notes } : {}),
          })
        }
      >
        <Space wrap>
          <Form.Item name="type" label={t('pufa.type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={pufaOptions('type', pufaActivityTypes, lang)}
              data-testid="pufa-form-type"
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t('pufa.heldOn')} rules={[{ required: true }]}>
            <Input type="date" max={todayIso()} data-testid="pufa-held-on" />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('pufa.place')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="pufa-place" />
        </Form.Item>
        <Form.Item name="organiser" label={t('pufa.organiser')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="pufa-organiser" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="participants"
            label={t('pufa.participants')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              style={{ width: 120 }}
              data-testid="pufa-participants"
            />
          </Form.Item>
          <Form.Item name="materials" label={t('pufa.materials')}>
            <InputNumber
              min={0}
              max={1_000_000}
              style={{ width: 120 }}
              data-testid="pufa-materials"
            />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('pufa.notes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Typography.Title level={5}>{t('pufa.photosTitle')}</Typography.Title>
        {editing ? (
          <PufaPhotos activityId={editing.id} canWrite />
        ) : (
          <Typography.Text type="secondary">{t('pufa.photosAfterSave')}</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
