// 法律顾问 (一村一法律顾问): the advisers and the villages each covers under contract, their
// market-day duty, their service records and the coverage of a division's villages — lists paged
// on the server, forms in dialogs; the county keeps advisers and contracts, a township its duty
// days, a village clerk its village's services.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { adviserServiceKinds, formatRate } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { useErrorText } from '../../components/use-error-text';
import { usePagination } from '../../lib/use-pagination';
import { useMe } from '../auth/me-context';
import { todayIso } from '../records/model';
import { AdviserForm, ContractForm, DutyForm, ServiceForm } from './advisers-forms';
import {
  keepsAdvisers,
  serviceKindLabel,
  type AdviserRow,
  type ContractRow,
  type CoverageRow,
  type DutyRow,
  type ServiceRow,
} from './advisers-model';
import { DivisionPicker } from './division-picker';
import { townshipOf } from './model';
import { RegisterExcel } from './register-excel';

export function AdvisersPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const division = params.get('division') ?? me.scopeCode;
  const tab = params.get('tab') ?? 'advisers';
  const set = (next: { division?: string; tab?: string }) =>
    setParams({ division: next.division ?? division, tab: next.tab ?? tab });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('advisers.title')}
      </Typography.Title>
      <DivisionPicker
        value={division}
        onChange={(code) => set({ division: code })}
        testId="advisers-division"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        items={[
          {
            key: 'advisers',
            label: t('advisers.tabAdvisers'),
            children: <Advisers division={division} />,
          },
          { key: 'duty', label: t('advisers.tabDuty'), children: <DutyDays division={division} /> },
          {
            key: 'services',
            label: t('advisers.tabServices'),
            children: <Services division={division} />,
          },
          {
            key: 'coverage',
            label: t('advisers.tabCoverage'),
            children: <Coverage division={division} onPick={(code) => set({ division: code })} />,
          },
        ]}
      />
    </Flex>
  );
}

