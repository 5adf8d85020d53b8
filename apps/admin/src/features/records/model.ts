// Types and small helpers of the village records pages.
import type { RouterInputs, RouterOutputs } from '../../types';

export type MeetingRow = RouterOutputs['meetings']['list']['items'][number];
export type MeetingInput = RouterInputs['meetings']['save'];
export type DisclosureRow = RouterOutputs['disclosures']['list']['items'][number];
export type DisclosureInput = RouterInputs['disclosures']['save'];
export type ComplianceRow = RouterOutputs['records']['compliance']['items'][number];
export type MeetingBody = MeetingInput['body'];

/** The lists are written once, in @fazhi/domain. */
export {
  disclosureCategories,
  disclosureChannels,
  recordMeetingBodies as meetingBodies,
  resolutionMatters,
} from '@fazhi/domain';

/** Today in the county's calendar (UTC+8), YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Saves a base64 file the API returned. */
export function downloadBase64(base64: string, fileName: string, mime: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
