// The dialogs of a supervision task: assign (立项交办), edit, report progress (with files uploaded
// onto the report, asking to close if done), close and rate, return, ask for an extension and decide on it.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  taskActorOf,
  taskRatingNames,
  taskRatings,
  taskSourceNames,
  taskSources,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { DivisionSelect } from '../users/division-select';
import { useMe } from '../auth/me-context';
import { useErrorText } from '../../components/use-error-text';
import { inScope, todayIso, type TaskRow } from './model';
import {
  HeldFiles,
  TownshipFileList,
  UploadMore,
  UploadProgress,
  useUploadFiles,
} from './township-files';

const refresh = () => queryClient.invalidateQueries(trpc.tasks.pathFilter());

interface NewValues {
  ownerCode: string;
  title: string;
  source: (typeof taskSources)[number];
  responsible: string;
  detail?: string;
  deadline: Dayjs;
}

export function NewTaskDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const onError = useFormErrorHandler(form, [
    'ownerCode',
    'title',
    'source',
    'responsible',
    'detail',
    'deadline',
  ]);
  const save = useMutation(
    trpc.tasks.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.taskSaved'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={t('township.newTask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'task-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'key_target' }}
        onFinish={(v) =>
          save.mutate({
            assignerCode: me.scopeCode,
            ownerCode: v.ownerCode,
            title: v.title,
            source: v.source,
            responsible: v.responsible,
            ...(v.detail ? { detail: v.detail } : {}),
            assignedOn: todayIso(),
            deadline: v.deadline.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="ownerCode" label={t('township.owner')} rules={[{ required: true }]}>
          <DivisionSelect levels={['township', 'village']} />
        </Form.Item>
        <Form.Item name="title" label={t('township.title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="source" label={t('township.source')} rules={[{ required: true }]}>
          <Select
            options={taskSources.map((s) => ({ value: s, label: taskSourceNames[s][lang] }))}
          />
        </Form.Item>
        <Form.Item
          name="responsible"
          label={t('township.responsible')}
          rules={[{ required: true }]}
        >
          <Input maxLength={100} data-testid="task-responsible" />
        </Form.Item>
        <Form.Item name="deadline" label={t('township.deadline')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="task-deadline"
            disabledDate={(d) => d.isBefore(dayjs(todayIso()), 'day')}
          />
        </Form.Item>
        <Form.Item name="detail" label={t('township.detail')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReportValues {
  text: string;
  percentDone?: number;
  requestClose?: boolean;
}

export function ReportDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const onError = useFormErrorHandler(form, ['text', 'percentDone']);
  const [held, setHeld] = useState<File[]>([]);
  const { upload, percent } = useUploadFiles();
  const report = useMutation(
    trpc.tasks.report.mutationOptions({
      onSuccess: async (saved) => {
        // the files go onto the report just saved
        if (held.length > 0) {
          await upload(`/api/tasks/${task.id}/reports/${saved.reportId}/files`, held);
        }
        void message.success(t('township.reported'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.report')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={report.isPending}
      okButtonProps={{ 'data-testid': 'report-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ percentDone: task.percentDone }}
        onFinish={(v) => {
          report.mutate({
            id: task.id,
            version: task.version,
            text: v.text,
            ...(v.percentDone !== undefined && v.percentDone !== null
              ? { percentDone: v.percentDone }
              : {}),
            ...(v.requestClose ? { requestClose: true } : {}),
          });
        }}
      >
        <Form.Item name="text" label={t('township.reportText')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="report-text" />
        </Form.Item>
        <Form.Item name="percentDone" label={t('township.percent')}>
          <InputNumber min={0} max={100} addonAfter="%" data-testid="report-percent" />
        </Form.Item>
        <Form.Item label={t('township.files')}>
          <HeldFiles files={held} onChange={setHeld} testId="report-files" />
          <UploadProgress percent={percent} />
        </Form.Item>
        <Form.Item name="requestClose" valuePropName="checked">
          <Checkbox data-testid="report-request-close">{t('township.requestClose')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rating: (typeof taskRatings)[number]; note?: string }>();
  const onError = useFormErrorHandler(form, ['rating', 'note']);
  const close = useMutation(
    trpc.tasks.close.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.closed'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.close')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'close-save' } as never}
    >
      <TaskHistory id={task.id} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rating: 'satisfied' }}
        onFinish={(v) =>
          close.mutate({
            id: task.id,
            version: task.version,
            rating: v.rating,
            ...(v.note ? { note: v.note } : {}),
          })
        }
      >
        <Form.Item name="rating" label={t('township.rating')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="close-rating"
            options={taskRatings.map((r) => ({ value: r, label: taskRatingNames[r][lang] }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('township.ratingNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReturnDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useFormErrorHandler(form, ['reason']);
  const ret = useMutation(
    trpc.tasks.return.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.returned'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.returnTask')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={ret.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => ret.mutate({ id: task.id, version: task.version, reason: v.reason })}
      >
        <Form.Item name="reason" label={t('township.returnReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The task's reports and decisions, oldest first, with their files (opened or downloaded by
 * everyone who sees the task; removed by the owning division until the task is closed).
 */
export function TaskHistory({ id }: { id: string }) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const task = useQuery(trpc.tasks.get.queryOptions({ id }));
  const remove = useMutation(
    trpc.tasks.removeReportFile.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.fileRemoved'));
        await refresh();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  if (!task.data || task.data.reports.length === 0) return null;
  const owner =
    me.role !== 'inspector' &&
    task.data.state !== 'closed' &&
    taskActorOf({
      coversAssigner: inScope(me, task.data.assignerCode),
      coversOwner: inScope(me, task.data.ownerCode),
    }) === 'owner';
  return (
    <>
      <h4>{t('township.history')}</h4>
      <Timeline
        items={task.data.reports.map((r) => ({
          children: (
            <Flex vertical gap={2} data-testid={`task-report-entry-${r.id}`}>
              <span>
                {r.on} {r.byName}：{r.text}
                {r.percentDone !== null ? `（${r.percentDone}%）` : ''}
                {r.files.length ? ` [${r.files.join('、')}]` : ''}
              </span>
              <TownshipFileList
                files={r.attachments}
                onRemove={owner ? (fileId) => remove.mutate({ id: fileId }) : undefined}
                removing={remove.isPending ? remove.variables?.id : undefined}
              />
              {owner && (r.kind === 'progress' || r.kind === 'close_request') && (
                <UploadMore
                  url={`/api/tasks/${task.data.id}/reports/${r.id}/files`}
                  onUploaded={refresh}
                  testId={`task-report-upload-${r.id}`}
                />
              )}
            </Flex>
          ),
        }))}
      />
    </>
  );
}

/** The 办理记录 of a task in a dialog (its reports and their files). */
export function HistoryDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  return (
    <Modal open title={`${t('township.history')}：${task.title}`} footer={null} onCancel={onClose}>
      <TaskHistory id={task.id} />
    </Modal>
  );
}

interface EditValues {
  ownerCode: string;
  title: string;
  responsible: string;
  deadline: Dayjs;
  milestones?: { title: string; due: Dayjs; done?: boolean }[];
}

/** The assigning office edits a task not yet closed: title, owner, deadline, milestones. */
export function EditTaskDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const onError = useFormErrorHandler(form, [
    'ownerCode',
    'title',
    'responsible',
    'deadline',
    'milestones',
  ]);
  const save = useMutation(
    trpc.tasks.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.taskUpdated'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.edit')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'task-edit-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ownerCode: task.ownerCode,
          title: task.title,
          responsible: task.responsible,
          deadline: dayjs(task.deadline),
          milestones: task.milestones.map((m) => ({ ...m, due: dayjs(m.due) })),
        }}
        onFinish={(v) =>
          save.mutate({
            id: task.id,
            version: task.version,
            assignerCode: task.assignerCode,
            ownerCode: v.ownerCode,
            ownerUnit: task.ownerUnit,
            title: v.title,
            source: task.source,
            detail: task.detail,
            responsible: v.responsible,
            assignedOn: task.assignedOn,
            deadline: v.deadline.format('YYYY-MM-DD'),
            milestones: (v.milestones ?? []).map((m) => ({
              title: m.title,
              due: m.due.format('YYYY-MM-DD'),
              done: Boolean(m.done),
            })),
          })
        }
      >
        <Form.Item name="title" label={t('township.title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="task-edit-title" />
        </Form.Item>
        <Form.Item name="ownerCode" label={t('township.owner')} rules={[{ required: true }]}>
          <DivisionSelect levels={['township', 'village']} />
        </Form.Item>
        <Form.Item
          name="responsible"
          label={t('township.responsible')}
          rules={[{ required: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="deadline" label={t('township.deadline')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="task-edit-deadline"
            disabledDate={(d) => d.isBefore(dayjs(task.assignedOn), 'day')}
          />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              <h4>{t('township.milestones')}</h4>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap data-testid="task-edit-milestone">
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[{ required: true, message: t('township.milestoneTitle') }]}
                  >
                    <Input placeholder={t('township.milestoneTitle')} maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'due']}
                    rules={[{ required: true, message: t('township.milestoneDue') }]}
                  >
                    <DatePicker placeholder={t('township.milestoneDue')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'done']} valuePropName="checked">
                    <Checkbox>{t('township.milestoneDone')}</Checkbox>
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('township.removeMilestone')}
                  </Button>
                </Space>
              ))}
              {fields.length < 20 && (
                <Button
                  type="dashed"
                  block
                  data-testid="task-edit-add-milestone"
                  onClick={() => add({ title: '', done: false })}
                >
                  {t('township.addMilestone')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The owner asks for a later deadline (延期申请). */
export function ExtensionRequestDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to: Dayjs; reason: string }>();
  const onError = useFormErrorHandler(form, ['to', 'reason']);
  const ask = useMutation(
    trpc.tasks.requestExtension.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.extension.requested'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.extension.request')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={ask.isPending}
      okButtonProps={{ 'data-testid': 'extension-request-save' } as never}
    >
      <p>{t('township.extension.current', { deadline: task.deadline })}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          ask.mutate({
            id: task.id,
            version: task.version,
            to: v.to.format('YYYY-MM-DD'),
            reason: v.reason,
          })
        }
      >
        <Form.Item name="to" label={t('township.extension.to')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="extension-to"
            disabledDate={(d) => !d.isAfter(dayjs(task.deadline), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('township.extension.reason')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The assigning office approves (the deadline moves) or refuses a pending extension. */
export function ExtensionDecisionDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ approve: boolean; note?: string }>();
  const onError = useFormErrorHandler(form, ['approve', 'note']);
  const decide = useMutation(
    trpc.tasks.decideExtension.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(
          t(
            saved.deadline === task.deadline
              ? 'township.extension.refused'
              : 'township.extension.approved',
          ),
        );
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.extension.decide')}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'extension-decide-save' } as never}
    >
      <p data-testid="extension-asked">
        {t('township.extension.asked', {
          deadline: task.deadline,
          to: task.extensionTo ?? '',
          reason: task.extensionReason ?? '',
        })}
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approve: true }}
        onFinish={(v) =>
          decide.mutate({
            id: task.id,
            version: task.version,
            approve: v.approve,
            ...(v.note ? { note: v.note } : {}),
          })
        }
      >
        <Form.Item name="approve" rules={[{ required: true }]}>
          <Radio.Group
            data-testid="extension-approve"
            options={[
              { value: true, label: t('township.extension.approve') },
              { value: false, label: t('township.extension.refuse') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('township.extension.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
