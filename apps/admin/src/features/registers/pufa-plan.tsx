// The annual 普法 plan of a township (or of the county and its townships): each item's due date,
// its progress, and — for an item planning a kind of activity — the activities held so far.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Space,
  Tag,
} from 'antd';
import { pufaActivityTypes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { todayIso } from '../records/model';
import { pufaLabel, pufaOptions, type PufaPlanInput, type PufaPlanRow } from './pufa-model';

const PAGE_SIZE = 20;

export function PufaPlan({ divisionCode, canWrite }: { divisionCode: string; canWrite: boolean }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [editing, setEditing] = useState<PufaPlanRow | null | undefined>(undefined);
  const list = useQuery(
    trpc.pufa.listPlan.queryOptions({ divisionCode, year, page, pageSize: PAGE_SIZE }),
  );
  const remove = useMutation(
    trpc.pufa.removePlanItem.mutationOptions({
      onSuccess: async () => {
        void message.success(t('pufa.removed'));
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<PufaPlanRow>[] = [
    { title: t('pufa.planTitle'), dataIndex: 'title', cardTitle: true },
    {
      title: t('pufa.activityType'),
      dataIndex: 'activityType',
      render: (v: PufaPlanRow['activityType']) => (v ? pufaLabel('type', v, lang) : '—'),
    },
    {
      title: `${t('pufa.held')} / ${t('pufa.targetCount')}`,
      key: 'held',
      render: (_: unknown, r) => (r.held === null ? '—' : `${r.held} / ${r.targetCount ?? '—'}`),
    },
    { title: t('pufa.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('pufa.progress'),
      dataIndex: 'progress',
      width: 180,
      render: (v: number, r) => (
        <Space size={4} wrap>
          <Progress percent={v} size="small" style={{ width: 110, margin: 0 }} />
          {r.warnings.map((w) => (
            <Tag key={w.code} color="orange">
              {w.message[lang]}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: PufaPlanRow) =>
              r.divisionCode === divisionCode && (
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
        <Space>
          {t('pufa.year')}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              if (v) setYear(v);
              setPage(1);
            }}
            style={{ width: 100 }}
          />
        </Space>
      }
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="pufa-plan-add">
            {t('pufa.addPlanItem')}
          </Button>
        )
      }
    >
      <ResponsiveTable<PufaPlanRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('pufa.empty') }}
        data-testid="pufa-plan"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {editing !== undefined && (
        <PlanForm
          divisionCode={divisionCode}
          year={year}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}

type Values = Omit<PufaPlanInput, 'divisionCode' | 'id' | 'version' | 'year'>;
const fields = ['title', 'activityType', 'targetCount', 'dueOn', 'progress', 'notes'];

function PlanForm({
  divisionCode,
  year,
  editing,
  onClose,
}: {
  divisionCode: string;
  year: number;
  editing: PufaPlanRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const save = useMutation(
    trpc.pufa.savePlanItem.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('pufa.saved'));
        for (const w of saved.warnings) void message.warning(w.message[lang]);
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={editing ? t('pufa.editPlanItem') : t('pufa.addPlanItem')}
      width={560}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'pufa-plan-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                ...editing,
                activityType: editing.activityType ?? undefined,
                targetCount: editing.targetCount ?? undefined,
              }
            : { dueOn: `${year}-12-31`, progress: 0 }
        }
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            divisionCode,
            year: editing?.year ?? year,
            title: v.title,
            activityType: v.activityType ?? null,
            targetCount: v.targetCount ?? null,
            dueOn: v.dueOn,
            progress: v.progress,
            ...(v.notes ? { notes: v.notes } : {}),
          })
        }
      >
        <Form.Item name="title" label={t('pufa.planTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="pufa-plan-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="activityType" label={t('pufa.activityType')}>
            <Select
              allowClear
              placeholder={t('pufa.none')}
              style={{ width: 160 }}
              options={pufaOptions('type', pufaActivityTypes, lang)}
            />
          </Form.Item>
          <Form.Item name="targetCount" label={t('pufa.targetCount')}>
            <InputNumber min={0} max={1_000_000} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="dueOn" label={t('pufa.dueOn')} rules={[{ required: true }]}>
            <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
          </Form.Item>
          <Form.Item
            name="progress"
            label={`${t('pufa.progress')} (%)`}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={100}
              style={{ width: 110 }}
              data-testid="pufa-plan-progress"
            />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('pufa.notes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
