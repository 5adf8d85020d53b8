// 实事工程百姓点单: a township's ideas of the year — entered with their source and count, screened
// (shortlisted, or not taken up with the published reason), voted by the township congress (the
// domain checks the tally), and built (milestones, percent done, spending); the public page shows it.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { projectStageNames } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { QueryError } from '../../components/query-error';
import { queryClient, trpc } from '../../trpc';
import type { RouterInputs, RouterOutputs } from '../../types';
import { useMe } from '../auth/me-context';
import { todayIso } from './model';

type ProjectRow = RouterOutputs['projects']['list']['items'][number];
type SaveInput = RouterInputs['projects']['save'];
type Dialog =
  | { kind: 'idea' }
  | { kind: 'notTaken' | 'vote' | 'progress'; project: ProjectRow }
  | null;

const sourceKinds = ['village', 'community', 'firm', 'deputy'] as const;
const refresh = () => queryClient.invalidateQueries(trpc.projects.pathFilter());

/** The fields `projects.save` needs to keep a project as it is. */
const kept = (p: ProjectRow, divisionCode: string): SaveInput => ({
  id: p.id,
  version: p.version,
  divisionCode,
  year: p.year,
  title: p.title,
  sourceKind: p.sourceKind,
  source: p.source,
  raisedBy: p.raisedBy,
});

