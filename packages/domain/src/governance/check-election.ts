import { organicLawCitation } from './articles.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules } from './rules.js';
import { describeThreshold, meetsThreshold, requiredCount } from './_internal/thresholds.js';

/** `'first'`: the regular vote; `'runoff'`: 另行选举 for the seats still unfilled. */
export type ElectionRound = 'first' | 'runoff';

export interface ElectionCandidate {
  readonly id: string;
  readonly votes: number;
}

/** One round of a 村民委员会 election. */
export interface ElectionInput {
  /** Election day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly registeredVoters: number;
  readonly ballotsCast: number;
  /** Seats to fill in this round. */
  readonly seats: number;
  readonly round: ElectionRound;
  readonly candidates: readonly ElectionCandidate[];
}

export interface ElectionResult {
  /** More than half of the registered voters voted. */
  readonly valid: boolean;
  /** Ids of the candidates elected, most votes first. */
  readonly elected: readonly string[];
  readonly unfilledSeats: number;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

function validate(input: ElectionInput): Problem[] {
  const check = new InputChecker();
  check.date('date', input.date);
  check.oneOf('round', input.round, ['first', 'runoff'] as const);
  const counts =
    check.count('registeredVoters', input.registeredVoters, 1) &&
    check.count('ballotsCast', input.ballotsCast) &&
    check.count('seats', input.seats, 1);
  if (counts)
    check.notAbove('ballotsCast', input.ballotsCast, input.registeredVoters, 'registeredVoters');
  if (check.array('candidates', input.candidates)) {
    const ids = new Set<string>();
    let total = 0;
    input.candidates.forEach((candidate, index) => {
      const field = `candidates[${index}]`;
      if (typeof candidate.id !== 'string' || candidate.id === '') {
        check.fail(`${field}.id`, { zh: '应为非空字符串', en: 'must be a non-empty string' });
      } else if (ids.has(candidate.id)) {
        check.fail(`${field}.id`, {
          zh: `候选人重复：${candidate.id}`,
          en: `duplicate candidate ${candidate.id}`,
        });
      } else {
        ids.add(candidate.id);
      }
      if (check.count(`${field}.votes`, candidate.votes)) {
        total += candidate.votes;
        if (counts)
          check.notAbove(`${field}.votes`, candidate.votes, input.ballotsCast, 'ballotsCast');
      }
    });
    if (counts && check.ok && total > input.ballotsCast * input.seats) {
      check.fail('candidates', {
        zh: `得票总数 ${total} 超过选票数乘以应选名额（${input.ballotsCast} × ${input.seats}）`,
        en: `total votes ${total} exceed ballots cast times seats (${input.ballotsCast} × ${input.seats})`,
      });
    }
  }
  return check.problems;
}

/**
 * Checks one round of a 村民委员会 election (organic law 2018 Art. 15 / 2025 Art. 18): the
 * election is valid when more than half of the registered voters vote; in the first round a
 * candidate needs more than half of the ballots cast; in a run-off (另行选举) the most votes win
 * but need at least one third of the ballots cast. At most `seats` candidates are elected, by
 * votes; a tie for the last seat elects none of the tied candidates (warning `TIE_AT_LAST_SEAT`),
 * and seats left unfilled are a warning `SEATS_UNFILLED` (they go to a run-off).
 *
 * @example
 * checkElection({
 *   date: '2026-03-01', registeredVoters: 1000, ballotsCast: 501, seats: 1, round: 'first',
 *   candidates: [{ id: 'wang', votes: 251 }, { id: 'li', votes: 250 }],
 * });
 * // { valid: true, elected: ['wang'], unfilledSeats: 0, problems: [],
 * //   citations: [{ law: 'village_committees_organic_law', version: '2025', article: 18 }] }
 */
export function checkElection(input: ElectionInput): ElectionResult {
  const invalid = validate(input);
  if (invalid.length > 0) {
    return { valid: false, elected: [], unfilledSeats: 0, problems: invalid, citations: [] };
  }
  const rules = governanceRules.election;
  const citation = organicLawCitation('committee_election', input.date);
  const { registeredVoters, ballotsCast, seats, round } = input;
  const problems: Problem[] = [];

  if (!meetsThreshold(ballotsCast, registeredVoters, rules.turnout)) {
    const need = requiredCount(registeredVoters, rules.turnout);
    problems.push(
      problem(
        'TURNOUT_NOT_MET',
        'error',
        {
          zh: `选举须有登记参加选举的村民过半数投票（至少 ${need} 人），实际投票 ${ballotsCast} 人，选举无效`,
          en: `An election needs more than half of the registered voters to vote (at least ${need}); ${ballotsCast} voted, so it is void`,
        },
        { citation, field: 'ballotsCast' },
      ),
    );
    return { valid: false, elected: [], unfilledSeats: seats, problems, citations: [citation] };
  }

  const threshold = round === 'first' ? rules.firstRound : rules.runoff;
  const ranked = input.candidates
    .filter((candidate) => meetsThreshold(candidate.votes, ballotsCast, threshold))
    .sort((a, b) => b.votes - a.votes);
  let elected = ranked.slice(0, seats);
  const last = ranked[seats - 1];
  const next = ranked[seats];
  if (last && next && last.votes === next.votes) {
    elected = ranked.filter((candidate) => candidate.votes > last.votes);
    const tied = ranked.filter((candidate) => candidate.votes === last.votes).map((c) => c.id);
    problems.push(
      problem(
        'TIE_AT_LAST_SEAT',
        'warning',
        {
          zh: `候选人 ${tied.join('、')} 同为 ${last.votes} 票争最后名额，均不当选，应另行选举`,
          en: `Candidates ${tied.join(', ')} tie at ${last.votes} votes for the last seat; none is elected and the seat goes to another vote`,
        },
        { citation, field: 'candidates' },
      ),
    );
  }
  const unfilledSeats = seats - elected.length;
  if (unfilledSeats > 0) {
    const need = describeThreshold(threshold);
    problems.push(
      problem(
        'SEATS_UNFILLED',
        'warning',
        round === 'first'
          ? {
              zh: `${unfilledSeats} 个名额无人获得${need.zh}选票（${requiredCount(ballotsCast, threshold)} 票），应就不足名额另行选举`,
              en: `${unfilledSeats} seat(s) without a candidate reaching ${need.en} of the ballots (${requiredCount(ballotsCast, threshold)}); hold a run-off (另行选举) for them`,
            }
          : {
              zh: `另行选举后仍有 ${unfilledSeats} 个名额无人获得${need.zh}选票（${requiredCount(ballotsCast, threshold)} 票）`,
              en: `After the run-off ${unfilledSeats} seat(s) remain without a candidate reaching ${need.en} of the ballots (${requiredCount(ballotsCast, threshold)})`,
            },
        { citation, field: 'candidates' },
      ),
    );
  }
  return {
    valid: true,
    elected: elected.map((candidate) => candidate.id),
    unfilledSeats,
    problems,
    citations: [citation],
  };
}
