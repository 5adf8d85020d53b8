// 指标体系: the stored frameworks (built-in and imported versions), one in full in a drawer
// (`?id=`), and for system and county administrators the 导入 (JSON) and 从Excel导入 dialogs.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { PageLoading } from '../../components/page-loading';
import type { RouterOutputs } from '../../types';
import { useMe } from '../auth/me-context';
import { canImportFrameworks } from './framework-import';
import { formatPoints } from '@fazhi/domain';
import { FrameworkDetail, StatusTag } from './framework-detail';
import { FrameworkImportDialog } from './import-dialog';
import { FrameworkExcelImportDialog } from './excel-import-dialog';

type FrameworkRow = RouterOutputs['frameworks']['list'][number];

export function FrameworksPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [importingExcel, setImportingExcel] = useState(false);
  const list = useQuery(trpc.frameworks.list.queryOptions());
  const viewing = params.get('id');
  const mayImport = canImportFrameworks(me.role);

  const view = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('id', id);
        else next.delete('id');
        return next;
      },
      { replace: !id },
    );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('frameworks.title')}
        </Typography.Title>
        {mayImport ? (
          <Flex gap={8}>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => setImportingExcel(true)}
              data-testid="framework-import-xlsx"
            >
              {t('frameworks.importExcel')}
            </Button>
            <Button
              type="primary"
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="framework-import"
            >
              {t('frameworks.import')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Card variant="borderless">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<FrameworkRow>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data ?? []}
            data-testid="frameworks-table"
            locale={{ emptyText: <Empty description={t('frameworks.empty')} /> }}
            scroll={{ x: 900 }}
            pagination={{
              defaultPageSize: 20,
              hideOnSinglePage: true,
              showTotal: (total) => t('app.total', { count: total }),
            }}
            columns={[
              {
                key: 'code',
                title: t('frameworks.code'),
                dataIndex: 'code',
                width: 180,
              },
              { key: 'version', title: t('frameworks.version'), dataIndex: 'version', width: 100 },
              {
                key: 'name',
                title: t('frameworks.name'),
                render: (_, f) => (
                  <Typography.Link onClick={() => view(f.id)}>{f.name}</Typography.Link>
                ),
              },
              {
                key: 'status',
                title: t('frameworks.status'),
                width: 100,
                render: (_, f) => <StatusTag status={f.status} />,
              },
              {
                key: 'origin',
                title: t('frameworks.origin'),
                width: 90,
                render: (_, f) =>
                  f.builtin ? (
                    <Tag color="red">{t('frameworks.builtin')}</Tag>
                  ) : f.ownerCountyCode ? (
                    <Tooltip title={t('frameworks.countyHint', { code: f.ownerCountyCode })}>
                      <Tag color="blue">{t('frameworks.county')}</Tag>
                    </Tooltip>
                  ) : (
                    <Tooltip title={t('frameworks.sharedHint')}>
                      <Tag>{t('frameworks.shared')}</Tag>
                    </Tooltip>
                  ),
              },
              {
                key: 'total',
                title: t('frameworks.totalPoints'),
                width: 90,
                align: 'right',
                render: (_, f) => formatPoints(f.totalPoints),
              },
              {
                key: 'items',
                title: t('frameworks.itemCount'),
                width: 90,
                align: 'right',
                dataIndex: 'itemCount',
              },
              {
                key: 'actions',
                title: t('frameworks.actions'),
                width: 90,
                render: (_, f) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => view(f.id)}
                    data-testid={`framework-view-${f.code}-${f.version}`}
                  >
                    {t('frameworks.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <FrameworkDrawer id={viewing} onClose={() => view(null)} />
      {mayImport ? (
        <FrameworkExcelImportDialog
          open={importingExcel}
          onClose={() => setImportingExcel(false)}
          onImported={(id) => {
            setImportingExcel(false);
            view(id);
          }}
        />
      ) : null}
      {mayImport ? (
        <FrameworkImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          onImported={(id) => {
            setImporting(false);
            view(id);
          }}
        />
      ) : null}
    </>
  );
}

function FrameworkDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useLang();
  const detail = useQuery({
    ...trpc.frameworks.get.queryOptions({ id: id ?? '' }),
    enabled: !!id,
  });
  const data = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={1040}
      title={
        data
          ? t('frameworks.detailTitle', { name: data.name, version: data.version })
          : t('frameworks.title')
      }
      destroyOnHidden
    >
      {detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : data ? (
        <FrameworkDetail framework={data.definition} builtin={data.builtin} />
      ) : (
        <PageLoading />
      )}
    </Drawer>
  );
}
