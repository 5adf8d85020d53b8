// Village records feeding the score sheet (see the "Record metrics and derived answers" section
// of the package README).
export {
  isRecordMetricKey,
  recordMetricKeys,
  recordMetrics,
  recordMetricUnits,
  taskRatingMetrics,
} from './record-metrics.js';
export type {
  RecordMetricDefinition,
  RecordMetricKey,
  RecordMetrics,
  RecordMetricUnit,
  RecordRegister,
} from './record-metrics.js';
export { deriveAnswers, recordMetricKeysOf } from './derive-answers.js';
export type {
  DerivedAnswer,
  DerivedItem,
  MetricReading,
  MissingDerivedAnswer,
} from './derive-answers.js';
export { campaignRecordPeriod } from './campaign-record-period.js';
export type {
  CampaignForRecordPeriod,
  CampaignRecordPeriodOptions,
  RecordPeriod,
} from './campaign-record-period.js';
export { checkOverrides, sameAnswer } from './derived-overrides.js';
export type { ColumnWithOverrides, OverrideProblem } from './derived-overrides.js';
export {
  acceptsFileType,
  acceptsPurpose,
  DOCX_MIME,
  MAX_RECORD_FILE_BYTES,
  recordFileKinds,
  recordFilePurposes,
  recordFilePurposesOf,
  recordFileTypes,
} from './record-files.js';
export type { RecordFileKind, RecordFilePurpose } from './record-files.js';
