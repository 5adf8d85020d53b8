import { useQuery } from '@tanstack/react-query';
import { Badge, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import { ApartmentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { campaignStageName, divisionLevel, participationStateName } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { canManageUsers, WHOLE_DEPLOYMENT } from '../../lib/roles';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { DeadlineTag } from '../campaigns/deadline-tag';
import { PlainCard as Card } from '../../components/plain-card';
import { useMe } from '../auth/me-context';
import { labelIn } from '../../lib/label-in';
import { NoticesCard } from './notices-card';
import { PlainParagraph, PlainText, PlainTitle } from '../../components/plain-text';
import { subjectWords } from '../campaigns/subject-words';

export function DashboardPage() {
  const { t } = useLang();
  const me = useMe();
  const summary = useQuery(trpc.dashboard.summary.queryOptions());

  // a count of what lies below one's scope only: a clerk is not shown "乡镇（街道）0"
  const level = me.scopeCode === WHOLE_DEPLOYMENT ? null : divisionLevel(me.scopeCode);
  type Card = { key: 'townships' | 'villages' | 'users'; icon: React.ReactNode; title: string };
  const cards: Card[] = [
    ...(level === 'township' || level === 'village'
      ? []
      : [
          {
            key: 'townships' as const,
            icon: <ApartmentOutlined />,
            title: t('dashboard.townships'),
          },
        ]),
    ...(level === 'village'
      ? []
      : [{ key: 'villages' as const, icon: <HomeOutlined />, title: t('dashboard.villages') }]),
    { key: 'users', icon: <TeamOutlined />, title: t('dashboard.users') },
  ];

  return (
    <>
      <PlainTitle>{t('dashboard.title')}</PlainTitle>
      <PlainParagraph type="secondary">
        {t('auth.welcome', { name: me.displayName })}
      </PlainParagraph>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col xs={24} sm={24 / cards.length} key={card.key}>
              <Card data-testid={`count-${card.key}`}>
                {summary.isPending ? (
                  <Skeleton active paragraph={{ rows: 1 }} />
                ) : (
                  <Statistic
                    title={t('dashboard.countTitle', { what: card.title })}
                    value={summary.data[card.key]}
                    prefix={card.icon}
                  />
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <TodoCard />
      <NoticesCard />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.myScope')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'name',
                  label: t('auth.scope'),
                  children:
                    me.scopeCode === WHOLE_DEPLOYMENT
                      ? t('dashboard.wholeDeployment')
                      : (me.scopeName ?? t('app.none')),
                },
                { key: 'code', label: t('dashboard.scopeCode'), children: me.scopeCode },
                {
                  key: 'role',
                  label: t('auth.role'),
                  children: <Tag color="red">{t(`roles.${me.role}`)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.quickLinks')}>
            <PlainParagraph>
              <Link to="/divisions">{t('nav.divisions')}</Link>
            </PlainParagraph>
            {canManageUsers(me.role) ? (
              <PlainParagraph>
                <Link to="/users">{t('nav.users')}</Link>
              </PlainParagraph>
            ) : null}
            <PlainParagraph style={{ marginBottom: 0 }}>
              <Link to="/audit">{t('nav.audit')}</Link>
            </PlainParagraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The campaign page, filtered to the villages waiting (self-assessment waits in two states). */
function todoLink(entry: { campaignId: string; task: string }): string {
  const state: Record<string, string> = {
    township_review: 'self_assessed',
    county_acceptance: 'township_approved',
    objection: 'objected',
  };
  const filter = state[entry.task];
  return `/campaigns/${entry.campaignId}${filter ? `?state=${filter}` : ''}`;
}

/** 待办: the sheets whose column is the user's now, and objections for the county. */
function TodoCard() {
  const { t, lang } = useLang();
  const todo = useQuery(trpc.dashboard.todo.queryOptions());
  return (
    <Card title={t('dashboard.todo')} style={{ marginTop: 16 }} data-testid="todo">
      {todo.isError ? (
        <QueryError error={todo.error} onRetry={() => void todo.refetch()} />
      ) : todo.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : todo.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.todoEmpty')} />
      ) : (
        // plain rows, not antd's List: it brings pagination and Select to the first screen
        <div role="list">
          {todo.data.map((entry) => (
            <Flex
              role="listitem"
              key={`${entry.campaignId}-${entry.task}`}
              data-testid={`todo-${entry.task}`}
              justify="space-between"
              align="center"
              gap={8}
              wrap
              style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
            >
              <div style={{ minWidth: 0 }}>
                <Space wrap>
                  <Badge status={entry.task === 'objection' ? 'error' : 'processing'} />
                  <PlainText strong>{entry.campaignName}</PlainText>
                  <Tag>{labelIn(campaignStageName(entry.stage), lang)}</Tag>
                  <span>
                    {t(`dashboard.tasks.${entry.task}`, {
                      count: entry.count,
                      ...subjectWords(entry.subjectLevel, lang),
                    })}
                  </span>
                  <DeadlineTag light={entry.light} dueOn={entry.dueOn} />
                </Space>
                {/* the sheets the township returned, with its reason, until submitted again */}
                {entry.returned.map((r) => (
                  <div key={r.participationId} data-testid="todo-returned">
                    <Link to={`/participations/${r.participationId}`}>
                      <Tag color="warning">{labelIn(participationStateName('returned'), lang)}</Tag>
                      {r.villageName}
                    </Link>
                    {r.reason ? (
                      <PlainText type="secondary">
                        {' '}
                        {t('dashboard.returnedReason', { reason: r.reason })}
                      </PlainText>
                    ) : null}
                  </div>
                ))}
              </div>
              <Link to={todoLink(entry)}>{t('dashboard.todoOpen')}</Link>
            </Flex>
          ))}
        </div>
      )}
    </Card>
  );
}
