// 考核评分表: one row per item grouped by area, the three columns 自评 / 乡镇初审 / 县级验收 with
// their answers, points and explanations; only the column whose turn it is can be edited, with
// live totals from @fazhi/domain. Saves are optimistically locked; a conflict shows the other
// person's change. Evidence per item, the transitions, and the Excel round trip.
import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  SaveOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  scoreAssessment,
  type IndicatorArea,
  type IndicatorItem,
  type ItemAnswer,
  type Scorecard,
} from '@fazhi/domain';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { apiErrorInfo, localized } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { EventActions } from './event-actions';
import { ExcelImportDialog } from './excel-import-dialog';
import {
  canRemoveEvidence,
  emptyColumn,
  formatPoints,
  gradeColors,
  sheetColumns,
  sheetConflictOf,
  stateColors,
  type EvidenceFile,
  type ParticipationDetail,
  type SheetColumn,
  type SheetColumnData,
  type SheetConflict,
} from './model';
import { AnswerInput, AnswerText, CommentInput, ItemPoints, RuleText } from './sheet-cells';
import { evidenceFileProblem, uploadEvidence } from './upload';

export function SheetPage() {
  const { id = '' } = useParams();
  const detail = useQuery({
    ...trpc.participations.get.queryOptions({ id }),
    staleTime: 0,
  });
  // bumped when the sheet is (re)loaded from the server on purpose: the editor starts afresh
  const [loadKey, setLoadKey] = useState(0);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError)
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const reload = async () => {
    await detail.refetch();
    setLoadKey((k) => k + 1);
  };
  return (
    <SheetEditor
      key={`${data.participation.id}:${data.editableColumn ?? '-'}:${loadKey}`}
      detail={data}
      reload={reload}
    />
  );
}

type Row =
  | { key: string; kind: 'area'; area: IndicatorArea }
  | { key: string; kind: 'item'; item: IndicatorItem; area: IndicatorArea };

function cleanColumn(data: SheetColumnData | undefined): SheetColumnData {
  if (!data) return emptyColumn();
  return {
    items: { ...data.items },
    vetoes: [...data.vetoes],
    comments: { ...data.comments },
  };
}

/** The column as saveSheet takes it: without empty comments. */
function forSaving(data: SheetColumnData): SheetColumnData {
  const comments: Record<string, string> = {};
  for (const [code, text] of Object.entries(data.comments)) {
    if (text.trim()) comments[code] = text.trim();
  }
  return { items: data.items, vetoes: data.vetoes, comments };
}

function itemScore(card: Scorecard | null | undefined, code: string) {
  if (!card) return undefined;
  for (const area of card.areas) {
    const found = area.items.find((i) => i.code === code);
    if (found) return found;
  }
  return undefined;
}

