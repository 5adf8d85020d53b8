import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { ensureBuiltinFrameworks } from '../src/services/campaigns/frameworks.js';
import { benchNationalRanking } from './ranking.js';
const adminUrl = 'postgres://postgres@127.0.0.1:5432/test';
const name = `fazhi_try_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl); url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), postgres: { statementTimeoutMs: 0 } });
try {
  await database.migrate();
  await ensureBuiltinFrameworks(database.db);
  await database.db.execute(sql`insert into divisions (code, name, level) values ('330000000000','浙江省','province')`);
  await database.db.execute(sql`insert into divisions (code, name, level, parent_code) values ('330700000000','金华市','prefecture','330000000000')`);
  await benchNationalRanking(database, url.toString());
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
