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
    for (const kind of imageKinds) {
      const database = await openDatabase({});
      await prepareDatabase(database, kind);
      const file = join(dir, `${kind}.tar`);
      writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
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
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await prepareDatabase(database, kind);
    await database.close(); // a template must have no connections when it is copied
    images[kind] = name;
  }
  project.provide('testImages', images);
  return async () => {
    for (const name of Object.values(images))
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
