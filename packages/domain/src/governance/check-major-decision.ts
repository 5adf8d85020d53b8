import { majorDecisionCitation, uniqueCitations } from './_internal/citations.js';
import { daysBetween, workingDaysBetween } from './_internal/dates.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules, lawDates, type CountySettings } from './rules.js';

/** Forms of hearing the public besides a public comment period and a hearing (Art. 14). */
export type ParticipationForm =
  | 'symposium'
  | 'field_visit'
  | 'written_consultation'
  | 'questionnaire'
  | 'opinion_poll';

export const participationForms: readonly ParticipationForm[] = [
  'symposium',
  'field_visit',
  'written_consultation',
  'questionnaire',
  'opinion_poll',
];

/** The record of a township's major administrative decision (重大行政决策). */
export interface MajorDecisionInput {
  /** Art. 19: the matter is professional or technical (专业性、技术性较强): 专家论证 required. */
  readonly professionalOrTechnical: boolean;
  /**
   * Art. 22: carrying it out may harm social stability, public safety or the like
   * (可能对社会稳定、公共安全等方面造成不利影响): 风险评估 required.
   */
  readonly mayAffectStabilityOrSafety: boolean;
  /** Art. 14: a matter not to be disclosed by law (依法不予公开) needs no public participation. */
  readonly notDisclosable?: boolean;
  /**
   * 向社会公开征求意见, if the draft was put out for public comment: the day it was published and
   * the day comments closed. One form of participation among others (Art. 14); when used, Art. 15
   * asks for 30 days unless a shorter period is explained.
   */
  readonly publicComment?: {
    readonly openedOn: string;
    readonly closesOn: string;
    /** Why a period shorter than 30 days was used (Art. 15 allows it when explained). */
    readonly shortPeriodReason?: string;
  };
  /** 听证会, if one was held. */
  readonly hearing?: { readonly materialsSentOn: string; readonly heldOn: string };
  /** Other forms of hearing the public (Art. 14): 座谈会, 实地走访, 书面征求意见, 问卷调查, 民意调查. */
  readonly otherParticipation?: readonly {
    readonly form: ParticipationForm;
    readonly on: string;
  }[];
  /** 专家论证 (Art. 19), if held: the day of the experts' opinion. */
  readonly expertReview?: { readonly on: string };
  /** 风险评估 (Art. 22), if made: the day of the report. */
  readonly riskAssessment?: { readonly on: string };
  /** Art. 22 para. 2: the risk was already assessed under other rules, not to be repeated. */
  readonly riskAlreadyAssessed?: boolean;
  /**
   * 合法性审查: the day the draft was sent for review, the day the opinion came back, and whether
   * legal advisers or government lawyers (法律顾问、公职律师) gave legal opinions (Art. 28).
   */
  readonly legalityReview?: {
    readonly submittedOn: string;
    readonly completedOn: string;
    readonly legalAdviserOpinion: boolean;
  };
  /** 集体讨论决定 at the government's executive or plenary meeting. */
  readonly collectiveDiscussionOn: string;
  /** Report to the same-level Party committee, if made. */
  readonly partyCommitteeReportedOn?: string;
  /** Day the decision was issued. */
  readonly issuedOn: string;
  /** Public holidays on weekdays (法定节假日), not counted as working days. */
  readonly holidays?: readonly string[];
  /** Make-up working days on weekends (调休上班日), counted as working days. */
  readonly extraWorkingDays?: readonly string[];
}

