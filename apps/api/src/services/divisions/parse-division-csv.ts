// Reads a division CSV (`code,name[,urban_rural_code]`, already decoded from UTF-8 or GBK by
// services/decode-text.ts, optional header) line by line: each line is a row, or the problems
// that make it bad. Checks that need the whole file (repeated codes, unknown parents) are made by
// the import in SQL (see import-divisions.ts).
import {
  isUrbanRuralCode,
  parseDivisionCode,
  type DivisionLevel,
  type LocalizedText,
} from '@fazhi/domain';
import { csvRecords } from './csv-records.js';
import { csvSyntaxText } from '../csv-syntax.js';

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

export type DivisionLine = { row: DivisionRow } | { problems: LineProblem[] };

export function* readDivisionCsv(text: string): Generator<DivisionLine> {
  let first = true;
  for (const item of csvRecords(text)) {
    const isFirst = first;
    first = false;
    if ('error' in item) {
      yield {
        problems: [
          {
            line: item.line,
            problem: 'CSV_SYNTAX',
            message: csvSyntaxText(item.error),
          },
        ],
      };
      continue;
    }
    const { line, record } = item;
    if (isFirst && headerNames.has((record[0] ?? '').toLowerCase())) continue;
    yield checkDivisionRecord(line, record);
  }
}

/** One record: the row it makes, or every problem it has. */
export function checkDivisionRecord(line: number, record: string[]): DivisionLine {
  if (record.length < 2 || record.length > 3) {
    return {
      problems: [
        {
          line,
          problem: 'WRONG_COLUMN_COUNT',
          message: {
            zh: `应有2或3列（代码,名称[,城乡分类代码]），实际${record.length}列`,
            en: `Expected 2 or 3 columns (code,name[,urban_rural_code]), found ${record.length}`,
          },
        },
      ],
    };
  }
  const [code = '', name = '', urbanRural = ''] = record;
  const problems: LineProblem[] = [];
  const parsed = parseDivisionCode(code);
  if (!parsed.ok) {
    problems.push({ line, problem: 'MALFORMED_CODE', message: parsed.problem.message });
  }
  if (name === '') {
    problems.push({
      line,
      problem: 'EMPTY_NAME',
      message: { zh: '名称不能为空', en: 'The name is empty' },
    });
  } else if (name.length > MAX_NAME_LENGTH) {
    problems.push({
      line,
      problem: 'NAME_TOO_LONG',
      message: {
        zh: `名称超过${MAX_NAME_LENGTH}个字符`,
        en: `The name is longer than ${MAX_NAME_LENGTH} characters`,
      },
    });
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
  }
  if (problems.length > 0 || !parsed.ok) return { problems };
  return {
    row: {
      line,
      code,
      name,
      level: parsed.division.level,
      parentCode: parsed.division.parentCode,
      countyCode: parsed.division.countyCode,
      urbanRuralCode: urbanRural === '' ? null : urbanRural,
    },
  };
}
