// 台账合规: every village in the township's or county's scope, with the counts an inspector
// checks (meetings, resolutions with problems, open 四议两公开 matters, overdue postings, rules not
// filed or reviewed), sortable and filterable, each row opening the village's records.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Flex, Input, Space, Table, Typography } from 'antd';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/me-context';
import { todayIso, type ComplianceRow } from './model';

const counts = [
  'meetingsHeld',
  'resolutionsWithProblems',
  'mattersOpen',
  'disclosuresOverdue',
  'rulesNotFiledOrReviewed',
  'corrections',
] as const;

const hasProblems = (r: ComplianceRow) =>
  r.resolutionsWithProblems + r.mattersOpen + r.disclosuresOverdue + r.rulesNotFiledOrReviewed > 0;

export function CompliancePage() {
  const { t } = useLang();
  const me = useMe();
  const [from, setFrom] = useState(`${todayIso().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(todayIso());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const code = me.scopeCode === '000000000000' ? '330000000000' : me.scopeCode;
  const table = useQuery(trpc.records.compliance.queryOptions({ code, from, to }));
  const rows = (table.data ?? []).filter((r) => !onlyProblems || hasProblems(r));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('records.complianceTitle')}
      </Typography.Title>
      <Space wrap>
        {t('records.compliance.from')}
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        {t('records.compliance.to')}
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
          {t('records.compliance.onlyProblems')}
        </Checkbox>
      </Space>
      {table.error ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Table<ComplianceRow>
          rowKey="villageCode"
          size="small"
          loading={table.isLoading}
          dataSource={rows}
          data-testid="compliance-table"
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            {
              title: t('records.village'),
              dataIndex: 'villageName',
              sorter: (a, b) => a.villageCode.localeCompare(b.villageCode),
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
              dataIndex: 'townshipName',
              filters: [...new Set((table.data ?? []).map((r) => r.townshipName))].map((n) => ({
                text: n,
                value: n,
              })),
              onFilter: (value, r) => r.townshipName === value,
            },
            ...counts.map((k) => ({
              title: t(`records.compliance.${k}`),
              dataIndex: k,
              sorter: (a: ComplianceRow, b: ComplianceRow) => a[k] - b[k],
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
