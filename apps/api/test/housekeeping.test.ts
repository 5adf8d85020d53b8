// Upkeep through a crash: evidence files agree with their rows (a crash between writing the
// bytes and committing the row, after the commit but before the rename, or after a delete's
// commit), and expired sessions are purged at login, at start-up and periodically.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  evidenceFiles,
  mediationCaseFiles,
  mediationCases,
  participations,
  pilotMeetingFiles,
  pilotMeetings,
  sessions,
  users,
} from '../src/db/schema.js';
import { sessionIdOf, newSessionToken } from '../src/auth/session-token.js';
import {
  deleteEvidenceRow,
  PART_SUFFIX,
  publishEvidenceFile,
  storeEvidence,
  sweepEvidence,
} from '../src/services/campaigns/evidence.js';
import { createSession, purgeExpiredSessions } from '../src/services/sessions.js';
import { startHousekeeping } from '../src/services/housekeeping.js';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { rowsOf } from '../src/db/rows-of.js';
import { storedFileTableNames } from '../src/db/stored-file-tables.js';
import { countRows, useTestDatabase } from './harness.js';
import { campaignInSelfAssessment, demoFramework, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
const root = mkdtempSync(join(tmpdir(), 'fazhi-housekeeping-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// each test its own data directory: the harness empties the tables, not the directory
let dataDir = root;
beforeEach(() => {
  dataDir = mkdtempSync(join(root, 'data-'));
});

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const pdfType = { mime: 'application/pdf', ext: 'pdf' };
class Crash extends Error {}

async function participationOf() {
  const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
  const [participation] = await t.db
    .select()
    .from(participations)
    .where(eq(participations.id, ids[X_VILLAGE]!));
  const item = (await demoFramework(t)).definition.areas[0]!.items[0]!.code;
  const [clerk] = await t.db.select().from(users).where(eq(users.username, 'clerk'));
  return { participation: participation!, item, clerkId: clerk!.id };
}

type Setup = Awaited<ReturnType<typeof participationOf>>;

/** Stores a file in a transaction; `crash` throws before the commit (as kill -9 would end it). */
async function store(s: Setup, crash: boolean, bytes = pdf) {
  let stored: Awaited<ReturnType<typeof storeEvidence>> | undefined;
  try {
    await t.db.transaction(async (tx) => {
      stored = await storeEvidence({
        db: tx,
        dataDir,
        participation: s.participation,
        itemCode: s.item,
        column: 'self',
        fileName: 'x.pdf',
        bytes,
        type: pdfType,
        uploadedBy: s.clerkId,
      });
      if (crash) throw new Crash();
    });
  } catch (error) {
    if (!(error instanceof Crash)) throw error;
  }
  return stored!;
}

async function age(path: string, minutes: number) {
  const then = new Date(Date.now() - minutes * 60_000);
  await utimes(path, then, then);
}

describe('evidence files through a crash', () => {
  it('an upload leaves only the final file, named after its committed row', async () => {
    const s = await participationOf();
    const app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        payload: { username: 'clerk', password: DEMO_PASSWORD },
      });
      const cookie = `fazhi_session=${login.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
      const res = await app.inject({
        method: 'POST',
        url: `/api/participations/${s.participation.id}/evidence?item=${s.item}&column=self`,
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: pdf,
      });
      expect(res.statusCode).toBe(201);
      const folder = join(dataDir, 'evidence', s.participation.countyCode, s.participation.id);
      expect(readdirSync(folder)).toEqual([`${res.json().id}.pdf`]);
    } finally {
      await app.close();
    }
  });

  it('a crash before the commit leaves a .part file that the sweep removes once it is old', async () => {
    const s = await participationOf();
    const kept = await store(s, false);
    await publishEvidenceFile(kept);
    const crashed = await store(s, true);
    expect(existsSync(crashed.part)).toBe(true);
    expect(existsSync(crashed.absolute)).toBe(false);
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(1);

    // young: it may be an upload in flight in another process
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 0 });
    expect(existsSync(crashed.part)).toBe(true);

    await age(crashed.part, 61);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 1 });
    expect(existsSync(crashed.part)).toBe(false);
    // the file with a row stays, bytes intact
    expect(readFileSync(kept.absolute).equals(pdf)).toBe(true);
  });

  it('a crash after the commit, before the rename: the sweep gives the file its name', async () => {
    const s = await participationOf();
    const stored = await store(s, false);
    expect(existsSync(stored.part)).toBe(true);
    await age(stored.part, 5);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 1, removed: 0 });
    expect(existsSync(stored.part)).toBe(false);
    expect(readFileSync(stored.absolute).equals(pdf)).toBe(true);
    // a late rename by the upload itself is harmless
    await publishEvidenceFile(stored);
    expect(readFileSync(stored.absolute).equals(pdf)).toBe(true);
  });

  it('a file whose row is gone (a crash after a delete commits) is removed; others stay', async () => {
    const s = await participationOf();
    const gone = await store(s, false);
    await publishEvidenceFile(gone);
    const kept = await store(s, false, Buffer.concat([pdf, Buffer.from('2')]));
    await publishEvidenceFile(kept);
    await deleteEvidenceRow(t.db, gone.row);
    const folder = join(dataDir, 'evidence', s.participation.countyCode, s.participation.id);
    // a name this module never writes is not the sweep's business
    writeFileSync(join(folder, 'notes.txt'), 'x');
    expect(existsSync(gone.absolute)).toBe(true);

    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 1 });
    expect(existsSync(gone.absolute)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual([`${kept.row.id}.pdf`, 'notes.txt']);
    expect(gone.part.endsWith(PART_SUFFIX)).toBe(true);
  });

  it('the server sweeps at start-up', async () => {
    const s = await participationOf();
    const kept = await store(s, false);
    await publishEvidenceFile(kept);
    const stored = await store(s, false);
    await deleteEvidenceRow(t.db, stored.row);
    await publishEvidenceFile(stored);
    const app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
    await app.close(); // closing waits for the start-up run
    expect(existsSync(stored.absolute)).toBe(false);
    expect(existsSync(kept.absolute)).toBe(true);
  });

  it('a database without any evidence row (the wrong database?) has nothing removed', async () => {
    const s = await participationOf();
    const stored = await store(s, false);
    await publishEvidenceFile(stored);
    const crashed = await store(s, true);
    await age(crashed.part, 120);
    await deleteEvidenceRow(t.db, stored.row);
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(0);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 0 });
    expect(existsSync(stored.absolute)).toBe(true);
    expect(existsSync(crashed.part)).toBe(true);
  });

  it('a pilot meeting file alone shows the database is the right one: orphans are removed', async () => {
    const s = await participationOf();
    const stored = await store(s, false);
    await publishEvidenceFile(stored);
    await deleteEvidenceRow(t.db, stored.row);
    const [meeting] = await t.db
      .insert(pilotMeetings)
      .values({
        countyCode: s.participation.countyCode,
        campaignId: s.participation.campaignId,
        heldOn: '2026-05-01',
        place: '县会议室',
        attendees: 30,
        summary: '现场会',
      })
      .returning();
    await t.db.insert(pilotMeetingFiles).values({
      countyCode: meeting!.countyCode,
      meetingId: meeting!.id,
      fileName: '议程.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: '0'.repeat(64),
      storagePath: join('evidence', meeting!.countyCode, meeting!.id, 'x.pdf'),
    });
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(0);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 1 });
    expect(existsSync(stored.absolute)).toBe(false);
  });
  it('a mediation case file alone shows the database is the right one too', async () => {
    const s = await participationOf();
    const stored = await store(s, false);
    await publishEvidenceFile(stored);
    await deleteEvidenceRow(t.db, stored.row);
    const countyCode = s.participation.countyCode;
    const [c] = await t.db
      .insert(mediationCases)
      .values({
        countyCode,
        townshipCode: X_VILLAGE.slice(0, 9) + '000',
        divisionCode: X_VILLAGE,
        receivedOn: '2026-05-01',
        type: 'neighbour',
        parties: 2,
        method: 'written',
        outcome: 'succeeded',
        closedOn: '2026-05-03',
      })
      .returning();
    await t.db.insert(mediationCaseFiles).values({
      countyCode,
      divisionCode: X_VILLAGE,
      caseId: c!.id,
      fileName: '调解协议书.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: '0'.repeat(64),
      storagePath: join('evidence', countyCode, c!.id, 'x.pdf'),
    });
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(0);
    expect(await sweepEvidence({ db: t.db, dataDir })).toEqual({ published: 0, removed: 1 });
    expect(existsSync(stored.absolute)).toBe(false);
  });
});

describe('expired sessions', () => {
  async function sessionsOf(username: string, hoursAgo: number[]) {
    const [user] = await t.db.select().from(users).where(eq(users.username, username));
    for (const h of hoursAgo) {
      await t.db.insert(sessions).values({
        id: sessionIdOf(newSessionToken()),
        userId: user!.id,
        expiresAt: new Date(Date.now() - h * 3600_000),
      });
    }
    return user!.id;
  }

  it('purging deletes exactly the expired sessions', async () => {
    await sessionsOf('clerk', [1, 0.01]);
    await sessionsOf('county', [-1]); // expires in an hour
    expect(await countRows(t.db, 'sessions')).toBe(3);
    expect(await purgeExpiredSessions(t.db)).toBe(2);
    const left = await t.db.select().from(sessions);
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("a login deletes the user's own expired sessions, not another user's", async () => {
    const clerk = await sessionsOf('clerk', [2, -1]);
    await sessionsOf('county', [2]);
    await createSession(t.db, { userId: clerk, hours: 1 });
    const left = await t.db.select().from(sessions);
    expect(left.filter((r) => r.userId === clerk)).toHaveLength(2);
    expect(left.filter((r) => r.expiresAt.getTime() < Date.now())).toHaveLength(1);
  });

  it('the housekeeping timer purges at start-up and periodically, and stops when stopped', async () => {
    await sessionsOf('clerk', [1]);
    const keeper = startHousekeeping({ db: t.db, dataDir, intervalMinutes: 0.001 });
    await keeper.run();
    expect(await countRows(t.db, 'sessions')).toBe(0);
    await sessionsOf('county', [1]);
    await expect.poll(() => countRows(t.db, 'sessions'), { timeout: 5000 }).toBe(0);
    await keeper.stop();
    await sessionsOf('county', [1]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countRows(t.db, 'sessions')).toBe(1);
  });
});

describe('the tables of stored files', () => {
  it('are every table with a storage_path column: the sweep keeps their files, the backup carries them', async () => {
    const rows = rowsOf<{ name: string }>(
      await t.db.execute(sql`
        select table_name as name from information_schema.columns
        where table_schema = 'public' and column_name = 'storage_path'
        order by table_name`),
    );
    expect(rows.map((r) => r.name)).toEqual([...storedFileTableNames].sort());
  });
});
