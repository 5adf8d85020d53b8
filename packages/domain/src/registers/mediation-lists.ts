import type { LocalizedText } from '../localized-text.js';

/** Dispute types of the mediation register (人民调解台账). */
export const disputeTypes = [
  'marriage_family',
  'neighbour',
  'land_contract',
  'forest_water',
  'land_requisition',
  'labour',
  'damages',
  'other',
] as const;
export type DisputeType = (typeof disputeTypes)[number];

/** 口头调解 or 书面协议 (人民调解法 Arts. 28–29). */
export const mediationMethods = ['oral', 'written'] as const;
export type MediationMethod = (typeof mediationMethods)[number];

/** The outcome of a case; `open` (在办) until it reaches one of the others. */
export const mediationOutcomes = ['succeeded', 'failed', 'terminated', 'to_court', 'open'] as const;
export type MediationOutcome = (typeof mediationOutcomes)[number];

/** Escalations the reports count as failures of prevention: 越级上访 and 民转刑. */
export const mediationEscalations = ['none', 'petition', 'criminal'] as const;
export type MediationEscalation = (typeof mediationEscalations)[number];

/**
 * The files a mediation case keeps (its 调解协议书, the 书面协议 scan, records of the hearing):
 * PDF, images and Word documents (.docx), typed by their content, at most `MAX_RECORD_FILE_BYTES`
 * each and `maxMediationCaseFiles` per case.
 */
export const mediationCaseFileTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

/** The most files one mediation case keeps. */
export const maxMediationCaseFiles = 12;

/** The names shown for every value of the lists above. */
export const mediationLabels: {
  readonly type: Record<DisputeType, LocalizedText>;
  readonly method: Record<MediationMethod, LocalizedText>;
  readonly outcome: Record<MediationOutcome, LocalizedText>;
  readonly escalation: Record<MediationEscalation, LocalizedText>;
} = {
  type: {
    marriage_family: { zh: '婚姻家庭', en: 'Marriage and family' },
    neighbour: { zh: '邻里', en: 'Neighbours' },
    land_contract: { zh: '土地承包', en: 'Land contracts' },
    forest_water: { zh: '山林水利', en: 'Forest and water' },
    land_requisition: { zh: '征地拆迁', en: 'Land requisition and demolition' },
    labour: { zh: '劳动', en: 'Labour' },
    damages: { zh: '损害赔偿', en: 'Damages' },
    other: { zh: '其他', en: 'Other' },
  },
  method: {
    oral: { zh: '口头调解', en: 'Oral mediation' },
    written: { zh: '书面协议', en: 'Written agreement' },
  },
  outcome: {
    succeeded: { zh: '调解成功', en: 'Settled' },
    failed: { zh: '调解不成功', en: 'Not settled' },
    terminated: { zh: '终止', en: 'Terminated' },
    to_court: { zh: '转司法程序', en: 'Referred to the courts' },
    open: { zh: '在办', en: 'Open' },
  },
  escalation: {
    none: { zh: '无', en: 'None' },
    petition: { zh: '越级上访', en: 'Petition above the proper level' },
    criminal: { zh: '民转刑', en: 'Turned criminal' },
  },
};

/**
 * The outcomes that count a received case as handled (调处): it reached an outcome. `open` (在办)
 * does not count.
 *
 * @example
 * handledOutcomes.includes('succeeded') // true
 */
export const handledOutcomes: readonly MediationOutcome[] = [
  'succeeded',
  'failed',
  'terminated',
  'to_court',
];
