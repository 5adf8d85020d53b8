// One campaign: its stages (Steps), the county administrator's 进入下一阶段 with the blockers,
// the villages per state, the participations table, and the 申报 action during 申报.
import { formatPoints } from '@fazhi/domain';
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import type { ParticipationState } from '@fazhi/domain';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { apiErrorInfo, localized, problemDetails } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { ResponsiveTable } from '../../components/responsive-table';
import { useSingleFlight } from '../../lib/use-single-flight';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import { BulkActionButton } from './bulk-actions';
import { CampaignPhases } from './campaign-phases';
import { CampaignEditActions } from './campaign-edit';
import { useSubjectWords } from './subject-words';
import {
  canDeclare,
  canRunCampaigns,
  gradeColors,
  isGrade,
  participationStates,
  stateColors,
  type Blocker,
  type Campaign,
  type ParticipationRow,
  annualOutcomes,
  type AnnualOutcome,
} from './model';

export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ id }));
  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError)
    return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  return <CampaignDetail campaign={campaign.data} />;
}

/** Links to the other pages of a campaign. */
export function CampaignLinks({ id, current }: { id: string; current?: string }) {
  const { t } = useLang();
  const links = [
    { key: 'detail', to: `/campaigns/${id}`, label: t('campaigns.detail') },
    { key: 'results', to: `/campaigns/${id}/results`, label: t('campaigns.results') },
    { key: 'notice', to: `/campaigns/${id}/notice`, label: t('campaigns.notice') },
    { key: 'titles', to: `/titles`, label: t('campaigns.recheck') },
  ];
  return (
    <Space className="fz-no-print" wrap>
      {links.map((l) =>
        l.key === current ? (
          <Button key={l.key} type="primary" ghost size="small">
            {l.label}
          </Button>
        ) : (
          <Link key={l.key} to={l.to}>
            <Button size="small">{l.label}</Button>
          </Link>
        ),
      )}
    </Space>
  );
}

