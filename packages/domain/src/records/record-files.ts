// Files kept with village records: a meeting's minutes and photos, a disclosure's photo of the
// posting, a village rules version's text (a PDF, a scan or the Word document it was read from).
// Each purpose accepts its own file types (by content,
// never by name), at most 20 MB a file.

/** The registers whose records carry files. */
export const recordFileKinds = ['meeting', 'disclosure', 'rules'] as const;
export type RecordFileKind = (typeof recordFileKinds)[number];

/** What a file is for. */
export const recordFilePurposes = ['minutes', 'photo', 'text'] as const;
export type RecordFilePurpose = (typeof recordFilePurposes)[number];

/** The purposes each register's records accept. */
export const recordFilePurposesOf: Readonly<Record<RecordFileKind, readonly RecordFilePurpose[]>> =
  {
    meeting: ['minutes', 'photo'],
    disclosure: ['photo'],
    rules: ['text'],
  };

const images = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

/** A Word document (.docx), as a rules text is often kept. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The types each purpose accepts: photos are images; minutes are a PDF or a scan (image); a
 * rules text is a PDF, a scan or a Word document (.docx).
 */
export const recordFileTypes: Readonly<Record<RecordFilePurpose, readonly string[]>> = {
  minutes: ['application/pdf', ...images],
  photo: [...images],
  text: ['application/pdf', ...images, DOCX_MIME],
};

export const MAX_RECORD_FILE_BYTES = 20 * 1024 * 1024;

/** Whether a register's record takes files of a purpose. */
export function acceptsPurpose(kind: RecordFileKind, purpose: RecordFilePurpose): boolean {
  return recordFilePurposesOf[kind].includes(purpose);
}

/** Whether a file of the (sniffed) type fits the purpose. */
export function acceptsFileType(purpose: RecordFilePurpose, mime: string): boolean {
  return recordFileTypes[purpose].includes(mime);
}
