// The township work dashboard (工作看板): for the user's township or county and a year, tasks by
// light and state, projects by stage with budget against spending, comments by reply time, and a
// row per township (county) or village (township). Every figure drills down to its records: the
// task and comment lists filtered the same way, the projects of the township in a drawer.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import {
  projectStageNames,
  projectStages,
  taskStateNames,
  taskStates,
  trafficLights,
  type ProjectStage,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { todayIso } from './model';
import type { RouterOutputs } from '../../types';

type Summary = RouterOutputs['townshipDashboard']['summary'];
type BoardRow = Summary['rows'][number];

const lightColor = { green: 'success', yellow: 'warning', red: 'error' } as const;

function query(params: Record<string, string | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  return q.toString();
}

/** A figure that opens its records. */
function Figure({
  to,
  onClick,
  value,
  label,
  testId,
  color,
}: {
  to?: string;
  onClick?: () => void;
  value: number;
  label: ReactNode;
  testId: string;
  color?: string;
}) {
  const body = (
    <Flex vertical align="center" style={{ minWidth: 64 }}>
      <Typography.Text strong style={{ fontSize: 22, color }} data-testid={testId}>
        {value}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Flex>
  );
  if (to) return <Link to={to}>{body}</Link>;
  if (onClick)
    return (
      <a role="button" onClick={onClick}>
        {body}
      </a>
    );
  return body;
}

const figureColors = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

