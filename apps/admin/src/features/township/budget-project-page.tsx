// A key project's participatory budget: the five stages as a stepper, each stage's records, and
// the forms that add them — offered only once the stage before has its record (the domain's
// rule, the same the server applies), with the server's field errors under their fields. A
// record is corrected or deleted (confirmed) in place; the plan, tender and inspection records
// carry files (chosen with the form, uploaded once the record is saved, or added later).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import {
  budgetRecordKindNames,
  budgetRecordKinds,
  budgetRecordKindsWithFiles,
  budgetStageNames,
  budgetStages,
  budgetStageOfKind,
  checkAppraisal,
  designRepresentativesGuide,
  type BudgetRecordKind,
  type BudgetStage,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { useErrorText } from '../../components/use-error-text';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { queryClient, trpc, trpcClient } from '../../trpc';
import { useMe } from '../auth/me-context';
import { todayIso } from './model';
import {
  mayWriteBudget,
  refusalToday,
  type KeyProject,
  type KeyProjectRecord,
} from './budget-model';
import {
  HeldFiles,
  TownshipFileList,
  UploadMore,
  UploadProgress,
  useUploadFiles,
} from './township-files';

/** The kinds of record kept at a stage, in the domain's order. */
const kindsOf = (stage: BudgetStage): BudgetRecordKind[] =>
  budgetRecordKinds.filter((k) => budgetStageOfKind[k] === stage);

type Rectify = { record: KeyProjectRecord; item?: number };

export function BudgetProjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const me = useMe();
  const query = useQuery(trpc.budget.get.queryOptions({ id }));
  const [adding, setAdding] = useState<BudgetRecordKind | null>(null);
  const [editing, setEditing] = useState<KeyProjectRecord | null>(null);
  const [rectify, setRectify] = useState<Rectify | null>(null);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  const project = query.data;
  const today = todayIso();
  const writes = mayWriteBudget(me);
  const current =
    project.currentStage === 'complete'
      ? budgetStages.length
      : budgetStages.indexOf(project.currentStage);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={project.title}
        extra={<Link to="/projects/budget">{t('budget.back')}</Link>}
        data-testid="budget-project"
      >
        {project.summary && <Typography.Paragraph>{project.summary}</Typography.Paragraph>}
        <Steps
          data-testid="budget-steps"
          size="small"
          current={current}
          items={budgetStages.map((s) => ({
            title: budgetStageNames[s][lang],
            status: project.stagesDone[s]
              ? 'finish'
              : s === project.currentStage
                ? 'process'
                : 'wait',
          }))}
        />
        {project.currentStage === 'complete' && (
          <Tag color="success" style={{ marginTop: 12 }}>
            {t('budget.complete')}
          </Tag>
        )}
      </Card>
      {budgetStages.map((stage, i) => {
        const kinds = kindsOf(stage);
        const records = project.records.filter((r) => budgetStageOfKind[r.kind] === stage);
        const blocked = refusalToday(kinds[0]!, project.records, today);
        const waiting = blocked && records.length === 0 ? blocked : null;
        return (
          <Card
            key={stage}
            size="small"
            data-testid={`budget-section-${stage}`}
            title={`${i + 1}. ${budgetStageNames[stage][lang]}`}
            extra={
              writes && (
                <Space wrap>
                  {kinds.map((kind) =>
                    refusalToday(kind, project.records, today) ? null : (
                      <Button
                        key={kind}
                        size="small"
                        data-testid={`budget-add-${kind}`}
                        onClick={() => setAdding(kind)}
                      >
                        {t(`budget.${kind}.add`)}
                      </Button>
                    ),
                  )}
                </Space>
              )
            }
          >
            {waiting && (
              <Typography.Paragraph type="secondary" data-testid={`budget-waiting-${stage}`}>
                {waiting.message[lang]}
              </Typography.Paragraph>
            )}
            {records.length === 0 ? (
              !waiting && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('budget.empty')} />
              )
            ) : (
              <List
                size="small"
                dataSource={records}
                renderItem={(r) => (
                  <List.Item key={r.id}>
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <RecordLine
                        record={r}
                        writes={writes}
                        onRectify={(item) => setRectify({ record: r, item })}
                      />
                      <RecordFiles record={r} writes={writes} />
                      {writes && <RecordActions record={r} onEdit={() => setEditing(r)} />}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {stage === 'origin' && records.length > 0 && (
              <Typography.Text type="secondary">
                {t('budget.request.total', {
                  count: records.length,
                  people: records.reduce((n, r) => n + r.people, 0),
                })}
              </Typography.Text>
            )}
          </Card>
        );
      })}
      {adding && <RecordDialog project={project} kind={adding} onClose={() => setAdding(null)} />}
      {editing && (
        <RecordDialog
          project={project}
          kind={editing.kind}
          editing={editing}
          onClose={() => setEditing(null)}
        />
      )}
      {rectify && (
        <RectifyDialog project={project} target={rectify} onClose={() => setRectify(null)} />
      )}
    </Space>
  );
}

