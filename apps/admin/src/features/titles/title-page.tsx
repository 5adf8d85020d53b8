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
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/me-context';
import { canRunCampaigns } from '../campaigns/model';
import { kindColors, kinds, type Dialog, type Kind, type TitleFile } from './title-model';
import { EntryView } from './timeline-entry';
import { TitleDialogs } from './title-dialogs';

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
    return r ? (lang === 'en' ? r.nameEn || r.nameZh : r.nameZh) : code;
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
              content: (
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
          .map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn || r.nameZh : r.nameZh }))}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
