// The 通报 as Word: GET /api/reports/task-bulletin.docx, saved through a temporary link. An error
// answer carries the API's error data.
import { fileNameOf } from '../registers/annual-report-download';

export const TASK_BULLETIN_DOCX_URL = '/api/reports/task-bulletin.docx';

/** Downloads the 通报; throws the parsed error body (for `errorMessage`) when refused. */
export async function downloadTaskBulletinDocx(input: {
  divisionCode: string;
  from: string;
  to: string;
}): Promise<string> {
  const query = new URLSearchParams(input).toString();
  const res = await fetch(`${TASK_BULLETIN_DOCX_URL}?${query}`, { credentials: 'same-origin' });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw body ?? new Error(String(res.status));
  }
  const name = fileNameOf(
    res.headers.get('content-disposition'),
    `task-bulletin-${input.divisionCode}-${input.from}-${input.to}.docx`,
  );
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
