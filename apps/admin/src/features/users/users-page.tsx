import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { allRoles, canGrant, canManageUsers, WHOLE_DEPLOYMENT, type Role } from '../../lib/roles';
import { queryClient, trpc } from '../../trpc';
import type { UserRow } from '../../types';
import { Forbidden } from '../../components/forbidden';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { useErrorText } from '../../components/use-error-text';
import { useMe } from '../auth/me-context';
import { UserFormModal } from './user-form-modal';

type Status = 'active' | 'disabled';

const formatTime = (value: string | Date | null) =>
  value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null;

export function UsersPage() {
  const me = useMe();
  if (!canManageUsers(me.role)) return <Forbidden />;
  return <UsersList />;
}

function UsersList() {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const { page, pageSize, toFirstPage, tablePagination } = usePagination();
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const input = {
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(status ? { disabled: status === 'disabled' } : {}),
    page,
    pageSize,
  };
  const list = useQuery({
    ...trpc.users.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation(trpc.users.update.mutationOptions());

  const setDisabled = (user: UserRow, disabled: boolean) =>
    toggle.mutate(
      { id: user.id, disabled },
      {
        onSuccess: () => {
          void message.success(disabled ? t('users.disabledDone') : t('users.enabledDone'));
          void queryClient.invalidateQueries(trpc.users.pathFilter());
          void queryClient.invalidateQueries(trpc.audit.pathFilter());
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const openForm = (user: UserRow | null) => {
    setEditing(user);
    setFormOpen(true);
  };

  const now = dayjs();

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
          {t('users.create')}
        </Button>
      </Flex>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(value) => {
              setQ(value.trim());
              toFirstPage();
            }}
            aria-label={t('users.searchPlaceholder')}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.rolePlaceholder')}
            style={{ width: 180 }}
            value={role}
            onChange={(value) => {
              setRole(value);
              toFirstPage();
            }}
            options={allRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Select<Status>
            allowClear
            placeholder={t('users.statusPlaceholder')}
            style={{ width: 140 }}
            value={status}
            onChange={(value) => {
              setStatus(value);
              toFirstPage();
            }}
            options={[
              { value: 'active', label: t('users.statusActive') },
              { value: 'disabled', label: t('users.statusDisabled') },
            ]}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<UserRow>
            rowKey="id"
            size="middle"
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('users.empty')} /> }}
            scroll={{ x: 960 }}
            data-testid="users-table"
            pagination={tablePagination(list.data?.total ?? 0)}
            columns={[
              { key: 'username', title: t('users.username'), dataIndex: 'username' },
              {
                key: 'displayName',
                cardTitle: true,
                title: t('users.displayName'),
                render: (_, u) => (
                  <>
                    {u.displayName}
                    {u.id === me.id ? (
                      <Typography.Text type="secondary">{t('users.self')}</Typography.Text>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'role',
                title: t('users.role'),
                render: (_, u) => <Tag color="red">{t(`roles.${u.role}`)}</Tag>,
              },
              {
                key: 'scope',
                title: t('users.scope'),
                render: (_, u) => (
                  <Flex vertical>
                    <span>
                      {u.scopeCode === WHOLE_DEPLOYMENT
                        ? t('dashboard.wholeDeployment')
                        : (u.scopeName ?? t('app.none'))}
                      {u.unitName ? ` · ${u.unitName}` : ''}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.scopeCode}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'status',
                title: t('users.status'),
                render: (_, u) => (
                  <Space size={4} wrap>
                    {u.disabled ? (
                      <Tag color="default">{t('users.statusDisabled')}</Tag>
                    ) : (
                      <Tag color="success">{t('users.statusActive')}</Tag>
                    )}
                    {u.lockedUntil && dayjs(u.lockedUntil).isAfter(now) ? (
                      <Tooltip title={t('users.locked', { time: formatTime(u.lockedUntil) })}>
                        <Tag color="warning" icon={<LockOutlined />}>
                          {t('users.locked', { time: dayjs(u.lockedUntil).format('HH:mm') })}
                        </Tag>
                      </Tooltip>
                    ) : null}
                  </Space>
                ),
              },
              {
                key: 'lastLogin',
                title: t('users.lastLogin'),
                render: (_, u) => formatTime(u.lastLoginAt) ?? t('users.never'),
              },
              {
                key: 'actions',
                title: t('users.actions'),
                fixed: 'right',
                render: (_, u) => {
                  const mayChange = u.id === me.id || canGrant(me.role, u.role);
                  return (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        disabled={!mayChange}
                        onClick={() => openForm(u)}
                      >
                        {t('users.edit')}
                      </Button>
                      <Popconfirm
                        title={
                          u.disabled
                            ? t('users.enableConfirm', { name: u.displayName })
                            : t('users.disableConfirm', { name: u.displayName })
                        }
                        okText={t('app.ok')}
                        cancelText={t('app.cancel')}
                        onConfirm={() => setDisabled(u, !u.disabled)}
                        disabled={!mayChange || u.id === me.id}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger={!u.disabled}
                          disabled={!mayChange || u.id === me.id}
                        >
                          {u.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <UserFormModal open={formOpen} user={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}
