// 参与式预算: a township's key projects of the year with the stage each has reached; the township
// enters one (as key, or carrying a project its congress voted through) and opens it.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { budgetStageNames } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { QueryError } from '../../components/query-error';
import { queryClient, trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { todayIso } from './model';
import { mayWriteBudget, type KeyProjectRow } from './budget-model';

export function BudgetPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const year = Number(todayIso().slice(0, 4));
  const township = me.scopeCode.slice(0, 9) + '000';
  const [adding, setAdding] = useState(false);
  const paging = usePagination();
  const list = useQuery(
    trpc.budget.list.queryOptions({
      divisionCode: township,
      year,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const columns: ResponsiveColumn<KeyProjectRow>[] = [
    {
      title: t('budget.name'),
      key: 'title',
      cardTitle: true,
      render: (_, r) => <Link to={`/projects/budget/${r.id}`}>{r.title}</Link>,
    },
    {
      title: t('budget.stage'),
      key: 'stage',
      render: (_, r) => (
        <span data-testid={`budget-stage-${r.title}`}>
          {r.currentStage === 'complete'
            ? t('budget.complete')
            : budgetStageNames[r.currentStage][lang]}
        </span>
      ),
    },
    { title: t('budget.summary'), dataIndex: 'summary', hideOnPhone: true },
  ];
  return (
    <Card
      title={`${t('budget.title')} ${year}`}
      extra={
        <Space wrap>
          <a href={`/public/projects/${township}/${year}`} target="_blank" rel="noreferrer">
            {t('budget.publicPage')}
          </a>
          {mayWriteBudget(me) && (
            <Button type="primary" data-testid="budget-add" onClick={() => setAdding(true)}>
              {t('budget.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('budget.intro')}</Typography.Paragraph>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<KeyProjectRow>
          data-testid="budget-table"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={paging.tablePagination(list.data?.total ?? 0)}
        />
      )}
      {adding && (
        <KeyProjectDialog township={township} year={year} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}

function KeyProjectDialog({
  township,
  year,
  onClose,
}: {
  township: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; summary?: string; villagerProjectId?: string }>();
  const onError = useFormErrorHandler(form, ['title', 'summary', 'villagerProjectId']);
  // the township's projects voted through this year, to carry one
  const voted = useQuery(
    trpc.projects.list.queryOptions({ divisionCode: township, year, pageSize: 200 }),
  );
  const options = (voted.data?.items ?? [])
    .filter((p) => p.stage === 'voted_through' || p.stage === 'done')
    .map((p) => ({ value: p.id, label: p.title }));
  const save = useMutation(
    trpc.budget.save.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('budget.saved'));
        await queryClient.invalidateQueries(trpc.budget.pathFilter());
        onClose();
        void navigate(`/projects/budget/${saved.id}`);
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={t('budget.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'budget-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            divisionCode: township,
            year,
            title: v.title,
            summary: v.summary ?? '',
            villagerProjectId: v.villagerProjectId ?? null,
          })
        }
      >
        <Form.Item name="villagerProjectId" label={t('budget.carries')}>
          <Select
            allowClear
            placeholder={t('budget.carriesNone')}
            options={options}
            loading={voted.isLoading}
            onChange={(id: string | undefined) => {
              const picked = options.find((o) => o.value === id);
              if (picked && !form.getFieldValue('title')) form.setFieldValue('title', picked.label);
            }}
          />
        </Form.Item>
        <Form.Item name="title" label={t('budget.name')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="budget-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('budget.summary')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="budget-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