function SheetEditor({ detail, reload }: { detail: ParticipationDetail; reload(): Promise<void> }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { participation, framework, editableColumn: editable } = detail;
  const [draft, setDraft] = useState<SheetColumnData>(() =>
    cleanColumn(editable ? participation.sheet[editable] : undefined),
  );
  const [version, setVersion] = useState(participation.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<SheetConflict | null>(null);
  const [importing, setImporting] = useState(false);
  const save = useMutation(trpc.participations.saveSheet.mutationOptions());

  // LIVE scoring of the editable column, by the domain library
  const live = useMemo(
    () =>
      editable
        ? scoreAssessment(framework, {
            items: draft.items,
            vetoes: draft.vetoes,
          })
        : null,
    [editable, framework, draft.items, draft.vetoes],
  );
  const cards: Record<SheetColumn, Scorecard | null> = {
    ...detail.scorecards,
    ...(editable && live?.ok ? { [editable]: live.scorecard } : {}),
  };

  const update = (change: (d: SheetColumnData) => SheetColumnData) => {
    setDraft((d) => change(d));
    setDirty(true);
  };
  const setAnswer = (code: string, value: ItemAnswer | undefined) =>
    update((d) => {
      const items = { ...d.items };
      if (value === undefined) delete items[code];
      else items[code] = Array.isArray(value) ? [...value] : (value as boolean | number);
      return { ...d, items };
    });
  const setComment = (code: string, text: string) =>
    update((d) => ({ ...d, comments: { ...d.comments, [code]: text } }));
  const setVeto = (code: string, on: boolean) =>
    update((d) => ({
      ...d,
      vetoes: on
        ? framework.vetoes.map((v) => v.code).filter((c) => c === code || d.vetoes.includes(c))
        : d.vetoes.filter((c) => c !== code),
    }));

  const invalidate = () => {
    void queryClient.invalidateQueries(trpc.participations.pathFilter());
    void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
  };

  const doSave = (atVersion: number) => {
    if (!editable) return;
    save.mutate(
      { id: participation.id, version: atVersion, column: editable, data: forSaving(draft) },
      {
        onSuccess: (result) => {
          setVersion(result.version);
          setDirty(false);
          setConflict(null);
          void message.success(t('sheet.saved'));
          invalidate();
        },
        onError: (error) => {
          const info = apiErrorInfo(error);
          const found =
            info?.problemCode === 'SHEET_CONFLICT' ? sheetConflictOf(info.details) : null;
          if (found) {
            setConflict(found);
            return;
          }
          void message.error(errorText(error));
        },
      },
    );
  };

  const onEventError = (error: unknown) => {
    const info = apiErrorInfo(error);
    const found = info?.problemCode === 'SHEET_CONFLICT' ? sheetConflictOf(info.details) : null;
    if (found) setConflict(found);
    void message.error(errorText(error));
  };

  // the campaign's minimum scores (points, as the API gives them)
  const minimums: Record<SheetColumn, number | null> = {
    self: detail.campaign.minSelfScore,
    township: null,
    county: detail.campaign.minAcceptedScore,
  };

  const rows: Row[] = framework.areas.flatMap((area) => [
    { key: `area:${area.code}`, kind: 'area' as const, area },
    ...area.items.map((item) => ({ key: item.code, kind: 'item' as const, item, area })),
  ]);
  const evidenceByItem = new Map<string, EvidenceFile[]>();
  for (const f of detail.evidence) {
    evidenceByItem.set(f.itemCode, [...(evidenceByItem.get(f.itemCode) ?? []), f]);
  }

  const areaCell = (row: Row) => (row.kind === 'area' ? { colSpan: 0 } : {});

  const columnCell = (column: SheetColumn) => (_: unknown, row: Row) => {
    const card = cards[column];
    if (row.kind === 'area') {
      const area = card?.areas.find((a) => a.code === row.area.code);
      return area ? (
        <Typography.Text strong>
          {formatPoints(area.points)} / {formatPoints(area.max)}
        </Typography.Text>
      ) : null;
    }
    const item = row.item;
    const score = itemScore(card, item.code);
    if (column === editable) {
      return (
        <Flex vertical gap={4} data-testid={`answer-${item.code}`}>
          <AnswerInput
            item={item}
            value={draft.items[item.code]}
            onChange={(v) => setAnswer(item.code, v)}
          />
          <ItemPoints score={score} />
          <CommentInput
            code={item.code}
            value={draft.comments[item.code] ?? ''}
            onChange={(text) => setComment(item.code, text)}
          />
        </Flex>
      );
    }
    const stored = participation.sheet[column];
    if (!stored) return null;
    const comment = stored.comments[item.code];
    return (
      <Flex vertical gap={2} data-testid={`cell-${column}-${item.code}`}>
        <span>
          <AnswerText item={item} answer={stored.items[item.code]} />
        </span>
        <ItemPoints score={score} />
        {comment ? (
          <Typography.Text italic style={{ fontSize: 12 }}>
            {t('sheet.comment')}：{comment}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };

  const stateTag = (
    <Tag color={stateColors[participation.state]} data-testid="participation-state">
      {t(`campaigns.states.${participation.state}`)}
    </Tag>
  );

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={0}>
          <Link to={`/campaigns/${detail.campaign.id}`}>← {detail.campaign.name}</Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="sheet-heading">
            {t('sheet.title')} · {detail.townshipName ? `${detail.townshipName} ` : ''}
            {detail.villageName} {stateTag}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('sheet.stageInfo', { stage: t(`campaigns.stages.${detail.campaign.stage}`) })}
            {' · '}
            {t('sheet.version', { version })}
            {participation.sheetUpdatedBy && participation.sheetUpdatedAt
              ? ` · ${t('sheet.updatedBy', {
                  who: participation.sheetUpdatedBy,
                  when: dayjs(participation.sheetUpdatedAt).format('YYYY-MM-DD HH:mm'),
                })}`
              : ''}
          </Typography.Text>
        </Space>
        <Space wrap>
          <a href={`/api/participations/${participation.id}/sheet.xlsx`} download>
            <Button icon={<DownloadOutlined />} data-testid="export-xlsx">
              {t('sheet.exportExcel')}
            </Button>
          </a>
          {editable ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('sheet.importExcel')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => doSave(version)}
                data-testid="save-sheet"
              >
                {t('sheet.save')}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>

      {conflict ? (
        <ConflictAlert
          conflict={conflict}
          mine={draft}
          column={editable}
          detail={detail}
          onReload={() => void reload()}
          onOverwrite={() => doSave(conflict.version)}
        />
      ) : null}

      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          {sheetColumns.map((column) => (
            <Col xs={24} md={8} key={column}>
              <TotalCard
                column={column}
                card={cards[column]}
                editable={column === editable}
                filled={column === editable || !!participation.sheet[column]}
                minimum={minimums[column]}
              />
            </Col>
          ))}
        </Row>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
          <Space>
            {editable ? (
              <Tag color="red">
                {t('sheet.editing', { column: t(`sheet.columns.${editable}`) })}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('sheet.readOnly')}</Typography.Text>
            )}
            {dirty ? <Tag color="warning">{t('sheet.unsaved')}</Tag> : null}
          </Space>
          <EventActions
            participationId={participation.id}
            version={version}
            events={detail.allowedEvents}
            dirty={dirty}
            onDone={() => {
              invalidate();
              void reload();
            }}
            onError={onEventError}
          />
        </Flex>
        {live && !live.ok ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('sheet.answerProblems')}
            description={
              <ul style={{ margin: 0 }}>
                {live.problems.map((p) => (
                  <li key={p.path + p.code}>{localized(p.message, lang)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>

      {detail.objections.length > 0 ? (
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
      ) : null}

      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Table<Row>
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          data-testid="sheet-table"
          scroll={{ x: 1500 }}
          rowClassName={(row) => (row.kind === 'area' ? 'fz-area-row' : '')}
          columns={[
            {
              key: 'item',
              title: t('sheet.item'),
              width: 240,
              onCell: (row) => (row.kind === 'area' ? { colSpan: 5 } : {}),
              render: (_, row) =>
                row.kind === 'area' ? (
                  <Typography.Text strong>
                    {row.area.code} {row.area.name}（
                    {t('sheet.pointsValue', { points: row.area.points })}）
                  </Typography.Text>
                ) : (
                  <Flex vertical>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.item.code}
                    </Typography.Text>
                    <span>{row.item.name}</span>
                  </Flex>
                ),
            },
            {
              key: 'points',
              title: t('sheet.points'),
              width: 60,
              align: 'right',
              onCell: areaCell,
              render: (_, row) => (row.kind === 'item' ? formatPoints(row.item.points) : null),
            },
            {
              key: 'rule',
              title: t('sheet.rule'),
              width: 220,
              onCell: areaCell,
              render: (_, row) => (row.kind === 'item' ? <RuleText item={row.item} /> : null),
            },
            {
              key: 'evidence',
              title: t('sheet.evidence'),
              width: 200,
              onCell: areaCell,
              render: (_, row) =>
                row.kind === 'item' ? (
                  <EvidenceCell
                    item={row.item}
                    files={evidenceByItem.get(row.item.code) ?? []}
                    participationId={participation.id}
                    column={editable}
                  />
                ) : null,
            },
            {
              key: 'method',
              title: t('sheet.method'),
              width: 80,
              onCell: areaCell,
              render: (_, row) =>
                row.kind === 'item' ? t(`sheet.methods.${row.item.method}`) : null,
            },
            ...sheetColumns.map((column) => ({
              key: column,
              title: (
                <Space size={4}>
                  {t(`sheet.columns.${column}`)}
                  {column === editable ? <Tag color="red">{t('sheet.live')}</Tag> : null}
                </Space>
              ),
              width: column === editable ? 280 : 200,
              render: columnCell(column),
            })),
          ]}
        />
      </Card>

      {framework.vetoes.length > 0 ? (
        <Card variant="borderless" title={t('sheet.vetoes')} data-testid="vetoes">
          <Table
            rowKey="code"
            size="small"
            pagination={false}
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
                width: 160,
                render: (_: unknown, v: { code: string }) =>
                  column === editable ? (
                    <Checkbox
                      checked={draft.vetoes.includes(v.code)}
                      onChange={(e) => setVeto(v.code, e.target.checked)}
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
      ) : null}

      {editable ? (
        <ExcelImportDialog
          open={importing}
          participationId={participation.id}
          column={editable}
          dirty={dirty}
          onClose={() => setImporting(false)}
          onImported={() => {
            invalidate();
            void reload();
          }}
        />
      ) : null}
    </>
  );
}

function TotalCard({
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

function ConflictAlert({
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

/**
 * The evidence files of one item (all columns); for the editable column, the upload button and
 * a remove action on each of its files.
 */
function EvidenceCell({
  item,
  files,
  participationId,
  column,
}: {
  item: IndicatorItem;
  files: EvidenceFile[];
  participationId: string;
  column: SheetColumn | null;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const remove = useMutation(trpc.participations.removeEvidence.mutationOptions());
  const refresh = () =>
    queryClient.invalidateQueries(trpc.participations.get.queryFilter({ id: participationId }));

  const doRemove = (file: EvidenceFile) =>
    remove.mutate(
      { id: file.id },
      {
        onSuccess: () => {
          void message.success(t('sheet.evidenceRemoved', { name: file.fileName }));
          void refresh();
        },
        onError: (error) => {
          void message.error(errorText(error));
          // e.g. the turn has passed or someone else removed it: show what is there now
          void refresh();
        },
      },
    );

  const start = async (file: File) => {
    if (!column) return;
    const problem = evidenceFileProblem(file);
    if (problem) {
      void message.error(problem === 'tooLarge' ? t('sheet.fileTooLarge') : t('sheet.fileType'));
      return;
    }
    abort.current = new AbortController();
    setPercent(0);
    const outcome = await uploadEvidence(
      participationId,
      item.code,
      column,
      file,
      { onProgress: setPercent },
      abort.current.signal,
    );
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('sheet.uploaded', { name: outcome.file.fileName }));
      void refresh();
    } else {
      void message.error(`${t('sheet.uploadFailed')}：${errorText(outcome.error)}`);
    }
  };

  return (
    <Flex vertical gap={4}>
      {item.evidence && item.evidence.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.evidence.join('、')}
        </Typography.Text>
      ) : null}
      {files.map((f) => (
        <Flex key={f.id} align="flex-start" gap={4} data-testid="evidence-file">
          <a
            href={`/api/evidence/${f.id}`}
            target="_blank"
            rel="noreferrer"
            data-testid="evidence-link"
            style={{ fontSize: 12 }}
          >
            <PaperClipOutlined /> {f.fileName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              ({t(`sheet.columns.${f.column}`)}, {Math.max(1, Math.round(f.size / 1024))} KB)
            </Typography.Text>
          </a>
          {canRemoveEvidence(f, column) ? (
            <Popconfirm
              title={t('sheet.removeEvidenceConfirm', { name: f.fileName })}
              okText={t('sheet.removeEvidence')}
              okButtonProps={{ danger: true }}
              cancelText={t('app.cancel')}
              onConfirm={() => doRemove(f)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending && remove.variables?.id === f.id}
                data-testid="remove-evidence"
                style={{ fontSize: 12, height: 'auto', padding: 0 }}
              >
                {t('sheet.removeEvidence')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
      {column ? (
        percent !== null ? (
          <Progress percent={percent} size="small" status="active" />
        ) : (
          <Upload
            accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${item.code}`}>
              {t('sheet.upload')}
            </Button>
          </Upload>
        )
      ) : null}
    </Flex>
  );
}
