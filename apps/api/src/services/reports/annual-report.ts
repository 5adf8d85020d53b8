// The annual 法治建设 report of a county or a township (创建工作情况汇报): the fixed sections in
// order, each filled by its figure providers from the year's records, with the prose generated
// from the figures (the officer edits it before downloading the .docx; the figures stay).
import { and, asc, eq } from 'drizzle-orm';
import {
  annualReportSections,
  annualReportSectionTitle,
  type AnnualReportSection,
  type LocalizedText,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { divisions } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { forbidden, invalidField, notFound } from '../../errors/app-error.js';
import { sectionProviders } from './sections/index.js';
import type { ReportContext, ReportDivision, ReportFigure, ReportTable } from './report-types.js';

/** The prose of a section no provider gave anything for. */
export const NOTHING_RECORDED = '本年度暂无登记。';

export interface AnnualReportSectionOutput {
  key: AnnualReportSection;
  title: LocalizedText;
  figures: ReportFigure[];
  tables: ReportTable[];
  /** The generated prose (the officer's edit replaces it in the document). */
  prose: string;
}

export interface AnnualReport {
  division: ReportDivision;
  year: number;
  sections: AnnualReportSectionOutput[];
}

export async function annualReport(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  year: number;
  /** The officer's edited prose of some sections (blank: the generated prose stays). */
  prose?: Partial<Record<AnnualReportSection, string>> | undefined;
}): Promise<AnnualReport> {
  const { db, scope, divisionCode, year } = opts;
  if (!scope.includes(divisionCode)) forbidden();
  const [row] = await db
    .select({ code: divisions.code, name: divisions.name, level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  if (!row) notFound({ zh: '行政区划', en: 'Division' });
  if (row.level !== 'county' && row.level !== 'township') {
    invalidField('divisionCode', {
      zh: '年度报告按县或乡镇生成',
      en: 'The annual report is made for a county or a township',
    });
  }
  const division: ReportDivision = { code: row.code, name: row.name, level: row.level };
  const townships =
    row.level === 'county'
      ? await db
          .select({ code: divisions.code, name: divisions.name })
          .from(divisions)
          .where(
            and(
              eq(divisions.parentCode, row.code),
              eq(divisions.level, 'township'),
              scope.where(divisions.code),
            ),
          )
          .orderBy(asc(divisions.code))
      : [];
  const ctx: ReportContext = { db, scope, division, year, townships };
  const sections: AnnualReportSectionOutput[] = [];
  // in order: 存在问题 and 下一步打算 read the sections before them
  for (const key of annualReportSections) {
    const parts = [];
    for (const provider of sectionProviders[key]) parts.push(await provider(ctx, sections));
    const sentences = parts.flatMap((p) => p.sentences);
    sections.push({
      key,
      title: annualReportSectionTitle(key),
      figures: parts.flatMap((p) => p.figures),
      tables: parts.flatMap((p) => p.tables ?? []),
      prose:
        opts.prose?.[key]?.trim() || (sentences.length > 0 ? sentences.join('') : NOTHING_RECORDED),
    });
  }
  return { division, year, sections };
}
