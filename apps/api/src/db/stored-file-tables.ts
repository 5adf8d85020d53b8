// The tables whose rows name stored files (`storage_path`, under `evidence/<county>/<folder>/`):
// one list, read by the evidence sweep (which files a folder may keep) and by the backup (which
// rows' files go into the archive). A table added without its entry here would have its files
// swept away and left out of backups: test/housekeeping.test.ts compares the list with every table
// that has a `storage_path` column.
import { and, eq, getTableName, like, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  evidenceFiles,
  mediationCaseFiles,
  pilotMeetingFiles,
  pufaActivityPhotos,
  recordFiles,
  townshipFiles,
} from './schema.js';

export interface StoredFileTable {
  table: PgTable;
  storagePath: PgColumn;
  /** The rows whose files live in `evidence/<county>/<folder>/`. */
  inFolder(county: string, folder: string): SQL | undefined;
}

export const storedFileTables: readonly StoredFileTable[] = [
  // a participation's evidence
  {
    table: evidenceFiles,
    storagePath: evidenceFiles.storagePath,
    inFolder: (county, folder) =>
      and(eq(evidenceFiles.countyCode, county), eq(evidenceFiles.participationId, folder)),
  },
  // a village record's files (the folder is the record's id, of one of several record tables)
  {
    table: recordFiles,
    storagePath: recordFiles.storagePath,
    inFolder: (county, folder) =>
      and(
        eq(recordFiles.countyCode, county),
        like(recordFiles.storagePath, `evidence/${county}/${folder}/%`),
      ),
  },
  // a pilot meeting's files
  {
    table: pilotMeetingFiles,
    storagePath: pilotMeetingFiles.storagePath,
    inFolder: (county, folder) =>
      and(eq(pilotMeetingFiles.countyCode, county), eq(pilotMeetingFiles.meetingId, folder)),
  },
  // a 普法 activity's photos
  {
    table: pufaActivityPhotos,
    storagePath: pufaActivityPhotos.storagePath,
    inFolder: (county, folder) =>
      and(eq(pufaActivityPhotos.countyCode, county), eq(pufaActivityPhotos.activityId, folder)),
  },
  // a supervision task's report files, a budget stage record's files
  {
    table: townshipFiles,
    storagePath: townshipFiles.storagePath,
    inFolder: (county, folder) =>
      and(eq(townshipFiles.countyCode, county), eq(townshipFiles.folderId, folder)),
  },
  // a mediation case's files
  {
    table: mediationCaseFiles,
    storagePath: mediationCaseFiles.storagePath,
    inFolder: (county, folder) =>
      and(eq(mediationCaseFiles.countyCode, county), eq(mediationCaseFiles.caseId, folder)),
  },
];

/** The names of the tables whose rows name stored files. */
export const storedFileTableNames: ReadonlySet<string> = new Set(
  storedFileTables.map((t) => getTableName(t.table)),
);
