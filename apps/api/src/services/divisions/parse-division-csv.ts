// Reads a division CSV (`code,name[,urban_rural_code]`, already decoded from UTF-8 or GBK by
// services/decode-text.ts, optional header) into rows, and lists every bad line with its reason.
import { parse } from 'csv-parse/sync';
import {
  isUrbanRuralCode,
  parseDivisionCode,
  type DivisionLevel,
  type LocalizedText,
} from '@fazhi/domain';

export interface DivisionRow {
  line: number;
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  countyCode: string | null;
  urbanRuralCode: string | null;
}

export interface LineProblem {
  line: number;
  problem:
    | 'CSV_SYNTAX'
    | 'WRONG_COLUMN_COUNT'
    | 'MALFORMED_CODE'
    | 'EMPTY_NAME'
    | 'NAME_TOO_LONG'
    | 'BAD_URBAN_RURAL_CODE'
    | 'DUPLICATE_CODE'
    | 'UNKNOWN_PARENT'
    | 'OUT_OF_SCOPE'
    | 'EMPTY_FILE';
  message: LocalizedText;
}

const headerNames = new Set(['code', '区划代码', '代码', '统计用区划代码']);
export const MAX_NAME_LENGTH = 100;

export function parseDivisionCsv(text: string): { rows: DivisionRow[]; problems: LineProblem[] } {
  const rows: DivisionRow[] = [];
  const problems: LineProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    problems.push({
      line,
      problem: 'CSV_SYNTAX',
      message: {
        zh: `CSV格式错误：${(error as Error).message}`,
        en: `CSV syntax error: ${(error as Error).message}`,
      },
    });
    return { rows, problems };
  }
  const firstLine = new Map<string, number>();
  for (const [index, { record, info }] of records.entries()) {
    const line = info.lines;
    if (index === 0 && headerNames.has((record[0] ?? '').toLowerCase())) continue;
    if (record.length < 2 || record.length > 3) {
      problems.push({
        line,
        problem: 'WRONG_COLUMN_COUNT',
        message: {
          zh: `应有2或3列（代码,名称[,城乡分类代码]），实际${record.length}列`,
          en: `Expected 2 or 3 columns (code,name[,urban_rural_code]), found ${record.length}`,
        },
      });
      continue;
    }
    const [code = '', name = '', urbanRural = ''] = record;
    let bad = false;
    const parsed = parseDivisionCode(code);
    if (!parsed.ok) {
      problems.push({ line, problem: 'MALFORMED_CODE', message: parsed.problem.message });
      bad = true;
    }
    if (name === '') {
      problems.push({
        line,
        problem: 'EMPTY_NAME',
        message: { zh: '名称不能为空', en: 'The name is empty' },
      });
      bad = true;
    } else if (name.length > MAX_NAME_LENGTH) {
      problems.push({
        line,
        problem: 'NAME_TOO_LONG',
        message: {
          zh: `名称超过${MAX_NAME_LENGTH}个字符`,
          en: `The name is longer than ${MAX_NAME_LENGTH} characters`,
        },
      });
      bad = true;
    }
    if (urbanRural !== '' && !isUrbanRuralCode(urbanRural)) {
      problems.push({
        line,
        problem: 'BAD_URBAN_RURAL_CODE',
        message: {
          zh: `城乡分类代码“${urbanRural}”无效（应为111、112、121、122、123、210或220）`,
          en: `Unknown urban–rural code "${urbanRural}" (expected 111, 112, 121, 122, 123, 210 or 220)`,
        },
      });
      bad = true;
    }
    if (parsed.ok) {
      const first = firstLine.get(code);
      if (first !== undefined) {
        problems.push({
          line,
          problem: 'DUPLICATE_CODE',
          message: {
            zh: `区划代码${code}与第${first}行重复`,
            en: `The code ${code} repeats line ${first}`,
          },
        });
        bad = true;
      } else {
        firstLine.set(code, line);
      }
    }
    if (bad || !parsed.ok) continue;
    rows.push({
      line,
      code,
      name,
      level: parsed.division.level,
      parentCode: parsed.division.parentCode,
      countyCode: parsed.division.countyCode,
      urbanRuralCode: urbanRural === '' ? null : urbanRural,
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      line: 0,
      problem: 'EMPTY_FILE',
      message: { zh: '文件中没有任何数据行', en: 'The file has no data lines' },
    });
  }
  return { rows, problems };
}