function CampaignDetail({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const words = useSubjectWords(campaign.subjectLevel);
  const me = useMe();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const advance = useMutation(trpc.campaigns.advance.mutationOptions());
  const [declaring, setDeclaring] = useState(false);
  // the stages of this campaign's flow (its mode and subject level), as the API answers them
  const stageIndex = campaign.stages.indexOf(campaign.stage);
  const next = campaign.stages[stageIndex + 1];

  const doAdvance = () =>
    advance.mutate(
      { id: campaign.id },
      {
        onSuccess: (row) => {
          void message.success(
            t('campaigns.advanced', { stage: t(`campaigns.stages.${row.stage}`) }),
          );
          void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
          void queryClient.invalidateQueries(trpc.participations.pathFilter());
        },
        onError: (error) => {
          const blockers = problemDetails(error, 'STAGE_BLOCKED')?.blockers ?? [];
          void modal.error({
            title: t('campaigns.advanceRefused'),
            content: (
              <>
                {/* the server's message lists the blockers too: each reason once */}
                <Typography.Paragraph>
                  {blockers.length > 0 ? t('campaigns.advanceRefusedLead') : errorText(error)}
                </Typography.Paragraph>
                <BlockerList blockers={blockers} />
              </>
            ),
          });
          void queryClient.invalidateQueries(trpc.campaigns.get.queryFilter({ id: campaign.id }));
        },
      },
    );

  const total = Object.values(campaign.counts).reduce((s, n) => s + n, 0);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={0}>
          <Link to="/campaigns">← {t('campaigns.title')}</Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-name">
            {campaign.name}
          </Typography.Title>
        </Space>
        <CampaignLinks id={campaign.id} current="detail" />
      </Flex>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stageIndex}
          data-testid="campaign-steps"
          items={campaign.stages.map((stage) => ({
            title: t(`campaigns.stages.${stage}`),
            content: campaign.stageDates[stage] ?? undefined,
          }))}
        />
        {canRunCampaigns(me.role) && !campaign.closedAt ? (
          <Flex gap={16} align="flex-start" wrap style={{ marginTop: 20 }}>
            {next ? (
              <Popconfirm
                title={t('campaigns.advanceConfirm', {
                  from: t(`campaigns.stages.${campaign.stage}`),
                  to: t(`campaigns.stages.${next}`),
                })}
                okText={t('app.ok')}
                cancelText={t('app.cancel')}
                onConfirm={doAdvance}
              >
                <Button
                  type="primary"
                  icon={<ArrowRightOutlined />}
                  loading={advance.isPending}
                  data-testid="advance"
                >
                  {t('campaigns.advance')}
                </Button>
              </Popconfirm>
            ) : null}
            <div style={{ flex: 1, minWidth: 280 }} data-testid="blockers">
              {campaign.blockers.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('campaigns.blockers')}
                  description={<BlockerList blockers={campaign.blockers} />}
                />
              ) : (
                <Alert type="success" showIcon title={t('campaigns.noBlockers')} />
              )}
            </div>
          </Flex>
        ) : null}
        {canRunCampaigns(me.role) && !campaign.closedAt && total === 0 ? (
          <CampaignEditActions campaign={campaign} />
        ) : null}
      </Card>
      <CampaignPhases campaign={campaign} />
      <Card variant="borderless" style={{ marginBottom: 16 }} title={t('campaigns.info')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'year', label: t('campaigns.year'), children: campaign.year },
            {
              key: 'level',
              label: t('campaigns.level'),
              children: t(`campaigns.levels.${campaign.level}`),
            },
            {
              key: 'framework',
              label: t('campaigns.framework'),
              children: t('campaigns.frameworkVersion', {
                name: campaign.frameworkName,
                version: campaign.frameworkVersion,
              }),
            },
            { key: 'notice', label: t('campaigns.noticeDays'), children: campaign.noticeDays },
            {
              key: 'minSelf',
              label: t('campaigns.minSelfScore'),
              children: campaign.minSelfScore ?? t('campaigns.noMinimum'),
            },
            {
              key: 'minAccepted',
              label: t('campaigns.minAcceptedScore'),
              children: campaign.minAcceptedScore ?? t('campaigns.noMinimum'),
            },
            {
              key: 'townshipScore',
              label: t('campaigns.townshipScoreRequired'),
              children: campaign.townshipScoreRequired ? t('app.yes') : t('app.no'),
            },
          ]}
        />
        <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
          {t('campaigns.stateCounts', words)}
        </Typography.Text>
        <Flex gap={6} wrap style={{ marginTop: 8 }} data-testid="state-counts">
          <Tag>{t('campaigns.participants', { count: total, ...words })}</Tag>
          {participationStates
            .filter((s) => (campaign.counts[s] ?? 0) > 0)
            .map((s) => (
              <Tag key={s} color={stateColors[s]}>
                {t(`campaigns.states.${s}`)} {campaign.counts[s]}
              </Tag>
            ))}
        </Flex>
      </Card>
      <ParticipationsCard
        campaign={campaign}
        onDeclare={() => setDeclaring(true)}
        declareOpen={
          campaign.stage === 'declare' &&
          campaign.subjectLevel === 'village' &&
          !campaign.closedAt &&
          canDeclare(me.role)
        }
      />
      <DeclareModal open={declaring} campaign={campaign} onClose={() => setDeclaring(false)} />
    </>
  );
}

function BlockerList({ blockers }: { blockers: readonly Blocker[] }) {
  const { lang } = useLang();
  if (blockers.length === 0) return null;
  return (
    <List
      size="small"
      dataSource={[...blockers]}
      renderItem={(b) => (
        <List.Item style={{ padding: '2px 0' }}>{localized(b.message, lang)}</List.Item>
      )}
    />
  );
}