const refreshBudget = () => queryClient.invalidateQueries(trpc.budget.pathFilter());

/** The files of a plan, tender or inspection record: opened by all, changed by the township. */
function RecordFiles({ record: r, writes }: { record: KeyProjectRecord; writes: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.budget.removeRecordFile.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.fileRemoved'));
        await refreshBudget();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  if (!budgetRecordKindsWithFiles.includes(r.kind)) return null;
  return (
    <Space direction="vertical" size={2} data-testid={`budget-files-${r.kind}`}>
      <TownshipFileList
        files={r.files}
        onRemove={writes ? (id) => remove.mutate({ id }) : undefined}
        removing={remove.isPending ? remove.variables?.id : undefined}
      />
      {writes && (
        <UploadMore
          url={`/api/budget/records/${r.id}/files`}
          onUploaded={refreshBudget}
          testId={`budget-upload-${r.kind}`}
        />
      )}
    </Space>
  );
}

/** Correct a record, or delete it after a confirmation (refused while later stages need it). */
function RecordActions({ record: r, onEdit }: { record: KeyProjectRecord; onEdit: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.budget.removeRecord.mutationOptions({
      onSuccess: async () => {
        void message.success(t('budget.removed'));
        await refreshBudget();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  return (
    <Space size={4}>
      <Button size="small" type="link" data-testid={`budget-edit-${r.id}`} onClick={onEdit}>
        {t('budget.edit')}
      </Button>
      <Popconfirm
        title={t('budget.removeConfirm', { kind: budgetRecordKindNames[r.kind][lang], on: r.on })}
        okButtonProps={{ danger: true, 'data-testid': 'budget-remove-confirm' } as never}
        onConfirm={() => remove.mutate({ recordId: r.id, version: r.version })}
      >
        <Button
          size="small"
          type="link"
          danger
          loading={remove.isPending}
          data-testid={`budget-remove-${r.id}`}
        >
          {t('budget.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** One record in words. */
function RecordLine({
  record: r,
  writes,
  onRectify,
}: {
  record: KeyProjectRecord;
  writes: boolean;
  onRectify: (item?: number) => void;
}) {
  const { t, lang } = useLang();
  const head = (
    <Typography.Text strong>
      {r.on} {budgetRecordKindNames[r.kind][lang]}
    </Typography.Text>
  );
  const done = (on: string | null, item?: number) =>
    on ? (
      <Tag color="success">{t('budget.rectified', { on })}</Tag>
    ) : (
      <Space size={4} wrap>
        <Tag color="warning">{t('budget.pending')}</Tag>
        {writes && (
          <Button
            size="small"
            type="link"
            data-testid={`budget-rectify-${r.kind}-${item ?? 0}`}
            onClick={() => onRectify(item)}
          >
            {t('budget.markDone')}
          </Button>
        )}
      </Space>
    );
  switch (r.kind) {
    case 'request':
      return (
        <div>
          {head} {r.text}（{t('budget.request.raised', { people: r.people })}）
          {r.ideaId && <Tag>{t('budget.request.fromIdea')}</Tag>}
          {r.commentId && <Tag>{t('budget.request.fromComment')}</Tag>}
        </div>
      );
    case 'meeting':
      return (
        <div>
          {head} {t('budget.meeting.attended', { n: r.people })}
          {r.convenor ? `（${r.convenor}）` : ''}：{r.text}
        </div>
      );
    case 'plan':
      return (
        <div>
          {head} {r.text}
          {r.fileName && <div>{t('budget.plan.file', { name: r.fileName })}</div>}
        </div>
      );
    case 'tender':
      return (
        <div>
          {head}{' '}
          {t('budget.tender.outcome', {
            n: r.people,
            firm: r.winningFirm ?? '',
            amount: (r.amountYuan ?? 0).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
          })}
        </div>
      );
    case 'inspection':
      return (
        <div>
          {head} {t('budget.inspection.inspected', { n: r.people })}
          {r.engineerPresent ? `，${t('budget.inspection.withEngineer')}` : ''}：{r.text}
          {r.rectification && (
            <div>
              {t('budget.inspection.asked', { text: r.rectification })} {done(r.rectifiedOn)}
            </div>
          )}
        </div>
      );
    case 'appraisal': {
      const { satisfactionPercent } = checkAppraisal({
        participants: r.people,
        satisfied: r.satisfied ?? 0,
        basicallySatisfied: r.basicallySatisfied ?? 0,
        unsatisfied: r.unsatisfied ?? 0,
      });
      return (
        <div>
          {head}{' '}
          {t('budget.appraisal.counts', {
            p: r.people,
            s: r.satisfied,
            b: r.basicallySatisfied,
            u: r.unsatisfied,
            rate: satisfactionPercent ?? '—',
          })}
          {r.rectifications.map((x, i) => (
            <div key={i}>
              {t('budget.inspection.asked', { text: x.text })} {done(x.doneOn, i)}
            </div>
          ))}
        </div>
      );
    }
  }
}

const fieldsOf: Record<BudgetRecordKind, string[]> = {
  request: ['on', 'summary', 'raisedBy', 'ideaId', 'commentId'],
  meeting: ['on', 'representatives', 'convenor', 'summary'],
  plan: ['on', 'plan'],
  tender: ['on', 'representatives', 'winningFirm', 'amountYuan'],
  inspection: ['on', 'representatives', 'engineerPresent', 'findings', 'rectification'],
  appraisal: [
    'on',
    'participants',
    'satisfied',
    'basicallySatisfied',
    'unsatisfied',
    'rectifications',
  ],
};

interface RecordForm {
  on: Dayjs;
  summary?: string;
  raisedBy?: number;
  ideaId?: string;
  commentId?: string;
  representatives?: number;
  convenor?: string;
  plan?: string;
  winningFirm?: string;
  amountYuan?: number;
  engineerPresent?: boolean;
  findings?: string;
  rectification?: string;
  participants?: number;
  satisfied?: number;
  basicallySatisfied?: number;
  unsatisfied?: number;
  rectifications?: string;
}

/** Sends the form of a stage's record to its procedure. */
function send(project: KeyProject, kind: BudgetRecordKind, v: RecordForm) {
  const at = { id: project.id, version: project.version, on: v.on.format('YYYY-MM-DD') };
  const n = (x: number | undefined) => x ?? 0;
  switch (kind) {
    case 'request':
      return trpcClient.budget.addRequest.mutate({
        ...at,
        summary: v.summary ?? '',
        raisedBy: n(v.raisedBy),
        ideaId: v.ideaId ?? null,
        commentId: v.commentId ?? null,
      });
    case 'meeting':
      return trpcClient.budget.addMeeting.mutate({
        ...at,
        representatives: n(v.representatives),
        convenor: v.convenor || null,
        summary: v.summary ?? '',
      });
    case 'plan':
      return trpcClient.budget.agreePlan.mutate({ ...at, plan: v.plan ?? '' });
    case 'tender':
      return trpcClient.budget.recordTender.mutate({
        ...at,
        representatives: n(v.representatives),
        winningFirm: v.winningFirm ?? '',
        amountYuan: n(v.amountYuan),
      });
    case 'inspection':
      return trpcClient.budget.addInspection.mutate({
        ...at,
        representatives: n(v.representatives),
        engineerPresent: v.engineerPresent ?? false,
        findings: v.findings ?? '',
        rectification: v.rectification || null,
      });
    case 'appraisal':
      return trpcClient.budget.recordAppraisal.mutate({
        ...at,
        participants: n(v.participants),
        satisfied: n(v.satisfied),
        basicallySatisfied: n(v.basicallySatisfied),
        unsatisfied: n(v.unsatisfied),
        rectifications: (v.rectifications ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
  }
}

/** Sends the corrected fields of a record (those of its kind) at the version it was read. */
function sendEdit(record: KeyProjectRecord, v: RecordForm) {
  const at = { recordId: record.id, version: record.version, on: v.on.format('YYYY-MM-DD') };
  switch (record.kind) {
    case 'request':
      return trpcClient.budget.updateRecord.mutate({
        ...at,
        summary: v.summary,
        raisedBy: v.raisedBy,
      });
    case 'meeting':
      return trpcClient.budget.updateRecord.mutate({
        ...at,
        representatives: v.representatives,
        convenor: v.convenor || null,
        summary: v.summary,
      });
    case 'plan':
      return trpcClient.budget.updateRecord.mutate({ ...at, plan: v.plan });
    case 'tender':
      return trpcClient.budget.updateRecord.mutate({
        ...at,
        representatives: v.representatives,
        winningFirm: v.winningFirm,
        amountYuan: v.amountYuan,
      });
    case 'inspection':
      return trpcClient.budget.updateRecord.mutate({
        ...at,
        representatives: v.representatives,
        engineerPresent: v.engineerPresent ?? false,
        findings: v.findings,
        rectification: v.rectification || null,
      });
    case 'appraisal':
      return trpcClient.budget.updateRecord.mutate({
        ...at,
        participants: v.participants,
        satisfied: v.satisfied,
        basicallySatisfied: v.basicallySatisfied,
        unsatisfied: v.unsatisfied,
      });
  }
}

/** The form's values of a saved record (to correct it). */
function valuesOf(r: KeyProjectRecord): RecordForm {
  const base = { on: dayjs(r.on) };
  switch (r.kind) {
    case 'request':
      return { ...base, summary: r.text, raisedBy: r.people };
    case 'meeting':
      return { ...base, representatives: r.people, convenor: r.convenor ?? '', summary: r.text };
    case 'plan':
      return { ...base, plan: r.text };
    case 'tender':
      return {
        ...base,
        representatives: r.people,
        winningFirm: r.winningFirm ?? '',
        amountYuan: r.amountYuan ?? 0,
      };
    case 'inspection':
      return {
        ...base,
        representatives: r.people,
        engineerPresent: r.engineerPresent ?? false,
        findings: r.text,
        rectification: r.rectification ?? '',
      };
    case 'appraisal':
      return {
        ...base,
        participants: r.people,
        satisfied: r.satisfied ?? 0,
        basicallySatisfied: r.basicallySatisfied ?? 0,
        unsatisfied: r.unsatisfied ?? 0,
      };
  }
}

function useSaved(onClose: () => void) {
  const { t } = useLang();
  const { message } = App.useApp();
  return async () => {
    void message.success(t('budget.saved'));
    await queryClient.invalidateQueries(trpc.budget.pathFilter());
    onClose();
  };
}

function RecordDialog({
  project,
  kind,
  editing,
  onClose,
}: {
  project: KeyProject;
  kind: BudgetRecordKind;
  /** The record corrected; a new record is added when absent. */
  editing?: KeyProjectRecord;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<RecordForm>();
  const onError = useFormErrorHandler(form, fieldsOf[kind]);
  const onSuccess = useSaved(onClose);
  const [held, setHeld] = useState<File[]>([]);
  const { upload, percent } = useUploadFiles();
  const withFiles = !editing && budgetRecordKindsWithFiles.includes(kind);
  const save = useMutation({
    mutationFn: async (v: RecordForm) => {
      if (editing) return sendEdit(editing, v);
      const saved = await send(project, kind, v);
      // the held files go onto the record just added
      const known = new Set(project.records.map((r) => r.id));
      const added = saved.records.find((r) => r.kind === kind && !known.has(r.id));
      if (added && held.length > 0) await upload(`/api/budget/records/${added.id}/files`, held);
      return saved;
    },
    onSuccess,
    onError,
  });
  const township = project.townshipCode;
  const ideas = useQuery({
    ...trpc.projects.list.queryOptions({
      divisionCode: township,
      year: project.year,
      pageSize: 200,
    }),
    enabled: kind === 'request',
  });
  const comments = useQuery({
    ...trpc.comments.list.queryOptions({ divisionCode: township, pageSize: 200 }),
    enabled: kind === 'request',
  });
  const text = (name: string, label: string, max: number, required = true, rows = 0) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []}>
      {rows > 0 ? (
        <Input.TextArea rows={rows} maxLength={max} data-testid={`budget-${name}`} />
      ) : (
        <Input maxLength={max} data-testid={`budget-${name}`} />
      )}
    </Form.Item>
  );
  const count = (name: string, label: string, extra?: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]} extra={extra}>
      <InputNumber min={0} style={{ width: '100%' }} data-testid={`budget-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={
        editing
          ? `${t('budget.edit')}：${budgetRecordKindNames[kind][lang]}`
          : t(`budget.${kind}.add`)
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'budget-record-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing ? valuesOf(editing) : { on: dayjs(todayIso()), engineerPresent: true }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="on" label={t('budget.on')} rules={[{ required: true }]}>
          <DatePicker data-testid="budget-on" />
        </Form.Item>
        {kind === 'request' && (
          <>
            {text('summary', t('budget.request.summary'), 500, true, 2)}
            {count('raisedBy', t('budget.request.raisedBy'))}
            {!editing && (
              <>
                <Form.Item name="ideaId" label={t('budget.request.idea')}>
                  <Select
                    allowClear
                    placeholder={t('budget.request.none')}
                    loading={ideas.isLoading}
                    options={(ideas.data?.items ?? []).map((p) => ({
                      value: p.id,
                      label: p.title,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="commentId" label={t('budget.request.comment')}>
                  <Select
                    allowClear
                    placeholder={t('budget.request.none')}
                    loading={comments.isLoading}
                    options={(comments.data?.items ?? []).map((c) => ({
                      value: c.id,
                      label: `${c.receivedOn} ${c.subject}`,
                    }))}
                  />
                </Form.Item>
              </>
            )}
          </>
        )}
        {kind === 'meeting' && (
          <>
            {count(
              'representatives',
              t('budget.meeting.representatives'),
              t('budget.meeting.guide', { n: designRepresentativesGuide }),
            )}
            {text('convenor', t('budget.meeting.convenor'), 50, false)}
            {text('summary', t('budget.meeting.summary'), 2000, true, 3)}
          </>
        )}
        {kind === 'plan' && <>{text('plan', t('budget.plan.plan'), 4000, true, 4)}</>}
        {kind === 'tender' && (
          <>
            {count('representatives', t('budget.tender.representatives'))}
            {text('winningFirm', t('budget.tender.winningFirm'), 200)}
            {count('amountYuan', t('budget.tender.amountYuan'))}
          </>
        )}
        {kind === 'inspection' && (
          <>
            {count('representatives', t('budget.inspection.representatives'))}
            <Form.Item name="engineerPresent" valuePropName="checked">
              <Checkbox data-testid="budget-engineerPresent">
                {t('budget.inspection.engineerPresent')}
              </Checkbox>
            </Form.Item>
            {text('findings', t('budget.inspection.findings'), 2000, true, 3)}
            {text('rectification', t('budget.inspection.rectification'), 1000, false, 2)}
          </>
        )}
        {kind === 'appraisal' && (
          <>
            <Space wrap>
              {count('participants', t('budget.appraisal.participants'))}
              {count('satisfied', t('budget.appraisal.satisfied'))}
              {count('basicallySatisfied', t('budget.appraisal.basicallySatisfied'))}
              {count('unsatisfied', t('budget.appraisal.unsatisfied'))}
            </Space>
            {!editing &&
              text('rectifications', t('budget.appraisal.rectifications'), 5000, false, 3)}
          </>
        )}
        {withFiles && (
          <Form.Item label={t('township.files')}>
            <HeldFiles files={held} onChange={setHeld} testId="budget-record-files" />
            <UploadProgress percent={percent} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function RectifyDialog({
  project,
  target,
  onClose,
}: {
  project: KeyProject;
  target: Rectify;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{ doneOn: Dayjs }>();
  const onError = useFormErrorHandler(form, ['doneOn']);
  const onSuccess = useSaved(onClose);
  const save = useMutation(trpc.budget.markRectified.mutationOptions({ onSuccess, onError }));
  return (
    <Modal
      open
      title={t('budget.markDone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'budget-rectify-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ doneOn: dayjs(todayIso()) }}
        onFinish={(v) =>
          save.mutate({
            id: project.id,
            version: project.version,
            recordId: target.record.id,
            ...(target.record.kind === 'appraisal' ? { item: target.item ?? 0 } : {}),
            doneOn: v.doneOn.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="doneOn" label={t('budget.doneOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="budget-doneOn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
