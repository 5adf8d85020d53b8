// The dialogs of a supervision task: assign (立项交办), report progress (with file names, asking
// to close if done), close and rate, return.
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { taskRatingNames, taskRatings, taskSourceNames, taskSources } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { DivisionSelect } from '../users/division-select';
import { useMe } from '../auth/me-context';
import { todayIso, type TaskRow } from './model';

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
  files?: string;
  requestClose?: boolean;
}

export function ReportDialog({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const onError = useFormErrorHandler(form, ['text', 'percentDone', 'files']);
  const report = useMutation(
    trpc.tasks.report.mutationOptions({
      onSuccess: async () => {
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
          const files = (v.files ?? '')
            .split('\n')
            .map((f) => f.trim())
            .filter(Boolean);
          report.mutate({
            id: task.id,
            version: task.version,
            text: v.text,
            ...(v.percentDone !== undefined && v.percentDone !== null
              ? { percentDone: v.percentDone }
              : {}),
            ...(files.length ? { files } : {}),
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
        <Form.Item name="files" label={t('township.files')} extra={t('township.filesHelp')}>
          <Input.TextArea rows={2} />
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

/** The task's reports and decisions, oldest first. */
export function TaskHistory({ id }: { id: string }) {
  const { t } = useLang();
  const task = useQuery(trpc.tasks.get.queryOptions({ id }));
  if (!task.data || task.data.reports.length === 0) return null;
  return (
    <>
      <h4>{t('township.history')}</h4>
      <Timeline
        items={task.data.reports.map((r) => ({
          children: (
            <span>
              {r.on} {r.byName}：{r.text}
              {r.percentDone !== null ? `（${r.percentDone}%）` : ''}
              {r.files.length ? ` [${r.files.join('、')}]` : ''}
            </span>
          ),
        }))}
      />
    </>
  );
}
