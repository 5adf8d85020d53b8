// How an item is scored, in words: the domain library describes it, the page only shows it.
import { memo } from 'react';
import { describeRule, type IndicatorItem } from '@fazhi/domain';
import { useLang } from '../i18n';
import { localized } from '../lib/errors';

/** Skipped while its item is the same (a score sheet shows one per item). */
export const RuleText = memo(function RuleText({ item }: { item: IndicatorItem }) {
  const { lang } = useLang();
  const description = describeRule(item);
  return (
    <>
      {localized(description.summary, lang)}
      {description.lines.length > 0 ? (
        <ul className="fz-rule-list">
          {description.lines.map((line) => (
            <li key={line.zh}>{localized(line, lang)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
});
