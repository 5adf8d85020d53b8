// The 普法 activities of a division (a village's, a township's own or with its villages', a
// county's), paged on the server, with the form to record or correct one.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Tag } from 'antd';
import { pufaActivityTypes, type PufaActivityType } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { PufaActivityForm } from './pufa-activity-form';
import { PufaPhotosButton } from './pufa-photos';
import { RegisterExcel } from './register-excel';
import { pufaLabel, pufaOptions, type PufaActivityRow } from './pufa-model';

const PAGE_SIZE = 20;

export function PufaActivities({
  divisionCode,
  canWrite,
  ownOnly,
}: {
  divisionCode: string;
  canWrite: boolean;
  ownOnly: boolean;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [type, setType] = useState<PufaActivityType | undefined>(undefined);
  const [editing, setEditing] = useState<PufaActivityRow | null | undefined>(undefined);
  const list = useQuery(
    trpc.pufa.listActivities.queryOptions({
      divisionCode,
      page,
      pageSize: PAGE_SIZE,
      ...(ownOnly ? { ownOnly } : {}),
      ...(type ? { type } : {}),
    }),
  );
  const remove = useMutation(
    trpc.pufa.removeActivity.mutationOptions({
      onSuccess: async () => {
        void message.success(t('pufa.removed'));
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
        await queryClient.invalidateQueries(trpc.statistics.pathFilter());
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.pufa.pathFilter());
    await queryClient.invalidateQueries(trpc.statistics.pathFilter());
  };
  const importActivities = useMutation(trpc.pufa.importActivities.mutationOptions());
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<PufaActivityRow>[] = [
    { title: t('pufa.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('pufa.type'),
      dataIndex: 'type',
      cardTitle: true,
      render: (v: PufaActivityRow['type']) => pufaLabel('type', v, lang),
    },
    { title: t('pufa.place'), dataIndex: 'place' },
    { title: t('pufa.organiser'), dataIndex: 'organiser', hideOnPhone: true },
    {
      title: t('pufa.participants'),
      dataIndex: 'participants',
      width: 90,
      render: (v: number, r) => (
        <Space size={4} wrap>
          {v}
          {r.warnings.map((w) => (
            <Tag key={w.code} color="orange">
              {w.message[lang]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('pufa.materials'), dataIndex: 'materials', width: 110 },
    {
      title: t('pufa.photos'),
      dataIndex: 'photos',
      width: 100,
      render: (n: number, r) => (
        <PufaPhotosButton activityId={r.id} count={n} canWrite={canWrite} />
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: PufaActivityRow) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('pufa.edit')}
                </Button>
                <Popconfirm
                  title={t('pufa.remove')}
                  onConfirm={() => remove.mutate({ id: r.id, version: r.version })}
                >
                  <Button size="small" danger>
                    {t('pufa.remove')}
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
      title={
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('pufa.allTypes')}
          value={type}
          onChange={(v?: PufaActivityType) => {
            setType(v);
            setPage(1);
          }}
          options={pufaOptions('type', pufaActivityTypes, lang)}
          data-testid="pufa-type-filter"
        />
      }
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="pufa-add">
            {t('pufa.addActivity')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
        <RegisterExcel
          ns="pufa"
          testId="pufa-activities"
          exportFile={() =>
            queryClient.fetchQuery({
              ...trpc.pufa.exportActivities.queryOptions({
                divisionCode,
                ...(ownOnly ? { ownOnly } : {}),
                ...(type ? { type } : {}),
              }),
              staleTime: 0,
            })
          }
          importFile={
            canWrite
              ? (workbook) => importActivities.mutateAsync({ divisionCode, workbook })
              : undefined
          }
          onImported={refresh}
        />
      </Flex>
      <ResponsiveTable<PufaActivityRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('pufa.empty') }}
        data-testid="pufa-activities"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {editing !== undefined && (
        <PufaActivityForm
          divisionCode={divisionCode}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