function ParticipationsCard({
  campaign,
  onDeclare,
  declareOpen,
}: {
  campaign: Campaign;
  onDeclare(): void;
  declareOpen: boolean;
}) {
  const { t } = useLang();
  const words = useSubjectWords(campaign.subjectLevel);
  const me = useMe();
  // the state filter lives in the URL (?state=…), so that a link (say from 待办) can open it
  const [params, setParams] = useSearchParams();
  const state = stateFromParam(params.get('state'));
  const setState = (next: ParticipationState | undefined) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next) copy.set('state', next);
        else copy.delete('state');
        return copy;
      },
      { replace: true },
    );
  const [township, setTownship] = useState<string | undefined>();
  const { page, pageSize, toFirstPage, tablePagination } = usePagination();
  // a clerk's village declares once per campaign: once it has (or has left), 申报 is not offered
  const clerk = me.role === 'village_clerk';
  const own = useQuery({
    ...trpc.participations.list.queryOptions({ campaignId: campaign.id, page: 1, pageSize: 1 }),
    enabled: clerk && declareOpen,
  });
  const ownRow = clerk ? own.data?.items[0] : undefined;
  const offerDeclare = declareOpen && (!clerk || (own.isSuccess && !ownRow));
  const countyWide =
    me.role === 'system_admin' || me.role === 'county_admin' || me.role === 'inspector';
  const townships = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: campaign.countyCode }),
    enabled: countyWide,
  });
  const list = useQuery({
    ...trpc.participations.list.queryOptions({
      campaignId: campaign.id,
      ...(state ? { state } : {}),
      ...(township ? { townshipCode: township } : {}),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card
      variant="borderless"
      title={t('campaigns.participations', words)}
      extra={
        <Space wrap>
          {canRunCampaigns(me.role) ? <BulkActionButton campaign={campaign} /> : null}
          {offerDeclare ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={onDeclare}
              data-testid="declare"
            >
              {me.role === 'village_clerk' ? t('campaigns.declareOwn') : t('campaigns.declare')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {declareOpen && ownRow ? (
        <Alert
          type={ownRow.state === 'withdrawn' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="own-declaration"
          title={
            ownRow.state === 'withdrawn'
              ? t('campaigns.ownWithdrawn')
              : t('campaigns.ownDeclared', { state: t(`campaigns.states.${ownRow.state}`) })
          }
        />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ParticipationState>
          allowClear
          placeholder={t('campaigns.statePlaceholder')}
          style={{ width: 180 }}
          value={state}
          onChange={(v) => {
            setState(v);
            toFirstPage();
          }}
          options={participationStates.map((s) => ({
            value: s,
            label: t(`campaigns.states.${s}`),
          }))}
        />
        {countyWide ? (
          <Select<string>
            allowClear
            placeholder={t('campaigns.townshipPlaceholder')}
            style={{ width: 180 }}
            value={township}
            loading={townships.isPending}
            onChange={(v) => {
              setTownship(v);
              toFirstPage();
            }}
            options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        ) : null}
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<ParticipationRow>
          rowKey="id"
          size="middle"
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('campaigns.noParticipations', words)} /> }}
          data-testid="participations-table"
          scroll={{ x: 900 }}
          pagination={tablePagination(list.data?.total ?? 0)}
          columns={[
            {
              key: 'village',
              title: words.Subjects,
              cardTitle: true,
              render: (_, p) => (
                <Flex vertical>
                  <Link to={`/participations/${p.id}`}>{p.villageName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.villageCode}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'township',
              title: t('campaigns.township'),
              render: (_, p) => p.townshipName ?? p.townshipCode,
            },
            {
              key: 'state',
              title: t('campaigns.state'),
              render: (_, p) => (
                <Flex vertical gap={2} align="flex-start">
                  <Tag color={stateColors[p.state]}>{t(`campaigns.states.${p.state}`)}</Tag>
                  {p.returnedReason ? (
                    <Typography.Text
                      type="warning"
                      style={{ fontSize: 12 }}
                      data-testid="row-returned-reason"
                    >
                      {t('campaigns.returnedReason', { reason: p.returnedReason })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'self',
              title: t('campaigns.selfTotal'),
              align: 'right',
              render: (_, p) => formatPoints(p.selfTotal),
            },
            {
              key: 'township-total',
              title: t('campaigns.townshipTotal'),
              align: 'right',
              render: (_, p) => formatPoints(p.townshipTotal),
            },
            {
              key: 'county',
              title: t('campaigns.countyTotal'),
              align: 'right',
              render: (_, p) => formatPoints(p.countyTotal),
            },
            {
              key: 'grade',
              title: t('campaigns.grade'),
              render: (_, p) =>
                p.countyGrade && isGrade(p.countyGrade) ? (
                  <Tag color={gradeColors[p.countyGrade]}>
                    {t(`campaigns.grades.${p.countyGrade}`)}
                  </Tag>
                ) : (
                  t('app.none')
                ),
            },
            ...(campaign.mode === 'annual'
              ? [
                  {
                    key: 'outcome',
                    title: t('campaigns.outcome'),
                    render: (_: unknown, p: ParticipationRow) => (
                      <OutcomeCell row={p} canSet={canRunCampaigns(me.role)} />
                    ),
                  },
                ]
              : []),
            {
              key: 'sheet',
              title: t('users.actions'),
              render: (_, p) => (
                <Link to={`/participations/${p.id}`}>{t('campaigns.openSheet')}</Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function DeclareModal({
  open,
  campaign,
  onClose,
}: {
  open: boolean;
  campaign: Campaign;
  onClose(): void;
}) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ villageCode: string }>();
  const declare = useMutation(trpc.participations.declare.mutationOptions());
  const once = useSingleFlight();
  const clerk = me.role === 'village_clerk';

  // one declaration per confirmation, however often 申报 is clicked
  const submit = () =>
    once.run(async () => {
      const villageCode = clerk
        ? me.scopeCode
        : (await form.validateFields().catch(() => null))?.villageCode;
      if (!villageCode) return;
      try {
        await declare.mutateAsync({ campaignId: campaign.id, villageCode });
        void message.success(t('campaigns.declared'));
        void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
        void queryClient.invalidateQueries(trpc.participations.pathFilter());
        void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        form.resetFields();
        onClose();
      } catch (error) {
        const info = apiErrorInfo(error);
        const field = info?.fieldErrors.find((f) => f.path === 'villageCode');
        if (field && !clerk) {
          form.setFields([{ name: 'villageCode', errors: [errorText(error)] }]);
        } else {
          void message.error(errorText(error));
        }
      }
    });

  return (
    <Modal
      open={open}
      title={t('campaigns.declareTitle')}
      okText={t('campaigns.declare')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={once.pending}
      destroyOnHidden
    >
      {clerk ? (
        <Typography.Paragraph>
          {t('campaigns.declareOwnConfirm', { name: me.scopeName ?? me.scopeCode })}
        </Typography.Paragraph>
      ) : (
        <Form form={form} layout="vertical" name="declare-form">
          <Form.Item
            name="villageCode"
            label={t('campaigns.village')}
            rules={[{ required: true, message: t('campaigns.required') }]}
          >
            <DivisionSelect levels={['village']} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function stateFromParam(value: string | null): ParticipationState | undefined {
  return participationStates.find((s) => s === value);
}

/** The county's 奖惩 outcome of an annual assessment: shown, and set by the county once assessed. */
function OutcomeCell({ row, canSet }: { row: ParticipationRow; canSet: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setOutcome = useMutation(trpc.participations.setOutcome.mutationOptions());
  const assessed = row.state === 'county_accepted' || row.state === 'county_failed';
  if (!canSet || !assessed) {
    return row.outcome ? t(`campaigns.outcomes.${row.outcome}`) : t('app.none');
  }
  return (
    <Select<AnnualOutcome>
      size="small"
      style={{ minWidth: 120 }}
      placeholder={t('campaigns.setOutcome')}
      value={row.outcome ?? undefined}
      loading={setOutcome.isPending}
      data-testid={`outcome-${row.villageCode}`}
      options={annualOutcomes.map((o) => ({ value: o, label: t(`campaigns.outcomes.${o}`) }))}
      onChange={(outcome) =>
        setOutcome.mutate(
          { id: row.id, version: row.version, outcome },
          {
            onSuccess: () => {
              void message.success(t('campaigns.outcomeSaved'));
              void queryClient.invalidateQueries(trpc.participations.pathFilter());
            },
            onError: (error) => void message.error(errorText(error)),
          },
        )
      }
    />
  );
}
