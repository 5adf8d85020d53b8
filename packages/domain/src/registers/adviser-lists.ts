import type { LocalizedText } from '../localized-text.js';

/**
 * What a village legal adviser (一村一法律顾问) records as service: consultations given (咨询),
 * documents reviewed (审查文件, e.g. contracts and village rules), lectures (讲座) and disputes
 * joined (参与调解).
 */
export const adviserServiceKinds = [
  'consultation',
  'document_review',
  'lecture',
  'mediation',
] as const;
export type AdviserServiceKind = (typeof adviserServiceKinds)[number];

/** The names shown for every kind of service. */
export const adviserServiceLabels: Readonly<Record<AdviserServiceKind, LocalizedText>> = {
  consultation: { zh: '法律咨询', en: 'Consultations' },
  document_review: { zh: '审查文件', en: 'Documents reviewed' },
  lecture: { zh: '法治讲座', en: 'Lectures' },
  mediation: { zh: '参与调解', en: 'Disputes joined' },
};