function Advisers({ division }: { division: string }) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const paging = usePagination();
  const keeps = keepsAdvisers(me.role);
  const today = todayIso();
  const [editing, setEditing] = useState<AdviserRow | null | undefined>(undefined);
  const [contract, setContract] = useState<{ adviser: AdviserRow; editing: ContractRow | null }>();
  const list = useQuery(
    trpc.advisers.list.queryOptions({
      divisionCode: division,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const remove = useMutation(
    trpc.advisers.removeContract.mutationOptions({
      onSuccess: async () => {
        void message.success(t('advisers.removed'));
        await queryClient.invalidateQueries(trpc.advisers.pathFilter());
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<AdviserRow>[] = [
    { title: t('advisers.name'), dataIndex: 'name', cardTitle: true, width: 120 },
    { title: t('advisers.firm'), dataIndex: 'firm' },
    { title: t('advisers.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('advisers.villages'),
      key: 'contracts',
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          {a.contracts.length === 0 && t('advisers.none')}
          {a.contracts.some((c) => c.endsOn < today) && (
            <Typography.Text type="secondary">
              {t('advisers.expired', { n: a.contracts.filter((c) => c.endsOn < today).length })}
            </Typography.Text>
          )}
          {a.contracts
            .filter((c) => c.endsOn >= today)
            .map((c) => (
              <Tag
                key={c.id}
                color={c.startsOn <= today ? 'green' : undefined}
                closable={keeps}
                onClose={(e) => {
                  e.preventDefault();
                  remove.mutate({ id: c.id, version: c.version });
                }}
                onClick={keeps ? () => setContract({ adviser: a, editing: c }) : undefined}
                data-testid="contract-tag"
              >
                {c.villageName} {c.startsOn}～{c.endsOn}
              </Tag>
            ))}
        </Space>
      ),
    },
    ...(keeps
      ? [
          {
            key: 'actions',
            width: 180,
            render: (_: unknown, a: AdviserRow) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(a)}>
                  {t('advisers.edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setContract({ adviser: a, editing: null })}
                  data-testid="contract-add"
                >
                  {t('advisers.addContract')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      extra={
        keeps && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="adviser-add">
            {t('advisers.addAdviser')}
          </Button>
        )
      }
    >
      <ResponsiveTable<AdviserRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={paging.tablePagination(list.data?.total ?? 0)}
        data-testid="advisers-table"
      />
      {editing !== undefined && (
        <AdviserForm editing={editing} onClose={() => setEditing(undefined)} />
      )}
      {contract && (
        <ContractForm
          adviser={contract.adviser}
          editing={contract.editing}
          onClose={() => setContract(undefined)}
        />
      )}
    </Card>
  );
}

function DutyDays({ division }: { division: string }) {
  const { t } = useLang();
  const me = useMe();
  const paging = usePagination();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<DutyRow | null | undefined>(undefined);
  const township = division.endsWith('000') && !division.endsWith('000000') ? division : null;
  const canWrite = township !== null && me.role !== 'inspector' && me.role !== 'village_clerk';
  const dutyDivision = division.endsWith('000') ? division : townshipOf(division);
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.advisers.pathFilter());
    await queryClient.invalidateQueries(trpc.statistics.pathFilter());
  };
  const list = useQuery({
    ...trpc.advisers.dutyDays.queryOptions({
      divisionCode: dutyDivision,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
    // duty days are the township's: a clerk's scope does not reach them
    enabled: me.role !== 'village_clerk',
  });
  const remove = useMutation(
    trpc.advisers.removeDutyDay.mutationOptions({
      onSuccess: async () => {
        void message.success(t('advisers.removed'));
        await refresh();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const importDuty = useMutation(trpc.advisers.importDutyDays.mutationOptions());
  if (me.role === 'village_clerk')
    return <Typography.Text type="secondary">{t('advisers.none')}</Typography.Text>;
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<DutyRow>[] = [
    { title: t('advisers.date'), dataIndex: 'date', cardTitle: true, width: 110 },
    { title: t('advisers.adviser'), dataIndex: 'adviserName' },
    { title: t('advisers.place'), dataIndex: 'place' },
    { title: t('advisers.note'), dataIndex: 'note', hideOnPhone: true },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: DutyRow) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('advisers.edit')}
                </Button>
                <Popconfirm
                  title={t('advisers.removeDutyConfirm', { date: r.date })}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate({ id: r.id, version: r.version })}
                >
                  <Button size="small" danger data-testid={`duty-remove-${r.id}`}>
                    {t('advisers.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="duty-add">
            {t('advisers.addDuty')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
        <RegisterExcel
          ns="advisers"
          testId="duty"
          exportFile={() =>
            queryClient.fetchQuery({
              ...trpc.advisers.exportDutyDays.queryOptions({ divisionCode: dutyDivision }),
              staleTime: 0,
            })
          }
          importFile={
            canWrite && township
              ? (workbook) => importDuty.mutateAsync({ divisionCode: township, workbook })
              : undefined
          }
          onImported={refresh}
        />
      </Flex>
      <ResponsiveTable<DutyRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={paging.tablePagination(list.data?.total ?? 0)}
        data-testid="duty-table"
      />
      {editing !== undefined && township && (
        <DutyForm townshipCode={township} editing={editing} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}

function Services({ division }: { division: string }) {
  const { t, lang } = useLang();
  const me = useMe();
  const paging = usePagination();
  const [editing, setEditing] = useState<ServiceRow | null | undefined>(undefined);
  const village = !division.endsWith('000');
  const township = division.endsWith('000') && !division.endsWith('000000');
  const canWrite =
    me.role === 'village_clerk' ||
    (me.role === 'township_officer' && township) ||
    ((me.role === 'county_admin' || me.role === 'system_admin') && (village || township));
  const list = useQuery(
    trpc.advisers.services.queryOptions({
      divisionCode: division,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.advisers.pathFilter());
    await queryClient.invalidateQueries(trpc.statistics.pathFilter());
  };
  const remove = useMutation(
    trpc.advisers.removeService.mutationOptions({
      onSuccess: async () => {
        void message.success(t('advisers.removed'));
        await refresh();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const importServices = useMutation(trpc.advisers.importServices.mutationOptions());
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<ServiceRow>[] = [
    { title: t('advisers.date'), dataIndex: 'date', cardTitle: true, width: 110 },
    { title: t('advisers.adviser'), dataIndex: 'adviserName' },
    {
      title: t('advisers.kind'),
      dataIndex: 'kind',
      render: (k: ServiceRow['kind']) => serviceKindLabel(k, lang),
    },
    { title: t('advisers.count'), dataIndex: 'count', width: 90 },
    { title: t('advisers.note'), dataIndex: 'note', hideOnPhone: true },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: ServiceRow) =>
              r.divisionCode === division && (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('advisers.edit')}
                  </Button>
                  <Popconfirm
                    title={t('advisers.removeServiceConfirm', { date: r.date })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate({ id: r.id, version: r.version })}
                  >
                    <Button size="small" danger data-testid={`service-remove-${r.id}`}>
                      {t('advisers.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="service-add">
            {t('advisers.addService')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
        <RegisterExcel
          ns="advisers"
          testId="services"
          exportFile={() =>
            queryClient.fetchQuery({
              ...trpc.advisers.exportServices.queryOptions({ divisionCode: division }),
              staleTime: 0,
            })
          }
          importFile={
            canWrite
              ? (workbook) => importServices.mutateAsync({ divisionCode: division, workbook })
              : undefined
          }
          onImported={refresh}
        />
      </Flex>
      <ResponsiveTable<ServiceRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={paging.tablePagination(list.data?.total ?? 0)}
        data-testid="services-table"
      />
      {editing !== undefined && (
        <ServiceForm
          divisionCode={division}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}

function Coverage({ division, onPick }: { division: string; onPick: (code: string) => void }) {
  const { t, lang } = useLang();
  const year = todayIso().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIso());
  const stats = useQuery(trpc.advisers.coverage.queryOptions({ divisionCode: division, from, to }));
  if (stats.error) return <QueryError error={stats.error} />;
  const data = stats.data;
  const columns: ResponsiveColumn<CoverageRow>[] = [
    {
      title: t('registers.name'),
      dataIndex: 'name',
      cardTitle: true,
      render: (name: string, r) =>
        r.code === division ? (
          name
        ) : (
          <Typography.Link onClick={() => onPick(r.code)} data-testid={`coverage-drill-${r.code}`}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('advisers.villagesTotal'), dataIndex: 'villages' },
    { title: t('advisers.covered'), dataIndex: 'covered' },
    {
      title: t('advisers.coverage'),
      dataIndex: 'coverage',
      render: (v: number | null) => formatRate(v),
    },
    { title: t('advisers.dutyDays'), dataIndex: 'dutyDays' },
    ...adviserServiceKinds.map((k) => ({
      title: serviceKindLabel(k, lang),
      key: k,
      render: (_: unknown, r: CoverageRow) => r.services[k],
    })),
  ];
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('advisers.from')}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('advisers.to')}
        />
        <Typography.Text type="secondary">{t('advisers.on', { date: to })}</Typography.Text>
      </Space>
      <ResponsiveTable<CoverageRow>
        rowKey="code"
        size="small"
        loading={stats.isLoading}
        pagination={false}
        // the total row carries the children of the division: no tree
        expandable={{ childrenColumnName: 'none' }}
        scroll={{ x: 900 }}
        columns={columns}
        dataSource={
          data
            ? [...data.children, { ...data, name: `${t('advisers.total')}（${data.name}）` }]
            : []
        }
        data-testid="coverage-table"
      />
    </Flex>
  );
}
