// `pnpm restore <file.zip>`: restores a backup made by `pnpm backup` into an empty database
// (DATABASE_URL, or PGlite in FAZHI_DATA_DIR) and an empty evidence directory (FAZHI_DATA_DIR).
// Refuses a database or directory that holds anything. Start the server afterwards: it applies
// any newer migrations.
import { resolve } from 'node:path';
import { readEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { BackupError, readManifest, restore } from '../services/backup.js';

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error('用法 / usage: pnpm restore <file.zip>');
  process.exit(2);
}
const env = readEnv();
const file = resolve(env.INIT_CWD ?? process.cwd(), source);
const fail = (error: unknown) => {
  console.error(
    `恢复失败 / restore failed: ${error instanceof BackupError ? error.message : String(error)}`,
  );
  if (!(error instanceof BackupError)) console.error(error);
};
// a missing or foreign file is refused before the database is opened (which creates an embedded
// one where there was none)
try {
  await readManifest(file);
} catch (error) {
  fail(error);
  process.exit(1);
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.FAZHI_DATA_DIR });
let code = 0;
try {
  const result = await restore({ db: database.db, dataDir: env.FAZHI_DATA_DIR, file });
  const rows = result.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `恢复完成 / restored: ${file}\n  ${result.tables.length} tables, ${rows} rows, ${result.files} evidence files`,
  );
  if (result.missing.length > 0) {
    console.warn(
      `  警告 / warning: ${result.missing.length} evidence files were already missing when the backup was made`,
    );
  }
} catch (error) {
  code = 1;
  fail(error);
} finally {
  await database.close();
}
process.exit(code);
