// 督查督办: the tasks of the user's area with their lights, filtered by light and state, a page
// at a time; the assigning office assigns, closes and rates, the owner reports progress. The
// 通报 of a period sits below, with its Excel and Word downloads. The dashboard drills down here
// with `?divisionCode=&light=&state=`; the assigning office edits a task and decides extensions,
// the owner asks for one.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  taskRatingNames,
  taskStateNames,
  taskStates,
  trafficLights,
  type TaskState,
  type TrafficLight,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { QueryError } from '../../components/query-error';
import { trpc, queryClient } from '../../trpc';
import { useMe } from '../auth/me-context';
import { LightTag } from './light-tag';
import {
  CloseDialog,
  EditTaskDialog,
  ExtensionDecisionDialog,
  HistoryDialog,
  ExtensionRequestDialog,
  NewTaskDialog,
  ReportDialog,
  ReturnDialog,
} from './task-dialogs';
import { downloadBase64, inScope, mayDo, todayIso, type TaskRow } from './model';
import { downloadTaskBulletinDocx } from './bulletin-download';
import { useErrorText } from '../../components/use-error-text';

type Dialog =
  | { kind: 'new' }
  | {
      kind: 'report' | 'close' | 'return' | 'edit' | 'askExtension' | 'decideExtension' | 'history';
      task: TaskRow;
    }
  | null;

const isLight = (v: string | null): v is TrafficLight =>
  v !== null && (trafficLights as readonly string[]).includes(v);
const isState = (v: string | null): v is TaskState =>
  v !== null && (taskStates as readonly string[]).includes(v);

/** Whether the user may edit the task: the assigning office, before it is closed. */
const mayEdit = (me: ReturnType<typeof useMe>, task: TaskRow) =>
  me.role !== 'inspector' &&
  me.role !== 'village_clerk' &&
  task.state !== 'closed' &&
  inScope(me, task.assignerCode);

