import type { LocalizedText } from '../localized-text.js';

/**
 * The states of a subject's participation in a campaign (legal-reference §1.D):
 * declared (or enrolled, in an annual campaign) → self_assessed → township_approved | returned →
 * county_accepted | county_failed → posted (公示) → named; without a township review (townships,
 * county units) the county accepts a self-assessed subject directly; in a recommendation
 * campaign a posted subject is recommended upward and the higher level's decision makes it named
 * or not_selected; `objected` holds a posted subject until the county resolves the objection;
 * `withdrawn` and `removed` end it early.
 */
export type ParticipationState =
  | 'declared'
  | 'enrolled'
  | 'self_assessed'
  | 'returned'
  | 'township_approved'
  | 'county_accepted'
  | 'county_failed'
  | 'posted'
  | 'objected'
  | 'removed'
  | 'named'
  | 'recommended'
  | 'not_selected'
  | 'withdrawn';

export const participationStates: readonly ParticipationState[] = [
  'declared',
  'enrolled',
  'self_assessed',
  'returned',
  'township_approved',
  'county_accepted',
  'county_failed',
  'posted',
  'objected',
  'removed',
  'named',
  'recommended',
  'not_selected',
  'withdrawn',
];

/**
 * Who acts on a participation: `village` is the subject itself (a village's clerk, a township's
 * officer for their own township, a county unit's officer), `township` the reviewing township,
 * `county` the county. See `participationActor`.
 */
export type ParticipationActor = 'village' | 'township' | 'county';

/** What can happen to a participation. */
export type ParticipationEvent =
  | { readonly type: 'submit_self_assessment'; readonly selfScore: number }
  | { readonly type: 'approve' }
  | { readonly type: 'return'; readonly reason: string }
  | { readonly type: 'accept'; readonly acceptedScore: number; readonly vetoed?: boolean }
  | { readonly type: 'fail'; readonly reason: string }
  | { readonly type: 'post'; readonly on: string }
  | {
      readonly type: 'object';
      readonly objector: {
        readonly name: string;
        readonly contact: string;
        readonly content: string;
      };
    }
  | { readonly type: 'resolve_objection'; readonly upheld: boolean; readonly reason: string }
  | { readonly type: 'name'; readonly on: string }
  | { readonly type: 'recommend' }
  | {
      readonly type: 'record_decision';
      /** Whether the higher level named the subject. */
      readonly awarded: boolean;
      /** The awarding body, its document number and the date of the decision (when awarded). */
      readonly awardingBody?: string | undefined;
      readonly documentNumber?: string | undefined;
      readonly decidedOn?: string | undefined;
    }
  | { readonly type: 'withdraw'; readonly reason: string };

export type ParticipationEventType = ParticipationEvent['type'];

/** The campaign rules a transition is checked against. */
export interface ParticipationRules {
  /** The least self-assessed score that may be submitted (e.g. 90). */
  readonly minSelfScore?: number | undefined;
  /** The least accepted score (e.g. 85). */
  readonly minAcceptedScore?: number | undefined;
  /** Days of public notice (公示); naming may happen only after they have passed. */
  readonly noticeDays: number;
  /** Whether a township reviews (villages; the default) or the county accepts self-assessed subjects directly. */
  readonly townshipReview?: boolean | undefined;
}

/** What the participation knows when an event arrives. */
export interface ParticipationSnapshot {
  readonly state: ParticipationState;
  /** The day it was posted (YYYY-MM-DD), once posted. */
  readonly postedOn?: string | undefined;
}

export interface TransitionProblem {
  readonly code:
    | 'TRANSITION_NOT_ALLOWED'
    | 'ACTOR_NOT_ALLOWED'
    | 'REASON_REQUIRED'
    | 'SELF_SCORE_TOO_LOW'
    | 'ACCEPTED_SCORE_TOO_LOW'
    | 'VETOED'
    | 'NOTICE_NOT_OVER'
    | 'OBJECTION_INCOMPLETE'
    | 'DECISION_INCOMPLETE'
    | 'INVALID_DATE';
  readonly message: LocalizedText;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: ParticipationState }
  | { readonly ok: false; readonly problems: readonly TransitionProblem[] };

interface Edge {
  readonly from: readonly ParticipationState[];
  readonly to: ParticipationState | ((event: ParticipationEvent) => ParticipationState);
  readonly actors: readonly ParticipationActor[];
}

