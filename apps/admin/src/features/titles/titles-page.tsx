// 复核: named titles by level, year and status; county administrators select titles and record
// an outcome — keep, revoke (with reasons) or cancel (with a note).
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { revocationBarYears } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { useMe } from '../auth/me-context';
import {
  campaignLevels,
  canRunCampaigns,
  type CampaignLevel,
  type TitleRow,
} from '../campaigns/model';
import { RevocationReasonsDialog } from './revocation-reasons-dialog';
import { Link } from 'react-router';
import { RecheckBatchDialog } from './recheck-batch-dialog';
import { RecordDialog } from './record-dialog';
import { trpcClient } from '../../trpc';

type Status = TitleRow['status'];
type Outcome = 'keep' | 'revoke' | 'cancel';
const statuses: Status[] = ['active', 'revoked', 'cancelled'];
const statusColors: Record<Status, string> = {
  active: 'success',
  revoked: 'error',
  cancelled: 'default',
};

export function TitlesPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const [level, setLevel] = useState<CampaignLevel | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const { page, pageSize, toFirstPage, tablePagination } = usePagination();
  const [selected, setSelected] = useState<string[]>([]);
  const [recording, setRecording] = useState(false);
  const [settingReasons, setSettingReasons] = useState(false);
  const [batching, setBatching] = useState(false);
  const [recordingDecision, setRecordingDecision] = useState(false);
  // all reasons, so that titles revoked for a reason since deactivated still show its name
  const reasons = useQuery(trpc.titles.revocationReasons.queryOptions({ includeInactive: true }));
  const list = useQuery({
    ...trpc.titles.list.queryOptions({
      ...(level ? { level } : {}),
      ...(year ? { year } : {}),
      ...(status ? { status } : {}),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const mayRecheck = canRunCampaigns(me.role);
  const reasonName = (code: string) => {
    const r = reasons.data?.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.nameEn : r.nameZh) : code;
  };
  const filtered = (apply: () => void) => {
    apply();
    toFirstPage();
    setSelected([]);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('titles.title')}
        </Typography.Title>
        {mayRecheck ? (
          <Space wrap>
            {me.role === 'system_admin' ? (
              <Button onClick={() => setSettingReasons(true)}>
                {t('titles.reasonSettings.open')}
              </Button>
            ) : null}
            <Button onClick={() => setRecordingDecision(true)}>
              {t('titleLife.actions.recordDecision')}
            </Button>
            <Button onClick={() => setBatching(true)}>{t('titleLife.actions.batch')}</Button>
            <Typography.Text type="secondary">
              {t('titles.selected', { count: selected.length })}
            </Typography.Text>
            <Button
              type="primary"
              disabled={selected.length === 0}
              onClick={() => setRecording(true)}
            >
              {t('titles.recheck')}
            </Button>
          </Space>
        ) : null}
      </Flex>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<CampaignLevel>
            allowClear
            placeholder={t('titles.levelPlaceholder')}
            style={{ width: 140 }}
            value={level}
            onChange={(v) => filtered(() => setLevel(v))}
            options={campaignLevels.map((l) => ({ value: l, label: t(`campaigns.levels.${l}`) }))}
          />
          <InputNumber
            placeholder={t('titles.yearPlaceholder')}
            min={2000}
            max={2100}
            precision={0}
            style={{ width: 120 }}
            value={year ?? null}
            onChange={(v) => filtered(() => setYear(typeof v === 'number' ? v : undefined))}
          />
          <Select<Status>
            allowClear
            placeholder={t('titles.statusPlaceholder')}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => filtered(() => setStatus(v))}
            options={statuses.map((s) => ({ value: s, label: t(`titles.statuses.${s}`) }))}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<TitleRow>
            rowKey="id"
            size="middle"
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            dataSource={list.data?.items ?? []}
            data-testid="titles-table"
            locale={{ emptyText: <Empty description={t('titles.empty')} /> }}
            scroll={{ x: 900 }}
            rowSelection={
              mayRecheck
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (r) => ({ disabled: r.status !== 'active' }),
                  }
                : undefined
            }
            pagination={tablePagination(list.data?.total ?? 0)}
            columns={[
              {
                key: 'village',
                cardTitle: true,
                title: t('titles.village'),
                render: (_, r) => (
                  <Link to={`/titles/${r.id}`}>{`${r.villageName}（${r.villageCode}）`}</Link>
                ),
              },
              {
                key: 'level',
                title: t('titles.level'),
                render: (_, r) => t(`campaigns.levels.${r.level}`),
              },
              { key: 'year', title: t('titles.year'), dataIndex: 'year' },
              { key: 'namedOn', title: t('titles.namedOn'), dataIndex: 'namedOn' },
              {
                key: 'status',
                title: t('titles.status'),
                render: (_, r) => (
                  <Tag color={statusColors[r.status]}>{t(`titles.statuses.${r.status}`)}</Tag>
                ),
              },
              {
                key: 'recheck',
                title: t('titles.outcome'),
                render: (_, r) =>
                  r.recheckOutcome ? (
                    <Flex vertical>
                      <span>
                        {t(`titles.outcomes.${r.recheckOutcome}`)} · {r.recheckedOn}
                      </span>
                      {r.recheckReasons?.length ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.recheckReasons.map(reasonName).join('；')}
                        </Typography.Text>
                      ) : null}
                      {r.recheckNote ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.recheckNote}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  ) : (
                    t('app.none')
                  ),
              },
            ]}
          />
        )}
      </Card>
      {mayRecheck ? (
        <RecheckModal
          open={recording}
          ids={selected}
          reasons={(reasons.data ?? [])
            .filter((r) => r.active)
            .map((r) => ({
              value: r.code,
              label: lang === 'en' ? r.nameEn : r.nameZh,
            }))}
          onClose={() => setRecording(false)}
          onDone={() => {
            setSelected([]);
            setRecording(false);
          }}
        />
      ) : null}
      {mayRecheck ? (
        <>
          <RecheckBatchDialog open={batching} onClose={() => setBatching(false)} />
          <RecordDialog
            open={recordingDecision}
            title={t('titleLife.actions.recordDecision')}
            initialValues={{ level: 'municipal' }}
            fields={[
              {
                name: 'villageCode',
                label: t('titleLife.fields.village'),
                kind: 'text',
                required: true,
                maxLength: 12,
              },
              {
                name: 'level',
                label: t('titleLife.fields.level'),
                kind: 'select',
                required: true,
                options: campaignLevels
                  .filter((l) => l !== 'county')
                  .map((l) => ({ value: l, label: t(`campaigns.levels.${l}`) })),
              },
              { name: 'year', label: t('titleLife.fields.year'), kind: 'number', required: true },
              {
                name: 'namedOn',
                label: t('titleLife.fields.namedOn'),
                kind: 'date',
                required: true,
              },
              {
                name: 'awardingBody',
                label: t('titleLife.awardingBody'),
                kind: 'text',
                required: true,
              },
              {
                name: 'documentNumber',
                label: t('titleLife.documentNumber'),
                kind: 'text',
                required: true,
                maxLength: 100,
              },
            ]}
            submit={(v) => trpcClient.titles.recordDecision.mutate(v as never)}
            onClose={() => setRecordingDecision(false)}
          />
        </>
      ) : null}
      {me.role === 'system_admin' ? (
        <RevocationReasonsDialog open={settingReasons} onClose={() => setSettingReasons(false)} />
      ) : null}
    </>
  );
}

