import type { LocalizedText } from '../localized-text.js';
import { formatHundredths, toHundredths } from './_internal/decimal.js';
import { deriveRule } from './derive-rule.js';
import { methodFromText } from './method-from-text.js';
import type { AssessmentMethod, GradeBand, ScoringRule, VetoCondition } from './types.js';

/** One cell's value as read from a spreadsheet: text, a number, or nothing. */
export type TableCell = string | number | null | undefined;

/**
 * One sheet of a 考核评分表 as a grid starting at cell A1: `rows[0][2]` is cell C1. A merged cell
 * gives its value to every cell it covers (an area merged over rows 4–9 reads in each row).
 */
export interface ScoreTable {
  readonly sheet: string;
  readonly rows: readonly (readonly TableCell[])[];
}

/** The stable codes `readScoreTable` reports. */
export type ScoreTableProblemCode =
  | 'NO_HEADER'
  | 'MISSING_HEADER'
  | 'UNKNOWN_HEADER'
  | 'DUPLICATE_HEADER'
  | 'NO_AREA'
  | 'ITEM_EMPTY'
  | 'POINTS_MISSING'
  | 'POINTS_NOT_NUMBER'
  | 'POINTS_NOT_POSITIVE'
  | 'TOO_MANY_DECIMALS'
  | 'AREA_EMPTY'
  | 'ITEM_POINTS_MISMATCH'
  | 'TOTAL_POINTS_MISMATCH'
  | 'NO_ITEMS'
  /** Not a fault of the table: the county chooses the rule in the page. */
  | 'RULE_TO_COMPLETE'
  /** Not a fault of the table: the county chooses the method in the page. */
  | 'METHOD_TO_COMPLETE';

/**
 * A bad (or incomplete) cell: the sheet, its address (`C7`; a whole row as `3:3`; null for the
 * whole sheet) and why.
 */
export interface ScoreTableProblem {
  readonly code: ScoreTableProblemCode;
  readonly sheet: string;
  readonly cell: string | null;
  /** The draft field the cell became (`areas[0].items[2].rule`), when there is one. */
  readonly path?: string;
  readonly message: LocalizedText;
}

/** An item of a draft: `method` and `rule` are absent where the table does not state them. */
export interface DraftItem {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly evidence?: readonly string[];
  readonly method?: AssessmentMethod;
  readonly rule?: ScoringRule;
  /** The 评分标准 text as written. */
  readonly note?: string;
}

/** An area of a draft. */
export interface DraftArea {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly items: readonly DraftItem[];
}

/**
 * A framework read from a table, before the county completes it. It has the framework's JSON
 * shape, so `validateFramework(draft)` lists exactly what is left to do: every item without a
 * `rule` or `method` is reported there (`FIELD_REQUIRED`) until the county chooses one.
 */
export interface FrameworkDraft {
  readonly code: string;
  readonly name: string;
  readonly version: string;
  readonly totalPoints: number;
  readonly status: 'draft';
  readonly description: string;
  readonly grades: readonly GradeBand[];
  readonly vetoes: readonly VetoCondition[];
  readonly areas: readonly DraftArea[];
}

/** The result of `readScoreTable`: all or nothing. */
export type ScoreTableRead =
  | {
      readonly ok: true;
      readonly draft: FrameworkDraft;
      /** The items whose rule or method the county must still choose, with their cells. */
      readonly incomplete: readonly ScoreTableProblem[];
    }
  | { readonly ok: false; readonly problems: readonly ScoreTableProblem[] };

type Column = 'index' | 'area' | 'item' | 'points' | 'rule' | 'method' | 'evidence';

/** Header texts (whitespace and bracketed units removed) and the column each names. */
const headerNames: Readonly<Record<Column, readonly string[]>> = {
  index: ['序号', '编号'],
  area: [
    '考核项目',
    '考核类别',
    '项目',
    '类别',
    '一级指标',
    '考核类目',
    '评价项目',
    '考核内容类别',
  ],
  item: ['考核内容', '考核指标', '评分项', '二级指标', '内容', '指标', '考核要点', '具体内容'],
  points: ['分值', '标准分', '满分', '分数', '权重分', '基本分'],
  rule: ['评分标准', '评分细则', '评分办法', '计分方法', '扣分标准', '评分方法'],
  method: ['考核方法', '考核方式', '检查方法', '评价方式', '核查方式'],
  evidence: ['佐证材料', '佐证资料', '台账资料', '备查资料', '佐证'],
};

