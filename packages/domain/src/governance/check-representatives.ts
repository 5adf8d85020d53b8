import { organicLawCitation } from './articles.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules } from './rules.js';
import { meetsThreshold, requiredCount } from './_internal/thresholds.js';

/** The make-up of a 村民代表会议. */
export interface RepresentativesInput {
  /** Date the make-up is checked for, `YYYY-MM-DD`. */
  readonly date: string;
  readonly households: number;
  /** 村民代表 (committee members not included). */
  readonly representatives: number;
  /** Women among the 村民代表 (women committee members are not counted here). */
  readonly womenRepresentatives: number;
  /** 村民委员会 members, who also sit in the body. */
  readonly committeeMembers: number;
}

export interface RepresentativesResult {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

/**
 * Checks the make-up of a 村民代表会议 (organic law 2018 Art. 25 / 2025 Art. 29): women
 * representatives at least one third of the whole body ("妇女村民代表应当占村民代表会议组成人员的
 * 三分之一以上": representatives plus committee members); representatives at least four fifths of the body
 * (representatives plus committee members); one representative per 5–15 households, a warning
 * only, since representatives may instead be chosen per villager group.
 *
 * @example
 * checkRepresentatives({ date: '2026-03-01', households: 300, representatives: 30,
 *   womenRepresentatives: 12, committeeMembers: 5 });
 * // { ok: true, problems: [],
 * //   citations: [{ law: 'village_committees_organic_law', version: '2025', article: 29 }] }
 */
export function checkRepresentatives(input: RepresentativesInput): RepresentativesResult {
  const check = new InputChecker();
  check.date('date', input.date);
  const counts =
    check.count('households', input.households) &&
    check.count('representatives', input.representatives, 1) &&
    check.count('womenRepresentatives', input.womenRepresentatives) &&
    check.count('committeeMembers', input.committeeMembers);
  if (counts) {
    check.notAbove(
      'womenRepresentatives',
      input.womenRepresentatives,
      input.representatives,
      'representatives',
    );
  }
  if (!check.ok) return { ok: false, problems: check.problems, citations: [] };

  const rules = governanceRules.representatives;
  const citation = organicLawCitation('representatives_composition', input.date);
  const { households, representatives, womenRepresentatives, committeeMembers } = input;
  const body = representatives + committeeMembers;
  const problems: Problem[] = [];

  if (!meetsThreshold(womenRepresentatives, body, rules.women)) {
    const need = requiredCount(body, rules.women);
    problems.push(
      problem(
        'WOMEN_REPRESENTATIVES_TOO_FEW',
        'error',
        {
          zh: `妇女村民代表应占村民代表会议组成人员的三分之一以上（${body} 人中至少 ${need} 人），现有 ${womenRepresentatives} 人`,
          en: `Women representatives must be at least one third of the whole body, committee members included (at least ${need} of ${body}); there are ${womenRepresentatives}`,
        },
        { citation, field: 'womenRepresentatives' },
      ),
    );
  }
  if (!meetsThreshold(representatives, body, rules.shareOfBody)) {
    const need = requiredCount(body, rules.shareOfBody);
    problems.push(
      problem(
        'REPRESENTATIVES_SHARE_TOO_LOW',
        'error',
        {
          zh: `村民代表应占村民代表会议组成人员的五分之四以上（${body} 人中至少 ${need} 人），现有 ${representatives} 人`,
          en: `Representatives must be at least four fifths of the body (at least ${need} of ${body}); there are ${representatives}`,
        },
        { citation, field: 'representatives' },
      ),
    );
  }
  const min = rules.minHouseholdsPerRepresentative;
  const max = rules.maxHouseholdsPerRepresentative;
  // One representative per min–max households: max * reps >= households >= min * reps.
  if (max * representatives < households || min * representatives > households) {
    problems.push(
      problem(
        'HOUSEHOLDS_PER_REPRESENTATIVE_OUT_OF_RANGE',
        'warning',
        {
          zh: `按每五户至十五户推选一人，${households} 户应有 ${Math.ceil(households / max)}–${Math.floor(households / min)} 名代表，现有 ${representatives} 名（按村民小组推选的除外）`,
          en: `At one representative per ${min}–${max} households, ${households} households call for ${Math.ceil(households / max)}–${Math.floor(households / min)} representatives; there are ${representatives} (unless chosen per villager group)`,
        },
        { citation, field: 'representatives' },
      ),
    );
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, citations: [citation] };
}
