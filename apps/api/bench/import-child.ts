// Run by bench/divisions-import.ts in its own process, so that its peak memory is measured alone:
// imports the division file given as argument into DATABASE_URL the way `pnpm divisions:import`
// does (decode, one transaction) and prints the time, the counts and the peak RSS as JSON.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/db/client.js';
import { Scope } from '../src/auth/scope.js';
import { importDivisions } from '../src/services/divisions/import-divisions.js';
import { decodeTextFileOrFail } from '../src/services/decode-text.js';

// a national import runs longer than the server's usual statement limit
const database = await openDatabase({
  url: process.env.DATABASE_URL,
  postgres: { statementTimeoutMs: 0 },
});
try {
  const started = performance.now();
  const csv = decodeTextFileOrFail(readFileSync(process.argv[2]!));
  const result = await database.db.transaction((tx) =>
    importDivisions({ db: tx, csv, scope: new Scope('000000000000', 'system_admin') }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await database.close();
}