/** Columns a filled-in sheet has and an import leaves alone. */
const ignoredHeader = /得分|自评|初审|复核|验收|扣分情况|扣分原因|备注|说明/;

const required: readonly Column[] = ['area', 'item', 'points'];

const columnNames: Readonly<Record<Column, LocalizedText>> = {
  index: { zh: '序号', en: 'No.' },
  area: { zh: '考核项目', en: 'area' },
  item: { zh: '考核内容', en: 'item' },
  points: { zh: '分值', en: 'points' },
  rule: { zh: '评分标准', en: 'scoring rule' },
  method: { zh: '考核方法', en: 'method' },
  evidence: { zh: '佐证材料', en: 'evidence' },
};

/** How many rows from the top a header row is looked for. */
const HEADER_SEARCH_ROWS = 15;

/** `0` → `A`, `26` → `AA`. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function textOf(cell: TableCell): string {
  if (cell === null || cell === undefined) return '';
  return (typeof cell === 'number' ? String(cell) : cell).trim();
}

function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '');
}

function columnOf(text: string): Column | null {
  const key = headerKey(text);
  for (const [column, names] of Object.entries(headerNames) as [Column, readonly string[]][]) {
    if (names.includes(key)) return column;
  }
  return null;
}

const totalMark = /^(?:合\s*计|总\s*计|总\s*分)/;
const vetoMark = '一票否决';
const chineseNumbering = /^[一二三四五六七八九十]+[、.．]?$/;
/** A stated number of points at the end of an area name: `组织建设（20分）`. */
const statedPoints = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$/;

/** Points as written: a number, or text such as `5`, `5分`, `２.５`. */
type PointsRead =
  | { ok: true; hundredths: number }
  | { ok: false; code: ScoreTableProblemCode; zh: string; en: string };

function readPoints(cell: TableCell): PointsRead {
  const text = textOf(cell);
  if (text === '') {
    return { ok: false, code: 'POINTS_MISSING', zh: '分值为空', en: 'The points are empty' };
  }
  let value: number;
  if (typeof cell === 'number') value = cell;
  else {
    const plain = text
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/．/g, '.')
      .replace(/\s+/g, '')
      .replace(/分$/, '');
    if (!/^-?\d+(?:\.\d+)?$/.test(plain)) {
      return {
        ok: false,
        code: 'POINTS_NOT_NUMBER',
        zh: `分值“${text}”不是数字`,
        en: `The points "${text}" are not a number`,
      };
    }
    value = Number(plain);
  }
  const h = toHundredths(value);
  if (h === null) {
    return {
      ok: false,
      code: 'TOO_MANY_DECIMALS',
      zh: `分值${text}最多保留两位小数`,
      en: `The points ${text} may have at most two decimals`,
    };
  }
  if (h <= 0) {
    return {
      ok: false,
      code: 'POINTS_NOT_POSITIVE',
      zh: `分值${text}应大于0`,
      en: `The points ${text} must be greater than 0`,
    };
  }
  return { ok: true, hundredths: h };
}

function points(h: number): string {
  return formatHundredths(h);
}

function splitEvidence(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((s) => s.replace(/^\s*(?:\d+[.、．)）]|[（(]\d+[）)])\s*/, '').trim())
    .filter((s) => s !== '');
}

function cleanAreaName(text: string): string {
  return text
    .replace(statedPoints, '')
    .replace(/^[一二三四五六七八九十]+[、.．]\s*/, '')
    .trim();
}

function cleanItemName(text: string): string {
  return text.replace(/^(?:\d+[.、．]|[（(]\d+[）)])\s*/, '').trim();
}

interface AreaBuild {
  name: string;
  /** Where the area's name is, for problems about the area as a whole. */
  cell: string;
  stated: { hundredths: number; cell: string } | null;
  /** True when a row of the area could not be read: its sum is not known. */
  unknown: boolean;
  items: {
    name: string;
    points: number;
    rule: string;
    ruleCell: string | null;
    method: string;
    methodCell: string | null;
    evidence: string;
  }[];
}

