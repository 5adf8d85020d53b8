// 村民小组: a village's groups (name, order, households, registered voters, representatives) —
// counts only, no villagers' names — added, corrected or imported from CSV/Excel all-or-nothing;
// the village's totals are the sums of its groups.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc, trpcClient } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import type { RouterOutputs } from '../../types';
import { csvText, fileBase64, FileImportModal } from './file-import';

type GroupRow = RouterOutputs['groups']['list']['items'][number];

async function refreshGroups() {
  await queryClient.invalidateQueries(trpc.groups.pathFilter());
}

export function GroupsTab({ villageCode, canWrite }: { villageCode: string; canWrite: boolean }) {
  const { t } = useLang();
  const [editing, setEditing] = useState<GroupRow | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useQuery(trpc.groups.list.queryOptions({ villageCode }));
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const totals = list.data?.totals;
  return (
    <Flex vertical gap={12}>
      {canWrite && (
        <Space wrap>
          <Button type="primary" onClick={() => setEditing('new')} data-testid="group-add">
            {t('records.manage.groupAdd')}
          </Button>
          <Button onClick={() => setImporting(true)} data-testid="groups-import">
            {t('records.manage.importGroups')}
          </Button>
        </Space>
      )}
      <Typography.Text type="secondary">{t('records.manage.groupsHint')}</Typography.Text>
      {totals && items.length > 0 && (
        <Typography.Paragraph strong style={{ margin: 0 }} data-testid="group-totals">
          {t('records.manage.groupTotals', {
            households: totals.households,
            voters: totals.voters,
            representatives: totals.representatives,
          })}
        </Typography.Paragraph>
      )}
      <ResponsiveTable<GroupRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        data-testid="groups-table"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('records.manage.groupsNone')}
            />
          ),
        }}
        columns={[
          { title: t('records.group.name'), dataIndex: 'name', cardTitle: true },
          { title: t('records.manage.groupOrder'), dataIndex: 'sortOrder', width: 64 },
          { title: t('records.group.households'), dataIndex: 'households' },
          { title: t('records.group.voters'), dataIndex: 'voters' },
          { title: t('records.group.representatives'), dataIndex: 'representatives' },
          ...(canWrite
            ? [
                {
                  title: t('records.manage.actions'),
                  width: 80,
                  render: (_: unknown, row: GroupRow) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing(row)}
                      data-testid={`group-edit-${row.name}`}
                    >
                      {t('records.manage.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <GroupForm
          villageCode={villageCode}
          group={editing === 'new' ? null : editing}
          nextOrder={items.reduce((n, g) => Math.max(n, g.sortOrder), 0) + 1}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && (
        <FileImportModal
          testId="groups-import-dialog"
          title={t('records.manage.importGroups')}
          hint={t('records.manage.importGroupsHint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxBytes={200_000}
          onClose={() => setImporting(false)}
          send={async (file) => {
            const isWorkbook = file.name.toLowerCase().endsWith('.xlsx');
            const result = await trpcClient.groups.import.mutate({
              villageCode,
              ...(isWorkbook ? { workbook: await fileBase64(file) } : { csv: await csvText(file) }),
            });
            await refreshGroups();
            return t('records.manage.groupsImported', { n: result.imported });
          }}
        />
      )}
    </Flex>
  );
}

interface Values {
  name: string;
  sortOrder?: number | null;
  households: number;
  voters: number;
  representatives?: number | null;
}

function GroupForm({
  villageCode,
  group,
  nextOrder,
  onClose,
}: {
  villageCode: string;
  group: GroupRow | null;
  nextOrder: number;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, [
    'name',
    'sortOrder',
    'households',
    'voters',
    'representatives',
  ]);
  const save = useMutation(
    trpc.groups.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.manage.groupSaved'));
        await refreshGroups();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={group ? t('records.manage.groupEdit') : t('records.manage.groupAdd')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'group-save' } as never}
      width={520}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          group
            ? {
                name: group.name,
                sortOrder: group.sortOrder,
                households: group.households,
                voters: group.voters,
                representatives: group.representatives,
              }
            : { sortOrder: nextOrder, representatives: 0 }
        }
        onFinish={(v) =>
          save.mutate({
            ...(group ? { id: group.id, version: group.version } : {}),
            villageCode,
            name: v.name,
            ...(v.sortOrder !== null && v.sortOrder !== undefined
              ? { sortOrder: v.sortOrder }
              : {}),
            households: v.households,
            voters: v.voters,
            ...(v.representatives !== null && v.representatives !== undefined
              ? { representatives: v.representatives }
              : {}),
          })
        }
      >
        <Space wrap align="start">
          <Form.Item name="name" label={t('records.group.name')} rules={[{ required: true }]}>
            <Input maxLength={50} style={{ width: 180 }} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('records.manage.groupOrder')}>
            <InputNumber min={0} precision={0} data-testid="group-order" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="households"
            label={t('records.group.households')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} precision={0} data-testid="group-households" />
          </Form.Item>
          <Form.Item name="voters" label={t('records.group.voters')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} data-testid="group-voters" />
          </Form.Item>
          <Form.Item name="representatives" label={t('records.group.representatives')}>
            <InputNumber min={0} precision={0} data-testid="group-representatives" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
