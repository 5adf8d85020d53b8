// Limits of what a county types into a campaign and a sheet: one copy, read by the API's
// validation and by the SPA's forms.

/** A campaign's name: at least 2 and at most 60 characters (after trimming). */
export const campaignNameLength = { min: 2, max: 60 } as const;

/**
 * The largest number a score-sheet answer may hold (a count, a ratio, a number of months…):
 * no village counts a million of anything, and a bigger value is a typing error.
 */
export const maxAnswerValue = 1_000_000;

/** How many participations one bulk action (验收, 公示) may change at once. */
export const maxBulkParticipations = 500;

/** A village whose title was revoked may not declare again for this many years. */
export const revocationBarYears = 2;

/** The largest evidence file (an image or PDF; also a pilot meeting's file): 20 MB. */
export const maxEvidenceBytes = 20 * 1024 * 1024;
