// The annual report's .docx: posted with the edited prose (the figures are the server's, from the
// records), saved through a temporary link. An error answer carries the API's error data.
import type { AnnualReportSection } from '@fazhi/domain';

export const ANNUAL_REPORT_DOCX_URL = '/api/reports/annual.docx';

/** The file name the server gives (content-disposition's UTF-8 name), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*=UTF-8''([^;]+)/);
  if (!match) return fallback;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return fallback;
  }
}

/** Downloads the report; throws the parsed error body (for `errorMessage`) when refused. */
export async function downloadAnnualReport(input: {
  divisionCode: string;
  year: number;
  prose: Partial<Record<AnnualReportSection, string>>;
}): Promise<string> {
  const res = await fetch(ANNUAL_REPORT_DOCX_URL, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw body ?? new Error(String(res.status));
  }
  const name = fileNameOf(
    res.headers.get('content-disposition'),
    `annual-report-${input.divisionCode}-${input.year}.docx`,
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
