// Records feed scores on the score sheet: the self-assessment answers the village's records give
// for the campaign's period (来自台账), pre-filled into the self column, each marked with its
// explanation and links to the records; an answer changed from the records' needs a reason, which
// the reviewers see beside the answer.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { sameAnswer, type IndicatorItem, type ItemAnswer } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { trpc } from '../../trpc';
import type { RouterOutputs } from '../../types';
import { AnswerText } from './sheet-cells';
import type { ParticipationDetail, SheetColumn } from './model';
import type { SheetActions, SheetDraft } from './use-sheet-draft';

type Derived = RouterOutputs['records']['derivedAnswers'];
type DerivedEntry = Derived['items'][number];

type EvidenceRegister = DerivedEntry['evidence'][number]['register'];

/** The records page tab that shows a village register. */
const registerTab: Partial<Record<EvidenceRegister, string>> = {
  meetings: 'meetings',
  disclosures: 'disclosures',
  matters: 'matters',
  village_rules: 'rules',
  elections: 'elections',
};

/** The page of a register: the village records' tab, or the 法治 register's page of the village. */
export function evidenceHref(register: EvidenceRegister, villageCode: string): string {
  const township = `${villageCode.slice(0, 9)}000`;
  switch (register) {
    // the screening reports have no page of their own yet: the village's mediation register
    case 'mediation':
    case 'dispute_screening':
      return `/registers/mediation?township=${township}&division=${villageCode}`;
    case 'legal_education':
      return `/registers/pufa?township=${township}&division=${villageCode}&tab=activities`;
    case 'legal_advisers':
      return `/registers/advisers?division=${villageCode}&tab=advisers`;
    default: {
      const tab = registerTab[register];
      return `/records?village=${villageCode}${tab ? `&tab=${tab}` : ''}`;
    }
  }
}

/** The derived answers; `fresh` refetches them when the sheet opens (records may have changed). */
function useDerived(detail: ParticipationDetail, fresh = false) {
  return useQuery({
    ...trpc.records.derivedAnswers.queryOptions({ participationId: detail.participation.id }),
    ...(fresh ? { staleTime: 0 } : {}),
  });
}

/**
 * Above the sheet: the records period, and (for the clerk filling the self column) the derived
 * answers pre-filled into the unanswered items once the sheet opens.
 */
export function DerivedBanner({
  detail,
  sheet,
}: {
  detail: ParticipationDetail;
  sheet: SheetDraft;
}) {
  const { t } = useLang();
  const derived = useDerived(detail, true);
  const done = useRef<number | null>(null);
  const data = derived.data;
  useEffect(() => {
    if (!data || done.current !== null || sheet.editable !== 'self') return;
    const answers: Record<string, ItemAnswer> = {};
    for (const item of data.items) {
      if (!item.missing && item.answer !== undefined) answers[item.itemId] = item.answer;
    }
    done.current = sheet.prefill(answers);
  }, [data, sheet]);
  if (!data) return null;
  const period = { from: data.period.from, to: data.period.to };
  if (!data.hasRecords) {
    return sheet.editable === 'self' ? (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="derived-banner"
        title={t('records.derived.noRecords', period)}
      />
    ) : null;
  }
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="derived-banner"
      title={
        done.current
          ? t('records.derived.prefilled', { n: done.current, ...period })
          : t('records.derived.period', period)
      }
    />
  );
}

function EvidenceLinks({ entry, villageCode }: { entry: DerivedEntry; villageCode: string }) {
  const { t } = useLang();
  return (
    <Flex wrap gap={6}>
      {entry.evidence.map((group) => {
        const to = evidenceHref(group.register, villageCode);
        const title = group.records
          .slice(0, 8)
          .map((r) => `${r.date} ${r.title ?? ''}`.trim())
          .join('\n');
        return (
          <Tooltip key={group.register} title={title || undefined}>
            <Link to={to} data-testid={`derived-link-${group.register}`} style={{ fontSize: 12 }}>
              {t('records.derived.count', {
                register: t(`records.derived.registers.${group.register}`),
                n: group.total,
              })}
              {group.corrected > 0 && (
                <Tag
                  color="orange"
                  style={{ marginInlineStart: 4, fontSize: 11 }}
                  data-testid={`derived-corrected-${group.register}`}
                >
                  {t('records.derived.corrected', { n: group.corrected })}
                </Tag>
              )}
            </Link>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

/**
 * Under an item's self-assessment answer: 来自台账 with the explanation and the records, or how
 * the answer differs from the records' with its reason (an input while the clerk edits).
 * `answer` and `reason` are the column's: the draft's while the clerk edits, else the stored.
 */
export function DerivedMark({
  detail,
  column,
  item,
  editing,
  answer,
  reason,
  actions,
}: {
  detail: ParticipationDetail;
  column: SheetColumn;
  item: IndicatorItem;
  editing: boolean;
  answer: ItemAnswer | undefined;
  reason: string;
  actions: SheetActions;
}) {
  const { t, lang } = useLang();
  const derived = useDerived(detail);
  if (column !== 'self') return null;
  const entry = derived.data?.items.find((i) => i.itemId === item.code);
  if (!entry) return null;
  const explanation = localized(entry.explanation, lang);
  if (entry.missing) {
    return editing ? (
      <Tooltip title={explanation}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('records.derived.missing')}
        </Typography.Text>
      </Tooltip>
    ) : null;
  }
  const changed = answer !== undefined && !sameAnswer(answer, entry.answer);
  return (
    <Flex vertical gap={2} data-testid={`derived-${item.code}`}>
      <Flex wrap gap={4} align="center">
        <Tooltip title={explanation}>
          <Tag color={changed ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
            {changed ? t('records.derived.changed') : t('records.derived.fromRecords')}
          </Tag>
        </Tooltip>
        <EvidenceLinks entry={entry} villageCode={detail.participation.villageCode} />
      </Flex>
      {changed ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('records.derived.recordsAnswer', { answer: '' })}
          <AnswerText item={item} answer={entry.answer} />
        </Typography.Text>
      ) : null}
      {changed && editing ? (
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          value={reason}
          status={reason.trim() ? undefined : 'error'}
          placeholder={t('records.derived.reasonPlaceholder')}
          onChange={(e) => actions.setOverride(item.code, e.target.value)}
          data-testid={`override-${item.code}`}
        />
      ) : null}
      {changed && !editing && reason ? (
        <Typography.Text style={{ fontSize: 12 }} data-testid={`override-reason-${item.code}`}>
          {t('records.derived.reason')}：{reason}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
