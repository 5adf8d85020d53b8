// `pnpm backup <file.zip>`: writes the whole deployment (every table of the database and every
// evidence file) to one archive, from one consistent snapshot. Reads DATABASE_URL, or PGlite in
// FAZHI_DATA_DIR (stop the server first: PGlite is opened by one process at a time).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { backup, BackupError } from '../services/backup.js';

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error('用法 / usage: pnpm backup <file.zip>');
  process.exit(2);
}
const env = readEnv();
const file = resolve(env.INIT_CWD ?? process.cwd(), target);
if (!env.DATABASE_URL && !existsSync(env.FAZHI_DATA_DIR)) {
  console.error(`备份失败 / backup failed: there is no data directory ${env.FAZHI_DATA_DIR}`);
  process.exit(1);
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.FAZHI_DATA_DIR });
let code = 0;
try {
  const manifest = await backup({
    db: database.db,
    driver: database.driver,
    dataDir: env.FAZHI_DATA_DIR,
    file,
  });
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `备份完成 / backup written: ${file}\n  ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} evidence files`,
  );
  if (manifest.missing.length > 0) {
    console.warn(
      `  警告 / warning: ${manifest.missing.length} evidence files have a row but no file on disk:`,
    );
    for (const path of manifest.missing) console.warn(`    ${path}`);
  }
} catch (error) {
  code = 1;
  console.error(
    `备份失败 / backup failed: ${error instanceof BackupError ? error.message : String(error)}`,
  );
  if (!(error instanceof BackupError)) console.error(error);
} finally {
  await database.close();
}
process.exit(code);
