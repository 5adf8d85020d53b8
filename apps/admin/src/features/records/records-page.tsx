// 村务台账: one village's registers — meetings with each resolution's legal check, the 三务公开
// postings with their schedule compliance, and the villager groups — and its ledger as Excel.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  InputNumber,
  List,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { describeCitation } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc, trpcClient } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { useMe } from '../auth/me-context';
import { DisclosureActions, DisclosureForm, DisclosureResolution } from './disclosure-form';
import { RulesTab } from './rules-tab';
import { ElectionsTab } from './elections-tab';
import { MattersTab } from './matters-tab';
import { MeetingForm } from './meeting-form';
import { GroupsTab } from './groups-tab';
import { fileBase64, FileImportModal } from './file-import';
import { DeleteRecordButton } from './delete-record';
import { RecordFilesButton } from './record-files';
import { ResponsiveTable } from '../../components/responsive-table';
import { downloadBase64, todayIso, type DisclosureRow, type MeetingRow } from './model';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RecordsPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isClerk = me.role === 'village_clerk';
  const villageCode = isClerk ? me.scopeCode : (params.get('village') ?? '');
  const villages = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: me.scopeCode }),
    enabled: me.role === 'township_officer',
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('records.title')}
      </Typography.Title>
      {!isClerk && (
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 320 }}
          placeholder={t('records.pickVillage')}
          value={villageCode || undefined}
          onChange={(code: string) => setParams({ village: code })}
          options={(villages.data ?? [])
            .concat(
              villageCode && !(villages.data ?? []).some((v) => v.code === villageCode)
                ? [{ code: villageCode, name: villageCode } as never]
                : [],
            )
            .map((v) => ({ value: v.code, label: v.name }))}
        />
      )}
      {villageCode && (
        <VillageRecords
          villageCode={villageCode}
          canWrite={me.role !== 'inspector'}
          canReview={['township_officer', 'county_admin', 'system_admin'].includes(me.role)}
        />
      )}
    </Flex>
  );
}

