import { majorDecisionCitation, uniqueCitations } from './_internal/citations.js';
import { daysBetween, workingDaysBetween } from './_internal/dates.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules, lawDates } from './rules.js';

/** The record of a township's major administrative decision (重大行政决策). */
export interface MajorDecisionInput {
  /** 公开征求意见: the day the draft was published for comment and the day comments closed. */
  readonly publicComment?: {
    readonly openedOn: string;
    readonly closesOn: string;
    /** Why a period shorter than 30 days was used (Art. 15 allows it when explained). */
    readonly shortPeriodReason?: string;
  };
  /** 听证会, if one was held. */
  readonly hearing?: { readonly materialsSentOn: string; readonly heldOn: string };
  /** 合法性审查: the day the draft was sent for review and the day the opinion came back. */
  readonly legalityReview?: { readonly submittedOn: string; readonly completedOn: string };
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
 * 重大行政决策程序暂行条例 (2019, which townships apply by reference, Art. 42): public comment for
 * at least 30 days unless a reason is given (Art. 15); hearing materials sent at least 7 days
 * before the hearing (Art. 16); a legality review before the collective discussion (Art. 25) that
 * normally takes at least 7 working days (Art. 26 says "一般", so a shorter review is a warning);
 * a report to the Party committee no later than the day the decision is issued (Art. 31).
 * Periods are counted as 民法典 Art. 201 counts them: the first day is not counted, so comments
 * opened on 03-01 and closing on 03-31 ran 30 days. Working days are Monday–Friday except
 * `holidays`, plus any `extraWorkingDays` (make-up Saturdays or Sundays).
 *
 * @example
 * checkMajorDecision({
 *   publicComment: { openedOn: '2026-03-01', closesOn: '2026-03-31' },
 *   legalityReview: { submittedOn: '2026-04-01', completedOn: '2026-04-13' },
 *   collectiveDiscussionOn: '2026-04-15', partyCommitteeReportedOn: '2026-04-16',
 *   issuedOn: '2026-04-20', holidays: ['2026-04-06'],
 * });
 * // { ok: true, problems: [], citations: [ …Arts. 15, 25, 26, 31 ] }
 */
export function checkMajorDecision(input: MajorDecisionInput): MajorDecisionResult {
  const check = new InputChecker();
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

  const commentCitation = majorDecisionCitation('public_comment');
  citations.push(commentCitation);
  if (opened === undefined || closes === undefined) {
    problems.push(
      problem(
        'PUBLIC_COMMENT_MISSING',
        'error',
        {
          zh: '决策草案应当向社会公开征求意见',
          en: 'The draft decision must be published for public comment',
        },
        { citation: commentCitation, field: 'publicComment' },
      ),
    );
  } else {
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
    const periodCitation = majorDecisionCitation('legality_review_period');
    citations.push(periodCitation);
    const workingDays = workingDaysBetween(submitted, completed, holidays, extraWorkingDays);
    if (workingDays < rules.legalityReviewWorkingDays) {
      problems.push(
        problem(
          'LEGALITY_REVIEW_TOO_SHORT',
          'warning',
          {
            zh: `合法性审查时间一般不少于 ${rules.legalityReviewWorkingDays} 个工作日：本次 ${workingDays} 个工作日`,
            en: `A legality review normally takes at least ${rules.legalityReviewWorkingDays} working days: this took ${workingDays}`,
          },
          { citation: periodCitation, field: 'legalityReview.completedOn' },
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
