// 人民调解台账: the cases of a village's or township's mediation committee (list + form, paged),
// and for the township and the county the month's approval lock.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { addMonths, checkMediationCase, monthOf } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { useMe } from '../auth/me-context';
import { todayIso } from '../records/model';
import { MediationForm } from './mediation-form';
import { CaseFilesButton } from './mediation-files';
import { RegisterExcel } from './register-excel';
import { mediationLabel, townshipOf, type MediationRow } from './model';

export function MediationPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isClerk = me.role === 'village_clerk';
  const division = isClerk ? me.scopeCode : (params.get('division') ?? '');
  const township = me.role === 'township_officer' ? me.scopeCode : (params.get('township') ?? '');
  const townships = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: me.scopeCode }),
    enabled: me.role === 'county_admin' || me.role === 'system_admin' || me.role === 'inspector',
  });
  const villages = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: township }),
    enabled: !isClerk && township !== '',
  });
  const canWrite =
    me.role === 'village_clerk'
      ? true
      : me.role === 'township_officer'
        ? division === me.scopeCode
        : me.role !== 'inspector';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registers.mediation')}
      </Typography.Title>
      {!isClerk && (
        <Space wrap>
          {me.role !== 'township_officer' && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              value={township || undefined}
              onChange={(code: string) => setParams({ township: code })}
              options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              data-testid="mediation-township"
            />
          )}
          {township && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 260 }}
              placeholder={t('registers.pickDivision')}
              value={division || undefined}
              onChange={(code: string) => setParams({ township, division: code })}
              options={[
                { value: township, label: t('registers.ownLevel') },
                ...(villages.data ?? []).map((v) => ({ value: v.code, label: v.name })),
              ]}
              data-testid="mediation-division"
            />
          )}
        </Space>
      )}
      {township && me.role !== 'village_clerk' && me.role !== 'inspector' && (
        <PeriodLock township={township} canReopen={me.role !== 'township_officer'} />
      )}
      {division && <Cases divisionCode={division} canWrite={canWrite} />}
    </Flex>
  );
}

function PeriodLock({ township, canReopen }: { township: string; canReopen: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [month, setMonth] = useState(addMonths(monthOf(todayIso()), -1));
  const [reason, setReason] = useState('');
  const year = month.slice(0, 4);
  const periods = useQuery(
    trpc.periods.list.queryOptions({
      divisionCode: township,
      from: `${year}-01`,
      to: `${year}-12`,
    }),
  );
  const done = async () => {
    await queryClient.invalidateQueries(trpc.periods.pathFilter());
  };
  const lock = useMutation(
    trpc.periods.lock.mutationOptions({
      onSuccess: async () => {
        void message.success(t('registers.locked', { month }));
        await done();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const reopen = useMutation(
    trpc.periods.reopen.mutationOptions({
      onSuccess: done,
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const locked = (periods.data ?? []).filter((p) => p.locked).map((p) => p.month);
  return (
    <Card size="small">
      <Space wrap>
        <Input
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          style={{ width: 160 }}
          data-testid="period-month"
        />
        <Button
          onClick={() => lock.mutate({ townshipCode: township, month })}
          loading={lock.isPending}
          disabled={locked.includes(month)}
          data-testid="period-lock"
        >
          {t('registers.lock')}
        </Button>
        {canReopen && locked.includes(month) && (
          <>
            <Input
              placeholder={t('registers.reopenReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              style={{ width: 220 }}
            />
            <Button onClick={() => reopen.mutate({ townshipCode: township, month, reason })}>
              {t('registers.reopen')}
            </Button>
          </>
        )}
        {locked.map((m) => (
          <Tag key={m} color="blue" data-testid="period-locked">
            {t('registers.locked', { month: m })}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The cases of a division (a village's, or a township's own and its villages'), paged. */
export function Cases({
  divisionCode,
  canWrite,
  from,
  to,
}: {
  divisionCode: string;
  canWrite: boolean;
  from?: string;
  to?: string;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<MediationRow | null | undefined>(undefined);
  const ownOnly = divisionCode === townshipOf(divisionCode) && canWrite;
  const list = useQuery(
    trpc.mediation.list.queryOptions({
      divisionCode,
      page,
      pageSize: 20,
      ...(ownOnly ? { ownOnly } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
  );
  const remove = useMutation(
    trpc.mediation.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('registers.removed'));
        await queryClient.invalidateQueries(trpc.mediation.pathFilter());
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const importing = useMutation(trpc.mediation.import.mutationOptions());
  if (list.error) return <QueryError error={list.error} />;
  return (
    <Card
      title={t('registers.cases')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="mediation-add">
            {t('registers.add')}
          </Button>
        )
      }
    >
      <div style={{ marginBottom: 12 }}>
        <RegisterExcel
          ns="registers"
          testId="mediation-excel"
          exportFile={() =>
            queryClient.fetchQuery({
              ...trpc.mediation.export.queryOptions({
                divisionCode,
                ...(ownOnly ? { ownOnly } : {}),
                ...(from ? { from } : {}),
                ...(to ? { to } : {}),
              }),
              staleTime: 0,
            })
          }
          importFile={
            canWrite ? (workbook) => importing.mutateAsync({ divisionCode, workbook }) : undefined
          }
          onImported={() => queryClient.invalidateQueries(trpc.mediation.pathFilter())}
        />
      </div>
      <Table<MediationRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        data-testid="mediation-table"
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('registers.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          {
            title: t('registers.type'),
            dataIndex: 'type',
            render: (v: MediationRow['type']) => mediationLabel('type', v, lang),
          },
          {
            title: t('registers.method'),
            dataIndex: 'method',
            render: (v: MediationRow['method']) => mediationLabel('method', v, lang),
          },
          {
            title: t('registers.outcome'),
            dataIndex: 'outcome',
            render: (v: MediationRow['outcome'], r) => (
              <Space size={4} wrap>
                {mediationLabel('outcome', v, lang)}
                {r.warnings.map((w) => (
                  <Tag key={w.code} color="orange">
                    {w.message[lang]}
                  </Tag>
                ))}
                {checkMediationCase(r, { today: todayIso() }).some(
                  (p) => p.code === 'AGREEMENT_MISSING',
                ) && (
                  <Tag color="red" data-testid="agreement-missing">
                    {t('registers.files.missing')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('registers.closedOn'), dataIndex: 'closedOn', width: 110 },
          { title: t('registers.parties'), dataIndex: 'parties', width: 80 },
          {
            title: t('registers.files.button'),
            key: 'files',
            width: 90,
            render: (_: unknown, r: MediationRow) => (
              <CaseFilesButton caseId={r.id} count={r.files} canWrite={canWrite} />
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, r: MediationRow) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('registers.edit')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => remove.mutate({ id: r.id, version: r.version })}
                      >
                        {t('registers.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <MediationForm
          divisionCode={divisionCode}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