export function TasksPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const [params] = useSearchParams();
  const asked = params.get('divisionCode');
  const divisionCode = asked && inScope(me, asked) ? asked : me.scopeCode;
  const [light, setLight] = useState<TrafficLight | 'all'>(() => {
    const l = params.get('light');
    return isLight(l) ? l : 'all';
  });
  const [state, setState] = useState<TaskState | undefined>(() => {
    const s = params.get('state');
    return isState(s) ? s : undefined;
  });
  const [escalated, setEscalated] = useState(params.get('escalated') === 'true');
  const [closedLate, setClosedLate] = useState(params.get('closedLate') === 'true');
  const [dialog, setDialog] = useState<Dialog>(null);
  const paging = usePagination();
  const list = useQuery(
    trpc.tasks.list.queryOptions({
      divisionCode,
      ...(escalated ? { escalated } : {}),
      ...(closedLate ? { closedLate } : {}),
      ...(light === 'all' ? {} : { light }),
      ...(state ? { state } : {}),
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const office = me.role === 'county_admin' || me.role === 'township_officer';

  const columns: ResponsiveColumn<TaskRow>[] = [
    {
      title: t('township.light'),
      key: 'light',
      render: (_, r) => <LightTag light={r.light} redDays={r.redDays} escalated={r.escalated} />,
    },
    { title: t('township.title'), dataIndex: 'title', cardTitle: true },
    {
      title: t('township.owner'),
      key: 'owner',
      render: (_, r) => r.ownerUnit ?? r.ownerName,
    },
    { title: t('township.deadline'), dataIndex: 'deadline' },
    {
      title: t('township.state'),
      key: 'state',
      render: (_, r) => (
        <span data-testid={`task-state-${r.id}`}>
          {taskStateNames[r.state][lang]}
          {r.rating ? `（${taskRatingNames[r.rating][lang]}）` : ''}
          {r.extensionPending && (
            <Tag color="processing" style={{ marginInlineStart: 4 }}>
              {t('township.extension.pending')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('township.percent'),
      key: 'percent',
      hideOnPhone: true,
      render: (_, r) => <Progress percent={r.percentDone} size="small" style={{ width: 100 }} />,
    },
    {
      title: '',
      key: 'actions',
      render: (_, r) => (
        <Space wrap>
          <Button
            size="small"
            data-testid={`task-history-${r.id}`}
            onClick={() => setDialog({ kind: 'history', task: r })}
          >
            {t('township.history')}
          </Button>
          {mayDo(me, r, 'report') && (
            <Button
              size="small"
              data-testid={`task-report-${r.id}`}
              onClick={() => setDialog({ kind: 'report', task: r })}
            >
              {t('township.report')}
            </Button>
          )}
          {mayDo(me, r, 'close') && (
            <Button
              size="small"
              type="primary"
              data-testid={`task-close-${r.id}`}
              onClick={() => setDialog({ kind: 'close', task: r })}
            >
              {t('township.close')}
            </Button>
          )}
          {mayDo(me, r, 'return') && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'return', task: r })}>
              {t('township.returnTask')}
            </Button>
          )}
          {mayEdit(me, r) && (
            <Button
              size="small"
              data-testid={`task-edit-${r.id}`}
              onClick={() => setDialog({ kind: 'edit', task: r })}
            >
              {t('township.edit')}
            </Button>
          )}
          {mayDo(me, r, 'request_extension') && (
            <Button
              size="small"
              data-testid={`task-extension-${r.id}`}
              onClick={() => setDialog({ kind: 'askExtension', task: r })}
            >
              {t('township.extension.request')}
            </Button>
          )}
          {mayDo(me, r, 'decide_extension') && (
            <Button
              size="small"
              type="primary"
              data-testid={`task-decide-${r.id}`}
              onClick={() => setDialog({ kind: 'decideExtension', task: r })}
            >
              {t('township.extension.decide')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('township.tasksTitle')}
        extra={
          office && (
            <Button
              type="primary"
              data-testid="task-new"
              onClick={() => setDialog({ kind: 'new' })}
            >
              {t('township.newTask')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            data-testid="task-light-filter"
            value={light}
            onChange={(v) => {
              setLight(v as TrafficLight | 'all');
              paging.toFirstPage();
            }}
            options={[
              { value: 'all', label: t('app.all') },
              ...trafficLights.map((l) => ({ value: l, label: t(`township.lights.${l}`) })),
            ]}
          />
          <Select
            allowClear
            placeholder={t('township.state')}
            style={{ width: 140 }}
            value={state}
            onChange={(v) => {
              setState(v);
              paging.toFirstPage();
            }}
            options={taskStates.map((s) => ({ value: s, label: taskStateNames[s][lang] }))}
          />
          {escalated && (
            <Tag
              closable
              data-testid="tasks-escalated-filter"
              onClose={() => {
                setEscalated(false);
                paging.toFirstPage();
              }}
            >
              {t('township.board.escalated')}
            </Tag>
          )}
          {closedLate && (
            <Tag
              closable
              data-testid="tasks-closed-late-filter"
              onClose={() => {
                setClosedLate(false);
                paging.toFirstPage();
              }}
            >
              {t('township.board.closedLate')}
            </Tag>
          )}
        </Space>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<TaskRow>
            data-testid="tasks-table"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isLoading}
            pagination={paging.tablePagination(list.data?.total ?? 0)}
          />
        )}
      </Card>
      {me.role !== 'village_clerk' && <BulletinCard />}
      {dialog?.kind === 'new' && <NewTaskDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'history' && (
        <HistoryDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'report' && (
        <ReportDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'close' && (
        <CloseDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'return' && (
        <ReturnDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <EditTaskDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'askExtension' && (
        <ExtensionRequestDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decideExtension' && (
        <ExtensionDecisionDialog task={dialog.task} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}

const bulletinKeys = [
  'ownerName',
  'assigned',
  'closed',
  'closedLate',
  'overdueOpen',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
] as const;

function BulletinCard() {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs(todayIso()).startOf('year'),
    dayjs(todayIso()),
  ]);
  const input = {
    divisionCode: me.scopeCode,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };
  const bulletin = useQuery(trpc.tasks.bulletin.queryOptions(input));
  const download = async () => {
    const file = await queryClient.fetchQuery(trpc.tasks.bulletinWorkbook.queryOptions(input));
    downloadBase64(
      file.base64,
      file.fileName,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const downloadWord = async () => {
    try {
      await downloadTaskBulletinDocx(input);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card
      title={t('township.bulletin')}
      extra={
        <Space wrap>
          <Button onClick={() => void download()} data-testid="bulletin-download">
            {t('township.download')}
          </Button>
          <Button onClick={() => void downloadWord()} data-testid="bulletin-download-docx">
            {t('township.downloadWord')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        {bulletin.data ? t('township.overdueAsOf', { today: bulletin.data.today }) : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="ownerCode"
        scroll={{ x: true }}
        loading={bulletin.isLoading}
        dataSource={bulletin.data?.rows ?? []}
        pagination={false}
        columns={bulletinKeys.map((k) => ({
          title: t(`township.bulletinColumns.${k}`),
          dataIndex: k,
        }))}
      />
    </Card>
  );
}