const beforeNaming: readonly ParticipationState[] = [
  'declared',
  'enrolled',
  'self_assessed',
  'returned',
  'township_approved',
  'county_accepted',
  'county_failed',
  'posted',
  'objected',
  'recommended',
];

const edges: Record<ParticipationEventType, Edge> = {
  submit_self_assessment: {
    from: ['declared', 'enrolled', 'returned'],
    to: 'self_assessed',
    actors: ['village'],
  },
  approve: { from: ['self_assessed'], to: 'township_approved', actors: ['township'] },
  return: { from: ['self_assessed'], to: 'returned', actors: ['township'] },
  accept: { from: ['township_approved'], to: 'county_accepted', actors: ['county'] },
  fail: { from: ['township_approved'], to: 'county_failed', actors: ['county'] },
  post: { from: ['county_accepted'], to: 'posted', actors: ['county'] },
  object: { from: ['posted'], to: 'objected', actors: ['county'] },
  resolve_objection: {
    from: ['objected'],
    to: (e) => (e.type === 'resolve_objection' && e.upheld ? 'removed' : 'posted'),
    actors: ['county'],
  },
  name: { from: ['posted'], to: 'named', actors: ['county'] },
  recommend: { from: ['posted'], to: 'recommended', actors: ['county'] },
  record_decision: {
    from: ['recommended'],
    to: (e) => (e.type === 'record_decision' && e.awarded ? 'named' : 'not_selected'),
    actors: ['county'],
  },
  withdraw: { from: beforeNaming, to: 'withdrawn', actors: ['village', 'township', 'county'] },
};

/** Without a township review the county accepts or fails a self-assessed subject itself. */
const edgesWithoutReview: Record<ParticipationEventType, Edge> = {
  ...edges,
  approve: { ...edges.approve, from: [] },
  return: { ...edges.return, from: [] },
  accept: { ...edges.accept, from: ['self_assessed'] },
  fail: { ...edges.fail, from: ['self_assessed'] },
};

function edgesOf(flow: { readonly townshipReview?: boolean | undefined } | undefined) {
  return flow?.townshipReview === false ? edgesWithoutReview : edges;
}

