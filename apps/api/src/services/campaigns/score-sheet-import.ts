// The bytes of a filled-in score sheet (考核评分表) → one column of answers, or every bad cell
// (sheet, row, column, bilingual message). Imported answers go to saveSheet, which scores them.
// The layout is score-sheet-layout.ts.
import ExcelJS from 'exceljs';
import { checkZipLimits, XLSX_LIMITS } from '../zip-limits.js';
import { scoreTotals, type Framework, type IndicatorItem, type LocalizedText } from '@fazhi/domain';
import type { SheetColumn, SheetColumnData } from '../../db/schema.js';
import {
  SCORE_SHEET_NAME,
  META_SHEET_NAME,
  VETO_MARK,
  TOTAL_MARK,
  NONE_MET,
  CODE_HEADER,
  MAX_COMMENT,
  COL,
  stageColumns,
  columnLetter,
} from './score-sheet-layout.js';

/** One bad cell of an imported workbook (`row`/`column` null when the whole sheet or row is meant). */
export interface BadCell {
  sheet: string;
  row: number | null;
  column: string | null;
  message: LocalizedText;
}

export type ScoreSheetImport =
  | { ok: true; participationId: string; version: number; data: SheetColumnData }
  | { ok: false; errors: BadCell[] };

type Read =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string };

function readValue(value: ExcelJS.CellValue, numFmt: string | undefined): Read {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', value, percent: (numFmt ?? '').includes('%') }
      : { kind: 'error', value: String(value) };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? { kind: 'blank' } : { kind: 'text', value: text };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined
      ? { kind: 'error', value: '公式没有计算结果' }
      : readValue(value.result, numFmt);
  }
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('richText' in value) return readValue(value.richText.map((r) => r.text).join(''), numFmt);
  if ('text' in value) return readValue(String(value.text), numFmt);
  return { kind: 'error', value: '无法识别的单元格内容' };
}

function readCell(ws: ExcelJS.Worksheet, row: number, column: number): Read {
  const cell = ws.getCell(row, column);
  return readValue(cell.value, cell.numFmt);
}

