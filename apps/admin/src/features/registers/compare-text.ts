// The year-on-year (同比) texts of the 统计 page, shared by the mediation view and the lazily
// loaded register views.
import type { useLang } from '../../i18n';

type T = ReturnType<typeof useLang>['t'];

/** A figure beside the same period's a year earlier (同比), with the change in per cent. */
export function versusYear(now: number, then: number, t: T) {
  const change =
    now === then
      ? t('registers.stats.noChange')
      : then === 0
        ? t('registers.stats.noBase')
        : `${now > then ? '+' : ''}${(((now - then) / then) * 100).toFixed(1)}%`;
  return t('registers.stats.vsYearBefore', { now, then, change });
}

/** The previous period's and the year before's ranges, as one line. */
export function comparedRanges(
  prev: { from: string; to: string },
  year: { from: string; to: string },
  t: T,
) {
  return `${t('registers.stats.previousPeriod', prev)}；${t('registers.stats.yearBefore', year)}`;
}
