// The 通报 of supervised tasks as a Word document (.docx): the title, the period, the table per
// owning unit (the same columns as the workbook) and the totals. The figures are taskBulletin's.
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
import { bulletinColumns, type BulletinRow } from './bulletin.js';

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

/** The .docx bytes of a 通报. */
export async function buildBulletinDocx(bulletin: {
  divisionName: string;
  from: string;
  to: string;
  today: string;
  rows: BulletinRow[];
}): Promise<Buffer> {
  const sum = (key: keyof BulletinRow) =>
    bulletin.rows.reduce((n, r) => n + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
  const header = new TableRow({
    tableHeader: true,
    children: bulletinColumns.map(([, label]) => cell(label, true)),
  });
  const body = bulletin.rows.map(
    (r) => new TableRow({ children: bulletinColumns.map(([key]) => cell(String(r[key]))) }),
  );
  const total = new TableRow({
    children: bulletinColumns.map(([key], i) => cell(i === 0 ? '合计' : String(sum(key)), true)),
  });
  const overdue = sum('overdueOpen');
  const closed = sum('closed');
  const doc = new Document({
    creator: '法治示范村创建管理平台',
    title: `${bulletin.divisionName}督查督办通报`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(`${bulletin.divisionName}督查督办通报`)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun(`（${bulletin.from} 至 ${bulletin.to}）`)],
          }),
          new Paragraph({
            children: [
              new TextRun(
                `期内交办任务${sum('assigned')}件，办结${closed}件（其中逾期办结${sum('closedLate')}件）；截至${bulletin.today}，逾期未办结${overdue}件。办结任务中，交办单位评价满意${sum('satisfied')}件、基本满意${sum('basicallySatisfied')}件、不满意${sum('dissatisfied')}件。`,
              ),
            ],
          }),
          bulletin.rows.length === 0
            ? new Paragraph({ children: [new TextRun('本期没有交办、办结或逾期的督办任务。')] })
            : new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [header, ...body, total],
              }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
