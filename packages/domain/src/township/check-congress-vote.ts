import { InputChecker, problem } from '../governance/_internal/problems.js';
import {
  describeThreshold,
  meetsThreshold,
  requiredCount,
} from '../governance/_internal/thresholds.js';
import type { Citation, Problem } from '../governance/problem.js';
import type { Threshold } from '../governance/rules.js';

/**
 * The township people's congress (乡镇人民代表大会) rule, as data: a meeting is held with two
 * thirds of the deputies present, and a resolution passes with more than half of ALL deputies
 * (全体代表的过半数), not of those present — 《地方各级人民代表大会和地方各级人民政府组织法》
 * (revised 2022). Legal reference §4.D marks the article numbers [U]: every citation carries
 * `unverified: true` until they are checked against the 2022 text.
 */
export const townshipCongressRules = Object.freeze({
  quorum: Object.freeze({ numerator: 2, denominator: 3, inclusive: true }) as Threshold,
  decisionOfAllDeputies: Object.freeze({
    numerator: 1,
    denominator: 2,
    inclusive: false,
  }) as Threshold,
  law: Object.freeze({ version: '2022', quorumArticle: 16, decisionArticle: 20 }),
});

export interface CongressVoteInput {
  /** All deputies of the township people's congress (全体代表). */
  readonly deputies: number;
  /** Deputies present at the meeting. */
  readonly present: number;
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly abstentions: number;
}

export interface CongressVoteResult {
  readonly quorumMet: boolean;
  readonly passed: boolean;
  /** The votes for needed to pass (more than half of all deputies). */
  readonly votesNeeded: number;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

function citation(article: number): Citation {
  return {
    law: 'local_congresses_organic_law',
    version: townshipCongressRules.law.version,
    article,
    unverified: true,
  };
}

/**
 * Checks a vote of the township people's congress (票决 of a 民生实事 project or a major matter):
 * the quorum of deputies present, and a majority of all deputies. A tally of more votes than
 * deputies present is refused (`TALLY_EXCEEDS_PRESENT`, with the article).
 *
 * @example
 * checkCongressVote({ deputies: 60, present: 40, votesFor: 31, votesAgainst: 5, abstentions: 4 });
 * // { quorumMet: true, passed: true, votesNeeded: 31, … }
 */
export function checkCongressVote(input: CongressVoteInput): CongressVoteResult {
  const rules = townshipCongressRules;
  const quorumCitation = citation(rules.law.quorumArticle);
  const decisionCitation = citation(rules.law.decisionArticle);
  const check = new InputChecker();
  const counts =
    check.count('deputies', input.deputies, 1) &&
    check.count('present', input.present) &&
    check.count('votesFor', input.votesFor) &&
    check.count('votesAgainst', input.votesAgainst) &&
    check.count('abstentions', input.abstentions);
  if (counts) check.notAbove('present', input.present, input.deputies, 'deputies');
  if (!check.ok) {
    return {
      quorumMet: false,
      passed: false,
      votesNeeded: 0,
      problems: check.problems,
      citations: [],
    };
  }
  const votesNeeded = requiredCount(input.deputies, rules.decisionOfAllDeputies);
  const tally = input.votesFor + input.votesAgainst + input.abstentions;
  if (tally > input.present) {
    return {
      quorumMet: false,
      passed: false,
      votesNeeded,
      problems: [
        problem(
          'TALLY_EXCEEDS_PRESENT',
          'error',
          {
            zh: `表决票数（${tally}）超过出席代表人数（${input.present}），表决结果不成立`,
            en: `The tally (${tally}) exceeds the deputies present (${input.present}); the vote cannot stand`,
          },
          { citation: decisionCitation, field: 'votesFor' },
        ),
      ],
      citations: [decisionCitation],
    };
  }
  const problems: Problem[] = [];
  const quorumMet = meetsThreshold(input.present, input.deputies, rules.quorum);
  if (!quorumMet) {
    const q = describeThreshold(rules.quorum);
    const needed = requiredCount(input.deputies, rules.quorum);
    problems.push(
      problem(
        'QUORUM_NOT_MET',
        'error',
        {
          zh: `出席代表 ${input.present} 人，未达到全体代表（${input.deputies}）的${q.zh}（需 ${needed} 人），会议不能举行`,
          en: `${input.present} deputies present, not ${q.en} of all ${input.deputies} (${needed} needed); the meeting cannot be held`,
        },
        { citation: quorumCitation, field: 'present' },
      ),
    );
  }
  const majority = meetsThreshold(input.votesFor, input.deputies, rules.decisionOfAllDeputies);
  if (!majority) {
    problems.push(
      problem(
        'MAJORITY_NOT_MET',
        'error',
        {
          zh: `赞成 ${input.votesFor} 票，未超过全体代表（${input.deputies}）的半数（需 ${votesNeeded} 票）`,
          en: `${input.votesFor} votes for, not more than half of all ${input.deputies} deputies (${votesNeeded} needed)`,
        },
        { citation: decisionCitation, field: 'votesFor' },
      ),
    );
  }
  return {
    quorumMet,
    passed: quorumMet && majority,
    votesNeeded,
    problems,
    citations: [quorumCitation, decisionCitation],
  };
}