export function ProjectsPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const year = Number(todayIso().slice(0, 4));
  const [dialog, setDialog] = useState<Dialog>(null);
  const paging = usePagination();
  const township = me.scopeCode.slice(0, 9) + '000';
  const list = useQuery(
    trpc.projects.list.queryOptions({
      divisionCode: township,
      year,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const office = me.role === 'township_officer' || me.role === 'county_admin';
  const save = useMutation(
    trpc.projects.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.project.saved'));
        await refresh();
      },
    }),
  );

  const columns: ResponsiveColumn<ProjectRow>[] = [
    { title: t('township.project.name'), dataIndex: 'title', cardTitle: true },
    {
      title: t('township.project.source'),
      key: 'source',
      render: (_, r) => `${r.source}（${r.raisedBy}）`,
    },
    {
      title: t('township.project.stage'),
      key: 'stage',
      render: (_, r) => (
        <span data-testid={`project-stage-${r.title}`}>
          {projectStageNames[r.stage][lang]}
          {r.vote
            ? `，${t('township.project.tally', { for: r.vote.votesFor, deputies: r.vote.deputies })}`
            : ''}
          {r.screeningReason ? `：${r.screeningReason}` : ''}
        </span>
      ),
    },
    {
      title: t('township.percent'),
      key: 'percent',
      render: (_, r) => `${r.percentDone}%`,
      hideOnPhone: true,
    },
    {
      title: '',
      key: 'actions',
      render: (_, r) =>
        office && (
          <Space wrap>
            {(r.stage === 'idea' || r.stage === 'not_taken') && (
              <Button
                size="small"
                onClick={() => save.mutate({ ...kept(r, township), stage: 'shortlisted' })}
              >
                {t('township.project.shortlist')}
              </Button>
            )}
            {(r.stage === 'idea' || r.stage === 'shortlisted') && (
              <Button size="small" onClick={() => setDialog({ kind: 'notTaken', project: r })}>
                {t('township.project.notTaken')}
              </Button>
            )}
            {r.stage === 'shortlisted' && (
              <Button
                size="small"
                type="primary"
                onClick={() => setDialog({ kind: 'vote', project: r })}
              >
                {t('township.project.vote')}
              </Button>
            )}
            {r.stage === 'voted_through' && (
              <Button size="small" onClick={() => setDialog({ kind: 'progress', project: r })}>
                {t('township.project.progress')}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  const close = () => setDialog(null);
  return (
    <Card
      title={`${t('township.project.title')} ${year}`}
      extra={
        <Space wrap>
          <a href={`/public/projects/${township}/${year}`} target="_blank" rel="noreferrer">
            {t('township.comment.publicPage')}
          </a>
          <Link to="/projects/budget" data-testid="projects-budget">
            {t('budget.title')}
          </Link>
          {office && (
            <Button
              type="primary"
              data-testid="project-add"
              onClick={() => setDialog({ kind: 'idea' })}
            >
              {t('township.project.add')}
            </Button>
          )}
        </Space>
      }
    >
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<ProjectRow>
          data-testid="projects-table"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={paging.tablePagination(list.data?.total ?? 0)}
        />
      )}
      {dialog?.kind === 'idea' && <IdeaDialog township={township} year={year} onClose={close} />}
      {dialog?.kind === 'notTaken' && (
        <NotTakenDialog project={dialog.project} township={township} onClose={close} />
      )}
      {dialog?.kind === 'vote' && <VoteDialog project={dialog.project} onClose={close} />}
      {dialog?.kind === 'progress' && (
        <ProgressDialog project={dialog.project} township={township} onClose={close} />
      )}
    </Card>
  );
}

/** A dialog that saves one form with `projects.save` (or `projects.vote`) and closes. */
function useSave(
  form: Parameters<typeof useFormErrorHandler>[0],
  fields: string[],
  onClose: () => void,
) {
  const { t } = useLang();
  const { message } = App.useApp();
  const onError = useFormErrorHandler(form, fields);
  const options = {
    onSuccess: async () => {
      void message.success(t('township.project.saved'));
      await refresh();
      onClose();
    },
    onError,
  };
  return {
    save: useMutation(trpc.projects.save.mutationOptions(options)),
    vote: useMutation(trpc.projects.vote.mutationOptions(options)),
  };
}

function IdeaDialog({
  township,
  year,
  onClose,
}: {
  township: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{
    title: string;
    sourceKind: (typeof sourceKinds)[number];
    source: string;
    raisedBy: number;
  }>();
  const { save } = useSave(form, ['title', 'sourceKind', 'source', 'raisedBy'], onClose);
  return (
    <Modal
      open
      title={t('township.project.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'project-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sourceKind: 'village', raisedBy: 1 }}
        onFinish={(v) => save.mutate({ ...v, divisionCode: township, year })}
      >
        <Form.Item name="title" label={t('township.project.name')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="project-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="sourceKind" label={t('township.project.sourceKind')}>
            <Select
              style={{ width: 120 }}
              options={sourceKinds.map((k) => ({
                value: k,
                label: t(`township.project.sourceKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('township.project.source')}
            rules={[{ required: true }]}
          >
            <Input maxLength={100} data-testid="project-source" />
          </Form.Item>
          <Form.Item
            name="raisedBy"
            label={t('township.project.raisedBy')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} data-testid="project-raised-by" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function NotTakenDialog({
  project,
  township,
  onClose,
}: {
  project: ProjectRow;
  township: string;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{ screeningReason: string }>();
  const { save } = useSave(form, ['screeningReason'], onClose);
  return (
    <Modal
      open
      title={`${t('township.project.notTaken')}：${project.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            ...kept(project, township),
            stage: 'not_taken',
            screeningReason: v.screeningReason,
          })
        }
      >
        <Form.Item
          name="screeningReason"
          label={t('township.project.reason')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const voteFields = ['deputies', 'present', 'votesFor', 'votesAgainst', 'abstentions'] as const;

function VoteDialog({ project, onClose }: { project: ProjectRow; onClose: () => void }) {
  const { t } = useLang();
  const [form] = Form.useForm<Record<(typeof voteFields)[number], number> & { date: Dayjs }>();
  const { vote } = useSave(form, ['date', ...voteFields], onClose);
  return (
    <Modal
      open
      title={`${t('township.project.vote')}：${project.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={vote.isPending}
      okButtonProps={{ 'data-testid': 'vote-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(todayIso()) }}
        onFinish={(v) =>
          vote.mutate({
            ...v,
            id: project.id,
            version: project.version,
            date: v.date.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="date" label={t('township.project.voteDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Space wrap>
          {voteFields.map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`township.project.${f}`)}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} data-testid={`vote-${f}`} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}

function ProgressDialog({
  project,
  township,
  onClose,
}: {
  project: ProjectRow;
  township: string;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{
    percentDone: number;
    spentYuan: number;
    milestone?: string;
    due?: Dayjs;
  }>();
  const { save } = useSave(form, ['percentDone', 'spentYuan', 'milestones'], onClose);
  return (
    <Modal
      open
      title={`${t('township.project.progress')}：${project.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'progress-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ percentDone: project.percentDone, spentYuan: project.spentYuan }}
        onFinish={(v) =>
          save.mutate({
            ...kept(project, township),
            percentDone: v.percentDone,
            spentYuan: v.spentYuan,
            milestones: [
              ...project.milestones,
              ...(v.milestone && v.due
                ? [{ title: v.milestone, due: v.due.format('YYYY-MM-DD'), done: true }]
                : []),
            ],
          })
        }
      >
        <Space wrap>
          <Form.Item name="percentDone" label={t('township.percent')}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="spentYuan" label={t('township.project.spent')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="milestone" label={t('township.project.milestone')}>
            <Input maxLength={200} data-testid="progress-milestone" />
          </Form.Item>
          <Form.Item name="due" label={t('township.project.milestoneDue')}>
            <DatePicker data-testid="progress-due" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
