import { organicLawCitation } from './articles.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules } from './rules.js';
import { meetsThreshold, requiredCount } from './_internal/thresholds.js';

/** A motion to recall (罢免) a 村民委员会 member and, once held, its vote. */
export interface RecallInput {
  /** Date of the vote, or of the motion when no vote has been held, `YYYY-MM-DD`. */
  readonly date: string;
  /**
   * 登记参加选举的村民: the base of the vote (turnout of more than half of them). Before this
   * input had a second meaning, the base of the motion; that is now `eligibleVoters`.
   */
  readonly registeredVoters: number;
  /**
   * 有选举权的村民 (villagers with the right to vote, registered or not): the base of the motion
   * ("本村五分之一以上有选举权的村民"). Required with `initiatingVoters`.
   */
  readonly eligibleVoters?: number;
  /** Villagers with the right to vote who signed the motion. */
  readonly initiatingVoters?: number;
  /** All 村民代表 of the village (needed with `initiatingRepresentatives`). */
  readonly representatives?: number;
  /** 村民代表 who signed the motion. */
  readonly initiatingRepresentatives?: number;
  /** Ballots cast in the recall vote; absent while no vote has been held. */
  readonly ballotsCast?: number;
  readonly votesFor?: number;
}

export interface RecallResult {
  readonly initiated: boolean;
  readonly passed: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

function validate(input: RecallInput): Problem[] {
  const check = new InputChecker();
  check.date('date', input.date);
  const voters = check.count('registeredVoters', input.registeredVoters, 1);
  const eligibleOk =
    input.eligibleVoters === undefined || check.count('eligibleVoters', input.eligibleVoters, 1);
  if (
    check.optionalCount('initiatingVoters', input.initiatingVoters) &&
    input.initiatingVoters !== undefined
  ) {
    if (input.eligibleVoters === undefined) {
      check.fail('eligibleVoters', {
        zh: '给出联名提议的村民人数时必须给出本村有选举权的村民人数',
        en: 'is required when initiatingVoters is given (the motion counts villagers with the right to vote)',
      });
    } else if (eligibleOk) {
      check.notAbove(
        'initiatingVoters',
        input.initiatingVoters,
        input.eligibleVoters,
        'eligibleVoters',
      );
    }
  }
  const reps = check.optionalCount('representatives', input.representatives);
  if (
    check.optionalCount('initiatingRepresentatives', input.initiatingRepresentatives) &&
    input.initiatingRepresentatives !== undefined
  ) {
    if (input.representatives === undefined) {
      check.fail('representatives', {
        zh: '给出提议的村民代表人数时必须给出村民代表总数',
        en: 'is required when initiatingRepresentatives is given',
      });
    } else if (reps) {
      check.notAbove(
        'initiatingRepresentatives',
        input.initiatingRepresentatives,
        input.representatives,
        'representatives',
      );
    }
  }
  const ballots = check.optionalCount('ballotsCast', input.ballotsCast);
  if (ballots && voters && input.ballotsCast !== undefined) {
    check.notAbove('ballotsCast', input.ballotsCast, input.registeredVoters, 'registeredVoters');
  }
  if (check.optionalCount('votesFor', input.votesFor) && input.votesFor !== undefined) {
    if (input.ballotsCast === undefined) {
      check.fail('ballotsCast', {
        zh: '给出赞成票时必须给出投票人数',
        en: 'is required when votesFor is given',
      });
    } else if (ballots) {
      check.notAbove('votesFor', input.votesFor, input.ballotsCast, 'ballotsCast');
    }
  }
  return check.problems;
}

/**
 * Checks a recall (罢免) of a 村民委员会 member (organic law 2018 Art. 16 / 2025 Art. 19). The
 * law uses two bases: the motion is initiated by at least one fifth of the villagers with the
 * right to vote (有选举权的村民, `eligibleVoters`) or at least one third of the 村民代表; it passes
 * when more than half of the villagers registered for the election (登记参加选举的村民,
 * `registeredVoters`) vote and more than half of those voting are in favour. Without `ballotsCast` the vote is taken as not yet held
 * (`passed: false`, no vote problems).
 *
 * @example
 * checkRecall({ date: '2026-03-01', eligibleVoters: 1100, initiatingVoters: 220,
 *   registeredVoters: 1000, ballotsCast: 501, votesFor: 251 });
 * // { initiated: true, passed: true, problems: [],
 * //   citations: [{ law: 'village_committees_organic_law', version: '2025', article: 19 }] }
 */
export function checkRecall(input: RecallInput): RecallResult {
  const invalid = validate(input);
  if (invalid.length > 0)
    return { initiated: false, passed: false, problems: invalid, citations: [] };
  const rules = governanceRules.recall;
  const citation = organicLawCitation('recall', input.date);
  const problems: Problem[] = [];

  const byVoters =
    input.initiatingVoters !== undefined &&
    input.eligibleVoters !== undefined &&
    meetsThreshold(input.initiatingVoters, input.eligibleVoters, rules.initiatedByVoters);
  const byRepresentatives =
    input.initiatingRepresentatives !== undefined &&
    input.representatives !== undefined &&
    input.representatives > 0 &&
    meetsThreshold(
      input.initiatingRepresentatives,
      input.representatives,
      rules.initiatedByRepresentatives,
    );
  const initiated = byVoters || byRepresentatives;
  if (!initiated) {
    const votersNeed =
      input.eligibleVoters === undefined
        ? { zh: '', en: '' }
        : {
            zh: `（至少 ${requiredCount(input.eligibleVoters, rules.initiatedByVoters)} 人）`,
            en: ` (at least ${requiredCount(input.eligibleVoters, rules.initiatedByVoters)})`,
          };
    problems.push(
      problem(
        'RECALL_NOT_INITIATED',
        'error',
        {
          zh: `罢免须由本村五分之一以上有选举权的村民${votersNeed.zh}或者三分之一以上的村民代表联名提出`,
          en: `A recall must be moved by at least one fifth of the villagers with the right to vote${votersNeed.en} or at least one third of the villagers' representatives`,
        },
        { citation, field: 'initiatingVoters' },
      ),
    );
    return { initiated: false, passed: false, problems, citations: [citation] };
  }
  if (input.ballotsCast === undefined) {
    return { initiated: true, passed: false, problems, citations: [citation] };
  }
  const turnout = meetsThreshold(input.ballotsCast, input.registeredVoters, rules.turnout);
  if (!turnout) {
    problems.push(
      problem(
        'RECALL_TURNOUT_NOT_MET',
        'error',
        {
          zh: `罢免须有登记参加选举的村民过半数投票（至少 ${requiredCount(input.registeredVoters, rules.turnout)} 人），实际 ${input.ballotsCast} 人`,
          en: `A recall vote needs more than half of registered voters voting (at least ${requiredCount(input.registeredVoters, rules.turnout)}); ${input.ballotsCast} voted`,
        },
        { citation, field: 'ballotsCast' },
      ),
    );
  }
  const votesFor = input.votesFor ?? 0;
  const approved = meetsThreshold(votesFor, input.ballotsCast, rules.approval);
  if (!approved) {
    problems.push(
      problem(
        'RECALL_MAJORITY_NOT_MET',
        'error',
        {
          zh: `罢免须经投票的村民过半数通过（至少 ${requiredCount(input.ballotsCast, rules.approval)} 票），赞成 ${votesFor} 票`,
          en: `A recall needs more than half of those voting in favour (at least ${requiredCount(input.ballotsCast, rules.approval)}); ${votesFor} voted for`,
        },
        { citation, field: 'votesFor' },
      ),
    );
  }
  return { initiated: true, passed: turnout && approved, problems, citations: [citation] };
}
