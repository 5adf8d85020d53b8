import type { LocalizedText } from '../localized-text.js';

/** Kinds of 普法 activity (普法宣传活动) a village or township records. */
export const pufaActivityTypes = [
  'lecture',
  'training',
  'arts',
  'film',
  'materials',
  'display_board',
  'case_explanation',
  'exam',
] as const;
export type PufaActivityType = (typeof pufaActivityTypes)[number];

/**
 * The activities that gather an audience: one with no participant is worth a second look
 * (a warning, not an error: a display board or a leaflet round has none).
 */
export const audienceActivityTypes: readonly PufaActivityType[] = [
  'lecture',
  'training',
  'arts',
  'film',
  'case_explanation',
  'exam',
];

/** The rosters of a village: 法律明白人 and 普法宣讲员. */
export const pufaRosterRoles = ['legal_literate', 'lecturer'] as const;
export type PufaRosterRole = (typeof pufaRosterRoles)[number];

/** A roster member's exam result (考核结果). */
export const pufaExamResults = ['not_taken', 'passed', 'failed'] as const;
export type PufaExamResult = (typeof pufaExamResults)[number];

/** The most photos one 普法 activity keeps (each an image of at most `MAX_RECORD_FILE_BYTES`). */
export const maxPufaActivityPhotos = 12;

/** The names shown for every value of the lists above. */
export const pufaLabels: {
  readonly type: Record<PufaActivityType, LocalizedText>;
  readonly role: Record<PufaRosterRole, LocalizedText>;
  readonly examResult: Record<PufaExamResult, LocalizedText>;
} = {
  type: {
    lecture: { zh: '讲座', en: 'Lecture' },
    training: { zh: '培训', en: 'Training' },
    arts: { zh: '法治文艺', en: 'Rule-of-law performance' },
    film: { zh: '法治电影', en: 'Rule-of-law film' },
    materials: { zh: '宣传资料发放', en: 'Leaflets handed out' },
    display_board: { zh: '展板', en: 'Display boards' },
    case_explanation: { zh: '以案释法', en: 'Law explained through cases' },
    exam: { zh: '法治考试', en: 'Law exam' },
  },
  role: {
    legal_literate: { zh: '法律明白人', en: 'Legally literate villager' },
    lecturer: { zh: '宣讲员', en: 'Lecturer' },
  },
  examResult: {
    not_taken: { zh: '未考核', en: 'Not examined' },
    passed: { zh: '合格', en: 'Passed' },
    failed: { zh: '不合格', en: 'Failed' },
  },
};

/**
 * Training hours a 法律明白人 counts as trained from. A county practice (培养工程 guidance asks for
 * regular training without a national figure): kept as data so a county's own can replace it.
 */
export const PUFA_TRAINED_HOURS = 8;

/**
 * Whether a roster member counts as trained: the training hours reach `PUFA_TRAINED_HOURS`.
 *
 * @example
 * pufaTrained(8) // true
 * pufaTrained(7.5) // false
 */
export function pufaTrained(trainingHours: number, threshold = PUFA_TRAINED_HOURS): boolean {
  return trainingHours >= threshold;
}
