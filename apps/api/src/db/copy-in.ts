// Bulk loading of rows into a (staging) table inside the caller's transaction: COPY FROM STDIN
// on PostgreSQL (postgres.js), batched INSERTs of JSON on PGlite. Values are written as text;
// `null` stays NULL. The caller closes the sink with `end()` before reading the table.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

export type CopyValue = string | number | null;

export interface RowSink {
  /**
   * Queues a row. Answers a promise only when the caller must wait before the next row (the
   * connection is full, or a batch is being inserted): a file of many rows costs no await per row.
   */
  write(row: readonly CopyValue[]): Promise<void> | undefined;
  end(): Promise<void>;
}

const JSON_BATCH = 10_000;
const COPY_CHUNK = 256 * 1024;
const identifier = /^[a-z_][a-z0-9_]*$/;

/** The postgres.js client under a drizzle transaction, or null on PGlite. */
function postgresClientOf(db: Db): ((strings: TemplateStringsArray) => unknown) | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    | { unsafe?: unknown }
    | undefined;
  return client && typeof client.unsafe === 'function'
    ? (client as unknown as (strings: TemplateStringsArray) => unknown)
    : null;
}

const special = /[\\\n\r\t]/;

function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = String(value);
  // nearly every value has nothing to escape: testing is cheaper than replacing
  if (!special.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

export async function openRowSink(db: Db, table: string, columns: string[]): Promise<RowSink> {
  for (const name of [table, ...columns]) {
    if (!identifier.test(name)) throw new Error(`not a plain identifier: ${name}`);
  }
  const client = postgresClientOf(db);
  if (client) {
    const text = `copy ${table} (${columns.join(', ')}) from stdin`;
    // a template array of one string: the statement has no parameters
    const strings = Object.assign([text], { raw: [text] }) as unknown as TemplateStringsArray;
    const writable = await (client(strings) as { writable(): Promise<Writable> }).writable();
    const done = new Promise<void>((resolve, reject) => {
      writable.on('finish', resolve);
      writable.on('error', reject);
    });
    let buffer = '';
    const push = async () => {
      const chunk = buffer;
      buffer = '';
      if (!writable.write(chunk)) await once(writable, 'drain');
    };
    return {
      write(row) {
        let line = copyText(row[0] ?? null);
        for (let i = 1; i < row.length; i++) line += '\t' + copyText(row[i] ?? null);
        buffer += line + '\n';
        return buffer.length >= COPY_CHUNK ? push() : undefined;
      },
      async end() {
        if (buffer !== '') await push();
        writable.end();
        await done;
      },
    };
  }
  // PGlite: batches of JSON objects, typed by the table's own row type
  let batch: Record<string, CopyValue>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    batch = [];
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(', '))})
          select ${sql.raw(columns.join(', '))}
          from json_populate_recordset(null::${sql.raw(table)}, ${json}::json)`,
    );
  };
  return {
    write(row) {
      batch.push(Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null])));
      return batch.length >= JSON_BATCH ? flush() : undefined;
    },
    end: flush,
  };
}
