// `pnpm divisions:import <file.csv>`: imports administrative divisions into the configured
// database (DATABASE_URL, or PGlite in FAZHI_DATA_DIR) as one transaction with its audit event.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asTRPCErrorOf } from '../trpc/app-error-code.js';
import { readEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { Scope } from '../auth/scope.js';
import { importDivisions } from '../services/divisions/import-divisions.js';
import { decodeTextFileOrFail } from '../services/decode-text.js';
import { writeAudit } from '../services/audit.js';
import { describeError } from '../trpc/error-formatter.js';

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: pnpm divisions:import <file.csv>');
  process.exit(2);
}
const env = readEnv();
const path = resolve(env.INIT_CWD ?? process.cwd(), file);
// a national file takes longer than the server's usual statement limit
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.FAZHI_DATA_DIR,
  postgres: { statementTimeoutMs: 0 },
});
await database.migrate();
const started = performance.now();
try {
  // UTF-8 (with or without BOM) or GBK/GB18030; anything else is refused, never imported garbled
  const csv = decodeTextFileOrFail(readFileSync(path));
  const result = await database.db.transaction(async (tx) => {
    const counts = await importDivisions({
      db: tx,
      csv,
      scope: new Scope('000000000000', 'system_admin'),
    });
    await writeAudit(tx, { id: null, username: 'cli' }, `cli-${Date.now()}`, {
      action: 'divisions.import',
      entity: 'division',
      after: { fileName: file, ...counts },
    });
    return counts;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `导入完成 / imported: ${result.total} rows (${result.inserted} new, ${result.updated} changed, ` +
      `${result.unchanged} unchanged) in ${seconds.toFixed(1)} s`,
  );
} catch (error) {
  const trpcError = asTRPCErrorOf(error);
  if (!trpcError) throw error;
  const data = describeError(trpcError);
  console.error(`${data.messages.zh} / ${data.messages.en}`);
  const details = data.problemCode === 'IMPORT_REJECTED' ? data.details : undefined;
  for (const e of details?.errors ?? []) {
    console.error(
      `  第${e.line}行 line ${e.line}: [${e.problem}] ${e.message.zh} / ${e.message.en}`,
    );
  }
  process.exitCode = 1;
} finally {
  await database.close();
}
