// Files kept with township work: those a progress report of a supervision task carries (photos of
// the work, a signed statement) and those of a participatory budget's stage records (the agreed
// plan, the tender's outcome, an inspection's findings). A PDF or an image (typed by content,
// never by name), at most `MAX_RECORD_FILE_BYTES` each, `maxTownshipFilesPerRecord` per report
// or record.
import type { BudgetRecordKind } from './participatory-budget.js';

/** The types a township file may have: a PDF or an image (a scan or a photo). */
export const townshipFileTypes: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
];

/** The most files one progress report or one budget stage record keeps. */
export const maxTownshipFilesPerRecord = 10;

/** The task reports that carry files: progress, and the request to close with its proof. */
export const taskReportKindsWithFiles: readonly string[] = ['progress', 'close_request'];

/** The budget stage records that carry files: the agreed plan, the tender, an inspection. */
export const budgetRecordKindsWithFiles: readonly BudgetRecordKind[] = [
  'plan',
  'tender',
  'inspection',
];

/** Whether a file of the (sniffed) type may be kept with township work. */
export function acceptsTownshipFileType(mime: string): boolean {
  return townshipFileTypes.includes(mime);
}
