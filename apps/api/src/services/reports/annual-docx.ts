// The annual report as a Word document (.docx): the title, each fixed section with the officer's
// prose, a table of its figures (本年, 上年, 同比, 来源) and its per-township tables, and the
// definitions of the rates. The figures are the records' (reports.annual); only prose is edited.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  describeChange,
  describeRateChange,
  formatRate,
  mediationRateDefinitions,
} from '@fazhi/domain';
import type { AnnualReport } from './annual-report.js';
import type { ReportFigure } from './report-types.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function figureText(kind: 'count' | 'rate', value: number | null, unit = ''): string {
  if (kind === 'rate') return formatRate(value);
  return value === null ? '—' : `${value}${unit}`;
}

function changeText(f: ReportFigure): string {
  if (f.kind === 'rate') return describeRateChange(f.value, f.previous).zh;
  return describeChange(f.value ?? 0, f.previous ?? 0).zh;
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

function paragraphs(prose: string): Paragraph[] {
  return prose
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(
      (line) =>
        new Paragraph({
          children: [new TextRun(line)],
          indent: { firstLine: 640 },
          spacing: { after: 120 },
        }),
    );
}

/** The document of `report` (its prose already the officer's where edited: reports.annual). */
export async function buildAnnualReportDocx(report: AnnualReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${report.division.name}${report.year}年法治建设工作情况报告`)],
    }),
  ];
  report.sections.forEach((section, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${numerals[i] ?? i + 1}、${section.title.zh}`)],
      }),
      ...paragraphs(section.prose),
    );
    if (section.figures.length > 0) {
      children.push(
        table(
          ['指标', `${report.year}年`, `${report.year - 1}年`, '同比', '来源'],
          section.figures.map((f) => [
            f.label,
            figureText(f.kind, f.value, f.unit),
            figureText(f.kind, f.previous, f.unit),
            changeText(f),
            f.source,
          ]),
        ),
      );
    }
    for (const t of section.tables) {
      children.push(
        new Paragraph({
          spacing: { before: 200 },
          children: [new TextRun({ text: `${t.title}（来源：${t.source}）`, bold: true })],
        }),
        table(
          ['区划', ...t.columns.map((c) => c.label)],
          t.rows.map((r) => [
            r.name,
            ...r.values.map((v, k) => figureText(t.columns[k]?.kind ?? 'count', v)),
          ]),
        ),
      );
    }
  });
  children.push(
    new Paragraph({
      spacing: { before: 400 },
      children: [new TextRun({ text: '说明', bold: true })],
    }),
    ...[mediationRateDefinitions.handlingRate, mediationRateDefinitions.successRate].map(
      (d) => new Paragraph({ children: [new TextRun(`${d.name.zh} = ${d.formula.zh}`)] }),
    ),
    new Paragraph({
      children: [
        new TextRun(
          '表中数据由平台按各台账登记记录实时统计，来源栏注明所依据的台账；不含当事人姓名等个人信息。',
        ),
      ],
    }),
  );
  const doc = new Document({
    creator: '法治示范村创建管理平台',
    title: `${report.division.name}${report.year}年法治建设工作情况报告`,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '仿宋' }, size: 28 } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
