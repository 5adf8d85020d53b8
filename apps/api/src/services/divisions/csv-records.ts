// Reads CSV text record by record without holding the whole file as records: a line without a
// quote (nearly every line of a division file) is split on its commas; a line with quotes, and the
// lines a quoted field spans, go to csv-parse. Blank lines are skipped; fields are trimmed.
// On a large file this is many times faster than csv-parse on every line (see `pnpm bench`).
import { parse } from 'csv-parse/sync';

export type CsvRecord =
  | { line: number; record: string[] }
  | { line: number; error: Error & { lines?: number } };

export function* csvRecords(text: string): Generator<CsvRecord> {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (position < text.length) {
    const start = position;
    const startLine = line + 1;
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    line += 1;
    position = end + 1;
    let chunk = text.slice(start, end);
    if (!chunk.includes('"')) {
      const trimmed = chunk.trim();
      if (trimmed === '') continue;
      const record = trimmed.split(',');
      for (let i = 0; i < record.length; i++) record[i] = record[i]!.trim();
      yield { line: startLine, record };
      continue;
    }
    // a quoted field may span lines: take lines until the quotes balance (or the text ends)
    while (quoteCount(chunk) % 2 === 1 && position < text.length) {
      let next = text.indexOf('\n', position);
      if (next === -1) next = text.length;
      line += 1;
      chunk = text.slice(start, next);
      position = next + 1;
    }
    try {
      const records = parse(chunk, {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][];
      for (const record of records) yield { line: startLine, record };
    } catch (error) {
      yield { line: startLine, error: error as Error };
    }
  }
}

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}