function VillageRecords({
  villageCode,
  canWrite,
  canReview,
}: {
  villageCode: string;
  canWrite: boolean;
  canReview: boolean;
}) {
  const { t } = useLang();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const year = Number(todayIso().slice(0, 4));
  const [importing, setImporting] = useState(false);
  const ledger = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({
        ...trpc.records.ledger.queryOptions({ villageCode, year }),
        staleTime: 0,
      }),
  });
  return (
    <Card
      extra={
        <Space wrap size={4}>
          <Button
            onClick={() =>
              ledger.mutate(undefined, {
                onSuccess: (file) => downloadBase64(file.base64, file.fileName, XLSX),
              })
            }
            loading={ledger.isPending}
            data-testid="ledger-export"
          >
            {t('records.exportLedger', { year })}
          </Button>
          {canWrite && (
            <Button onClick={() => setImporting(true)} data-testid="ledger-import">
              {t('records.manage.importLedger')}
            </Button>
          )}
        </Space>
      }
    >
      {ledger.error && <Alert type="error" title={errorText(ledger.error)} />}
      {importing && <LedgerImport villageCode={villageCode} onClose={() => setImporting(false)} />}
      <Tabs
        defaultActiveKey={params.get('tab') ?? 'meetings'}
        items={[
          {
            key: 'meetings',
            label: t('records.tabs.meetings'),
            children: <Meetings villageCode={villageCode} canWrite={canWrite} />,
          },
          {
            key: 'disclosures',
            label: t('records.tabs.disclosures'),
            children: <Disclosures villageCode={villageCode} canWrite={canWrite} />,
          },
          {
            key: 'matters',
            label: t('records.tabs.matters'),
            children: <MattersTab villageCode={villageCode} canWrite={canWrite} />,
          },
          {
            key: 'groups',
            label: t('records.tabs.groups'),
            children: <GroupsTab villageCode={villageCode} canWrite={canWrite} />,
          },
          {
            key: 'elections',
            label: t('records.tabs.elections'),
            children: <ElectionsTab villageCode={villageCode} canWrite={canWrite} />,
          },
          {
            key: 'rules',
            label: t('records.tabs.rules'),
            children: (
              <RulesTab villageCode={villageCode} canReview={canReview} canWrite={canWrite} />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The year's meetings-and-disclosures ledger (.xlsx) imported all or nothing. */
function LedgerImport({ villageCode, onClose }: { villageCode: string; onClose: () => void }) {
  const { t } = useLang();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  return (
    <FileImportModal
      testId="ledger-import-dialog"
      title={t('records.manage.importLedgerTitle', { year })}
      hint={t('records.manage.ledgerHint')}
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      maxBytes={700_000}
      extra={
        <Space>
          {t('records.manage.ledgerYear')}
          <InputNumber
            min={1988}
            max={thisYear}
            precision={0}
            value={year}
            onChange={(v) => v !== null && setYear(v)}
            data-testid="ledger-year"
          />
        </Space>
      }
      onClose={onClose}
      send={async (file) => {
        const result = await trpcClient.records.importLedger.mutate({
          villageCode,
          year,
          workbook: await fileBase64(file),
        });
        await Promise.all([
          queryClient.invalidateQueries(trpc.meetings.pathFilter()),
          queryClient.invalidateQueries(trpc.disclosures.pathFilter()),
          queryClient.invalidateQueries(trpc.records.pathFilter()),
        ]);
        return t('records.manage.ledgerImported', result);
      }}
    />
  );
}

function Meetings({ villageCode, canWrite }: { villageCode: string; canWrite: boolean }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MeetingRow | null>(null);
  const list = useQuery(trpc.meetings.list.queryOptions({ villageCode, pageSize: 50 }));
  const remove = useMutation(
    trpc.meetings.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.manage.removed'));
        await queryClient.invalidateQueries(trpc.meetings.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      {canWrite && (
        <div>
          <Button type="primary" onClick={() => setAdding(true)} data-testid="meeting-add">
            {t('records.meeting.add')}
          </Button>
        </div>
      )}
      <ResponsiveTable<MeetingRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="meetings-table"
        columns={[
          { title: t('records.meeting.date'), dataIndex: 'date', width: 120 },
          {
            title: t('records.meeting.body'),
            dataIndex: 'body',
            render: (b: MeetingRow['body'], row) => (
              <Space direction="vertical" size={0}>
                {t(`records.meeting.bodies.${b}`)}
                {row.correctedAfterSubmission && <Tag color="orange">{t('records.corrected')}</Tag>}
              </Space>
            ),
          },
          {
            title: `${t('records.meeting.attendees')}/${t('records.meeting.eligible')}`,
            render: (_: unknown, row) => (
              <Space direction="vertical" size={0}>
                {`${row.attendees}/${row.eligible}`}
                {row.warnings.map((w) => (
                  <Typography.Text key={w.code} type="warning">
                    {w.message[lang]}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('records.meeting.resolutions'),
            render: (_: unknown, row) => (
              <List
                size="small"
                dataSource={row.resolutions}
                renderItem={(r) => (
                  <List.Item>
                    <Flex vertical>
                      <Space>
                        <Typography.Text strong>{r.title}</Typography.Text>
                        {r.check === null ? (
                          <Tag>{t('records.meeting.notChecked')}</Tag>
                        ) : r.check.passed ? (
                          <Tag color="success">{t('records.meeting.passed')}</Tag>
                        ) : (
                          <Tag color="error">{t('records.meeting.failed')}</Tag>
                        )}
                        <Typography.Text type="secondary">
                          {`${r.votesFor}/${r.votesAgainst}/${r.abstentions}`}
                        </Typography.Text>
                      </Space>
                      {r.check?.problems.map((p, i) => (
                        <Typography.Text
                          key={i}
                          type={p.severity === 'error' ? 'danger' : 'warning'}
                        >
                          {p.message[lang]}
                        </Typography.Text>
                      ))}
                      {r.check && r.check.citations.length > 0 && (
                        <Typography.Text type="secondary">
                          {`${t('records.meeting.citations')}：${r.check.citations
                            .map((c) => describeCitation(c as never)[lang])
                            .join('；')}`}
                        </Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            ),
          },
          {
            title: t('records.files.button'),
            width: 90,
            render: (_: unknown, row) => (
              <RecordFilesButton kind="meeting" recordId={row.id} canWrite={canWrite} />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t('records.manage.actions'),
                  width: 110,
                  render: (_: unknown, row: MeetingRow) => (
                    <Space size={0} wrap>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(row)}
                        data-testid={`meeting-edit-${row.id}`}
                      >
                        {t('records.manage.edit')}
                      </Button>
                      <DeleteRecordButton
                        testId={`meeting-remove-${row.id}`}
                        pending={remove.isPending && remove.variables?.id === row.id}
                        onDelete={() => remove.mutate({ id: row.id, version: row.version })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <MeetingForm villageCode={villageCode} onClose={() => setAdding(false)} />}
      {editing && (
        <MeetingForm
          key={editing.id}
          villageCode={villageCode}
          meeting={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

function Disclosures({ villageCode, canWrite }: { villageCode: string; canWrite: boolean }) {
  const { t, lang } = useLang();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DisclosureRow | null>(null);
  const year = todayIso().slice(0, 4);
  const list = useQuery(trpc.disclosures.list.queryOptions({ villageCode, pageSize: 100 }));
  const compliance = useQuery(
    trpc.disclosures.compliance.queryOptions({
      villageCode,
      from: `${year}-01-01`,
      asOf: todayIso(),
    }),
  );
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      {canWrite && (
        <div>
          <Button type="primary" onClick={() => setAdding(true)} data-testid="disclosure-add">
            {t('records.disclosure.add')}
          </Button>
        </div>
      )}
      {compliance.data &&
        (compliance.data.overdue.length === 0 ? (
          <Alert type="success" showIcon title={t('records.disclosure.noneOverdue')} />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('records.disclosure.overdue')}
            description={compliance.data.problems.map((p) => p.message[lang]).join('；')}
          />
        ))}
      <ResponsiveTable<DisclosureRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="disclosures-table"
        columns={[
          {
            title: t('records.disclosure.category'),
            dataIndex: 'category',
            render: (c: DisclosureRow['category']) => t(`records.disclosure.categories.${c}`),
          },
          { title: t('records.disclosure.period'), dataIndex: 'period' },
          { title: t('records.disclosure.postedOn'), dataIndex: 'postedOn' },
          { title: t('records.disclosure.takenDownOn'), dataIndex: 'takenDownOn' },
          {
            title: t('records.disclosure.channel'),
            dataIndex: 'channel',
            render: (c: DisclosureRow['channel']) => t(`records.disclosure.channels.${c}`),
          },
          {
            title: t('records.disclosure.summary'),
            dataIndex: 'summary',
            render: (summary: string, row) => (
              <Space direction="vertical" size={0}>
                {summary}
                <DisclosureResolution row={row} />
                {row.correctedAfterSubmission && <Tag color="orange">{t('records.corrected')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('records.files.button'),
            width: 90,
            render: (_: unknown, row) => (
              <RecordFilesButton kind="disclosure" recordId={row.id} canWrite={canWrite} />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, row: DisclosureRow) => (
                    <DisclosureActions row={row} onEdit={setEditing} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <DisclosureForm villageCode={villageCode} onClose={() => setAdding(false)} />}
      {editing && (
        <DisclosureForm
          villageCode={villageCode}
          disclosure={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