interface Values {
  outcome: Outcome;
  reasons?: string[];
  note?: string;
}

function RecheckModal({
  open,
  ids,
  reasons,
  onClose,
  onDone,
}: {
  open: boolean;
  ids: string[];
  reasons: { value: string; label: string }[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const recheck = useMutation(trpc.titles.recheck.mutationOptions());
  const onError = useFormErrorHandler(form, ['reasons', 'note']);

  const { modal } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (values.outcome === 'revoke') {
      // revoking bars the village from declaring again: asked a second time, saying so
      const sure = await modal.confirm({
        title: t('titles.revokeConfirm.title', { count: ids.length }),
        content: t('titles.revokeConfirm.bar', { years: revocationBarYears }),
        okText: t('titles.revokeConfirm.ok'),
        okButtonProps: { danger: true },
        cancelText: t('app.cancel'),
      });
      if (!sure) return;
    }
    recheck.mutate(
      {
        ids,
        outcome: values.outcome,
        reasons: values.outcome === 'revoke' ? (values.reasons ?? []) : [],
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      {
        onSuccess: (r) => {
          void message.success(t('titles.done', { count: r.updated }));
          void queryClient.invalidateQueries(trpc.titles.pathFilter());
          form.resetFields();
          onDone();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('titles.recheckTitle', { count: ids.length })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={recheck.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="recheck-form"
        initialValues={{ outcome: 'keep' }}
      >
        <Form.Item name="outcome" label={t('titles.outcome')}>
          <Radio.Group
            optionType="button"
            options={(['keep', 'revoke', 'cancel'] as const).map((o) => ({
              value: o,
              label: t(`titles.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        {outcome === 'revoke' ? (
          <Form.Item
            name="reasons"
            label={t('titles.reasons')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('titles.reasonsRequired') },
            ]}
          >
            <Checkbox.Group
              options={reasons}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t('titles.note')}
          rules={
            outcome === 'cancel'
              ? [{ required: true, whitespace: true, message: t('titles.noteRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
