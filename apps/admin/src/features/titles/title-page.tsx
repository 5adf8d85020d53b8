// 一村一档: one title's file — how it was named, what is open, and its timeline of daily checks,
// complaints and answers, rectification orders and re-checks. Each role gets the actions it may
// take: the county everything, the township daily checks and confirming rectifications, the
// village clerk reporting a rectification done.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Pagination,
  Segmented,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { trpc, trpcClient } from '../../trpc';
import type { RouterOutputs } from '../../types';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/me-context';
import { canRunCampaigns } from '../campaigns/model';
import { RecordDialog, type RecordField } from './record-dialog';

type TitleFile = RouterOutputs['titles']['get'];
type Entry = RouterOutputs['titles']['timeline']['items'][number];
type Kind = Entry['kind'];
const kinds: Kind[] = ['naming', 'check', 'complaint', 'rectification', 'recheck'];
const kindColors: Record<Kind, string> = {
  naming: 'green',
  check: 'blue',
  complaint: 'orange',
  rectification: 'red',
  recheck: 'purple',
};

/** Which dialog is open, and for which record. */
type Dialog =
  | { kind: 'check' | 'complaint' | 'issue' }
  | { kind: 'answer'; id: string; version: number }
  | { kind: 'report' | 'complete'; id: string; version: number }
  | { kind: 'decide'; id: string; version: number };

export function TitlePage() {
  const { id = '' } = useParams();
  const file = useQuery(trpc.titles.get.queryOptions({ id }));
  if (file.isPending) return <PageLoading />;
  if (file.isError) return <QueryError error={file.error} onRetry={() => void file.refetch()} />;
  return <TitleFileView file={file.data} />;
}

