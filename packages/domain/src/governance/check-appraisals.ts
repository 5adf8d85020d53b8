import { organicLawCitation } from './articles.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules } from './rules.js';

/** 称职, 基本称职, 不称职. */
export type AppraisalRating = 'competent' | 'basically_competent' | 'incompetent';

/** One 民主评议 of a 村民委员会 member. */
export interface Appraisal {
  readonly year: number;
  readonly rating: AppraisalRating;
}

export interface AppraisalsResult {
  /** Two consecutive appraisals rated `incompetent`: the office has ended. */
  readonly terminated: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

const ratings: readonly AppraisalRating[] = ['competent', 'basically_competent', 'incompetent'];

/**
 * Checks a member's democratic appraisals (民主评议, organic law 2018 Art. 33 / 2025 Art. 38):
 * two consecutive appraisals (adjacent by year; same-year appraisals in the given order) rated
 * `incompetent` end the office (`OFFICE_TERMINATED`, cited under the version in force in the
 * year of the second). A year without an appraisal between two recorded ones is a warning, since
 * appraisals are held at least once a year. Appraisals from 2026 on cite the 2025 text.
 *
 * @example
 * checkAppraisals([
 *   { year: 2025, rating: 'incompetent' },
 *   { year: 2026, rating: 'incompetent' },
 * ]);
 * // { terminated: true, problems: [{ code: 'OFFICE_TERMINATED', …,
 * //   citation: { law: 'village_committees_organic_law', version: '2025', article: 38 } }], … }
 */
export function checkAppraisals(appraisals: readonly Appraisal[]): AppraisalsResult {
  const check = new InputChecker();
  if (check.array('ratings', appraisals)) {
    appraisals.forEach((appraisal, index) => {
      check.count(`ratings[${index}].year`, appraisal.year, 1000);
      if (Number.isInteger(appraisal.year) && appraisal.year > 9999) {
        check.fail(`ratings[${index}].year`, {
          zh: '应为四位年份',
          en: 'must be a four-digit year',
        });
      }
      check.oneOf(`ratings[${index}].rating`, appraisal.rating, ratings);
    });
  }
  if (!check.ok) return { terminated: false, problems: check.problems, citations: [] };

  const sorted = appraisals
    .map((appraisal, index) => ({ ...appraisal, index }))
    .sort((a, b) => a.year - b.year || a.index - b.index);
  const needed = governanceRules.appraisal.consecutiveIncompetentToTerminate;
  const problems: Problem[] = [];
  const citations: Citation[] = [];
  const cite = (year: number): Citation => {
    const citation = organicLawCitation('appraisal', `${year}-12-31`);
    if (!citations.some((c) => c.version === citation.version)) citations.push(citation);
    return citation;
  };
  let run = 0;
  let terminated = false;
  sorted.forEach((appraisal, position) => {
    const citation = cite(appraisal.year);
    const before = sorted[position - 1];
    if (before && appraisal.year - before.year > 1) {
      problems.push(
        problem(
          'APPRAISAL_YEAR_MISSING',
          'warning',
          {
            zh: `${before.year} 年至 ${appraisal.year} 年之间缺少年度民主评议（每年至少一次）`,
            en: `No appraisal between ${before.year} and ${appraisal.year} (one is due every year)`,
          },
          { citation, field: `ratings[${appraisal.index}].year` },
        ),
      );
    }
    run = appraisal.rating === 'incompetent' ? run + 1 : 0;
    if (run === needed && !terminated) {
      terminated = true;
      problems.push(
        problem(
          'OFFICE_TERMINATED',
          'error',
          {
            zh: `连续两次被评议为不称职（至 ${appraisal.year} 年），其职务终止`,
            en: `Rated incompetent in two consecutive appraisals (to ${appraisal.year}): the office has ended`,
          },
          { citation, field: `ratings[${appraisal.index}].rating` },
        ),
      );
    }
  });
  return { terminated, problems, citations };
}