export interface MajorDecisionResult {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

/**
 * Checks the procedure of a township's major administrative decision under the
 * 重大行政决策程序暂行条例 (2019, which townships apply by reference, Art. 42):
 *
 * - public participation in some form (Art. 14: 座谈会, 听证会, 实地走访, 书面征求意见, 向社会公开
 *   征求意见 …) unless the matter is `notDisclosable`; a public comment period is needed only
 *   where the county asks for one (`settings.publicCommentRequired`, off by default);
 * - when comments were sought publicly, at least 30 days unless a reason is given (Art. 15);
 *   hearing materials sent at least 7 days before the hearing (Art. 16);
 * - 专家论证 when the matter is `professionalOrTechnical` (Art. 19) and 风险评估 when it
 *   `mayAffectStabilityOrSafety` (Art. 22, unless `riskAlreadyAssessed`), both before the
 *   collective discussion;
 * - a legality review completed no later than the collective discussion (Art. 25), with legal
 *   opinions from legal advisers or government lawyers (Art. 28); the sender must allow the
 *   review normally at least 7 working days (Art. 26 "一般", so a warning): the working days
 *   after the submission and before the day of the collective discussion, not the reviewer's
 *   own time;
 * - a report to the Party committee no later than the day the decision is issued (Art. 31).
 *
 * Periods are counted as 民法典 Art. 201 counts them: the first day is not counted, so comments
 * opened on 03-01 and closing on 03-31 ran 30 days. Working days are Monday–Friday except
 * `holidays`, plus any `extraWorkingDays` (make-up Saturdays or Sundays).
 *
 * @example
 * checkMajorDecision({
 *   professionalOrTechnical: false, mayAffectStabilityOrSafety: false,
 *   hearing: { materialsSentOn: '2026-03-01', heldOn: '2026-03-08' },
 *   legalityReview: { submittedOn: '2026-04-01', completedOn: '2026-04-03', legalAdviserOpinion: true },
 *   collectiveDiscussionOn: '2026-04-15', partyCommitteeReportedOn: '2026-04-16',
 *   issuedOn: '2026-04-20', holidays: ['2026-04-06'],
 * });
 * // { ok: true, problems: [], citations: [ …Arts. 14, 16, 25, 28, 26, 31 ] }
 */
export function checkMajorDecision(
  input: MajorDecisionInput,
  settings: CountySettings = {},
): MajorDecisionResult {
  const check = new InputChecker();
  check.boolean('professionalOrTechnical', input.professionalOrTechnical);
  check.boolean('mayAffectStabilityOrSafety', input.mayAffectStabilityOrSafety);
  if (input.notDisclosable !== undefined) check.boolean('notDisclosable', input.notDisclosable);
  if (input.riskAlreadyAssessed !== undefined) {
    check.boolean('riskAlreadyAssessed', input.riskAlreadyAssessed);
  }
  const expertOn = input.expertReview
    ? check.date('expertReview.on', input.expertReview.on)
    : undefined;
  const riskOn = input.riskAssessment
    ? check.date('riskAssessment.on', input.riskAssessment.on)
    : undefined;
  let otherParticipation = 0;
  if (input.otherParticipation !== undefined) {
    if (check.array('otherParticipation', input.otherParticipation)) {
      input.otherParticipation.forEach((entry, index) => {
        const field = `otherParticipation[${index}]`;
        check.oneOf(`${field}.form`, entry.form, participationForms);
        if (check.date(`${field}.on`, entry.on) !== undefined) otherParticipation += 1;
      });
    }
  }
  const discussion = check.date('collectiveDiscussionOn', input.collectiveDiscussionOn);
  const issued = check.date('issuedOn', input.issuedOn);
  const reported = check.optionalDate('partyCommitteeReportedOn', input.partyCommitteeReportedOn);
  let opened: number | undefined;
  let closes: number | undefined;
  if (input.publicComment) {
    opened = check.date('publicComment.openedOn', input.publicComment.openedOn);
    closes = check.date('publicComment.closesOn', input.publicComment.closesOn);
    if (opened !== undefined && closes !== undefined && closes < opened) {
      check.fail('publicComment.closesOn', {
        zh: '不能早于开始日',
        en: 'cannot be before openedOn',
      });
    }
    const reason = input.publicComment.shortPeriodReason;
    if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '')) {
      check.fail('publicComment.shortPeriodReason', { zh: '不能为空', en: 'cannot be empty' });
    }
  }
  let sent: number | undefined;
  let held: number | undefined;
  if (input.hearing) {
    sent = check.date('hearing.materialsSentOn', input.hearing.materialsSentOn);
    held = check.date('hearing.heldOn', input.hearing.heldOn);
    if (sent !== undefined && held !== undefined && held < sent) {
      check.fail('hearing.heldOn', {
        zh: '不能早于材料送达日',
        en: 'cannot be before materialsSentOn',
      });
    }
  }
  let submitted: number | undefined;
  let completed: number | undefined;
  if (input.legalityReview) {
    submitted = check.date('legalityReview.submittedOn', input.legalityReview.submittedOn);
    completed = check.date('legalityReview.completedOn', input.legalityReview.completedOn);
    check.boolean('legalityReview.legalAdviserOpinion', input.legalityReview.legalAdviserOpinion);
    if (submitted !== undefined && completed !== undefined && completed < submitted) {
      check.fail('legalityReview.completedOn', {
        zh: '不能早于送审日',
        en: 'cannot be before submittedOn',
      });
    }
  }
  if (discussion !== undefined && issued !== undefined && issued < discussion) {
    check.fail('issuedOn', {
      zh: '不能早于集体讨论日',
      en: 'cannot be before collectiveDiscussionOn',
    });
  }
  const dayList = (field: string, list: readonly string[] | undefined): Set<number> => {
    const days = new Set<number>();
    if (list === undefined || !check.array(field, list)) return days;
    list.forEach((value, index) => {
      const day = check.date(`${field}[${index}]`, value);
      if (day !== undefined) days.add(day);
    });
    return days;
  };
  const holidays = dayList('holidays', input.holidays);
  const extraWorkingDays = dayList('extraWorkingDays', input.extraWorkingDays);
  if (!check.ok || discussion === undefined || issued === undefined) {
    return { ok: false, problems: check.problems, citations: [] };
  }

  if (input.issuedOn < lawDates.majorAdministrativeDecisionsRegulation) {
    return {
      ok: false,
      problems: [
        problem(
          'LAW_NOT_IN_FORCE',
          'error',
          {
            zh: `重大行政决策程序暂行条例自 ${lawDates.majorAdministrativeDecisionsRegulation} 起施行`,
            en: `The major administrative decisions regulation applies from ${lawDates.majorAdministrativeDecisionsRegulation}`,
          },
          { field: 'issuedOn' },
        ),
      ],
      citations: [],
    };
  }

  const rules = governanceRules.majorDecision;
  const problems: Problem[] = [];
  const citations: Citation[] = [];

  const participationCitation = majorDecisionCitation('public_participation');
  const commentCitation = majorDecisionCitation('public_comment');
  const commented = opened !== undefined && closes !== undefined;
  const heard = sent !== undefined && held !== undefined;
  if (input.notDisclosable !== true) {
    citations.push(participationCitation);
    if (!commented && !heard && otherParticipation === 0) {
      problems.push(
        problem(
          'PUBLIC_PARTICIPATION_MISSING',
          'error',
          {
            zh: '应当采取座谈会、听证会、实地走访、书面征求意见、向社会公开征求意见等便于社会公众参与的方式充分听取意见',
            en: 'The public must be heard in some form (symposium, hearing, field visit, written consultation, public comment …)',
          },
          { citation: participationCitation, field: 'publicComment' },
        ),
      );
    }
  }
  if (!commented && settings.publicCommentRequired) {
    problems.push(
      problem(
        'PUBLIC_COMMENT_MISSING',
        'error',
        {
          zh: '本县要求重大行政决策草案一律向社会公开征求意见',
          en: 'The county requires every draft decision to be published for public comment',
        },
        { field: 'publicComment' },
      ),
    );
  }
  if (opened !== undefined && closes !== undefined) {
    citations.push(commentCitation);
    const days = daysBetween(opened, closes);
    if (days < rules.publicCommentDays && input.publicComment?.shortPeriodReason === undefined) {
      problems.push(
        problem(
          'PUBLIC_COMMENT_TOO_SHORT',
          'error',
          {
            zh: `公开征求意见期限一般不少于 ${rules.publicCommentDays} 日，缩短的应说明理由：本次 ${days} 日且未说明理由`,
            en: `Public comment normally runs at least ${rules.publicCommentDays} days and a shorter period must be explained: this ran ${days} days without a reason`,
          },
          { citation: commentCitation, field: 'publicComment.closesOn' },
        ),
      );
    }
  }

  if (sent !== undefined && held !== undefined) {
    const citation = majorDecisionCitation('hearing');
    citations.push(citation);
    const days = daysBetween(sent, held);
    if (days < rules.hearingNoticeDays) {
      problems.push(
        problem(
          'HEARING_NOTICE_TOO_SHORT',
          'error',
          {
            zh: `听证材料应于听证会 ${rules.hearingNoticeDays} 日前送达：本次仅提前 ${days} 日`,
            en: `Hearing materials must reach participants ${rules.hearingNoticeDays} days before the hearing: these came ${days} days before`,
          },
          { citation, field: 'hearing.materialsSentOn' },
        ),
      );
    }
  }

  if (input.professionalOrTechnical) {
    const citation = majorDecisionCitation('expert_review');
    citations.push(citation);
    if (expertOn === undefined || expertOn > discussion) {
      problems.push(
        problem(
          'EXPERT_REVIEW_MISSING',
          'error',
          {
            zh: '专业性、技术性较强的决策事项，应当在集体讨论前组织专家、专业机构论证',
            en: 'A professional or technical matter needs an expert review (专家论证) before the collective discussion',
          },
          { citation, field: 'expertReview' },
        ),
      );
    }
  }
  if (input.mayAffectStabilityOrSafety) {
    const citation = majorDecisionCitation('risk_assessment');
    citations.push(citation);
    if (input.riskAlreadyAssessed !== true && (riskOn === undefined || riskOn > discussion)) {
      problems.push(
        problem(
          'RISK_ASSESSMENT_MISSING',
          'error',
          {
            zh: '决策实施可能对社会稳定、公共安全等方面造成不利影响的，应当在集体讨论前组织风险评估',
            en: 'A decision that may harm social stability or public safety needs a risk assessment (风险评估) before the collective discussion',
          },
          { citation, field: 'riskAssessment' },
        ),
      );
    }
  }

  const reviewRequired = majorDecisionCitation('legality_review_required');
  citations.push(reviewRequired);
  if (submitted === undefined || completed === undefined) {
    problems.push(
      problem(
        'LEGALITY_REVIEW_MISSING',
        'error',
        {
          zh: '决策草案未经合法性审查的，不得提交集体讨论',
          en: 'A draft without a legality review may not go to collective discussion',
        },
        { citation: reviewRequired, field: 'legalityReview' },
      ),
    );
  } else {
    const advisersCitation = majorDecisionCitation('legality_review_advisers');
    citations.push(advisersCitation);
    if (input.legalityReview?.legalAdviserOpinion !== true) {
      problems.push(
        problem(
          'LEGAL_ADVISER_NOT_INVOLVED',
          'error',
          {
            zh: '合法性审查过程中应当组织法律顾问、公职律师提出法律意见',
            en: 'The legality review must obtain legal opinions from legal advisers or government lawyers',
          },
          { citation: advisersCitation, field: 'legalityReview.legalAdviserOpinion' },
        ),
      );
    }
    // Art. 26: "送请合法性审查，应当保证必要的审查时间" — the time the sender allows, from the
    // submission to the collective discussion (not how long the reviewer took).
    const periodCitation = majorDecisionCitation('legality_review_period');
    citations.push(periodCitation);
    // Counted as 民法典 Art. 201 counts: from the day after the submission; the review time ends
    // before the day of the discussion, so that day is not counted.
    const workingDays = workingDaysBetween(submitted, discussion - 1, holidays, extraWorkingDays);
    if (workingDays < rules.legalityReviewWorkingDays) {
      problems.push(
        problem(
          'LEGALITY_REVIEW_TOO_SHORT',
          'warning',
          {
            zh: `送请合法性审查应保证审查时间一般不少于 ${rules.legalityReviewWorkingDays} 个工作日：送审至集体讨论仅 ${workingDays} 个工作日`,
            en: `The draft should be sent for legality review normally at least ${rules.legalityReviewWorkingDays} working days before the collective discussion: it was sent ${workingDays} working days before`,
          },
          { citation: periodCitation, field: 'legalityReview.submittedOn' },
        ),
      );
    }
    if (completed > discussion) {
      problems.push(
        problem(
          'LEGALITY_REVIEW_AFTER_DISCUSSION',
          'error',
          {
            zh: '合法性审查应在集体讨论之前完成',
            en: 'The legality review must be completed before the collective discussion',
          },
          { citation: reviewRequired, field: 'legalityReview.completedOn' },
        ),
      );
    }
  }

  const reportCitation = majorDecisionCitation('party_committee_report');
  citations.push(reportCitation);
  if (reported === undefined || reported > issued) {
    problems.push(
      problem(
        'PARTY_COMMITTEE_NOT_REPORTED',
        'error',
        {
          zh: '重大行政决策出台前应当向同级党委请示报告',
          en: 'The decision must be reported to the Party committee at the same level before it is issued',
        },
        { citation: reportCitation, field: 'partyCommitteeReportedOn' },
      ),
    );
  }

  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    citations: uniqueCitations(citations),
  };
}