function TitleFileView({ file }: { file: TitleFile }) {
  const { t, lang } = useLang();
  const me = useMe();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const pageSize = 10;
  const timeline = useQuery({
    ...trpc.titles.timeline.queryOptions({
      id: file.id,
      ...(kind === 'all' ? {} : { kind }),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const reasons = useQuery(trpc.titles.revocationReasons.queryOptions({ includeInactive: true }));
  const county = canRunCampaigns(me.role);
  const township = county || me.role === 'township_officer';
  const clerk = me.role === 'village_clerk';
  const active = file.status === 'active';
  const reasonName = (code: string) => {
    const r = reasons.data?.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.nameEn : r.nameZh) : code;
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space>
          <Link to="/titles">
            <ArrowLeftOutlined /> {t('titleLife.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="title-file-heading">
            {t('titleLife.pageTitle', { village: file.villageName })}
          </Typography.Title>
        </Space>
        <Space wrap>
          {township && active ? (
            <Button onClick={() => setDialog({ kind: 'check' })}>
              {t('titleLife.actions.addCheck')}
            </Button>
          ) : null}
          {county ? (
            <Button onClick={() => setDialog({ kind: 'complaint' })}>
              {t('titleLife.actions.addComplaint')}
            </Button>
          ) : null}
          {county && active ? (
            <Button onClick={() => setDialog({ kind: 'issue' })}>
              {t('titleLife.actions.issue')}
            </Button>
          ) : null}
          {county && file.openRecheck ? (
            <Button
              type="primary"
              onClick={() =>
                setDialog({
                  kind: 'decide',
                  id: file.openRecheck!.id,
                  version: file.openRecheck!.version,
                })
              }
            >
              {t('titleLife.actions.decide')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="title-file-summary"
        >
          <Descriptions.Item label={t('titles.village')}>
            {t('app.nameWithCode', { name: file.villageName, code: file.villageCode })}
          </Descriptions.Item>
          <Descriptions.Item label={t('titleLife.township')}>
            {file.townshipName ?? t('app.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.level')}>
            {t(`campaigns.levels.${file.level}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.year')}>{file.year}</Descriptions.Item>
          <Descriptions.Item label={t('titles.namedOn')}>{file.namedOn}</Descriptions.Item>
          <Descriptions.Item label={t('titleLife.naming')}>
            {file.campaign ? (
              <Link to={`/campaigns/${file.campaign.id}`}>
                {t('titleLife.namedByCampaign', {
                  campaign: file.campaign.name,
                  year: file.campaign.year,
                })}
              </Link>
            ) : file.decision ? (
              t('titleLife.namedByDecision', {
                body: file.decision.awardingBody,
                number: file.decision.documentNumber,
              })
            ) : (
              t('app.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.status')}>
            <Space wrap>
              <Tag
                color={
                  file.status === 'active'
                    ? 'success'
                    : file.status === 'revoked'
                      ? 'error'
                      : 'default'
                }
              >
                {t(`titles.statuses.${file.status}`)}
              </Tag>
              {file.mayDeclareAgainOn ? (
                <Typography.Text type="secondary">
                  {t('titleLife.mayDeclareAgainOn', { date: file.mayDeclareAgainOn })}
                </Typography.Text>
              ) : null}
              {file.openRecheck ? (
                <Tag color="purple">
                  {t('titleLife.openRecheckSince', { date: file.openRecheck.openedOn })}
                </Tag>
              ) : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('titleLife.openRectifications')}>
            <span data-testid="open-rectifications">{file.openRectifications}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('titleLife.overdueRectifications')}>
            {file.overdueRectifications > 0 ? (
              <Tag color="error" data-testid="overdue-rectifications">
                {file.overdueRectifications}
              </Tag>
            ) : (
              <span data-testid="overdue-rectifications">0</span>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless">
        <Segmented<Kind | 'all'>
          style={{ marginBottom: 16 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('titleLife.kinds.all') },
            ...kinds.map((k) => ({ value: k, label: t(`titleLife.kinds.${k}`) })),
          ]}
        />
        {timeline.isError ? (
          <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : (timeline.data?.items.length ?? 0) === 0 && !timeline.isPending ? (
          <Empty description={t('titleLife.empty')} />
        ) : (
          <Timeline
            data-testid="title-timeline"
            items={(timeline.data?.items ?? []).map((e) => ({
              key: `${e.kind}:${e.id}`,
              color: kindColors[e.kind],
              children: (
                <EntryView
                  entry={e}
                  reasonName={reasonName}
                  actions={
                    <>
                      {e.kind === 'complaint' && county ? (
                        <Button
                          size="small"
                          onClick={() =>
                            setDialog({ kind: 'answer', id: e.id, version: e.version })
                          }
                        >
                          {t('titleLife.actions.answer')}
                        </Button>
                      ) : null}
                      {e.kind === 'rectification' && !e.completedOn && clerk ? (
                        <Button
                          size="small"
                          onClick={() =>
                            setDialog({ kind: 'report', id: e.id, version: e.version })
                          }
                        >
                          {t('titleLife.actions.report')}
                        </Button>
                      ) : null}
                      {e.kind === 'rectification' && !e.completedOn && township ? (
                        <Button
                          size="small"
                          onClick={() =>
                            setDialog({ kind: 'complete', id: e.id, version: e.version })
                          }
                        >
                          {t('titleLife.actions.complete')}
                        </Button>
                      ) : null}
                    </>
                  }
                />
              ),
            }))}
          />
        )}
        <Flex justify="end">
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={timeline.data?.total ?? 0}
            onChange={setPage}
            showTotal={(count) => t('app.total', { count })}
            hideOnSinglePage
          />
        </Flex>
      </Card>
      <TitleDialogs
        file={file}
        dialog={dialog}
        reasons={(reasons.data ?? [])
          .filter((r) => r.active)
          .map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.nameZh }))}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

function EntryView({
  entry: e,
  actions,
  reasonName,
}: {
  entry: Entry;
  actions: React.ReactNode;
  reasonName(code: string): string;
}) {
  const { t } = useLang();
  const head = (
    <Space wrap>
      <Typography.Text strong>{e.date}</Typography.Text>
      <Tag color={kindColors[e.kind]}>{t(`titleLife.kinds.${e.kind}`)}</Tag>
    </Space>
  );
  const line = (label: string, value: React.ReactNode) => (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value}
    </div>
  );
  switch (e.kind) {
    case 'naming':
      return (
        <div>
          {head}
          {line(t('titles.level'), t(`campaigns.levels.${e.level as 'county'}`))}
          {e.campaignName ? line(t('titleLife.naming'), e.campaignName) : null}
          {e.awardingBody ? line(t('titleLife.awardingBody'), e.awardingBody) : null}
          {e.documentNumber ? line(t('titleLife.documentNumber'), e.documentNumber) : null}
        </div>
      );
    case 'check':
      return (
        <div>
          {head}
          <Tag color={e.result === 'satisfactory' ? 'success' : 'warning'}>
            {t(`titleLife.checkResults.${e.result}`)}
          </Tag>
          {line(t('titleLife.fields.inspector'), e.inspector)}
          {line(t('titleLife.fields.findings'), e.findings)}
        </div>
      );
    case 'complaint':
      return (
        <div>
          {head}
          <Tag>{t(`titleLife.channels.${e.channel}`)}</Tag>
          {line(t('titleLife.fields.substance'), e.substance)}
          {e.complainantName ? line(t('titleLife.fields.complainant'), e.complainantName) : null}
          {e.reply
            ? line(t('titleLife.fields.reply'), `${e.reply}（${e.repliedOn ?? ''}）`)
            : line(t('titleLife.fields.reply'), t('titleLife.notAnswered'))}
          <Space style={{ marginTop: 4 }}>{actions}</Space>
        </div>
      );
    case 'rectification':
      return (
        <div data-testid="rectification-entry">
          {head}
          {e.overdue ? (
            <Tag color="error">
              {e.completedOn ? t('titleLife.completedLate') : t('titleLife.overdue')}
            </Tag>
          ) : null}
          {line(t('titleLife.fields.rectFindings'), e.findings)}
          {line(t('titleLife.fields.deadline'), e.deadline)}
          {e.reportedOn
            ? line(t('titleLife.fields.reportedOn'), `${e.reportedOn} ${e.reportNote ?? ''}`)
            : null}
          {e.completedOn
            ? line(t('titleLife.fields.completedOn'), `${e.completedOn} ${e.completionNote ?? ''}`)
            : null}
          <Space style={{ marginTop: 4 }}>{actions}</Space>
        </div>
      );
    case 'recheck':
      return (
        <div>
          {head}
          {e.outcome ? (
            <Tag color="purple">{t(`titles.outcomes.${e.outcome}`)}</Tag>
          ) : (
            <Tag>{t('titleLife.openRecheck')}</Tag>
          )}
          {e.reasons?.length
            ? line(t('titles.reasons'), e.reasons.map(reasonName).join('；'))
            : null}
          {e.note ? line(t('titleLife.fields.note'), e.note) : null}
        </div>
      );
  }
}

function TitleDialogs({
  file,
  dialog,
  reasons,
  onClose,
}: {
  file: TitleFile;
  dialog: Dialog | null;
  reasons: { value: string; label: string }[];
  onClose(): void;
}) {
  const { t } = useLang();
  const f = (key: keyof ReturnType<typeof fieldLabels>) => fieldLabels(t)[key];
  let title = '';
  let fields: RecordField[] = [];
  let submit: (v: Record<string, unknown>) => Promise<unknown> = async () => {};
  let initialValues: Record<string, unknown> | undefined;
  switch (dialog?.kind) {
    case 'check':
      title = t('titleLife.actions.addCheck');
      initialValues = { result: 'satisfactory' };
      fields = [
        { name: 'checkedOn', label: f('checkedOn'), kind: 'date', required: true },
        { name: 'inspector', label: f('inspector'), kind: 'text', required: true, maxLength: 100 },
        { name: 'findings', label: f('findings'), kind: 'textarea', required: true },
        {
          name: 'result',
          label: f('result'),
          kind: 'select',
          required: true,
          options: (['satisfactory', 'issues_found'] as const).map((r) => ({
            value: r,
            label: t(`titleLife.checkResults.${r}`),
          })),
        },
      ];
      submit = (v) => trpcClient.titles.addCheck.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'complaint':
      title = t('titleLife.actions.addComplaint');
      fields = [
        { name: 'receivedOn', label: f('receivedOn'), kind: 'date', required: true },
        {
          name: 'channel',
          label: f('channel'),
          kind: 'select',
          required: true,
          options: (['visit', 'phone', 'letter', 'online', 'hotline_12345', 'other'] as const).map(
            (c) => ({ value: c, label: t(`titleLife.channels.${c}`) }),
          ),
        },
        { name: 'substance', label: f('substance'), kind: 'textarea', required: true },
        { name: 'complainantName', label: f('complainantName'), kind: 'text', maxLength: 50 },
      ];
      submit = (v) => trpcClient.titles.addComplaint.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'issue':
      title = t('titleLife.actions.issue');
      fields = [
        { name: 'issuedOn', label: f('issuedOn'), kind: 'date', required: true },
        { name: 'findings', label: f('rectFindings'), kind: 'textarea', required: true },
        { name: 'deadline', label: f('deadline'), kind: 'date', required: true, max: null },
      ];
      submit = (v) =>
        trpcClient.titles.issueRectification.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'answer': {
      const { id, version } = dialog;
      title = t('titleLife.actions.answer');
      fields = [
        { name: 'reply', label: f('reply'), kind: 'textarea', required: true },
        { name: 'repliedOn', label: f('repliedOn'), kind: 'date', required: true },
      ];
      submit = (v) => trpcClient.titles.answerComplaint.mutate({ id, version, ...v } as never);
      break;
    }
    case 'report': {
      const { id, version } = dialog;
      title = t('titleLife.actions.report');
      fields = [{ name: 'note', label: f('reportNote'), kind: 'textarea', required: true }];
      submit = (v) => trpcClient.titles.reportRectification.mutate({ id, version, ...v } as never);
      break;
    }
    case 'complete': {
      const { id, version } = dialog;
      title = t('titleLife.actions.complete');
      fields = [
        { name: 'completedOn', label: f('completedOn'), kind: 'date', required: true },
        { name: 'note', label: f('completionNote'), kind: 'textarea' },
      ];
      submit = (v) =>
        trpcClient.titles.completeRectification.mutate({ id, version, ...v } as never);
      break;
    }
    case 'decide': {
      const { id, version } = dialog;
      title = t('titleLife.actions.decide');
      initialValues = { outcome: 'keep' };
      fields = [
        {
          name: 'outcome',
          label: f('outcome'),
          kind: 'select',
          required: true,
          options: (['keep', 'revoke', 'cancel'] as const).map((o) => ({
            value: o,
            label: t(`titles.outcomes.${o}`),
          })),
        },
        {
          name: 'reasons',
          label: t('titles.reasons'),
          kind: 'select',
          multiple: true,
          options: reasons,
        },
        { name: 'note', label: f('note'), kind: 'textarea', maxLength: 1000 },
      ];
      submit = (v) =>
        trpcClient.titles.decideRecheck.mutate({
          id,
          version,
          outcome: v.outcome as 'keep',
          reasons: (v.reasons as string[] | undefined) ?? [],
          ...(v.note ? { note: v.note as string } : {}),
        });
      break;
    }
    default:
      break;
  }
  return (
    <RecordDialog
      key={dialog ? JSON.stringify(dialog) : 'none'}
      open={dialog !== null}
      title={title}
      fields={fields}
      initialValues={initialValues}
      submit={submit}
      onClose={onClose}
      testId="title-record-form"
    />
  );
}

function fieldLabels(t: ReturnType<typeof useLang>['t']) {
  return {
    checkedOn: t('titleLife.fields.checkedOn'),
    inspector: t('titleLife.fields.inspector'),
    findings: t('titleLife.fields.findings'),
    result: t('titleLife.fields.result'),
    receivedOn: t('titleLife.fields.receivedOn'),
    channel: t('titleLife.fields.channel'),
    substance: t('titleLife.fields.substance'),
    complainantName: t('titleLife.fields.complainantName'),
    reply: t('titleLife.fields.reply'),
    repliedOn: t('titleLife.fields.repliedOn'),
    issuedOn: t('titleLife.fields.issuedOn'),
    rectFindings: t('titleLife.fields.rectFindings'),
    deadline: t('titleLife.fields.deadline'),
    reportNote: t('titleLife.fields.reportNote'),
    completedOn: t('titleLife.fields.completedOn'),
    completionNote: t('titleLife.fields.completionNote'),
    outcome: t('titleLife.fields.outcome'),
    note: t('titleLife.fields.note'),
  };
}
