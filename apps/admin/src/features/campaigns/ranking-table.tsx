// The ranking, paged by the server (ranked in SQL as `rankScorecards` ranks), narrowed by
// township and grade, with the caller's own place where the caller's village is ranked.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Select, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatPoints, scorecardGrades, type Grade } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import type { RouterOutputs } from '../../types';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { usePagination } from '../../lib/use-pagination';
import { gradeColors, stateColors, type Results } from './model';
import type { SubjectWords } from './subject-words';

type RankingRow = RouterOutputs['campaigns']['ranking']['items'][number];

export function RankingTable({
  campaignId,
  townships,
  words,
}: {
  campaignId: string;
  townships: Results['progress'];
  /** The campaign's subjects (村（社区）, 乡镇（街道）, 县直单位). */
  words: SubjectWords;
}) {
  const { t } = useLang();
  const [townshipCode, setTownshipCode] = useState<string | undefined>();
  const [grade, setGrade] = useState<Grade | undefined>();
  const { page, pageSize, toFirstPage, tablePagination } = usePagination(50);
  const ranking = useQuery({
    ...trpc.campaigns.ranking.queryOptions({
      id: campaignId,
      ...(townshipCode ? { townshipCode } : {}),
      ...(grade ? { grade } : {}),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const own = ranking.data?.own;

  return (
    <Card
      variant="borderless"
      title={t('results.ranking')}
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          <a href={`/api/campaigns/${campaignId}/ranking.xlsx`} download data-testid="ranking-xlsx">
            <Button icon={<DownloadOutlined />}>{t('campaigns.downloadRanking')}</Button>
          </a>
          {townships.length > 1 ? (
            <Select
              allowClear
              style={{ minWidth: 150 }}
              placeholder={t('results.allTownships')}
              value={townshipCode}
              onChange={(value?: string) => {
                setTownshipCode(value);
                toFirstPage();
              }}
              options={townships.map((p) => ({ value: p.townshipCode, label: p.townshipName }))}
              data-testid="ranking-township"
            />
          ) : null}
          <Select
            allowClear
            style={{ minWidth: 110 }}
            placeholder={t('results.allGrades')}
            value={grade}
            onChange={(value?: Grade) => {
              setGrade(value);
              toFirstPage();
            }}
            options={scorecardGrades.map((g) => ({ value: g, label: t(`campaigns.grades.${g}`) }))}
            data-testid="ranking-grade"
          />
        </Space>
      }
    >
      {own ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ranking-own"
          message={
            own.rank === null
              ? t('results.ownVetoed', { of: own.of, ...words })
              : t('results.own', { rank: own.rank, of: own.of, ...words })
          }
        />
      ) : null}
      {ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <ResponsiveTable<RankingRow>
          rowKey="villageCode"
          size="small"
          dataSource={ranking.data?.items}
          loading={ranking.isFetching}
          data-testid="ranking-table"
          locale={{ emptyText: <Empty description={t('results.empty')} /> }}
          pagination={tablePagination(ranking.data?.total ?? 0)}
          columns={[
            {
              key: 'rank',
              title: t('results.rank'),
              width: 70,
              render: (_, r) => r.rank ?? t('app.none'),
            },
            {
              key: 'village',
              title: words.Subjects,
              cardTitle: true,
              render: (_, r) => `${r.villageName}（${r.villageCode}）`,
            },
            {
              key: 'township',
              title: t('campaigns.township'),
              render: (_, r) => r.townshipName ?? r.townshipCode,
            },
            {
              key: 'state',
              title: t('campaigns.state'),
              render: (_, r) => (
                <Tag color={stateColors[r.state]}>{t(`campaigns.states.${r.state}`)}</Tag>
              ),
            },
            {
              key: 'total',
              title: t('results.total'),
              align: 'right',
              render: (_, r) => formatPoints(r.total),
            },
            {
              key: 'grade',
              title: t('campaigns.grade'),
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={gradeColors[r.grade]}>{t(`campaigns.grades.${r.grade}`)}</Tag>
                  {r.vetoed ? <Tag color="error">{t('results.vetoed')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
