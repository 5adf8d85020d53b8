// 考核评分表: one row per item grouped by area, the three columns 自评 / 乡镇初审 / 县级验收 with
// their answers, points and explanations; only the column whose turn it is can be edited, with
// live totals from @fazhi/domain. Saves are optimistically locked; a conflict shows the other
// person's change. Evidence per item, the transitions, and the Excel round trip. On a phone the
// items are cards and the total with 保存 and the next step stay at the bottom of the screen.
// The editor's state lives in `useSheetDraft`; the parts in ./sheet-items and ./sheet-parts.
import { formatPoints } from '@fazhi/domain';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Scorecard } from '@fazhi/domain';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { localized, problemDetails } from '../../lib/errors';
import { useNarrow } from '../../lib/use-compact';
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { EventActions, WithdrawZone } from './event-actions';
import { ExcelImportDialog } from './excel-import-dialog';
import { sheetColumns, stateColors, type ParticipationDetail, type SheetColumn } from './model';
import { SheetItemCards, SheetTable } from './sheet-items';
import {
  ConflictAlert,
  DraftOffer,
  ObjectionsCard,
  ReturnedAlert,
  TotalCard,
  VetoesCard,
} from './sheet-parts';
import { useSheetDraft } from './use-sheet-draft';
import { DerivedBanner } from './sheet-derived';

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

function SheetEditor({ detail, reload }: { detail: ParticipationDetail; reload(): Promise<void> }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const narrow = useNarrow();
  const sheet = useSheetDraft(detail);
  const { participation, editableColumn: editable } = detail;
  const [importing, setImporting] = useState(false);

  const cards: Record<SheetColumn, Scorecard | null> = {
    ...detail.scorecards,
    ...(editable && sheet.live?.ok ? { [editable]: sheet.live.scorecard } : {}),
  };

  const onEventError = (error: unknown) => {
    const found = problemDetails(error, 'SHEET_CONFLICT');
    if (found) sheet.setConflict(found);
    void message.error(errorText(error));
  };
  const onEventDone = () => {
    sheet.forget();
    sheet.invalidate();
    void reload();
  };

  // the campaign's minimum scores (points, as the API gives them)
  const minimums: Record<SheetColumn, number | null> = {
    self: detail.campaign.minSelfScore,
    township: null,
    county: detail.campaign.minAcceptedScore,
  };

  const stateTag = (
    <Tag color={stateColors[participation.state]} data-testid="participation-state">
      {t(`campaigns.states.${participation.state}`)}
    </Tag>
  );
  const progressEvents = detail.allowedEvents.filter((e) => e !== 'withdraw');
  const events = (
    <EventActions
      participationId={participation.id}
      version={sheet.version}
      events={progressEvents}
      dirty={sheet.dirty}
      onDone={onEventDone}
      onError={onEventError}
    />
  );
  const saveButton = editable ? (
    <Button
      type="primary"
      icon={<SaveOutlined />}
      loading={sheet.saving}
      disabled={sheet.saving}
      onClick={() => void sheet.doSave(sheet.version)}
      data-testid="save-sheet"
    >
      {t('sheet.save')}
    </Button>
  ) : null;
  const editableCard = editable ? cards[editable] : null;

  return (
    <div style={narrow ? { paddingBottom: 8 } : undefined}>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <Link to={`/campaigns/${detail.campaign.id}`}>← {detail.campaign.name}</Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="sheet-heading">
            {t('sheet.title')} · {detail.townshipName ? `${detail.townshipName} ` : ''}
            {detail.villageName} {stateTag}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('sheet.stageInfo', { stage: t(`campaigns.stages.${detail.campaign.stage}`) })}
            {' · '}
            {t('sheet.version', { version: sheet.version })}
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
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('sheet.importExcel')}
            </Button>
          ) : null}
          {narrow ? null : saveButton}
        </Space>
      </Flex>

      <ReturnedAlert reason={participation.returnedReason} />
      <DraftOffer offer={sheet.offer} onRestore={sheet.restore} onDiscard={sheet.discardOffer} />

      {sheet.conflict ? (
        <ConflictAlert
          conflict={sheet.conflict}
          mine={sheet.draft}
          column={editable}
          detail={detail}
          onReload={() => {
            sheet.forget();
            void reload();
          }}
          onOverwrite={() => void sheet.doSave(sheet.conflict!.version)}
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
          <Space wrap>
            {editable ? (
              <Tag color="red">
                {t('sheet.editing', { column: t(`sheet.columns.${editable}`) })}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('sheet.readOnly')}</Typography.Text>
            )}
            {editable === 'township' ? (
              <Typography.Text type="secondary" data-testid="township-column-rule">
                {detail.campaign.townshipScoreRequired
                  ? t('sheet.townshipRequired')
                  : t('sheet.townshipOptional')}
              </Typography.Text>
            ) : null}
            {sheet.dirty ? <Tag color="warning">{t('sheet.unsaved')}</Tag> : null}
          </Space>
          {narrow ? null : events}
        </Flex>
        {sheet.live && !sheet.live.ok ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('sheet.answerProblems')}
            description={
              <ul style={{ margin: 0 }}>
                {sheet.live.problems.map((p) => (
                  <li key={p.path + p.code}>{localized(p.message, lang)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>

      <ObjectionsCard detail={detail} />

      <DerivedBanner detail={detail} sheet={sheet} />

      {narrow ? (
        <div style={{ marginBottom: 16 }}>
          <SheetItemCards detail={detail} sheet={sheet} cards={cards} />
        </div>
      ) : (
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <SheetTable detail={detail} sheet={sheet} cards={cards} />
        </Card>
      )}

      <VetoesCard detail={detail} editable={editable} draft={sheet.draft} onVeto={sheet.setVeto} />

      {detail.allowedEvents.includes('withdraw') ? (
        <WithdrawZone
          participationId={participation.id}
          version={sheet.version}
          villageName={detail.villageName}
          dirty={sheet.dirty}
          onDone={onEventDone}
          onError={onEventError}
        />
      ) : null}

      {narrow && (editable || progressEvents.length > 0) ? (
        <Flex
          className="fz-sticky-bar fz-no-print"
          justify="space-between"
          align="center"
          gap={8}
          wrap
          data-testid="sheet-bar"
        >
          <Flex vertical style={{ minWidth: 0 }}>
            {editable ? (
              <Typography.Text strong data-testid="bar-total">
                {t(`sheet.columns.${editable}`)}{' '}
                {editableCard
                  ? `${formatPoints(editableCard.total)} / ${formatPoints(editableCard.max)}`
                  : '—'}
              </Typography.Text>
            ) : null}
            {sheet.dirty ? (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('sheet.unsaved')}
              </Typography.Text>
            ) : null}
          </Flex>
          <Space wrap size={6}>
            {saveButton}
            {events}
          </Space>
        </Flex>
      ) : null}

      {editable ? (
        <ExcelImportDialog
          open={importing}
          participationId={participation.id}
          column={editable}
          dirty={sheet.dirty}
          onClose={() => setImporting(false)}
          onImported={() => {
            sheet.forget();
            sheet.invalidate();
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}
