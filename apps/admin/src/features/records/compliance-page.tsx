// 台账合规: every village in the township's or county's scope, with the counts an inspector
// checks (meetings, resolutions with problems, open 四议两公开 matters, overdue postings, rules not
// filed or reviewed), paged, sorted and filtered on the server, each row opening the village's
// records.
import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Flex, Input, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/me-context';
import type { RouterInputs } from '../../types';
import { todayIso, type ComplianceRow } from './model';

const counts = [
  'meetingsHeld',
  'resolutionsWithProblems',
  'mattersOpen',
  'disclosuresOverdue',
  'rulesNotFiledOrReviewed',
  'corrections',
] as const satisfies readonly SortField[];

type SortField = NonNullable<RouterInputs['records']['compliance']['sort']>['field'];

export function CompliancePage() {
  const { t } = useLang();
  const me = useMe();
  const [from, setFrom] = useState(`${todayIso().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(todayIso());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [search, setSearch] = useState('');
  const [townshipCode, setTownshipCode] = useState<string | undefined>();
  const [sort, setSort] = useState<{ field: SortField; order: 'asc' | 'desc' } | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const code = me.scopeCode === '000000000000' ? '330000000000' : me.scopeCode;
  // the table pages, sorts and filters on the server
  const table = useQuery({
    ...trpc.records.compliance.queryOptions({
      code,
      from,
      to,
      ...paging,
      ...(sort ? { sort } : {}),
      ...(onlyProblems ? { onlyProblems } : {}),
      ...(townshipCode ? { townshipCode } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  const order = (field: SortField): SortOrder =>
    sort?.field === field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('records.complianceTitle')}
      </Typography.Title>
      <Space wrap>
        {t('records.compliance.from')}
        <Input
          type="date"
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            firstPage();
          }}
        />
        {t('records.compliance.to')}
        <Input
          type="date"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            firstPage();
          }}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('records.compliance.search')}
          data-testid="compliance-search"
          onSearch={(value) => {
            setSearch(value);
            firstPage();
          }}
        />
        <Checkbox
          checked={onlyProblems}
          onChange={(e) => {
            setOnlyProblems(e.target.checked);
            firstPage();
          }}
        >
          {t('records.compliance.onlyProblems')}
        </Checkbox>
      </Space>
      {table.error ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Table<ComplianceRow>
          rowKey="villageCode"
          size="small"
          loading={table.isFetching}
          dataSource={table.data?.items ?? []}
          data-testid="compliance-table"
          scroll={{ x: 'max-content' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: table.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
          }}
          onChange={(pagination, filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = one?.order ? (one.columnKey as SortField) : undefined;
            setSort(field ? { field, order: one!.order === 'ascend' ? 'asc' : 'desc' } : undefined);
            const township = filters.townshipName?.[0];
            const nextTownship = typeof township === 'string' ? township : undefined;
            const changed =
              nextTownship !== townshipCode || pagination.pageSize !== paging.pageSize;
            setTownshipCode(nextTownship);
            setPaging({
              page: changed ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? paging.pageSize,
            });
          }}
          columns={[
            {
              title: t('records.village'),
              key: 'villageCode',
              dataIndex: 'villageName',
              sorter: true,
              sortOrder: order('villageCode'),
              render: (name: string, r) => (
                <Link
                  to={`/records?village=${r.villageCode}`}
                  data-testid={`village-${r.villageCode}`}
                >
                  {name}
                </Link>
              ),
            },
            {
              title: t('records.compliance.township'),
              key: 'townshipName',
              dataIndex: 'townshipName',
              filterMultiple: false,
              filteredValue: townshipCode ? [townshipCode] : null,
              filters: (table.data?.townships ?? []).map((w) => ({ text: w.name, value: w.code })),
            },
            ...counts.map((k) => ({
              title: t(`records.compliance.${k}`),
              key: k,
              dataIndex: k,
              sorter: true,
              sortOrder: order(k),
              render: (n: number, r: ComplianceRow) => (
                <Typography.Text
                  data-testid={`${k}-${r.villageCode}`}
                  type={k !== 'meetingsHeld' && n > 0 ? 'danger' : undefined}
                  title={
                    k === 'disclosuresOverdue'
                      ? r.overdue.map((o) => `${o.category} ${o.period}`).join(', ')
                      : undefined
                  }
                >
                  {n}
                </Typography.Text>
              ),
            })),
          ]}
        />
      )}
    </Flex>
  );
}
