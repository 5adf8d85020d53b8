// The cells of the score sheet: a readable rule, the stored answer, and an input per rule kind.
import { Checkbox, Flex, Input, InputNumber, Radio, Typography } from 'antd';
import type { IndicatorItem, ItemAnswer, ItemScore } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { answersInPercent, formatPoints, tenths } from '@fazhi/domain';
import { percentDisplay } from './percent-input';

export { RuleText } from '../../components/rule-text';

/** A stored answer in words. */
export function AnswerText({ item, answer }: { item: IndicatorItem; answer: unknown }) {
  const { t } = useLang();
  if (answer === undefined || answer === null) {
    return <Typography.Text type="secondary">{t('sheet.notFilled')}</Typography.Text>;
  }
  const rule = item.rule;
  if (rule.kind === 'check') return <>{answer === true ? t('sheet.yes') : t('sheet.no')}</>;
  if (rule.kind === 'checklist' && Array.isArray(answer)) {
    const met = rule.entries.filter((e) => (answer as string[]).includes(e.code));
    return (
      <>
        {met.length}/{rule.entries.length}
        {met.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {met.map((e) => e.name).join('；')}
          </Typography.Text>
        ) : null}
      </>
    );
  }
  // a rate from the records is kept exact and shown to one decimal
  return <>{String(answersInPercent(item) ? tenths(answer as number) : (answer as number))}</>;
}

/** Awarded points and the explanation of one item in one column. */
export function ItemPoints({ score }: { score: ItemScore | undefined }) {
  const { t, lang } = useLang();
  if (!score) return null;
  return (
    <Flex vertical>
      <Typography.Text strong data-testid="item-points">
        {t('sheet.awarded')} {formatPoints(score.points)} / {formatPoints(score.max)}
      </Typography.Text>
      {score.answered ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {localized(score.explanation, lang)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

interface AnswerInputProps {
  item: IndicatorItem;
  value: ItemAnswer | undefined;
  onChange(value: ItemAnswer | undefined): void;
}

/** The input of the editable column, by rule kind. */
export function AnswerInput({ item, value, onChange }: AnswerInputProps) {
  const { t } = useLang();
  const rule = item.rule;
  switch (rule.kind) {
    case 'check':
      return (
        <Radio.Group
          size="small"
          optionType="button"
          value={value}
          onChange={(e) => onChange(e.target.value as boolean)}
          options={[
            { value: true, label: t('sheet.yes') },
            { value: false, label: t('sheet.no') },
          ]}
          aria-label={item.name}
        />
      );
    case 'checklist':
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? [...value] : []}
          onChange={(codes) => onChange(codes)}
          style={{ display: 'flex', flexDirection: 'column', gap: 2 }}
          options={rule.entries.map((e) => ({ value: e.code, label: e.name }))}
        />
      );
    case 'deduction':
    case 'count':
      return (
        <InputNumber
          size="small"
          min={0}
          precision={0}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          {...(answersInPercent(item) ? percentDisplay(value) : {})}
          placeholder={t(`sheet.inputs.${rule.kind}`)}
          aria-label={`${item.code} ${t(`sheet.inputs.${rule.kind}`)}`}
          style={{ width: 120 }}
        />
      );
    case 'bands':
    case 'proportional':
      return (
        <InputNumber
          size="small"
          {...(rule.kind === 'proportional' ? { min: 0 } : {})}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          {...(answersInPercent(item)
            ? {
                // the exact rate from the records is shown to one decimal; typing shows the typing
                formatter: (
                  v: number | string | undefined,
                  info: { userTyping: boolean; input: string },
                ) =>
                  info.userTyping || v === undefined || v === ''
                    ? info.input || String(v ?? '')
                    : String(tenths(Number(v))),
              }
            : {})}
          placeholder={t(`sheet.inputs.${rule.kind}`)}
          aria-label={`${item.code} ${t(`sheet.inputs.${rule.kind}`)}`}
          style={{ width: 120 }}
        />
      );
  }
}

export function CommentInput({
  value,
  onChange,
  code,
}: {
  value: string;
  onChange(value: string): void;
  code: string;
}) {
  const { t } = useLang();
  return (
    <Input.TextArea
      size="small"
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={2000}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={t('sheet.commentPlaceholder')}
      aria-label={`${code} ${t('sheet.comment')}`}
      data-testid={`comment-${code}`}
    />
  );
}
