// 结果: the distribution and pass rate (aggregated by the server with `summaryFromAggregates`),
// the ranking paged by the server, progress per township, and two charts loaded lazily (ECharts).
import { formatPoints, ratePercent } from '@fazhi/domain';
import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { CampaignLinks } from './campaign-detail-page';
import { RankingTable } from './ranking-table';
import { subjectWords } from './subject-words';
import { gradeColors, isGrade, participationStates, type Results } from './model';

const ResultsCharts = lazy(() => import('./results-charts'));

type ProgressRow = Results['progress'][number];

export function ResultsPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ id }));
  const results = useQuery(trpc.campaigns.results.queryOptions({ id }));

  if (results.isPending || campaign.isPending) return <PageLoading />;
  if (campaign.isError)
    return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (results.isError)
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  const { summary, histogram, progress } = results.data;
  const words = subjectWords(campaign.data.subjectLevel, lang);
  const shownStates = participationStates.filter((s) =>
    progress.some((p) => (p.counts[s] ?? 0) > 0),
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={0}>
          <Link to={`/campaigns/${id}`}>← {campaign.data.name}</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('results.title')}
          </Typography.Title>
        </Space>
        <CampaignLinks id={id} current="results" />
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="results-summary">
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('results.count', words)} value={summary.count} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic
              title={t('results.mean')}
              value={summary.mean === null ? t('app.none') : formatPoints(summary.mean)}
            />
            <Typography.Text type="secondary">
              {t('results.median')} {formatPoints(summary.median)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic
              title={t('results.range')}
              value={
                summary.min === null
                  ? t('app.none')
                  : `${formatPoints(summary.min)} / ${formatPoints(summary.max)}`
              }
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic
              title={t('results.passRate')}
              value={summary.passRate === null ? t('app.none') : ratePercent(summary.passRate)}
              suffix={summary.passRate === null ? undefined : '%'}
            />
            <Typography.Text type="secondary">
              {t('results.passed', { count: summary.passed })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {Object.keys(summary.byGrade).length > 0 ? (
        <Card variant="borderless" size="small" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Typography.Text strong>{t('results.byGrade', words)}</Typography.Text>
            {Object.entries(summary.byGrade).map(([grade, n]) => (
              <Tag key={grade} color={gradeColors[grade]}>
                {isGrade(grade) ? t(`campaigns.grades.${grade}`) : grade} {n}
              </Tag>
            ))}
          </Space>
        </Card>
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {summary.count > 0 ? (
          <Suspense
            fallback={
              <Col span={24}>
                <Card variant="borderless">
                  <Spin description={t('results.chartLoading')}>
                    <div style={{ height: 280 }} />
                  </Spin>
                </Card>
              </Col>
            }
          >
            <ResultsCharts histogram={histogram} progress={progress} words={words} />
          </Suspense>
        ) : null}
      </Row>
      <RankingTable campaignId={id} townships={progress} words={words} />
      <Card variant="borderless" title={t('results.progress')}>
        <Table<ProgressRow>
          rowKey="townshipCode"
          size="small"
          dataSource={progress}
          pagination={false}
          data-testid="progress-table"
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('campaigns.noParticipations', words)} /> }}
          columns={[
            { key: 'township', title: t('campaigns.township'), dataIndex: 'townshipName' },
            ...shownStates.map((s) => ({
              key: s,
              title: t(`campaigns.states.${s}`),
              align: 'right' as const,
              render: (_: unknown, p: ProgressRow) => p.counts[s] ?? 0,
            })),
            {
              key: 'total',
              title: t('results.villages', words),
              dataIndex: 'total',
              align: 'right',
            },
          ]}
        />
      </Card>
    </>
  );
}
