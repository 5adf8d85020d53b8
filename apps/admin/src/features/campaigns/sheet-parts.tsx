// The parts of the score-sheet page around the items: the totals per column, a save conflict,
// the township's reason of a return, the local draft offered back, objections and vetoes.
import { formatPoints } from '@fazhi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Scorecard } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { AnswerText } from './sheet-cells';
import {
  gradeColors,
  sheetColumns,
  type ParticipationDetail,
  type SheetColumn,
  type SheetColumnData,
  type SheetConflict,
} from './model';
import type { LocalDraft } from './local-draft';

export function TotalCard({
  column,
  card,
  editable,
  filled,
  minimum,
}: {
  column: SheetColumn;
  card: Scorecard | null;
  editable: boolean;
  filled: boolean;
  /** The campaign's minimum score for this column, in points. */
  minimum: number | null;
}) {
  const { t } = useLang();
  return (
    <Card
      size="small"
      title={
        <Space size={4}>
          {t(`sheet.columns.${column}`)}
          {editable ? <Tag color="red">{t('sheet.live')}</Tag> : null}
        </Space>
      }
      data-testid={`total-${column}`}
    >
      {card && filled ? (
        <>
          <Statistic
            value={formatPoints(card.total)}
            suffix={`/ ${formatPoints(card.max)}`}
            valueStyle={{ color: card.vetoed ? '#cf1322' : undefined }}
          />
          <Space wrap size={4} style={{ marginTop: 4 }}>
            <Tag color={gradeColors[card.grade]}>{t(`campaigns.grades.${card.grade}`)}</Tag>
            {card.vetoed ? <Tag color="error">{t('sheet.vetoed')}</Tag> : null}
            {card.complete ? (
              <Tag color="success">{t('sheet.complete')}</Tag>
            ) : (
              <Tag color="warning">{t('sheet.missing', { count: card.missing.length })}</Tag>
            )}
          </Space>
        </>
      ) : (
        <Typography.Text type="secondary">{t('sheet.notFilled')}</Typography.Text>
      )}
      {minimum !== null ? (
        <Typography.Text
          type={card && filled && !card.vetoed && card.total < minimum ? 'danger' : 'secondary'}
          style={{ display: 'block', marginTop: 4, fontSize: 12 }}
          data-testid={`minimum-${column}`}
        >
          {t('sheet.minimum', { points: formatPoints(minimum) })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

export function ConflictAlert({
  conflict,
  mine,
  column,
  detail,
  onReload,
  onOverwrite,
}: {
  conflict: SheetConflict;
  mine: SheetColumnData;
  column: SheetColumn | null;
  detail: ParticipationDetail;
  onReload(): void;
  onOverwrite(): void;
}) {
  const { t } = useLang();
  const theirs = conflict.column;
  const items = detail.framework.areas.flatMap((a) => a.items);
  const differing = items.filter(
    (i) =>
      JSON.stringify(theirs?.items[i.code] ?? null) !==
        JSON.stringify(mine.items[i.code] ?? null) ||
      (theirs?.comments[i.code] ?? '') !== (mine.comments[i.code] ?? ''),
  );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="sheet-conflict"
      title={t('sheet.conflictTitle', {
        who: conflict.updatedBy ?? t('sheet.someone'),
        when: conflict.updatedAt ? dayjs(conflict.updatedAt).format('YYYY-MM-DD HH:mm:ss') : '',
      })}
      description={
        <>
          <Typography.Paragraph>{t('sheet.conflictHint')}</Typography.Paragraph>
          {!theirs || differing.length === 0 ? (
            <Typography.Paragraph type="secondary">
              {t('sheet.conflictNoChange')}
            </Typography.Paragraph>
          ) : (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={differing}
              scroll={{ y: 240 }}
              columns={[
                {
                  key: 'item',
                  title: t('sheet.item'),
                  render: (_, i) => `${i.code} ${i.name}`,
                },
                {
                  key: 'theirs',
                  title: t('sheet.conflictTheirs'),
                  render: (_, i) => (
                    <>
                      <AnswerText item={i} answer={theirs.items[i.code]} />
                      {theirs.comments[i.code] ? ` · ${theirs.comments[i.code]}` : ''}
                    </>
                  ),
                },
                {
                  key: 'mine',
                  title: t('sheet.conflictMine'),
                  render: (_, i) => (
                    <>
                      <AnswerText item={i} answer={mine.items[i.code]} />
                      {mine.comments[i.code] ? ` · ${mine.comments[i.code]}` : ''}
                    </>
                  ),
                },
              ]}
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Popconfirm
              title={t('sheet.conflictReloadConfirm')}
              okText={t('app.ok')}
              cancelText={t('app.cancel')}
              onConfirm={onReload}
            >
              <Button>{t('sheet.conflictReload')}</Button>
            </Popconfirm>
            {column ? (
              <Button type="primary" onClick={onOverwrite}>
                {t('sheet.conflictOverwrite')}
              </Button>
            ) : null}
          </Space>
        </>
      }
    />
  );
}

/** Why the township returned the sheet: shown to everyone until it is submitted again. */
export function ReturnedAlert({ reason }: { reason: string | null }) {
  const { t } = useLang();
  if (!reason) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="returned-reason"
      title={t('sheet.returnedTitle')}
      description={reason}
    />
  );
}

/** Unsaved edits from an earlier visit: restore them into the editor, or drop them. */
export function DraftOffer({
  offer,
  onRestore,
  onDiscard,
}: {
  offer: LocalDraft | null;
  onRestore(): void;
  onDiscard(): void;
}) {
  const { t } = useLang();
  if (!offer) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-offer"
      title={t('sheet.draftFound')}
      description={t('sheet.draftFoundHint', { when: dayjs(offer.at).format('YYYY-MM-DD HH:mm') })}
      action={
        <Space direction="vertical" size={4}>
          <Button size="small" type="primary" onClick={onRestore} data-testid="draft-restore">
            {t('sheet.draftRestore')}
          </Button>
          <Button size="small" onClick={onDiscard} data-testid="draft-discard">
            {t('sheet.draftDiscard')}
          </Button>
        </Space>
      }
    />
  );
}

export function ObjectionsCard({ detail }: { detail: ParticipationDetail }) {
  const { t } = useLang();
  if (detail.objections.length === 0) return null;
  return (
    <Card variant="borderless" title={t('sheet.objections')} style={{ marginBottom: 16 }}>
      {detail.objections.map((o) => (
        <Descriptions
          key={o.id}
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 8 }}
          items={[
            // who objected is for the county only: the API sends null below it
            {
              key: 'name',
              label: t('sheet.objectorName'),
              children: o.name ?? (
                <Typography.Text type="secondary">{t('sheet.objectorHidden')}</Typography.Text>
              ),
            },
            {
              key: 'contact',
              label: t('sheet.objectorContact'),
              children: o.contact ?? (
                <Typography.Text type="secondary">{t('sheet.objectorHidden')}</Typography.Text>
              ),
            },
            {
              key: 'status',
              label: t('sheet.state'),
              children: t(`sheet.objectionStatus.${o.status}`),
            },
            { key: 'content', label: t('sheet.objectorContent'), children: o.content, span: 3 },
            ...(o.resolution
              ? [{ key: 'res', label: t('sheet.resolution'), children: o.resolution, span: 3 }]
              : []),
          ]}
        />
      ))}
    </Card>
  );
}

export function VetoesCard({
  detail,
  editable,
  draft,
  onVeto,
}: {
  detail: ParticipationDetail;
  editable: SheetColumn | null;
  draft: SheetColumnData;
  onVeto(code: string, on: boolean): void;
}) {
  const { t } = useLang();
  const { framework, participation } = detail;
  if (framework.vetoes.length === 0) return null;
  return (
    <Card
      variant="borderless"
      title={t('sheet.vetoes')}
      data-testid="vetoes"
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        tableLayout="fixed"
        dataSource={[...framework.vetoes]}
        columns={[
          {
            key: 'name',
            title: t('sheet.item'),
            render: (_, v) => (
              <Flex vertical>
                <span>{v.name}</span>
                {v.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.note}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          ...sheetColumns.map((column) => ({
            key: column,
            title: t(`sheet.columns.${column}`),
            width: '18%',
            render: (_: unknown, v: { code: string }) =>
              column === editable ? (
                <Checkbox
                  checked={draft.vetoes.includes(v.code)}
                  onChange={(e) => onVeto(v.code, e.target.checked)}
                  data-testid={`veto-${v.code}`}
                >
                  {t('sheet.vetoTriggered')}
                </Checkbox>
              ) : participation.sheet[column]?.vetoes.includes(v.code) ? (
                <Tag color="error">{t('sheet.vetoTriggered')}</Tag>
              ) : participation.sheet[column] ? (
                t('app.none')
              ) : null,
          })),
        ]}
      />
    </Card>
  );
}
