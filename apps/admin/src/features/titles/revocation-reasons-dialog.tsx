// 撤销理由设置: the system administrator keeps the deployment's list of reasons a re-check may
// give for revoking a title (`titles.saveRevocationReason`). Reasons are deactivated, never deleted.
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';

export interface RevocationReason {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
}

const formFields = ['code', 'nameZh', 'nameEn', 'sortOrder', 'active'];

type Values = Omit<RevocationReason, 'sortOrder'> & { sortOrder: number | null };

/** The list of all reasons (active and inactive) with add and edit. */
export function RevocationReasonsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useLang();
  const reasons = useQuery({
    ...trpc.titles.revocationReasons.queryOptions({ includeInactive: true }),
    enabled: open,
  });
  const [editing, setEditing] = useState<RevocationReason | 'new' | null>(null);
  const rows = reasons.data ?? [];
  const nextOrder = rows.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 10;

  return (
    <Modal
      open={open}
      title={t('titles.reasonSettings.title')}
      width={900}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('titles.reasonSettings.intro')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('titles.reasonSettings.add')}
        </Button>
      </Flex>
      {reasons.isError ? (
        <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />
      ) : (
        <Table<RevocationReason>
          rowKey="code"
          size="small"
          loading={reasons.isPending}
          dataSource={rows}
          pagination={false}
          data-testid="revocation-reasons-table"
          locale={{ emptyText: <Empty description={t('titles.reasonSettings.empty')} /> }}
          columns={[
            {
              key: 'sortOrder',
              title: t('titles.reasonSettings.sortOrder'),
              dataIndex: 'sortOrder',
              width: 70,
            },
            { key: 'code', title: t('titles.reasonSettings.code'), dataIndex: 'code', width: 160 },
            {
              key: 'name',
              title: t('titles.reasonSettings.name'),
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.nameZh}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.nameEn || r.nameZh}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'active',
              title: t('titles.reasonSettings.active'),
              width: 90,
              render: (_, r) =>
                r.active ? (
                  <Tag color="success">{t('titles.reasonSettings.active')}</Tag>
                ) : (
                  <Tag>{t('titles.reasonSettings.inactive')}</Tag>
                ),
            },
            {
              key: 'actions',
              title: '',
              width: 80,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {t('titles.reasonSettings.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <ReasonFormModal
        reason={editing === 'new' ? null : editing}
        open={editing !== null}
        defaultOrder={nextOrder}
        onClose={() => setEditing(null)}
      />
    </Modal>
  );
}

function ReasonFormModal({
  open,
  reason,
  defaultOrder,
  onClose,
}: {
  open: boolean;
  /** The reason to edit; adds a new one when null. */
  reason: RevocationReason | null;
  defaultOrder: number;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, formFields);
  const save = useMutation(trpc.titles.saveRevocationReason.mutationOptions());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      reason ?? { code: '', nameZh: '', nameEn: '', active: true, sortOrder: defaultOrder },
    );
  }, [open, reason, defaultOrder, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    save.mutate(
      {
        code: (reason?.code ?? values.code).trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        active: values.active,
        sortOrder: values.sortOrder ?? 0,
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.titles.revocationReasons.pathFilter());
          void message.success(t('titles.reasonSettings.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(reason ? 'titles.reasonSettings.editTitle' : 'titles.reasonSettings.addTitle')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="revocation-reason-form">
        <Form.Item
          name="code"
          label={t('titles.reasonSettings.code')}
          extra={t('titles.reasonSettings.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('titles.reasonSettings.codeRequired') },
          ]}
        >
          <Input disabled={reason !== null} maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('titles.reasonSettings.nameZh')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('titles.reasonSettings.nameZhRequired'),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('titles.reasonSettings.nameEn')}
          extra={t('titles.reasonSettings.nameEnOptional')}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={300} />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item name="sortOrder" label={t('titles.reasonSettings.sortOrder')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="active"
            label={t('titles.reasonSettings.active')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
