/** A user-facing text in Chinese (the default) and English. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}
