// Once per run and per project (driver): the three kinds of prepared test database
// (test/database-image.ts), so that each test file starts from a copy instead of migrating and
// seeding its own. PGlite: a dumped data directory in a temporary file (starting from it skips
// the cluster's initdb, the largest part of a PGlite start); PostgreSQL: a template database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { imageKinds, prepareDatabase, type ImageKind } from './database-image.js';

export default async function setup(project: TestProject) {
  const driver = (project.config.env?.FAZHI_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';
  const images: Partial<Record<ImageKind, string>> = {};
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-test-images-'));
    let empty: Blob | undefined;
    for (const kind of imageKinds) {
      // the seeded kinds start from the empty one: migrated, and without PGlite's initdb
      const database = await openDatabase(empty ? { pgliteImage: empty } : {});
      await prepareDatabase(database, kind);
      const image = await database.dumpDataDir!();
      if (kind === 'empty') empty = image;
      const file = join(dir, `${kind}.tar`);
      writeFileSync(file, Buffer.from(await image.arrayBuffer()));
      await database.close();
      images[kind] = file;
    }
    project.provide('testImages', images);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const run = randomBytes(4).toString('hex');
  for (const kind of imageKinds) {
    const name = `fazhi_image_${run}_${kind}`;
    // the seeded kinds start from the empty one, migrated
    const from = kind === 'empty' ? '' : ` template ${images.empty}`;
    await admin.unsafe(`create database ${name}${from}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await prepareDatabase(database, kind);
    await database.close(); // a template must have no connections when it is copied
    images[kind] = name;
  }
  project.provide('testImages', images);
  return async () => {
    // the templates, and the copies the test files made of them (named after them: test/harness.ts)
    const made = await admin<{ datname: string }[]>`
      select datname from pg_database where starts_with(datname, ${`fazhi_image_${run}_`})
      order by length(datname) desc`;
    for (const { datname } of made)
      await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
