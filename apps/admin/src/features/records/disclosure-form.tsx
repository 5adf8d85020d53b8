// A 三务公开 posting, saved with `disclosures.save` (a new one, or a correction sending its id and
// version); a major matter's posting links to the resolution it discloses, chosen among the
// resolutions of the village's meetings. The list's row actions correct or delete a posting; the
// API refuses a deletion once the period's self-assessment is submitted, and its words are shown.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useLang } from '../../i18n';
import { useErrorText } from '../../components/use-error-text';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import {
  disclosureCategories,
  disclosureChannels,
  todayIso,
  type DisclosureInput,
  type DisclosureRow,
} from './model';

type Values = Omit<DisclosureInput, 'villageCode'>;
const fields = [
  'category',
  'period',
  'postedOn',
  'takenDownOn',
  'channel',
  'summary',
  'resolutionId',
];

/** The resolutions of the village's meetings, newest meeting first, as options. */
function useResolutionOptions(villageCode: string) {
  const { t } = useLang();
  const meetings = useQuery(trpc.meetings.list.queryOptions({ villageCode, pageSize: 200 }));
  const options = (meetings.data?.items ?? []).flatMap((m) =>
    m.resolutions.map((r) => ({
      value: r.id,
      label: `${m.date} ${t(`records.meeting.bodies.${m.body}`)}：${r.title}`,
    })),
  );
  return { options, loading: meetings.isLoading };
}

/** The resolution a major matter's posting links to, in the list. */
export function DisclosureResolution({ row }: { row: DisclosureRow }) {
  const { t } = useLang();
  if (row.category !== 'major') return null;
  return row.resolution ? (
    <Typography.Text type="secondary" data-testid="disclosure-resolution">
      {t('records.disclosure.linkedResolution', {
        title: row.resolution.title,
        date: row.resolution.meetingDate,
      })}
    </Typography.Text>
  ) : (
    <Typography.Text type="warning">{t('records.disclosure.noResolution')}</Typography.Text>
  );
}

/** Correct or delete a posting (deleting asks first). */
export function DisclosureActions({
  row,
  onEdit,
}: {
  row: DisclosureRow;
  onEdit: (row: DisclosureRow) => void;
}) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.disclosures.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.disclosure.removed'));
        await queryClient.invalidateQueries(trpc.disclosures.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
      },
      // a refusal (the period's self-assessment is submitted) is read in full, not flashed
      onError: (error) =>
        void modal.error({ title: t('records.disclosure.remove'), content: errorText(error) }),
    }),
  );
  return (
    <Space wrap size={4}>
      <Button size="small" onClick={() => onEdit(row)} data-testid={`disclosure-edit-${row.id}`}>
        {t('records.disclosure.edit')}
      </Button>
      <Popconfirm
        title={t('records.disclosure.removeConfirm')}
        okText={t('records.disclosure.remove')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'disclosure-remove-ok' } as never}
        onConfirm={() => remove.mutate({ id: row.id, version: row.version })}
      >
        <Button
          size="small"
          danger
          loading={remove.isPending}
          data-testid={`disclosure-remove-${row.id}`}
        >
          {t('records.disclosure.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export function DisclosureForm({
  villageCode,
  disclosure,
  onClose,
}: {
  villageCode: string;
  /** The posting to correct; a new posting when absent. */
  disclosure?: DisclosureRow | undefined;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const category = Form.useWatch('category', form);
  const resolutions = useResolutionOptions(villageCode);
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
      title={disclosure ? t('records.disclosure.editTitle') : t('records.disclosure.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'disclosure-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          disclosure
            ? {
                category: disclosure.category,
                period: disclosure.period,
                postedOn: disclosure.postedOn,
                takenDownOn: disclosure.takenDownOn ?? '',
                channel: disclosure.channel,
                summary: disclosure.summary,
                resolutionId: disclosure.resolutionId,
              }
            : { category: 'general', channel: 'board', postedOn: todayIso() }
        }
        onFinish={(v) =>
          save.mutate({
            ...v,
            ...(disclosure ? { id: disclosure.id, version: disclosure.version } : {}),
            villageCode,
            takenDownOn: v.takenDownOn ? v.takenDownOn : null,
            resolutionId: v.category === 'major' && v.resolutionId ? v.resolutionId : null,
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
        {category === 'major' && (
          <Form.Item
            name="resolutionId"
            label={t('records.disclosure.resolution')}
            extra={t('records.disclosure.resolutionHelp')}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={resolutions.loading}
              placeholder={t('records.disclosure.noResolution')}
              data-testid="disclosure-resolution-select"
              options={resolutions.options}
            />
          </Form.Item>
        )}
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