function textOf(read: Read): string {
  switch (read.kind) {
    case 'text':
      return read.value;
    case 'number':
      return String(read.value);
    case 'boolean':
      return read.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

function shown(read: Read): LocalizedText {
  switch (read.kind) {
    case 'date':
      return { zh: '日期', en: 'a date' };
    case 'error':
      return { zh: `错误值${read.value}`, en: `the error ${read.value}` };
    default:
      return { zh: `“${textOf(read)}”`, en: `"${textOf(read)}"` };
  }
}

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A number, or a text that is one; null otherwise. */
function numberOf(read: Read): number | null {
  if (read.kind === 'number') return read.value;
  if (read.kind === 'text' && numberText.test(read.value)) return Number(read.value);
  return null;
}

const yes = new Set(['是', '√', '✓', 'TRUE']);
const no = new Set(['否', '×', '✗', 'FALSE']);
function yesNo(read: Read): boolean | null {
  if (read.kind === 'boolean') return read.value;
  if (read.kind !== 'text') return null;
  const text = read.value.toUpperCase();
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return null;
}

type Parsed =
  | { ok: true; value: boolean | number | string[] }
  | { ok: false; message: LocalizedText };

const bad = (zh: string, en: string): Parsed => ({ ok: false, message: { zh, en } });

/** Reads a non-blank 填报 cell as the answer the item's rule takes. */
function parseAnswer(item: IndicatorItem, read: Read): Parsed {
  const code = item.code;
  const rule = item.rule;
  const was = shown(read);
  switch (rule.kind) {
    case 'check': {
      const value = yesNo(read);
      if (value === null) {
        return bad(
          `指标${code}应填“是”或“否”，实际为${was.zh}`,
          `Item ${code} takes 是 (yes) or 否 (no), not ${was.en}`,
        );
      }
      return { ok: true, value };
    }
    case 'checklist': {
      if (read.kind !== 'text' && read.kind !== 'number') {
        return bad(
          `指标${code}应填已满足条目的名称，实际为${was.zh}`,
          `Item ${code} takes the codes of the met entries, not ${was.en}`,
        );
      }
      const text = textOf(read);
      if (text === NONE_MET) return { ok: true, value: [] };
      // entry names may contain the separators themselves: read them as their codes first
      let codes = text;
      for (const e of [...rule.entries].sort((x, y) => y.name.length - x.name.length)) {
        if (e.name !== '') codes = codes.split(e.name).join(` ${e.code} `);
      }
      const met: string[] = [];
      const problems: string[] = [];
      const duplicates: string[] = [];
      for (const token of codes.split(/[、,，;；\s]+/).filter((t) => t !== '')) {
        const entry = rule.entries.find((e) => e.code === token);
        if (!entry) problems.push(token);
        else if (met.includes(entry.code)) duplicates.push(token);
        else met.push(entry.code);
      }
      if (problems.length > 0) {
        const allowed = rule.entries.map((e) => e.name || e.code);
        return bad(
          `指标${code}没有条目${problems.map((p) => `“${p}”`).join('、')}（可填：${allowed.join('、')}；均不满足填“${NONE_MET}”）`,
          `Item ${code} has no checklist entry ${problems.map((p) => `"${p}"`).join(', ')} (allowed: ${allowed.join(', ')}; “${NONE_MET}” when none is met)`,
        );
      }
      if (duplicates.length > 0) {
        return bad(
          `指标${code}的条目${duplicates.map((p) => `“${p}”`).join('、')}重复填写`,
          `Item ${code} lists entry ${duplicates.map((p) => `"${p}"`).join(', ')} twice`,
        );
      }
      // in the framework's order, whatever order they were typed in
      return { ok: true, value: rule.entries.map((e) => e.code).filter((c) => met.includes(c)) };
    }
    case 'deduction':
    case 'count': {
      const what =
        rule.kind === 'deduction'
          ? { zh: '缺少或不足的项数', en: 'the number of deficiencies' }
          : { zh: '数量', en: 'a count' };
      const value = numberOf(read);
      if (value === null || (read.kind === 'number' && read.percent)) {
        return bad(
          `指标${code}应填${what.zh}（非负整数），实际为${was.zh}`,
          `Item ${code} takes ${what.en} (a whole number ≥ 0), not ${was.en}`,
        );
      }
      if (value < 0) {
        return bad(
          `指标${code}的${what.zh}不能为负数（实际为${value}）`,
          `Item ${code}: ${what.en} must not be negative (${value})`,
        );
      }
      if (!Number.isInteger(value)) {
        return bad(
          `指标${code}的${what.zh}应为整数（实际为${value}）`,
          `Item ${code}: ${what.en} must be a whole number (${value})`,
        );
      }
      return { ok: true, value };
    }
    case 'bands':
    case 'proportional': {
      if (read.kind === 'number' && read.percent) {
        return bad(
          `指标${code}请直接填写数值（如92），不要使用百分比格式`,
          `Item ${code}: enter the plain number (e.g. 92), not a percentage format`,
        );
      }
      const value = numberOf(read);
      if (value === null) {
        return bad(
          `指标${code}应填数值，实际为${was.zh}`,
          `Item ${code} takes a number, not ${was.en}`,
        );
      }
      if (rule.kind === 'proportional' && value < 0) {
        return bad(
          `指标${code}的实际值不能为负数（实际为${value}）`,
          `Item ${code}: the value must not be negative (${value})`,
        );
      }
      return { ok: true, value };
    }
  }
}

export interface ScoreSheetImportOptions {
  framework: Framework;
  /** The column to read: the caller's, at the current stage. */
  column: SheetColumn;
  /** The participation the file is imported into; a file of another one is refused. */
  participationId: string;
}

/**
 * Reads one column of a filled-in score sheet. Every cell that cannot be read is reported; the
 * answers are returned only when there is none. Blank 填报 cells are unanswered items.
 */
export async function parseScoreSheetWorkbook(
  bytes: Uint8Array,
  opts: ScoreSheetImportOptions,
): Promise<ScoreSheetImport> {
  const errors: BadCell[] = [];
  const at = (sheet: string, row: number | null, column: number | null, message: LocalizedText) =>
    errors.push({ sheet, row, column: column === null ? null : columnLetter(column), message });

  const notWorkbook = {
    zh: '文件不是有效的Excel工作簿（.xlsx），请上传系统导出并填写后的评分表',
    en: 'The file is not an Excel workbook (.xlsx); upload the exported score sheet',
  };
  // a workbook is a zip: refuse one that would unpack to far more than any score sheet
  const container = await checkZipLimits(bytes, XLSX_LIMITS);
  if (!container.ok) {
    const mb = Math.round(XLSX_LIMITS.maxUncompressedBytes / 1024 / 1024);
    at(
      '',
      null,
      null,
      container.reason === 'not_zip'
        ? notWorkbook
        : {
            zh: `文件解压后超过${mb} MB或包含过多部件，不是系统导出的评分表`,
            en: `The file unpacks to more than ${mb} MB or has too many parts; it is not an exported score sheet`,
          },
    );
    return { ok: false, errors };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    at('', null, null, notWorkbook);
    return { ok: false, errors };
  }

  // the record and version the file was exported from
  let version: number | null = null;
  const meta = workbook.getWorksheet(META_SHEET_NAME);
  if (!meta) {
    at(META_SHEET_NAME, null, null, {
      zh: `缺少“${META_SHEET_NAME}”工作表，请使用系统导出的评分表`,
      en: `The sheet “${META_SHEET_NAME}” is missing; use a score sheet exported by the system`,
    });
  } else {
    const keys = new Map<string, number>();
    for (let r = 1; r <= meta.rowCount; r++) keys.set(textOf(readCell(meta, r, 1)), r);
    const idRow = keys.get('participationId');
    const idText = idRow ? textOf(readCell(meta, idRow, 2)) : '';
    if (idText !== opts.participationId) {
      at(META_SHEET_NAME, idRow ?? null, 2, {
        zh: idText
          ? '这份文件是另一条申报记录的评分表，不能导入到本记录'
          : '文件中缺少申报记录编号，请使用系统导出的评分表',
        en: idText
          ? 'This file is the score sheet of another participation'
          : 'The file lacks the participation id; use a score sheet exported by the system',
      });
    }
    const versionRow = keys.get('version');
    const value = versionRow ? numberOf(readCell(meta, versionRow, 2)) : null;
    if (value === null || !Number.isInteger(value) || value < 1) {
      at(META_SHEET_NAME, versionRow ?? null, 2, {
        zh: '文件中的记录版本缺失或无效，请重新导出评分表',
        en: 'The record version in the file is missing or invalid; export the sheet again',
      });
    } else {
      version = value;
    }
  }

  const ws = workbook.getWorksheet(SCORE_SHEET_NAME);
  if (!ws) {
    at(SCORE_SHEET_NAME, null, null, {
      zh: `缺少“${SCORE_SHEET_NAME}”工作表`,
      en: `The sheet “${SCORE_SHEET_NAME}” is missing`,
    });
    return { ok: false, errors };
  }
  const sheetName = ws.name;
  const stage = stageColumns[opts.column];

  let header = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && header === 0; r++) {
    if (textOf(readCell(ws, r, COL.code)) === CODE_HEADER) header = r;
  }
  if (header === 0) {
    at(sheetName, null, COL.code, {
      zh: `找不到表头“${CODE_HEADER}”，请使用系统导出的评分表`,
      en: `The header “${CODE_HEADER}” is missing; use a score sheet exported by the system`,
    });
    return { ok: false, errors };
  }
  const sub = header + 1;
  for (const [column, expected] of [
    [stage.answer, stage.answerHeader],
    [stage.comment, stage.commentHeader],
  ] as const) {
    const found = textOf(readCell(ws, sub, column));
    if (found !== expected) {
      at(sheetName, sub, column, {
        zh: `表头应为“${expected}”，实际为“${found}”；请勿增删或移动列`,
        en: `The header should read “${expected}”, not “${found}”; do not insert, delete or move columns`,
      });
    }
  }
  if (errors.some((e) => e.sheet === sheetName)) return { ok: false, errors };

  const items = new Map(
    opts.framework.areas.flatMap((a) => a.items.map((i) => [i.code, i] as const)),
  );
  const areaCodes = new Set(opts.framework.areas.map((a) => a.code));
  const vetoCodes = new Set(opts.framework.vetoes.map((v) => v.code));
  const itemRows = new Map<string, number>();
  const vetoRows = new Map<string, number>();
  const data: SheetColumnData = { items: {}, vetoes: [], comments: {} };
  let section: 'items' | 'vetoes' = 'items';
  let sawVetoes = false;

  for (let r = sub + 1; r <= ws.rowCount; r++) {
    const mark = textOf(readCell(ws, r, COL.index));
    if (mark === TOTAL_MARK) break;
    if (mark === VETO_MARK) {
      section = 'vetoes';
      sawVetoes = true;
      continue;
    }
    const code = textOf(readCell(ws, r, COL.code));
    const answer = readCell(ws, r, stage.answer);
    const comment = readCell(ws, r, stage.comment);
    const filled = answer.kind !== 'blank' || comment.kind !== 'blank';

    if (code === '' || (section === 'items' && areaCodes.has(code) && !items.has(code))) {
      if (filled) {
        at(sheetName, r, answer.kind !== 'blank' ? stage.answer : stage.comment, {
          zh: code ? `类别行（${code}）不能填写，请填在其下的指标行` : '该行没有指标编码，不能填写',
          en: code
            ? `Row of area ${code}: fill in the rows of its items instead`
            : 'This row has no item code and must stay empty',
        });
      }
      continue;
    }

    if (section === 'vetoes') {
      if (!vetoCodes.has(code)) {
        at(sheetName, r, COL.code, {
          zh: `未知的一票否决事项编码“${code}”`,
          en: `Unknown veto code "${code}"`,
        });
        continue;
      }
      if (vetoRows.has(code)) {
        at(sheetName, r, COL.code, {
          zh: `一票否决事项${code}重复（已在第${vetoRows.get(code)}行）`,
          en: `Veto ${code} appears twice (first in row ${vetoRows.get(code)})`,
        });
        continue;
      }
      vetoRows.set(code, r);
      if (answer.kind === 'blank') continue;
      const triggered = yesNo(answer);
      if (triggered === null) {
        const was = shown(answer);
        at(sheetName, r, stage.answer, {
          zh: `一票否决事项${code}应填“是”或“否”，实际为${was.zh}`,
          en: `Veto ${code} takes 是 (yes) or 否 (no), not ${was.en}`,
        });
      } else if (triggered) {
        data.vetoes.push(code);
      }
      continue;
    }

    const item = items.get(code);
    if (!item) {
      at(sheetName, r, COL.code, {
        zh: `未知的指标编码“${code}”`,
        en: `Unknown item code "${code}"`,
      });
      continue;
    }
    if (itemRows.has(code)) {
      at(sheetName, r, COL.code, {
        zh: `指标${code}重复（已在第${itemRows.get(code)}行）`,
        en: `Item ${code} appears twice (first in row ${itemRows.get(code)})`,
      });
      continue;
    }
    itemRows.set(code, r);
    if (answer.kind !== 'blank') {
      const parsed = parseAnswer(item, answer);
      if (parsed.ok) data.items[code] = parsed.value;
      else at(sheetName, r, stage.answer, parsed.message);
    }
    if (comment.kind !== 'blank') {
      // a date typed into a comment is kept as the day it shows
      const text =
        comment.kind === 'date'
          ? comment.value.toISOString().slice(0, 10)
          : comment.kind === 'text' || comment.kind === 'number'
            ? textOf(comment)
            : undefined;
      if (text === undefined) {
        const was = shown(comment);
        at(sheetName, r, stage.comment, {
          zh: `指标${code}的${stage.commentHeader}应为文字，实际为${was.zh}`,
          en: `The comment on item ${code} must be text, not ${was.en}`,
        });
      } else if (text.length > MAX_COMMENT) {
        at(sheetName, r, stage.comment, {
          zh: `指标${code}的${stage.commentHeader}超过${MAX_COMMENT}字`,
          en: `The comment on item ${code} is longer than ${MAX_COMMENT} characters`,
        });
      } else {
        data.comments[code] = text;
      }
    }
  }

  for (const [code, item] of items) {
    if (!itemRows.has(code)) {
      at(sheetName, null, COL.code, {
        zh: `缺少指标${code}（${item.name}）所在的行`,
        en: `The row of item ${code} is missing`,
      });
    }
  }
  if (opts.framework.vetoes.length > 0 && !sawVetoes) {
    at(sheetName, null, COL.index, {
      zh: `缺少“${VETO_MARK}”部分`,
      en: `The “${VETO_MARK}” section is missing`,
    });
  } else {
    for (const veto of opts.framework.vetoes) {
      if (!vetoRows.has(veto.code)) {
        at(sheetName, null, COL.code, {
          zh: `缺少一票否决事项${veto.code}所在的行`,
          en: `The row of veto ${veto.code} is missing`,
        });
      }
    }
  }

  if (errors.length === 0) {
    // a last check by the domain, mapped back to the rows (nothing should reach it)
    const scored = scoreTotals(opts.framework, { items: data.items, vetoes: data.vetoes });
    if (!scored.ok) {
      for (const problem of scored.problems) {
        const code = [...itemRows.keys()].find((c) =>
          problem.path.startsWith(`items[${JSON.stringify(c)}]`),
        );
        at(sheetName, code ? itemRows.get(code)! : null, stage.answer, problem.message);
      }
    }
  }

  if (errors.length > 0 || version === null) return { ok: false, errors };
  return { ok: true, participationId: opts.participationId, version, data };
}
