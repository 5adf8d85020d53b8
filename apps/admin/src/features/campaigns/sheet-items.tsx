// The items of the score sheet: a table of all items and columns on a wide screen (fitted to
// the page, no sideways scrolling), one card per item on a phone (rule, answer, evidence,
// comment). Only the column whose turn it is can be edited.
import { createContext, memo, useContext, useMemo } from 'react';
import { formatPoints } from '@fazhi/domain';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { IndicatorArea, IndicatorItem, ItemAnswer, ItemScore, Scorecard } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { AnswerInput, AnswerText, CommentInput, ItemPoints, RuleText } from './sheet-cells';
import { EvidenceCell } from './sheet-evidence';
import { DerivedMark } from './sheet-derived';
import {
  sheetColumns,
  type EvidenceFile,
  type ParticipationDetail,
  type SheetColumn,
} from './model';
import type { SheetActions, SheetDraft } from './use-sheet-draft';

type Row =
  | { key: string; kind: 'area'; area: IndicatorArea }
  | { key: string; kind: 'item'; item: IndicatorItem; area: IndicatorArea };

function itemScore(card: Scorecard | null | undefined, code: string) {
  if (!card) return undefined;
  for (const area of card.areas) {
    const found = area.items.find((i) => i.code === code);
    if (found) return found;
  }
  return undefined;
}

/** The live scoring gives new objects on every change: the same when what it shows is. */
function sameScore(a: ItemScore | undefined, b: ItemScore | undefined) {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.points === b.points &&
    a.max === b.max &&
    a.answered === b.answered &&
    a.explanation.zh === b.explanation.zh &&
    a.explanation.en === b.explanation.en
  );
}

interface ItemsProps {
  detail: ParticipationDetail;
  sheet: SheetDraft;
  /** The scorecards per column, the editable one live. */
  cards: Record<SheetColumn, Scorecard | null>;
}

/** The evidence files per item; the same lists while the sheet's detail is the same. */
function useEvidence(detail: ParticipationDetail) {
  return useMemo(() => {
    const byItem = new Map<string, EvidenceFile[]>();
    for (const f of detail.evidence) {
      byItem.set(f.itemCode, [...(byItem.get(f.itemCode) ?? []), f]);
    }
    return byItem;
  }, [detail.evidence]);
}

const noFiles: EvidenceFile[] = [];

/** What one column's cell of one item shows: plain values, so that an unchanged cell is skipped. */
interface CellProps {
  detail: ParticipationDetail;
  column: SheetColumn;
  item: IndicatorItem;
  /** The column is the one being filled: inputs, with the draft's values. */
  editing: boolean;
  answer: ItemAnswer | undefined;
  comment: string;
  /** The reason the answer differs from the records'. */
  reason: string;
  score: ItemScore | undefined;
  actions: SheetActions;
}

/** Whether a cell would show the same: its values, and its score by what the score shows. */
function sameCell(a: CellProps, b: CellProps) {
  return (
    a.detail === b.detail &&
    a.column === b.column &&
    a.item === b.item &&
    a.editing === b.editing &&
    a.answer === b.answer &&
    a.comment === b.comment &&
    a.reason === b.reason &&
    a.actions === b.actions &&
    sameScore(a.score, b.score)
  );
}

function cellProps(
  { detail, sheet, cards }: ItemsProps,
  column: SheetColumn,
  item: IndicatorItem,
): CellProps {
  const editing = column === sheet.editable;
  const data = editing ? sheet.draft : detail.participation.sheet[column];
  return {
    detail,
    column,
    item,
    editing,
    answer: data?.items[item.code],
    comment: data?.comments[item.code] ?? '',
    reason: data?.overrides?.[item.code] ?? '',
    score: itemScore(cards[column], item.code),
    actions: sheet.actions,
  };
}

/**
 * One column's cell of one item: the inputs when it is the editable column, else the answer.
 * Typing in one item re-renders that item's cell only (a sheet has 40 or more).
 */
