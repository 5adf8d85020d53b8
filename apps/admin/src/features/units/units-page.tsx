// 县直单位: the county units the county assesses (依法行政考核), kept by the county administrators.
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { WHOLE_DEPLOYMENT } from '../../lib/roles';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import type { RouterOutputs } from '../../types';

type Unit = RouterOutputs['units']['list']['items'][number];

interface Values {
  countyCode?: string;
  name: string;
  kind: string;
  active: boolean;
}

export function UnitsPage() {
  const { t } = useLang();
  const me = useMe();
  const { page, pageSize, tablePagination } = usePagination();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const list = useQuery({
    ...trpc.units.list.queryOptions({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const canEdit = me.role === 'system_admin' || me.role === 'county_admin';
  return (
    <Card
      variant="borderless"
      title={t('units.title')}
      extra={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="unit-add"
          >
            {t('units.add')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('units.hint')}</Typography.Paragraph>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Unit>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={tablePagination(list.data?.total ?? 0)}
          columns={[
            { key: 'name', title: t('units.name'), cardTitle: true, render: (_, u) => u.name },
            { key: 'kind', title: t('units.kind'), render: (_, u) => u.kind || t('app.none') },
            {
              key: 'active',
              title: t('units.active'),
              render: (_, u) =>
                u.active ? (
                  <Tag color="success">{t('units.activeYes')}</Tag>
                ) : (
                  <Tag>{t('units.activeNo')}</Tag>
                ),
            },
            {
              key: 'edit',
              title: t('users.actions'),
              render: (_, u) =>
                canEdit ? (
                  <Button type="link" onClick={() => setEditing(u)}>
                    {t('units.edit')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <UnitDialog
        unit={editing}
        onClose={() => setEditing(null)}
        whole={me.scopeCode === WHOLE_DEPLOYMENT}
        countyCode={me.scopeCode}
      />
    </Card>
  );
}

function UnitDialog({
  unit,
  onClose,
  whole,
  countyCode,
}: {
  unit: Unit | 'new' | null;
  onClose(): void;
  whole: boolean;
  countyCode: string;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation(trpc.units.save.mutationOptions());
  const onError = useFormErrorHandler(form, ['countyCode', 'name', 'kind', 'active']);
  const existing = unit && unit !== 'new' ? unit : null;
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    save.mutate(
      {
        countyCode: existing?.countyCode ?? (whole ? (values.countyCode ?? '') : countyCode),
        ...(existing ? { id: existing.id } : {}),
        name: values.name.trim(),
        kind: values.kind?.trim() ?? '',
        active: values.active,
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.units.pathFilter());
          void message.success(t('units.saved'));
          onClose();
        },
        onError,
      },
    );
  };
  return (
    <Modal
      open={unit !== null}
      title={existing ? t('units.edit') : t('units.add')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="unit-form"
        initialValues={
          existing
            ? { name: existing.name, kind: existing.kind, active: existing.active }
            : { name: '', kind: '', active: true }
        }
      >
        {whole && !existing ? (
          <Form.Item
            name="countyCode"
            label={t('campaigns.county')}
            rules={[{ required: true, message: t('campaigns.required') }]}
          >
            <DivisionSelect levels={['county']} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, message: t('campaigns.required') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')}>
          <Input maxLength={50} placeholder={t('units.kindPlaceholder')} />
        </Form.Item>
        <Flex>
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
