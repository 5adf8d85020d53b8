// One framework in full: its facts, grade bands, vetoes, sources, and every area with its items
// (points, the scoring rule in words, the evidence and the assessment method).
import { formatPoints } from '@fazhi/domain';
import { Card, Descriptions, Divider, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { Framework, IndicatorArea, IndicatorItem, ListedGrade } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { RuleText } from '../../components/rule-text';
import { itemCount } from './framework-import';

const gradeColors: Record<ListedGrade | 'fail', string> = {
  excellent: 'success',
  good: 'blue',
  pass: 'cyan',
  fail: 'error',
};

const reliabilityColors: Record<string, string> = {
  verified: 'success',
  secondary: 'processing',
  unverified: 'warning',
};

export function StatusTag({ status }: { status: string | null | undefined }) {
  const { t } = useLang();
  switch (status) {
    case 'template':
    case 'example':
    case 'draft':
    case 'in_force':
    case 'retired':
      return (
        <Tag color={status === 'in_force' ? 'success' : status === 'retired' ? 'default' : 'gold'}>
          {t(`frameworks.statuses.${status}`)}
        </Tag>
      );
    default:
      return status ? (
        <Tag>{status}</Tag>
      ) : (
        <Typography.Text type="secondary">{t('frameworks.noStatus')}</Typography.Text>
      );
  }
}

function AreaCard({ area }: { area: IndicatorArea }) {
  const { t } = useLang();
  return (
    <Card
      size="small"
      data-testid={`framework-area-${area.code}`}
      title={t('frameworks.areaTitle', { code: area.code, name: area.name })}
      extra={
        <Typography.Text type="secondary">
          {t('frameworks.areaSummary', {
            points: formatPoints(area.points),
            count: area.items.length,
          })}
        </Typography.Text>
      }
    >
      {area.note ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {area.note}
        </Typography.Paragraph>
      ) : null}
      <Table<IndicatorItem>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={[...area.items]}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'item',
            title: t('frameworks.item'),
            width: 240,
            render: (_, item) => (
              <Flex vertical gap={2}>
                <span>
                  <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
                </span>
                {item.configurable ? (
                  <span>
                    <Tag color="purple">{t('frameworks.configurable')}</Tag>
                  </span>
                ) : null}
                {item.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('frameworks.note')}：{item.note}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'points',
            title: t('frameworks.points'),
            width: 70,
            align: 'right',
            render: (_, item) => formatPoints(item.points),
          },
          {
            key: 'rule',
            title: t('frameworks.rule'),
            render: (_, item) => <RuleText item={item} />,
          },
          {
            key: 'evidence',
            title: t('frameworks.evidence'),
            width: 200,
            render: (_, item) =>
              item.evidence?.length ? (
                <ul className="fz-rule-list">
                  {item.evidence.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : (
                t('app.none')
              ),
          },
          {
            key: 'method',
            title: t('frameworks.method'),
            width: 100,
            render: (_, item) => t(`frameworks.methods.${item.method}`),
          },
        ]}
      />
    </Card>
  );
}

interface Props {
  framework: Framework;
  builtin: boolean;
}

export function FrameworkDetail({ framework, builtin }: Props) {
  const { t } = useLang();
  const lowest = framework.grades[framework.grades.length - 1];
  return (
    <Flex vertical gap={16} data-testid="framework-detail">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'code', label: t('frameworks.code'), children: framework.code },
          { key: 'version', label: t('frameworks.version'), children: framework.version },
          { key: 'name', label: t('frameworks.name'), children: framework.name, span: 2 },
          {
            key: 'status',
            label: t('frameworks.status'),
            children: <StatusTag status={framework.status} />,
          },
          {
            key: 'origin',
            label: t('frameworks.origin'),
            children: builtin ? (
              <Tag color="red">{t('frameworks.builtin')}</Tag>
            ) : (
              <Tag>{t('frameworks.imported')}</Tag>
            ),
          },
          {
            key: 'total',
            label: t('frameworks.totalPoints'),
            children: formatPoints(framework.totalPoints),
          },
          {
            key: 'items',
            label: t('frameworks.itemCount'),
            children: t('frameworks.items', { count: itemCount(framework) }),
          },
          ...(framework.description
            ? [
                {
                  key: 'description',
                  label: t('frameworks.description'),
                  children: framework.description,
                  span: 2,
                },
              ]
            : []),
        ]}
      />

      <Card size="small" title={t('frameworks.grades')} data-testid="framework-grades">
        <Flex gap={8} wrap>
          {framework.grades.map((g) => (
            <Tag key={g.grade} color={gradeColors[g.grade]}>
              {t(`frameworks.gradeNames.${g.grade}`)}：
              {t('frameworks.gradeBand', { min: formatPoints(g.minPoints) })}
            </Tag>
          ))}
          {lowest ? (
            <Tag color={gradeColors.fail}>
              {t('frameworks.gradeNames.fail')}：
              {t('frameworks.gradeFail', { min: formatPoints(lowest.minPoints) })}
            </Tag>
          ) : null}
        </Flex>
      </Card>

      <Card size="small" title={t('frameworks.vetoes')} data-testid="framework-vetoes">
        {framework.vetoes.length === 0 ? (
          <Typography.Text type="secondary">{t('frameworks.noVetoes')}</Typography.Text>
        ) : (
          <Flex vertical>
            {framework.vetoes.map((v, i) => (
              <div key={v.code}>
                {i > 0 ? <Divider style={{ margin: '8px 0' }} /> : null}
                <Flex vertical>
                  <span>
                    <Typography.Text type="secondary">{v.code}</Typography.Text> {v.name}
                  </span>
                  {v.note ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v.note}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </div>
            ))}
          </Flex>
        )}
      </Card>

      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('frameworks.areas')}
      </Typography.Title>
      {framework.areas.length === 0 ? <Empty /> : null}
      {framework.areas.map((area) => (
        <AreaCard key={area.code} area={area} />
      ))}

      {framework.sources?.length ? (
        <Card size="small" title={t('frameworks.sources')} data-testid="framework-sources">
          <Flex vertical>
            {framework.sources.map((src, i) => (
              <div key={`${i}-${src.title}`}>
                {i > 0 ? <Divider style={{ margin: '8px 0' }} /> : null}
                <Flex vertical gap={2}>
                  <span>
                    {src.url ? (
                      <Typography.Link href={src.url} target="_blank" rel="noreferrer">
                        {src.title}
                      </Typography.Link>
                    ) : (
                      src.title
                    )}{' '}
                    {src.reliability ? (
                      <Tag color={reliabilityColors[src.reliability]}>
                        {t(`frameworks.reliabilities.${src.reliability}`)}
                      </Tag>
                    ) : null}
                  </span>
                  {src.note ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {src.note}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