/**
 * Reads one sheet of a county's 考核评分表 into a framework draft, or lists every bad cell. The
 * header row (within the first 15 rows) names the columns: 考核项目 (area), 考核内容 (item) and 分值
 * (points) are required; 序号, 评分标准, 考核方法 and 佐证材料 are read when present; score and
 * remark columns (得分, 自评, 备注…) are left alone; any other header is refused. Below it, an area
 * starts where the area cell changes (merged cells repeat their value) or on a heading row
 * numbered 一、二…; an area's points are those of its heading row or a `（20分）` at the end of its
 * name, else the sum of its items. A `合计` row states the total; rows from a `一票否决` mark on
 * are veto conditions; rows after the total are notes. Items' points must add up to their area's
 * and areas' to the total. Rules and methods are derived from the text with `deriveRule` and
 * `methodFromText`; where they cannot be, the item has none and is listed in `incomplete`.
 * Grades default to 90 %, 80 % and 60 % of the total (优秀, 良好, 合格) for the county to review;
 * the name is the title above the header (else the sheet's name).
 *
 * @example
 * readScoreTable({ sheet: '评分表', rows: [
 *   ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核方法'],
 *   [1, '组织建设', '村党组织健全', 5, '健全得满分，否则不得分', '查阅资料'],
 *   [2, '组织建设', '会议记录完整', 5, '每缺一次扣1分', '查阅台账'],
 *   ['合计', null, null, 10],
 * ] });
 * // → { ok: true, draft: { totalPoints: 10, areas: [{ code: 'A1', name: '组织建设', points: 10,
 * //       items: [{ code: 'A1.1', …, rule: { kind: 'check' } }, …] }], … }, incomplete: [] }
 */