const ColumnCell = memo(function ColumnCell({
  detail,
  column,
  item,
  editing,
  answer,
  comment,
  reason,
  score,
  actions,
}: CellProps) {
  const { t } = useLang();
  const derived = (
    <DerivedMark
      detail={detail}
      column={column}
      item={item}
      editing={editing}
      answer={answer}
      reason={reason}
      actions={actions}
    />
  );
  if (editing) {
    return (
      <Flex vertical gap={4} data-testid={`answer-${item.code}`}>
        <AnswerInput item={item} value={answer} onChange={(v) => actions.setAnswer(item.code, v)} />
        {derived}
        <ItemPoints score={score} />
        <CommentInput
          code={item.code}
          value={comment}
          onChange={(text) => actions.setComment(item.code, text)}
        />
      </Flex>
    );
  }
  if (!detail.participation.sheet[column]) return null;
  return (
    <Flex vertical gap={2} data-testid={`cell-${column}-${item.code}`}>
      <span>
        <AnswerText item={item} answer={answer} />
      </span>
      {derived}
      <ItemPoints score={score} />
      {comment ? (
        <Typography.Text italic style={{ fontSize: 12 }}>
          {t('sheet.comment')}：{comment}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}, sameCell);

function AreaPoints({ card, area }: { card: Scorecard | null; area: IndicatorArea }) {
  const found = card?.areas.find((a) => a.code === area.code);
  return found ? (
    <Typography.Text strong>
      {formatPoints(found.points)} / {formatPoints(found.max)}
    </Typography.Text>
  ) : null;
}

/**
 * What the cells of the table read as the sheet changes: the draft and the live scores. The table
 * itself renders once per sheet (antd's Table re-renders every row whenever it renders); on each
 * change only the cells that read this re-render, and of those only a changed one renders again.
 */
const LiveSheet = createContext<ItemsProps | null>(null);

/** One column's cell of one item in the table, from the live sheet. */
function LiveColumnCell({ column, item }: { column: SheetColumn; item: IndicatorItem }) {
  const live = useContext(LiveSheet);
  return live ? <ColumnCell {...cellProps(live, column, item)} /> : null;
}

/** One column's points of one area in the table, from the live sheet. */
function LiveAreaPoints({ column, area }: { column: SheetColumn; area: IndicatorArea }) {
  const live = useContext(LiveSheet);
  return live ? <AreaPoints card={live.cards[column]} area={area} /> : null;
}

/** All items in one table; the widths are shares of the page, so it never scrolls sideways. */
export function SheetTable(props: ItemsProps) {
  return (
    <LiveSheet.Provider value={props}>
      <SheetTableLayout detail={props.detail} />
    </LiveSheet.Provider>
  );
}

/** The table of the sheet as stored: rendered again only when the sheet is loaded again. */
const SheetTableLayout = memo(function SheetTableLayout({
  detail,
}: {
  detail: ParticipationDetail;
}) {
  const { t } = useLang();
  const editable = detail.editableColumn;
  const rows = useMemo<Row[]>(
    () =>
      detail.framework.areas.flatMap((area) => [
        { key: `area:${area.code}`, kind: 'area' as const, area },
        ...area.items.map((item) => ({ key: item.code, kind: 'item' as const, item, area })),
      ]),
    [detail.framework],
  );
  const evidence = useEvidence(detail);
  const areaCell = (row: Row) => (row.kind === 'area' ? { colSpan: 0 } : {});
  // the editable column gets the room its inputs need
  const columnWidth = (column: SheetColumn) =>
    editable ? (column === editable ? '19%' : '12%') : '14%';

  return (
    <Table<Row>
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      data-testid="sheet-table"
      className="fz-sheet-table"
      tableLayout="fixed"
      rowClassName={(row) => (row.kind === 'area' ? 'fz-area-row' : '')}
      columns={[
        {
          key: 'item',
          title: t('sheet.item'),
          width: '15%',
          onCell: (row) => (row.kind === 'area' ? { colSpan: 4 } : {}),
          render: (_, row) =>
            row.kind === 'area' ? (
              <Typography.Text strong>
                {row.area.code} {row.area.name}（
                {t('sheet.pointsValue', { points: row.area.points })}）
              </Typography.Text>
            ) : (
              <Flex vertical>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.item.code} · {formatPoints(row.item.points)}
                  {t('sheet.pointsUnit')} · {t(`sheet.methods.${row.item.method}`)}
                </Typography.Text>
                <span>{row.item.name}</span>
              </Flex>
            ),
        },
        {
          key: 'points',
          title: t('sheet.points'),
          width: '5%',
          align: 'right',
          onCell: areaCell,
          render: (_, row) => (row.kind === 'item' ? formatPoints(row.item.points) : null),
        },
        {
          key: 'rule',
          title: t('sheet.rule'),
          width: editable ? '19%' : '21%',
          onCell: areaCell,
          render: (_, row) => (row.kind === 'item' ? <RuleText item={row.item} /> : null),
        },
        {
          key: 'evidence',
          title: t('sheet.evidence'),
          width: '14%',
          onCell: areaCell,
          render: (_, row) =>
            row.kind === 'item' ? (
              <EvidenceCell
                item={row.item}
                files={evidence.get(row.item.code) ?? noFiles}
                participationId={detail.participation.id}
                column={editable}
              />
            ) : null,
        },
        ...sheetColumns.map((column) => ({
          key: column,
          title: (
            <Flex gap={4} wrap>
              {t(`sheet.columns.${column}`)}
              {column === editable ? <Tag color="red">{t('sheet.live')}</Tag> : null}
            </Flex>
          ),
          width: columnWidth(column),
          render: (_: unknown, row: Row) =>
            row.kind === 'area' ? (
              <LiveAreaPoints column={column} area={row.area} />
            ) : (
              <LiveColumnCell column={column} item={row.item} />
            ),
        })),
      ]}
    />
  );
});

/** What one item's card shows: its cells (the editable column's first), and its evidence. */
interface ItemCardProps {
  item: IndicatorItem;
  editable: SheetColumn | null;
  cells: CellProps[];
  files: EvidenceFile[];
  participationId: string;
}

/**
 * One item's card. Typing in one item re-renders that item's card only: the others show the same
 * (a card is some forty components, and a sheet has forty cards or more).
 */
const ItemCard = memo(
  function ItemCard({ item, editable, cells, files, participationId }: ItemCardProps) {
    const { t } = useLang();
    return (
      <Card
        size="small"
        data-testid={`item-card-${item.code}`}
        title={
          <Flex vertical style={{ whiteSpace: 'normal', padding: '4px 0' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.code} · {formatPoints(item.points)}
              {t('sheet.pointsUnit')} · {t(`sheet.methods.${item.method}`)}
            </Typography.Text>
            <span>{item.name}</span>
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sheet.rule')}
            </Typography.Text>
            <div style={{ fontSize: 13 }}>
              <RuleText item={item} />
            </div>
          </div>
          {cells.map((cell) => (
            <div key={cell.column}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`sheet.columns.${cell.column}`)}
              </Typography.Text>
              <ColumnCell {...cell} />
            </div>
          ))}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sheet.evidence')}
            </Typography.Text>
            <EvidenceCell
              item={item}
              files={files}
              participationId={participationId}
              column={editable}
            />
          </div>
        </Flex>
      </Card>
    );
  },
  (a, b) =>
    a.item === b.item &&
    a.editable === b.editable &&
    a.files === b.files &&
    a.participationId === b.participationId &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => sameCell(cell, b.cells[i]!)),
);

/** One card per item, grouped by area: what a clerk fills on a phone. */
export function SheetItemCards(props: ItemsProps) {
  const { t } = useLang();
  const { detail, sheet, cards } = props;
  const editable = sheet.editable;
  const evidence = useEvidence(detail);
  const others = sheetColumns.filter((c) => c !== editable && detail.participation.sheet[c]);
  const columns = editable ? [editable, ...others] : others;
  return (
    <Flex vertical gap={12} data-testid="sheet-cards">
      {detail.framework.areas.map((area) => (
        <Flex vertical gap={8} key={area.code}>
          <Flex justify="space-between" align="baseline" gap={8}>
            <Typography.Text strong>
              {area.code} {area.name}（{t('sheet.pointsValue', { points: area.points })}）
            </Typography.Text>
            {editable ? <AreaPoints card={cards[editable]} area={area} /> : null}
          </Flex>
          {area.items.map((item) => (
            <ItemCard
              key={item.code}
              item={item}
              editable={editable}
              cells={columns.map((column) => cellProps(props, column, item))}
              files={evidence.get(item.code) ?? noFiles}
              participationId={detail.participation.id}
            />
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