export function TownshipBoardPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [projects, setProjects] = useState<{
    code: string;
    name: string;
    stage: ProjectStage;
  } | null>(null);
  // the user's township or county (the API refuses any other level with a field error)
  const divisionCode = me.scopeCode;
  const summary = useQuery(trpc.townshipDashboard.summary.queryOptions({ divisionCode, year }));
  const data = summary.data;

  const tasksLink = (code: string, extra: Record<string, string>) =>
    `/tasks?${query({ divisionCode: code, ...extra })}`;
  const commentsLink = (code: string, extra: Record<string, string | boolean>) =>
    `/comments?${query({ divisionCode: code, ...extra })}`;
  const yuan = (v: number) => t('township.board.yuan', { value: v.toLocaleString() });
  /** The township whose projects a row's figures are (a county's row, or the board's own). */
  const townshipOf = (code: string) => (data?.level === 'county' ? code : divisionCode);

  const taskCard = (row: BoardRow) => (
    <Card title={t('township.board.tasks')} size="small" data-testid="board-tasks">
      <Typography.Text type="secondary">{t('township.board.byLight')}</Typography.Text>
      <Flex gap={8} wrap justify="space-around" style={{ margin: '8px 0 16px' }}>
        {[...trafficLights].reverse().map((l) => (
          <Figure
            key={l}
            to={tasksLink(row.code, { light: l })}
            value={row.tasks.byLight[l]}
            label={t(`township.lights.${l}`)}
            color={figureColors[l]}
            testId={`board-light-${l}`}
          />
        ))}
        <Figure
          value={row.tasks.escalated}
          label={t('township.board.escalated')}
          testId="board-escalated"
          to={tasksLink(row.code, { escalated: 'true' })}
        />
      </Flex>
      <Typography.Text type="secondary">{t('township.board.byState')}</Typography.Text>
      <Flex gap={8} wrap justify="space-around" style={{ marginTop: 8 }}>
        {taskStates.map((s) => (
          <Figure
            key={s}
            to={tasksLink(row.code, { state: s })}
            value={row.tasks.byState[s]}
            label={taskStateNames[s][lang]}
            testId={`board-state-${s}`}
          />
        ))}
        <Figure
          value={row.tasks.closedLate}
          label={t('township.board.closedLate')}
          testId="board-closed-late"
          to={tasksLink(row.code, { closedLate: 'true' })}
        />
      </Flex>
    </Card>
  );

  const projectCard = (row: BoardRow) => {
    const { budgetYuan, spentYuan } = row.projects;
    return (
      <Card title={t('township.board.projects')} size="small" data-testid="board-projects">
        <Typography.Text type="secondary">{t('township.board.byStage')}</Typography.Text>
        <Flex gap={8} wrap justify="space-around" style={{ margin: '8px 0 16px' }}>
          {projectStages.map((s) => (
            <Figure
              key={s}
              value={row.projects.byStage[s]}
              label={projectStageNames[s][lang]}
              testId={`board-stage-${s}`}
              {...(data?.level === 'county' && row.code === data.divisionCode
                ? {}
                : {
                    onClick: () =>
                      setProjects({ code: townshipOf(row.code), name: row.name, stage: s }),
                  })}
            />
          ))}
        </Flex>
        <Typography.Text type="secondary">{t('township.board.spentShare')}</Typography.Text>
        {budgetYuan > 0 ? (
          <>
            <Progress
              percent={Math.round((spentYuan / budgetYuan) * 100)}
              status={spentYuan > budgetYuan ? 'exception' : 'normal'}
              data-testid="board-spent"
            />
            <Typography.Text>
              {t('township.board.spent')} {yuan(spentYuan)} / {t('township.board.budget')}{' '}
              {yuan(budgetYuan)}
            </Typography.Text>
          </>
        ) : (
          <div>
            <Typography.Text type="secondary">{t('township.board.noBudget')}</Typography.Text>
          </div>
        )}
      </Card>
    );
  };

  const commentCard = (row: BoardRow) => (
    <Card title={t('township.board.comments')} size="small" data-testid="board-comments">
      <Flex gap={8} wrap justify="space-around">
        <Figure
          to={commentsLink(row.code, { late: false })}
          value={row.comments.onTime}
          label={t('township.board.onTime')}
          testId="board-comments-on-time"
          color={figureColors.green}
        />
        <Figure
          to={commentsLink(row.code, { late: true })}
          value={row.comments.late}
          label={t('township.board.late')}
          testId="board-comments-late"
          color={figureColors.yellow}
        />
        <Figure
          to={commentsLink(row.code, { answered: false })}
          value={row.comments.open}
          label={t('township.board.waiting')}
          testId="board-comments-open"
        />
        <Figure
          to={commentsLink(row.code, { light: 'red' })}
          value={row.comments.openRed}
          label={t('township.board.waitingRed')}
          testId="board-comments-red"
          color={figureColors.red}
        />
      </Flex>
    </Card>
  );

  const columns: ResponsiveColumn<BoardRow>[] = [
    { title: t('township.board.division'), dataIndex: 'name', cardTitle: true },
    {
      title: t('township.board.byLight'),
      key: 'lights',
      render: (_, r) => (
        <Space size={4} wrap>
          {[...trafficLights].reverse().map((l) => (
            <Link key={l} to={tasksLink(r.code, { light: l })} data-testid={`row-${r.code}-${l}`}>
              <Tag color={lightColor[l]}>
                {t(`township.lights.${l}`)} {r.tasks.byLight[l]}
              </Tag>
            </Link>
          ))}
        </Space>
      ),
    },
    {
      title: taskStateNames.closed[lang],
      key: 'closed',
      render: (_, r) => (
        <Link to={tasksLink(r.code, { state: 'closed' })}>{r.tasks.byState.closed}</Link>
      ),
    },
    {
      title: t('township.board.spentShare'),
      key: 'spent',
      render: (_, r) =>
        r.projects.budgetYuan > 0
          ? `${yuan(r.projects.spentYuan)} / ${yuan(r.projects.budgetYuan)}`
          : '—',
    },
    {
      title: t('township.board.comments'),
      key: 'comments',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={commentsLink(r.code, { answered: false })}>
            {t('township.board.waiting')} {r.comments.open}
          </Link>
          <span>
            {t('township.board.late')} {r.comments.late}
          </span>
        </Space>
      ),
    },
  ];

  const years = [thisYear, thisYear - 1, thisYear - 2];
  const empty = data !== undefined && data.rows.length === 0;

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('township.board.title')}
        extra={
          <Select
            aria-label={t('township.board.year')}
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="board-year"
          />
        }
        loading={summary.isLoading}
      >
        {summary.error ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : data ? (
          <>
            <Typography.Paragraph type="secondary">
              {data.total.name} · {t('township.board.drill')}
            </Typography.Paragraph>
            {empty ? (
              <Empty description={t('township.board.empty')} />
            ) : (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={10}>
                  {taskCard(data.total)}
                </Col>
                <Col xs={24} md={12} lg={7}>
                  {projectCard(data.total)}
                </Col>
                <Col xs={24} md={12} lg={7}>
                  {commentCard(data.total)}
                </Col>
              </Row>
            )}
          </>
        ) : null}
      </Card>
      {data && !empty && (
        <Card title={t('township.board.perDivision')}>
          <ResponsiveTable<BoardRow>
            data-testid="board-rows"
            rowKey="code"
            columns={columns}
            dataSource={data.rows}
            pagination={false}
          />
        </Card>
      )}
      {projects && (
        <ProjectsDrawer
          township={projects.code}
          name={projects.name}
          stage={projects.stage}
          year={year}
          onClose={() => setProjects(null)}
        />
      )}
    </Flex>
  );
}

/** The projects of a township's year at a stage (the records behind a stage's figure). */
function ProjectsDrawer(props: {
  township: string;
  name: string;
  stage: ProjectStage;
  year: number;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const list = useQuery(
    trpc.projects.list.queryOptions({
      divisionCode: props.township,
      year: props.year,
      page: 1,
      pageSize: 200,
    }),
  );
  const items = (list.data?.items ?? []).filter((p) => p.stage === props.stage);
  return (
    <Drawer
      open
      onClose={props.onClose}
      size={Math.min(480, window.innerWidth)}
      title={t('township.board.projectList', {
        name: props.name,
        stage: projectStageNames[props.stage][lang],
      })}
    >
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={8} data-testid="board-project-list">
          {list.isLoading ? (
            <Spin />
          ) : items.length === 0 ? (
            <Empty />
          ) : (
            items.map((p) => (
              <Card key={p.id} size="small" title={p.title}>
                {p.budgetYuan !== null
                  ? `${t('township.board.spent')} ${p.spentYuan.toLocaleString()} / ${t('township.board.budget')} ${p.budgetYuan.toLocaleString()}`
                  : p.source}
              </Card>
            ))
          )}
        </Flex>
      )}
    </Drawer>
  );
}