export function readScoreTable(table: ScoreTable): ScoreTableRead {
  const { sheet, rows } = table;
  const problems: ScoreTableProblem[] = [];
  const bad = (code: ScoreTableProblemCode, cell: string | null, zh: string, en: string) =>
    problems.push({ code, sheet, cell, message: { zh, en } });

  // the header row: the first with an item and a points header
  let headerRow = -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    const found = new Set((rows[r] ?? []).map((c) => columnOf(textOf(c))));
    if (found.has('item') && found.has('points')) headerRow = r;
  }
  if (headerRow < 0) {
    bad(
      'NO_HEADER',
      null,
      `工作表“${sheet}”前${HEADER_SEARCH_ROWS}行中找不到表头（应有“考核项目”“考核内容”“分值”等列）`,
      `No header row in the first ${HEADER_SEARCH_ROWS} rows of sheet "${sheet}" (it needs columns such as 考核项目, 考核内容 and 分值)`,
    );
    return { ok: false, problems };
  }
  const columns = new Map<Column, number>();
  const headerCells = rows[headerRow] ?? [];
  headerCells.forEach((cell, c) => {
    const text = textOf(cell);
    // a header merged over two columns repeats its text: its first column is read
    if (text === '' || (c > 0 && text === textOf(headerCells[c - 1]))) return;
    const column = columnOf(text);
    const at = address(headerRow, c);
    if (column === null) {
      if (!ignoredHeader.test(text)) {
        bad(
          'UNKNOWN_HEADER',
          at,
          `无法识别的表头“${text}”（可用：${Object.values(headerNames)
            .map((n) => n[0])
            .join('、')}；得分、备注等列不读取）`,
          `Unknown header "${text}" (known: 序号, 考核项目, 考核内容, 分值, 评分标准, 考核方法, 佐证材料; score and remark columns are skipped)`,
        );
      }
      return;
    }
    if (columns.has(column)) {
      bad(
        'DUPLICATE_HEADER',
        at,
        `表头“${text}”与${address(headerRow, columns.get(column)!)}重复，都表示“${columnNames[column].zh}”`,
        `The header "${text}" repeats ${address(headerRow, columns.get(column)!)}; both mean ${columnNames[column].en}`,
      );
      return;
    }
    columns.set(column, c);
  });
  for (const column of required) {
    if (!columns.has(column)) {
      bad(
        'MISSING_HEADER',
        `${headerRow + 1}:${headerRow + 1}`,
        `第${headerRow + 1}行表头缺少“${columnNames[column].zh}”列`,
        `The header row ${headerRow + 1} lacks the ${columnNames[column].en} column (${columnNames[column].zh})`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const col = (column: Column) => columns.get(column);
  const cellAt = (
    r: number,
    column: Column,
  ): { text: string; raw: TableCell; at: string | null } => {
    const c = col(column);
    if (c === undefined) return { text: '', raw: null, at: null };
    const raw = rows[r]?.[c];
    return { text: textOf(raw), raw, at: address(r, c) };
  };

  const areas: AreaBuild[] = [];
  const vetoes: { name: string }[] = [];
  let current: AreaBuild | null = null;
  let total: { hundredths: number; cell: string } | null = null;
  let section: 'items' | 'vetoes' | 'after' = 'items';

  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((c) => textOf(c) === '')) continue;
    const index = cellAt(r, 'index');
    const area = cellAt(r, 'area');
    const item = cellAt(r, 'item');
    const pts = cellAt(r, 'points');
    const rule = cellAt(r, 'rule');
    const leading = [index.text, area.text, item.text];
    const readColumns = [index, area, item, pts, rule, cellAt(r, 'method'), cellAt(r, 'evidence')];
    // a row with text only in skipped columns (a second header row over 得分…) is not data
    if (readColumns.every((c) => c.text === '')) continue;

    if (leading.some((t) => totalMark.test(t))) {
      const read = readPoints(pts.raw);
      if (pts.text !== '' && read.ok) total = { hundredths: read.hundredths, cell: pts.at! };
      else if (pts.text !== '' && !read.ok)
        bad(read.code, pts.at, `合计${read.zh}`, `Total: ${read.en}`);
      section = 'after';
      continue;
    }
    // the mark is in the number or area column (often merged), or opens the item text
    const marked =
      [index.text, area.text].find((t) => t.includes(vetoMark)) ??
      (item.text.startsWith(vetoMark) ? item.text : undefined);
    if (marked !== undefined) {
      section = 'vetoes';
      const named = [item.text, rule.text].find((t) => t !== '' && !t.includes(vetoMark));
      const tail = marked.split(/[:：]/).slice(1).join('：').trim();
      const name = named ?? tail;
      if (name !== '') vetoes.push({ name: cleanItemName(name) });
      continue;
    }
    if (section === 'vetoes') {
      if (area.text === '' || area.text === current?.name) {
        const name = [item.text, rule.text].find((t) => t !== '');
        if (name !== undefined) vetoes.push({ name: cleanItemName(name) });
        continue;
      }
      section = total === null ? 'items' : 'after';
    }
    if (section === 'after') continue;

    // a heading row: 一、组织建设 | (empty item) | 20
    const heading =
      chineseNumbering.test(index.text) ||
      (item.text === '' && area.text !== '' && cleanAreaName(area.text) !== current?.name);
    if (heading && item.text === '') {
      const name = area.text || item.text;
      let stated: AreaBuild['stated'] = null;
      if (pts.text !== '') {
        const read = readPoints(pts.raw);
        if (read.ok) stated = { hundredths: read.hundredths, cell: pts.at! };
        else bad(read.code, pts.at, `考核项目“${name}”的${read.zh}`, `Area "${name}": ${read.en}`);
      }
      current = startArea(name, area.at ?? index.at ?? address(r, 0), stated);
      areas.push(current);
      continue;
    }
    if (area.text !== '' && cleanAreaName(area.text) !== current?.name) {
      current = startArea(area.text, area.at!, null);
      areas.push(current);
    }
    if (current === null) {
      bad(
        'NO_AREA',
        area.at,
        `第${r + 1}行的考核项目为空，之前也没有考核项目`,
        `Row ${r + 1} has no area, and no area comes before it`,
      );
      continue;
    }
    if (item.text === '') {
      current.unknown = true;
      bad(
        'ITEM_EMPTY',
        item.at,
        `第${r + 1}行的考核内容为空`,
        `The item text of row ${r + 1} is empty`,
      );
      continue;
    }
    const read = readPoints(pts.raw);
    if (!read.ok) {
      current.unknown = true;
      bad(
        read.code,
        pts.at,
        `“${cleanItemName(item.text)}”的${read.zh}`,
        `"${cleanItemName(item.text)}": ${read.en}`,
      );
      continue;
    }
    const method = cellAt(r, 'method');
    current.items.push({
      name: cleanItemName(item.text),
      points: read.hundredths,
      rule: rule.text,
      ruleCell: rule.at,
      method: method.text,
      methodCell: method.at,
      evidence: cellAt(r, 'evidence').text,
    });
  }

  let sum = 0;
  let sumKnown = true;
  for (const a of areas) {
    const itemSum = a.items.reduce((s, i) => s + i.points, 0);
    if (a.unknown) {
      // a bad row is reported already; a sum without it would only repeat the fault
      if (a.stated === null) sumKnown = false;
    } else if (a.items.length === 0) {
      bad(
        'AREA_EMPTY',
        a.cell,
        `考核项目“${a.name}”下没有考核内容`,
        `The area "${a.name}" has no items`,
      );
    } else if (a.stated !== null && a.stated.hundredths !== itemSum) {
      bad(
        'ITEM_POINTS_MISMATCH',
        a.stated.cell,
        `考核项目“${a.name}”为${points(a.stated.hundredths)}分，其下各项分值之和为${points(itemSum)}分`,
        `The area "${a.name}" is worth ${points(a.stated.hundredths)} points; its items sum to ${points(itemSum)}`,
      );
    }
    sum += a.stated?.hundredths ?? itemSum;
  }
  if (areas.length === 0) {
    bad(
      'NO_ITEMS',
      null,
      `工作表“${sheet}”的表头下没有任何考核内容`,
      `Sheet "${sheet}" has no items below its header`,
    );
  }
  if (total !== null && areas.length > 0 && sumKnown && total.hundredths !== sum) {
    bad(
      'TOTAL_POINTS_MISMATCH',
      total.cell,
      `合计为${points(total.hundredths)}分，各考核项目分值之和为${points(sum)}分`,
      `The total is ${points(total.hundredths)} points; the areas sum to ${points(sum)}`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const incomplete: ScoreTableProblem[] = [];
  const draftAreas: DraftArea[] = areas.map((a, ai) => ({
    code: `A${ai + 1}`,
    name: a.name,
    points: (a.stated?.hundredths ?? a.items.reduce((s, i) => s + i.points, 0)) / 100,
    items: a.items.map((i, ii): DraftItem => {
      const code = `A${ai + 1}.${ii + 1}`;
      const path = `areas[${ai}].items[${ii}]`;
      const rule = i.rule === '' ? null : deriveRule(i.rule, { points: i.points / 100 });
      const method = methodFromText(i.method);
      if (rule === null) {
        incomplete.push({
          code: 'RULE_TO_COMPLETE',
          sheet,
          cell: i.ruleCell,
          path: `${path}.rule`,
          message:
            i.rule === ''
              ? {
                  zh: `${code}“${i.name}”没有评分标准，请选择评分规则`,
                  en: `${code} "${i.name}" has no scoring rule text; choose its rule`,
                }
              : {
                  zh: `${code}“${i.name}”的评分标准无法自动识别，请选择评分规则`,
                  en: `The scoring rule of ${code} "${i.name}" could not be read; choose its rule`,
                },
        });
      }
      if (method === null) {
        incomplete.push({
          code: 'METHOD_TO_COMPLETE',
          sheet,
          cell: i.methodCell,
          path: `${path}.method`,
          message: {
            zh: `${code}“${i.name}”的考核方法${i.method ? `“${i.method}”无法识别` : '为空'}，请选择考核方法`,
            en: `The method of ${code} "${i.name}" ${i.method ? `"${i.method}" is not recognised` : 'is empty'}; choose it`,
          },
        });
      }
      const evidence = splitEvidence(i.evidence);
      return {
        code,
        name: i.name,
        points: i.points / 100,
        ...(evidence.length > 0 ? { evidence } : {}),
        ...(method !== null ? { method } : {}),
        ...(rule !== null ? { rule } : {}),
        ...(i.rule !== '' ? { note: i.rule } : {}),
      };
    }),
  }));
  // the title above the header (often merged across the table) names the framework
  const title = rows
    .slice(0, headerRow)
    .map((row) => [...new Set(row.map(textOf).filter((t) => t !== ''))])
    .find((texts) => texts.length === 1)?.[0];
  const totalH = total?.hundredths ?? sum;
  const share = (percent: number) => Math.round((totalH * percent) / 100) / 100;
  const draft: FrameworkDraft = {
    code: 'workbook',
    name: title ?? sheet,
    version: '1.0.0',
    totalPoints: totalH / 100,
    status: 'draft',
    description: `由Excel工作表“${sheet}”导入`,
    grades: [
      { grade: 'excellent', minPoints: share(90) },
      { grade: 'good', minPoints: share(80) },
      { grade: 'pass', minPoints: share(60) },
    ],
    vetoes: vetoes.map((v, i) => ({ code: `V${i + 1}`, name: v.name })),
    areas: draftAreas,
  };
  return { ok: true, draft, incomplete };

  function startArea(text: string, cell: string, stated: AreaBuild['stated']): AreaBuild {
    const name = cleanAreaName(text);
    const fromName = statedPoints.exec(text);
    let s = stated;
    if (s === null && fromName) {
      const h = toHundredths(Number(fromName[1]));
      if (h !== null && h > 0) s = { hundredths: h, cell };
    }
    return { name, cell, stated: s, unknown: false, items: [] };
  }
}
