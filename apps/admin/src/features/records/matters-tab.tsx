// 四议两公开 matters: each major village matter followed step by step (提议 → 商议 → 审议 → 决议 →
// 决议公开 → 实施结果公开), each step dated and optionally linked to its meeting; the check of
// `checkFourDeliberations` (missing, out-of-order and failed steps, what comes next) beside it.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { deliberationSteps, type DeliberationStep } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import type { RouterInputs, RouterOutputs } from '../../types';
import { todayIso } from './model';
import { DeleteRecordButton } from './delete-record';

type MatterRow = RouterOutputs['matters']['list'][number];
type MatterInput = RouterInputs['matters']['save'];

export function MattersTab({ villageCode, canWrite }: { villageCode: string; canWrite: boolean }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MatterRow | null>(null);
  const list = useQuery(trpc.matters.list.queryOptions({ villageCode }));
  const remove = useMutation(
    trpc.matters.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.manage.removed'));
        await queryClient.invalidateQueries(trpc.matters.pathFilter());
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
          <Button type="primary" onClick={() => setAdding(true)} data-testid="matter-add">
            {t('records.matter.add')}
          </Button>
        </div>
      )}
      <ResponsiveTable<MatterRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('records.manage.mattersNone')}
            />
          ),
        }}
        data-testid="matters-table"
        columns={[
          {
            title: t('records.matter.title'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Flex vertical gap={2}>
                {title}
                {r.correctedAfterSubmission && (
                  <Tag color="orange" style={{ width: 'fit-content' }}>
                    {t('records.corrected')}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { title: t('records.matter.startedOn'), dataIndex: 'startedOn', width: 110 },
          {
            title: t('records.matter.steps'),
            render: (_: unknown, r) => (
              <Flex vertical gap={2}>
                {r.steps.map((s, i) => (
                  <Typography.Text key={i} style={{ fontSize: 12 }}>
                    {s.on} {t(`records.matter.stepNames.${s.step as DeliberationStep}`)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          {
            title: t('records.matter.state'),
            render: (_: unknown, r) => (
              <Flex vertical gap={2}>
                <Tag color={r.complete ? 'success' : 'warning'} style={{ width: 'fit-content' }}>
                  {r.complete ? t('records.matter.complete') : t('records.matter.open')}
                </Tag>
                {!r.complete && r.check.nextSteps.length > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('records.matter.next')}：
                    {t(`records.matter.stepNames.${r.check.nextSteps[0] as DeliberationStep}`)}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('records.meeting.problems'),
            render: (_: unknown, r) =>
              r.check.problems.length === 0
                ? null
                : r.check.problems.map((p, i) => (
                    <div key={i}>
                      <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
                        {localized(p.message, lang)}
                      </Typography.Text>
                    </div>
                  )),
          },
          ...(canWrite
            ? [
                {
                  title: t('records.manage.actions'),
                  width: 110,
                  render: (_: unknown, r: MatterRow) => (
                    <Space size={0} wrap>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(r)}
                        data-testid={`matter-edit-${r.id}`}
                      >
                        {t('records.manage.edit')}
                      </Button>
                      <DeleteRecordButton
                        testId={`matter-remove-${r.id}`}
                        pending={remove.isPending && remove.variables?.id === r.id}
                        onDelete={() => remove.mutate({ id: r.id, version: r.version })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <MatterForm villageCode={villageCode} onClose={() => setAdding(false)} />}
      {editing && (
        <MatterForm
          key={editing.id}
          villageCode={villageCode}
          matter={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

type Values = Omit<MatterInput, 'villageCode' | 'id' | 'version'>;

/** Records a matter, or corrects `matter` (sent with its id and the version read). */
function MatterForm({
  villageCode,
  matter,
  onClose,
}: {
  villageCode: string;
  matter?: MatterRow | undefined;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, ['title', 'steps']);
  const meetings = useQuery(trpc.meetings.list.queryOptions({ villageCode, pageSize: 100 }));
  const save = useMutation(
    trpc.matters.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.matter.saved'));
        await queryClient.invalidateQueries(trpc.matters.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      width={640}
      title={matter ? t('records.manage.editMatter') : t('records.matter.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'matter-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          matter
            ? {
                title: matter.title,
                secretaryIsChair: matter.secretaryIsChair,
                steps: matter.steps.map((s) => ({
                  step: s.step as DeliberationStep,
                  on: s.on,
                  ...(s.meetingId ? { meetingId: s.meetingId } : {}),
                  ...(s.disclosureId ? { disclosureId: s.disclosureId } : {}),
                })),
              }
            : { steps: [{ step: deliberationSteps[0], on: todayIso() }] }
        }
        onFinish={(v) =>
          save.mutate({
            ...(matter
              ? {
                  id: matter.id,
                  version: matter.version,
                  secretaryIsChair: matter.secretaryIsChair,
                }
              : {}),
            villageCode,
            title: v.title,
            steps: v.steps.map((s) => ({
              step: s.step,
              on: s.on,
              meetingId: s.meetingId ? s.meetingId : null,
              // a step's linked posting is kept (the form does not change it)
              ...(s.disclosureId ? { disclosureId: s.disclosureId } : {}),
            })),
          })
        }
      >
        {matter && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('records.manage.correctionNote')}
          />
        )}
        <Form.Item name="title" label={t('records.matter.title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="matter-title" />
        </Form.Item>
        <Form.List name="steps">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, index) => (
                <Space key={item.key} wrap align="start">
                  <Form.Item name={[item.name, 'step']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 170 }}
                      data-testid={`matter-step-${index}`}
                      options={deliberationSteps.map((s) => ({
                        value: s,
                        label: t(`records.matter.stepNames.${s}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'on']} rules={[{ required: true }]}>
                    <Input type="date" max={todayIso()} data-testid={`matter-on-${index}`} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'meetingId']}>
                    <Select
                      allowClear
                      style={{ width: 200 }}
                      placeholder={t('records.matter.meeting')}
                      options={(meetings.data?.items ?? []).map((m) => ({
                        value: m.id,
                        label: `${m.date} ${t(`records.meeting.bodies.${m.body}`)}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'disclosureId']} hidden>
                    <Input />
                  </Form.Item>
                  {items.length > 1 ? (
                    <MinusCircleOutlined
                      aria-label={t('records.matter.removeStep')}
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 8 }}
                    />
                  ) : null}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const taken = (form.getFieldValue('steps') as { step?: string }[] | undefined)
                    ?.length;
                  add({ step: deliberationSteps[Math.min(taken ?? 0, 5)], on: todayIso() });
                }}
                data-testid="matter-add-step"
              >
                {t('records.matter.addStep')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
