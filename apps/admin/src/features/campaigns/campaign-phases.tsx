// A campaign's dates and phases on its page: the closed banner with the summary, the county's
// actions (extend a deadline, assign a cross-check, the pilot meeting and roll-out, close), the
// late subjects per township, and the extensions, cross-checks and meetings recorded.
import { useState, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { formatPoints } from '@fazhi/domain';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { useErrorText } from '../../components/use-error-text';
import { ResponsiveTable } from '../../components/responsive-table';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import { PilotMeetingFiles } from './pilot-meeting-files';
import { useSubjectWords } from './subject-words';
import {
  campaignStages,
  canRunCampaigns,
  stateColors,
  type Campaign,
  type CampaignStage,
} from './model';
import type { RouterOutputs } from '../../types';
import { DeadlineTag } from './deadline-tag';

const refresh = () => {
  void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
  void queryClient.invalidateQueries(trpc.participations.pathFilter());
  void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
};

export function CampaignPhases({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const me = useMe();
  const county = canRunCampaigns(me.role);
  const open = campaign.closedAt === null;
  const [dialog, setDialog] = useState<'extend' | 'cross' | 'meeting' | 'close' | null>(null);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rollOut = useMutation(trpc.campaigns.rollOut.mutationOptions());
  const pilotPhase = campaign.hasPilotVillages && campaign.rolledOutAt === null;

  return (
    <>
      {campaign.closedAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="campaign-closed"
          title={t('phases.close.closed', { date: dayjs(campaign.closedAt).format('YYYY-MM-DD') })}
          description={
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {campaign.closingSummary}
            </Typography.Paragraph>
          }
        />
      ) : null}
      {campaign.closedAt && county ? <ClosedFigures campaign={campaign} /> : null}
      {campaign.hasPilotVillages ? (
        <Alert
          type={pilotPhase ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="pilot-phase"
          title={
            pilotPhase
              ? t('phases.pilot.title')
              : t('phases.pilot.rolledOut', {
                  date: dayjs(campaign.rolledOutAt).format('YYYY-MM-DD'),
                })
          }
          description={pilotPhase ? t('phases.pilot.hint') : undefined}
        />
      ) : null}
      {county && open ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="phase-actions">
          <Button onClick={() => setDialog('extend')} data-testid="extend-deadline">
            {t('phases.extend.button')}
          </Button>
          <Button onClick={() => setDialog('cross')} data-testid="grant-cross-check">
            {t('phases.crossCheck.button')}
          </Button>
          {pilotPhase ? (
            <>
              <Button onClick={() => setDialog('meeting')} data-testid="pilot-meeting">
                {t('phases.pilot.meeting')}
              </Button>
              <Popconfirm
                title={t('phases.pilot.rollOutConfirm')}
                okText={t('app.ok')}
                cancelText={t('app.cancel')}
                onConfirm={() =>
                  rollOut.mutate(
                    { id: campaign.id },
                    {
                      onSuccess: () => {
                        void message.success(t('phases.pilot.rolledOutDone'));
                        refresh();
                      },
                      onError: (e) => void message.error(errorText(e)),
                    },
                  )
                }
              >
                <Button loading={rollOut.isPending} data-testid="roll-out">
                  {t('phases.pilot.rollOut')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          <Button danger onClick={() => setDialog('close')} data-testid="close-campaign">
            {t('phases.close.button')}
          </Button>
        </Flex>
      ) : null}
      {open ? <LateSubjectsCard campaign={campaign} /> : null}
      <RecordsCard campaign={campaign} />
      <ExtendDeadlineDialog
        campaign={campaign}
        open={dialog === 'extend'}
        onClose={() => setDialog(null)}
      />
      <CrossCheckDialog
        campaign={campaign}
        open={dialog === 'cross'}
        onClose={() => setDialog(null)}
      />
      <PilotMeetingDialog
        campaign={campaign}
        open={dialog === 'meeting'}
        onClose={() => setDialog(null)}
      />
      <CloseDialog campaign={campaign} open={dialog === 'close'} onClose={() => setDialog(null)} />
    </>
  );
}

type LateRow = RouterOutputs['campaigns']['lateSubjects']['items'][number];

function LateSubjectsCard({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const words = useSubjectWords(campaign.subjectLevel);
  const [township, setTownship] = useState<string | undefined>();
  const { page, pageSize, toFirstPage, tablePagination } = usePagination(10);
  const late = useQuery({
    ...trpc.campaigns.lateSubjects.queryOptions({
      id: campaign.id,
      ...(township ? { townshipCode: township } : {}),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  if (!late.data) return null;
  const { dueOn, light, total, byTownship, items } = late.data;
  if (!dueOn) return null;
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="late-subjects"
      title={
        <Space wrap>
          {t('phases.late.title')}
          <DeadlineTag light={light} dueOn={dueOn} />
        </Space>
      }
    >
      {total === 0 && !township ? (
        <Typography.Text type="secondary">
          {light === 'red'
            ? t('phases.late.none', words)
            : t('phases.late.notDue', { date: dueOn })}
        </Typography.Text>
      ) : (
        <>
          <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="late-by-township">
            {byTownship.map((b) => (
              <Tag.CheckableTag
                key={b.townshipCode}
                checked={township === b.townshipCode}
                onChange={(checked) => {
                  setTownship(checked ? b.townshipCode : undefined);
                  toFirstPage();
                }}
              >
                {t('phases.late.byTownship', {
                  name: b.townshipName ?? b.townshipCode,
                  count: b.count,
                })}
              </Tag.CheckableTag>
            ))}
          </Flex>
          <ResponsiveTable<LateRow>
            rowKey="participationId"
            size="small"
            dataSource={items}
            loading={late.isFetching && late.isPlaceholderData}
            pagination={tablePagination(total)}
            columns={[
              {
                key: 'village',
                title: words.Subjects,
                cardTitle: true,
                render: (_, r) => (
                  <Link to={`/participations/${r.participationId}`}>{r.villageName}</Link>
                ),
              },
              {
                key: 'township',
                title: t('campaigns.township'),
                render: (_, r) => r.townshipName ?? r.townshipCode,
              },
              {
                key: 'state',
                title: t('campaigns.state'),
                render: (_, r) => (
                  <Tag color={stateColors[r.state]}>{t(`campaigns.states.${r.state}`)}</Tag>
                ),
              },
              {
                key: 'late',
                title: t('phases.lights.red'),
                render: (_, r) => (
                  <Typography.Text type="danger">
                    {t('phases.late.daysLate', { count: r.daysLate })}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The extensions, cross-checks and pilot meetings of the campaign (first page of each). */
function RecordsCard({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const county = canRunCampaigns(useMe().role);
  const extensions = useQuery(
    trpc.campaigns.deadlineExtensions.queryOptions({ id: campaign.id, pageSize: 20 }),
  );
  const crossChecks = useQuery(
    trpc.campaigns.crossChecks.queryOptions({ id: campaign.id, pageSize: 50 }),
  );
  const meetings = useQuery({
    ...trpc.campaigns.pilotMeetings.queryOptions({ id: campaign.id, pageSize: 20 }),
    enabled: campaign.hasPilotVillages,
  });
  const ext = extensions.data?.items ?? [];
  const cross = crossChecks.data?.items ?? [];
  const meet = meetings.data?.items ?? [];
  if (ext.length + cross.length + meet.length === 0) return null;
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="phase-records">
      {ext.length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          title={t('phases.extend.list')}
          data-testid="extensions"
          items={ext.map((e) => ({
            key: e.id,
            label: t('phases.extend.entry', {
              stage: t(`campaigns.stages.${e.stage}`),
              from: e.fromDate ?? t('phases.noDeadline'),
              to: e.toDate,
            }),
            children: `${e.reason}（${e.createdBy ?? ''} ${dayjs(e.createdAt).format('YYYY-MM-DD')}）`,
          }))}
        />
      ) : null}
      {cross.length > 0 ? (
        <div style={{ marginTop: 12 }} data-testid="cross-checks">
          <Typography.Text strong>{t('phases.crossCheck.list')}</Typography.Text>
          <Flex gap={6} wrap style={{ marginTop: 8 }}>
            {cross.map((g) => (
              <Tag key={g.id} color={g.active ? 'blue' : 'default'} data-testid="cross-check">
                {t('phases.crossCheck.entry', { user: g.userName, township: g.townshipName })}
                {g.active ? '' : `（${t('phases.crossCheck.ended')}）`}
                {g.active && county ? (
                  <RevokeCrossCheck campaign={campaign} grantId={g.id} />
                ) : null}
              </Tag>
            ))}
          </Flex>
        </div>
      ) : null}
      {meet.length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          style={{ marginTop: 12 }}
          title={t('phases.pilot.meetings')}
          data-testid="pilot-meetings"
          items={meet.map((m) => ({
            key: m.id,
            label: `${m.heldOn} ${m.place}`,
            children: (
              <Flex vertical>
                <span>{t('phases.pilot.attendeesCount', { count: m.attendees })}</span>
                <span style={{ whiteSpace: 'pre-wrap' }}>{m.summary}</span>
                <PilotMeetingFiles
                  campaignId={campaign.id}
                  meetingId={m.id}
                  files={m.files}
                  fileNames={m.fileNames}
                  canUpload={county && campaign.closedAt === null}
                />
              </Flex>
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}

/** A form dialog of this page. */
function PhaseDialog(props: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  width?: number;
  pending: boolean;
  onOk(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger ?? false, disabled: props.pending }}
      cancelText={t('app.cancel')}
      onOk={props.onOk}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      width={props.width}
      destroyOnHidden
    >
      {props.children}
    </Modal>
  );
}

/** After a save: the message, fresh campaign data, an empty form, the dialog closed. */
/** 撤销: the county ends a cross-check grant before the campaign closes. */
function RevokeCrossCheck({ campaign, grantId }: { campaign: Campaign; grantId: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const revoke = useMutation(trpc.campaigns.revokeCrossCheck.mutationOptions());
  return (
    <Popconfirm
      title={t('phases.crossCheck.revokeConfirm')}
      okText={t('app.ok')}
      cancelText={t('app.cancel')}
      onConfirm={() =>
        revoke.mutate(
          { id: campaign.id, grantId },
          {
            onSuccess: () => {
              void message.success(t('phases.crossCheck.revoked'));
              refresh();
            },
            onError: (e) => void message.error(errorText(e)),
          },
        )
      }
    >
      <Button
        type="link"
        size="small"
        loading={revoke.isPending}
        data-testid="revoke-cross-check"
        style={{ paddingInline: 4, height: 'auto' }}
      >
        {t('phases.crossCheck.revoke')}
      </Button>
    </Popconfirm>
  );
}

function useDone(form: { resetFields(): void }, onClose: () => void) {
  const { message } = App.useApp();
  return (text: string) => () => {
    void message.success(text);
    refresh();
    form.resetFields();
    onClose();
  };
}

interface DialogProps {
  campaign: Campaign;
  open: boolean;
  onClose(): void;
}

function ExtendDeadlineDialog({ campaign, open, onClose }: DialogProps) {
  const { t } = useLang();
  const [form] = Form.useForm<{ stage: CampaignStage; to: Dayjs | null; reason: string }>();
  const done = useDone(form, onClose);
  const extend = useMutation(trpc.campaigns.extendDeadline.mutationOptions());
  const onError = useFormErrorHandler(form, ['stage', 'to', 'reason']);
  const stage = Form.useWatch('stage', form) ?? campaign.stage;
  const current = campaign.stageDates[stage];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values?.to) return;
    extend.mutate(
      {
        id: campaign.id,
        stage: values.stage,
        to: values.to.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
      },
      {
        onSuccess: done(t('phases.extend.done')),
        onError,
      },
    );
  };

  return (
    <PhaseDialog
      open={open}
      title={t('phases.extend.title')}
      okText={t('app.save')}
      pending={extend.isPending}
      onOk={() => void submit()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="extend-deadline"
        initialValues={{ stage: campaign.stage }}
      >
        <Form.Item name="stage" label={t('phases.extend.stage')} rules={[{ required: true }]}>
          <Select
            options={campaignStages.map((s) => ({ value: s, label: t(`campaigns.stages.${s}`) }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" data-testid="current-deadline">
          {current ? t('phases.extend.current', { date: current }) : t('phases.noDeadline')}
        </Typography.Paragraph>
        <Form.Item
          name="to"
          label={t('phases.extend.to')}
          rules={[{ required: true, message: t('campaigns.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('phases.extend.reason')}
          rules={[{ required: true, whitespace: true, message: t('campaigns.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </PhaseDialog>
  );
}

function CrossCheckDialog({ campaign, open, onClose }: DialogProps) {
  const { t } = useLang();
  const [form] = Form.useForm<{ userId: string; townshipCode: string }>();
  const done = useDone(form, onClose);
  const grant = useMutation(trpc.campaigns.grantCrossCheck.mutationOptions());
  const onError = useFormErrorHandler(form, ['userId', 'townshipCode']);
  const officers = useQuery({
    ...trpc.users.list.queryOptions({ role: 'township_officer', disabled: false, pageSize: 200 }),
    enabled: open,
  });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    grant.mutate(
      { id: campaign.id, ...values },
      {
        onSuccess: done(t('phases.crossCheck.done')),
        onError,
      },
    );
  };

  return (
    <PhaseDialog
      open={open}
      title={t('phases.crossCheck.title')}
      okText={t('app.save')}
      pending={grant.isPending}
      onOk={() => void submit()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('phases.crossCheck.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="cross-check">
        <Form.Item
          name="userId"
          label={t('phases.crossCheck.officer')}
          rules={[{ required: true, message: t('campaigns.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={officers.isPending}
            options={(officers.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.scopeName ?? u.scopeCode}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="townshipCode"
          label={t('phases.crossCheck.township')}
          rules={[{ required: true, message: t('campaigns.required') }]}
        >
          <DivisionSelect levels={['township']} />
        </Form.Item>
      </Form>
    </PhaseDialog>
  );
}

function PilotMeetingDialog({ campaign, open, onClose }: DialogProps) {
  const { t } = useLang();
  const [form] = Form.useForm<{
    heldOn: Dayjs | null;
    place: string;
    attendees: number;
    summary: string;
    fileNames: string[];
  }>();
  const done = useDone(form, onClose);
  const save = useMutation(trpc.campaigns.recordPilotMeeting.mutationOptions());
  const onError = useFormErrorHandler(form, [
    'heldOn',
    'place',
    'attendees',
    'summary',
    'fileNames',
  ]);
  const required = [{ required: true, message: t('campaigns.required') }];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values?.heldOn) return;
    save.mutate(
      {
        id: campaign.id,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        place: values.place,
        attendees: values.attendees,
        summary: values.summary,
        fileNames: values.fileNames ?? [],
      },
      {
        onSuccess: done(t('phases.pilot.saved')),
        onError,
      },
    );
  };

  return (
    <PhaseDialog
      open={open}
      title={t('phases.pilot.meetingTitle')}
      okText={t('app.save')}
      pending={save.isPending}
      onOk={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" name="pilot-meeting">
        <Form.Item name="heldOn" label={t('phases.pilot.heldOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('phases.pilot.place')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="attendees" label={t('phases.pilot.attendees')} rules={required}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label={t('phases.pilot.summary')} rules={required}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="fileNames" label={t('phases.pilot.files')}>
          <Select mode="tags" open={false} />
        </Form.Item>
      </Form>
    </PhaseDialog>
  );
}

function ClosedFigures({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const recorded = useQuery(trpc.campaigns.closingPreview.queryOptions({ id: campaign.id }));
  if (!recorded.data) return null;
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('phases.close.figures')}
      style={{ marginBottom: 16 }}
    >
      <ClosingFiguresView figures={recorded.data.figures} level={campaign.subjectLevel} />
    </Card>
  );
}

type Figures = RouterOutputs['campaigns']['closingPreview']['figures'];

/** The figures the system computes for the summary: totals and the average per township. */
export function ClosingFiguresView({
  figures,
  level,
}: {
  figures: Figures;
  level: Campaign['subjectLevel'];
}) {
  const { t } = useLang();
  const words = useSubjectWords(level);
  return (
    <div data-testid="closing-figures">
      <Descriptions
        size="small"
        column={{ xs: 2, md: 3 }}
        items={[
          { key: 'subjects', label: t('phases.close.subjects', words), children: figures.subjects },
          { key: 'named', label: t('phases.close.named'), children: figures.named },
          { key: 'returned', label: t('phases.close.returned'), children: figures.returned },
          { key: 'withdrawn', label: t('phases.close.withdrawn'), children: figures.withdrawn },
          {
            key: 'average',
            label: t('phases.close.average'),
            children: formatPoints(figures.average),
          },
          {
            key: 'grades',
            label: t('phases.close.byGrade'),
            children:
              Object.entries(figures.byGrade)
                .map(([g, n]) => `${t(`campaigns.grades.${g}`, { defaultValue: g })} ${n}`)
                .join('，') || t('app.none'),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="townshipCode"
        pagination={false}
        scroll={{ x: 320 }}
        dataSource={figures.townships}
        columns={[
          {
            key: 'name',
            title: t('phases.close.township'),
            dataIndex: 'townshipName',
          },
          { key: 'subjects', title: t('phases.close.subjects', words), dataIndex: 'subjects' },
          { key: 'scored', title: t('phases.close.scored'), dataIndex: 'scored' },
          {
            key: 'average',
            title: t('phases.close.average'),
            render: (_, r) => formatPoints(r.average),
          },
        ]}
      />
    </div>
  );
}

function CloseDialog({ campaign, open, onClose }: DialogProps) {
  const { t } = useLang();
  const [form] = Form.useForm<{ summary: string }>();
  const done = useDone(form, onClose);
  const close = useMutation(trpc.campaigns.close.mutationOptions());
  const onError = useFormErrorHandler(form, ['summary']);
  const preview = useQuery({
    ...trpc.campaigns.closingPreview.queryOptions({ id: campaign.id }),
    enabled: open,
  });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    close.mutate(
      { id: campaign.id, summary: values.summary.trim() },
      {
        onSuccess: done(t('phases.close.done')),
        onError,
      },
    );
  };

  return (
    <PhaseDialog
      open={open}
      title={t('phases.close.title')}
      okText={t('phases.close.confirm')}
      danger
      width={640}
      pending={close.isPending}
      onOk={() => void submit()}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('phases.close.hint')} style={{ marginBottom: 12 }} />
      <Typography.Text strong>{t('phases.close.figures')}</Typography.Text>
      {preview.data ? (
        <ClosingFiguresView figures={preview.data.figures} level={campaign.subjectLevel} />
      ) : null}
      <Form form={form} layout="vertical" name="close-campaign" style={{ marginTop: 12 }}>
        <Form.Item
          name="summary"
          label={t('phases.close.summary')}
          rules={[{ required: true, whitespace: true, message: t('campaigns.required') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </PhaseDialog>
  );
}
