import type { LocalizedText } from '../localized-text.js';

/** The laws and regulations the governance checks cite. */
export type LawId =
  | 'village_committees_organic_law'
  | 'rural_land_contracting_law'
  | 'rural_collective_economic_organizations_law'
  | 'major_administrative_decisions_regulation'
  | 'party_branch_work_regulation'
  | 'civil_code'
  | 'constitution'
  | 'womens_rights_law'
  | 'administrative_penalty_law'
  | 'local_congresses_organic_law';

/**
 * A rule's legal source: the law, the version (year of the text in force) and the article number
 * in that version. Article numbers differ between versions, so never use one without the other.
 */
export interface Citation {
  readonly law: LawId;
  /** `'2018'` or `'2025'` for the organic law; the year of the text for the others. */
  readonly version: string;
  readonly article: number;
  /** The paragraph (款) when the rule sits in one paragraph of the article. */
  readonly paragraph?: number;
  /**
   * `true` when the article number is not verified against the official text (legal reference
   * marks it [U]); show it with a caution.
   */
  readonly unverified?: true;
}

/** The stable codes of every problem the governance checks report. */
export type ProblemCode =
  | 'INVALID_INPUT'
  | 'LAW_NOT_IN_FORCE'
  | 'WRONG_BODY'
  | 'QUORUM_NOT_MET'
  | 'MAJORITY_NOT_MET'
  | 'TWO_THIRDS_OF_ALL_NOT_MET'
  | 'TURNOUT_NOT_MET'
  | 'TIE_AT_LAST_SEAT'
  | 'SEATS_UNFILLED'
  | 'PROXY_RELATION_NOT_ALLOWED'
  | 'PROXY_LIMIT_EXCEEDED'
  | 'PROXY_HOLDER_IS_CANDIDATE'
  | 'RECALL_NOT_INITIATED'
  | 'RECALL_TURNOUT_NOT_MET'
  | 'RECALL_MAJORITY_NOT_MET'
  | 'WOMEN_REPRESENTATIVES_TOO_FEW'
  | 'REPRESENTATIVES_SHARE_TOO_LOW'
  | 'HOUSEHOLDS_PER_REPRESENTATIVE_OUT_OF_RANGE'
  | 'DISCLOSURE_OVERDUE'
  | 'MAJOR_DISCLOSURE_LATE'
  | 'MAJOR_DECISION_DATE_MISSING'
  | 'DISCLOSURE_REMOVED_EARLY'
  | 'STEP_SKIPPED'
  | 'STEP_OUT_OF_ORDER'
  | 'MEETING_NOT_RECORDED'
  | 'RULES_NOT_FILED'
  | 'RULES_NOT_PUBLISHED'
  | 'OFFICE_TERMINATED'
  | 'APPRAISAL_YEAR_MISSING'
  | 'PUBLIC_COMMENT_MISSING'
  | 'PUBLIC_PARTICIPATION_MISSING'
  | 'EXPERT_REVIEW_MISSING'
  | 'RISK_ASSESSMENT_MISSING'
  | 'LEGAL_ADVISER_NOT_INVOLVED'
  | 'MAJOR_STAGE_NOT_DISCLOSED'
  | 'PUBLIC_COMMENT_TOO_SHORT'
  | 'HEARING_NOTICE_TOO_SHORT'
  | 'LEGALITY_REVIEW_MISSING'
  | 'LEGALITY_REVIEW_TOO_SHORT'
  | 'LEGALITY_REVIEW_AFTER_DISCUSSION'
  | 'PARTY_COMMITTEE_NOT_REPORTED'
  | 'TALLY_EXCEEDS_PRESENT';

/**
 * One finding of a check. Errors make the act unlawful (or the input unusable); warnings point
 * at something to look at. Legal rules carry their `citation`; `field` names the offending input
 * (a dotted path such as `steps[3].meeting.attendees`).
 */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: LocalizedText;
  readonly citation?: Citation;
  readonly field?: string;
}
