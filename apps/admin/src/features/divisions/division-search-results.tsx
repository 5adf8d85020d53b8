import { useQuery } from '@tanstack/react-query';
import { Empty, Table } from 'antd';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { LevelTag } from '../../components/level-tag';
import type { DivisionSearchHit } from '../../types';
import type { DivisionSelection } from './division-tree';

interface Props {
  q: string;
  selectedCode: string | null;
  onSelect(selection: DivisionSelection): void;
}

/** `divisions.search({ q })`: name, code, level and parent of each match, inside the scope. */
export function DivisionSearchResults({ q, selectedCode, onSelect }: Props) {
  const { t } = useLang();
  const results = useQuery(trpc.divisions.search.queryOptions({ q, limit: 100 }));
  if (results.isError) {
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  }
  return (
    <Table<DivisionSearchHit>
      size="small"
      rowKey="code"
      loading={results.isPending}
      dataSource={results.data ?? []}
      pagination={results.data && results.data.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: <Empty description={t('divisions.noResults')} /> }}
      onRow={(hit) => ({
        onClick: () => onSelect({ code: hit.code, parentName: hit.parentName }),
        style: { cursor: 'pointer' },
      })}
      rowClassName={(hit) => (hit.code === selectedCode ? 'ant-table-row-selected' : '')}
      data-testid="division-search-results"
      columns={[
        { key: 'name', title: t('divisions.name'), dataIndex: 'name' },
        { key: 'code', title: t('divisions.code'), dataIndex: 'code' },
        {
          key: 'level',
          title: t('divisions.level'),
          dataIndex: 'level',
          render: (level: string) => <LevelTag level={level} />,
        },
        {
          key: 'parent',
          title: t('divisions.parent'),
          dataIndex: 'parentName',
          render: (name: string | null) => name ?? t('app.none'),
        },
      ]}
    />
  );
}
