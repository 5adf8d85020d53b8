import { organicLawCitation } from './articles.js';
import { InputChecker, problem } from './_internal/problems.js';
import { organicLawVersion } from './organic-law-version.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules } from './rules.js';

/** How the proxy holder is related to the absent voter. */
export type ProxyRelation = 'near_relative' | 'other_villager';

/** A written authorisation for an absent voter's ballot. */
export interface ProxyInput {
  /** Election day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Proxies the holder would hold, counting this one. */
  readonly proxiesHeld: number;
  readonly holderIsCandidate: boolean;
  readonly relation: ProxyRelation;
}

export interface ProxyResult {
  readonly allowed: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

/**
 * Checks a proxy vote (委托投票) under the organic law in force: 2018 Art. 15 allows only a near
 * relative with voting rights; 2025 Art. 18 allows a near relative or another villager, at most
 * three proxies per holder, and never a candidate.
 *
 * @example
 * checkProxy({ date: '2026-03-01', proxiesHeld: 4, holderIsCandidate: false, relation: 'other_villager' });
 * // { allowed: false, problems: [{ code: 'PROXY_LIMIT_EXCEEDED', severity: 'error', …,
 * //   citation: { law: 'village_committees_organic_law', version: '2025', article: 18 } }], citations: [ … ] }
 */
export function checkProxy(input: ProxyInput): ProxyResult {
  const check = new InputChecker();
  check.date('date', input.date);
  check.count('proxiesHeld', input.proxiesHeld, 1);
  check.boolean('holderIsCandidate', input.holderIsCandidate);
  check.oneOf('relation', input.relation, ['near_relative', 'other_villager'] as const);
  if (!check.ok) return { allowed: false, problems: check.problems, citations: [] };

  const citation = organicLawCitation('proxy_voting', input.date);
  const problems: Problem[] = [];
  if (organicLawVersion(input.date) === '2018') {
    if (input.relation !== 'near_relative') {
      problems.push(
        problem(
          'PROXY_RELATION_NOT_ALLOWED',
          'error',
          {
            zh: '2026 年以前只能委托有选举权的近亲属代为投票',
            en: 'Before 2026 only a near relative with voting rights may hold a proxy',
          },
          { citation, field: 'relation' },
        ),
      );
    }
  } else {
    const max = governanceRules.proxy.maxPerHolder2025;
    if (input.proxiesHeld > max) {
      problems.push(
        problem(
          'PROXY_LIMIT_EXCEEDED',
          'error',
          {
            zh: `每人接受委托不得超过 ${max} 人（此为第 ${input.proxiesHeld} 份）`,
            en: `No one may hold more than ${max} proxies (this would be number ${input.proxiesHeld})`,
          },
          { citation, field: 'proxiesHeld' },
        ),
      );
    }
    if (input.holderIsCandidate) {
      problems.push(
        problem(
          'PROXY_HOLDER_IS_CANDIDATE',
          'error',
          { zh: '候选人不得接受委托投票', en: 'A candidate may not hold a proxy' },
          { citation, field: 'holderIsCandidate' },
        ),
      );
    }
  }
  return { allowed: problems.length === 0, problems, citations: [citation] };
}