const stateNames: Record<ParticipationState, LocalizedText> = {
  declared: { zh: '已申报', en: 'declared' },
  enrolled: { zh: '已纳入考核', en: 'enrolled' },
  self_assessed: { zh: '已自评', en: 'self-assessed' },
  returned: { zh: '已退回', en: 'returned' },
  township_approved: { zh: '乡镇初审通过', en: 'approved by the township' },
  county_accepted: { zh: '县级验收通过', en: 'accepted by the county' },
  county_failed: { zh: '县级验收未通过', en: 'failed by the county' },
  posted: { zh: '公示中', en: 'publicly posted' },
  objected: { zh: '异议处理中', en: 'under objection' },
  removed: { zh: '异议成立已移出', en: 'removed after an upheld objection' },
  named: { zh: '已命名', en: 'named' },
  recommended: { zh: '已推荐上报', en: 'recommended upward' },
  not_selected: { zh: '上级未命名', en: 'not named by the higher level' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The Chinese and English name of a state. @example participationStateName('posted').zh // → '公示中' */
export function participationStateName(state: ParticipationState): LocalizedText {
  return stateNames[state];
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
export function dayNumber(date: string): number | null {
  const m = isoDate.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null;
  return t / 86_400_000;
}

/**
 * The day public notice ends: the notice runs `noticeDays` full days after the day of posting
 * (民法典 Art. 201: the first day is not counted), so naming may happen the day after.
 *
 * @example
 * noticeEndsOn('2026-03-02', 7) // → '2026-03-09'
 */
export function noticeEndsOn(postedOn: string, noticeDays: number): string | null {
  const day = dayNumber(postedOn);
  if (day === null) return null;
  return new Date((day + noticeDays) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The events an actor may send in a state (whether their guards pass depends on the event).
 *
 * @example
 * allowedParticipationEvents('self_assessed', 'township') // → ['approve', 'return', 'withdraw']
 */
export function allowedParticipationEvents(
  state: ParticipationState,
  actor: ParticipationActor,
  flow?: { readonly townshipReview?: boolean | undefined },
): ParticipationEventType[] {
  const e = edgesOf(flow);
  return (Object.keys(e) as ParticipationEventType[]).filter(
    (type) => e[type].from.includes(state) && e[type].actors.includes(actor),
  );
}

function problem(code: TransitionProblem['code'], zh: string, en: string): TransitionProblem {
  return { code, message: { zh, en } };
}

/**
 * Applies one event to a participation, checking the state, the actor and the campaign rules.
 * Never throws for a refused transition: the result lists every reason.
 *
 * @example
 * transitionParticipation({ state: 'self_assessed' }, { type: 'return', reason: '台账缺失' },
 *   'township', { noticeDays: 7 })
 * // → { ok: true, state: 'returned' }
 */
export function transitionParticipation(
  current: ParticipationSnapshot,
  event: ParticipationEvent,
  actor: ParticipationActor,
  rules: ParticipationRules,
): TransitionResult {
  const edge = edgesOf(rules)[event.type];
  const problems: TransitionProblem[] = [];
  if (!edge.from.includes(current.state)) {
    const from = stateNames[current.state];
    return {
      ok: false,
      problems: [
        problem(
          'TRANSITION_NOT_ALLOWED',
          `当前状态为“${from.zh}”，不能执行此操作`,
          `Not allowed while ${from.en}`,
        ),
      ],
    };
  }
  if (!edge.actors.includes(actor)) {
    problems.push(
      problem('ACTOR_NOT_ALLOWED', '您的层级不能执行此操作', 'Your level may not do this'),
    );
  }
  switch (event.type) {
    case 'submit_self_assessment':
      if (rules.minSelfScore !== undefined && event.selfScore < rules.minSelfScore) {
        problems.push(
          problem(
            'SELF_SCORE_TOO_LOW',
            `自评得分${event.selfScore}分，低于申报要求的${rules.minSelfScore}分`,
            `The self-assessed score ${event.selfScore} is below the required ${rules.minSelfScore}`,
          ),
        );
      }
      break;
    case 'accept':
      if (event.vetoed) {
        problems.push(
          problem('VETOED', '存在一票否决情形，不能验收通过', 'A veto item is triggered'),
        );
      }
      if (rules.minAcceptedScore !== undefined && event.acceptedScore < rules.minAcceptedScore) {
        problems.push(
          problem(
            'ACCEPTED_SCORE_TOO_LOW',
            `验收得分${event.acceptedScore}分，低于通过线${rules.minAcceptedScore}分`,
            `The accepted score ${event.acceptedScore} is below the pass mark ${rules.minAcceptedScore}`,
          ),
        );
      }
      break;
    case 'return':
    case 'fail':
    case 'withdraw':
    case 'resolve_objection':
      if (event.reason.trim() === '') {
        problems.push(problem('REASON_REQUIRED', '请填写理由', 'A reason is required'));
      }
      break;
    case 'object': {
      const o = event.objector;
      if (o.name.trim() === '' || o.contact.trim() === '' || o.content.trim() === '') {
        problems.push(
          problem(
            'OBJECTION_INCOMPLETE',
            '实名异议须写明姓名、联系方式和异议内容',
            'A real-name objection needs a name, a contact and its content',
          ),
        );
      }
      break;
    }
    case 'post':
      if (dayNumber(event.on) === null) {
        problems.push(
          problem('INVALID_DATE', `日期“${event.on}”无效`, `Invalid date "${event.on}"`),
        );
      }
      break;
    case 'name': {
      const ends = current.postedOn ? noticeEndsOn(current.postedOn, rules.noticeDays) : null;
      const today = dayNumber(event.on);
      if (today === null) {
        problems.push(
          problem('INVALID_DATE', `日期“${event.on}”无效`, `Invalid date "${event.on}"`),
        );
      } else if (ends === null || today <= dayNumber(ends)!) {
        problems.push(
          problem(
            'NOTICE_NOT_OVER',
            `公示期${rules.noticeDays}天未满${ends ? `（${ends}结束）` : ''}，不能命名`,
            `The ${rules.noticeDays}-day public notice is not over${ends ? ` (ends ${ends})` : ''}`,
          ),
        );
      }
      break;
    }
    case 'record_decision':
      if (
        event.awarded &&
        (!event.awardingBody?.trim() ||
          !event.documentNumber?.trim() ||
          !event.decidedOn ||
          dayNumber(event.decidedOn) === null)
      ) {
        problems.push(
          problem(
            'DECISION_INCOMPLETE',
            '上级命名须录入命名机关、文号和命名日期',
            'A naming by the higher level needs the awarding body, the document number and the date',
          ),
        );
      }
      break;
    case 'approve':
    case 'recommend':
      break;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, state: typeof edge.to === 'function' ? edge.to(event) : edge.to };
}
