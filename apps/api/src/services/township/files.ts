// Files kept with township work (`townshipFiles`): those of a supervision task's progress report
// and those of a participatory budget's stage records (the agreed plan, the tender, an
// inspection). A PDF or an image, typed by content, at most `MAX_RECORD_FILE_BYTES` each and
// `maxTownshipFilesPerRecord` per report or record; stored beside the evidence files (written as
// `.part`, named once their row is committed, swept and backed up alike).
//
// A report's files are added and removed by the owning division (who reported), until the task is
// closed; a budget record's by the township keeping the project. Everyone who sees the task or
// the project sees and downloads them (`/api/evidence/:id`).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import {
  acceptsTownshipFileType,
  budgetRecordKindNames,
  budgetRecordKindsWithFiles,
  maxTownshipFilesPerRecord,
  taskActorOf,
  taskReportKindsWithFiles,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import {
  keyProjectRecords,
  keyProjects,
  supervisionTasks,
  taskReports,
  townshipFiles,
} from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import { fail, invalidField, notFound } from '../../errors/app-error.js';
import type { AuditInput } from '../audit.js';
import { refuseEmptyFile, sniffEvidenceType, storeFile } from '../campaigns/evidence.js';
import { tasksVisibleTo } from './common.js';

type FileRow = typeof townshipFiles.$inferSelect;
type Audit = (event: AuditInput) => Promise<void>;
type Stored = (paths: { absolute: string; part: string }) => void;

const reportWord = { zh: '任务进展报告', en: 'Progress report' };
const recordWord = { zh: '参与式预算记录', en: 'Key project record' };
const fileWord = { zh: '附件', en: 'File' };
const typeText = {
  zh: '只能上传图片（JPG、PNG、GIF、WebP）或PDF文件',
  en: 'Only images (JPG, PNG, GIF, WebP) and PDF files are accepted',
};

export const presentFile = (r: FileRow) => ({
  id: r.id,
  fileName: r.fileName,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
});
export type TownshipFile = ReturnType<typeof presentFile>;

async function grouped(
  db: Db,
  column: 'taskReportId' | 'budgetRecordId',
  ids: (string | number)[],
) {
  const byOwner = new Map<string | number, TownshipFile[]>();
  if (ids.length === 0) return byOwner;
  const rows = await db
    .select()
    .from(townshipFiles)
    .where(inArray(townshipFiles[column], ids as never[]))
    .orderBy(asc(townshipFiles.createdAt), asc(townshipFiles.id));
  for (const r of rows) {
    const key = r[column]!;
    byOwner.set(key, [...(byOwner.get(key) ?? []), presentFile(r)]);
  }
  return byOwner;
}

/** The files of some task reports (of a task the caller already found in scope), by report. */
export async function filesOfReports(db: Db, reportIds: number[]) {
  return (await grouped(db, 'taskReportId', reportIds)) as Map<number, TownshipFile[]>;
}

/** The files of some budget records (of a project the caller already found in scope). */
export async function filesOfBudgetRecords(db: Db, recordIds: string[]) {
  return (await grouped(db, 'budgetRecordId', recordIds)) as Map<string, TownshipFile[]>;
}

/** The stored files of a budget record about to be deleted (their bytes go after the commit). */
export async function storedFilesOfBudgetRecord(db: Db, recordId: string) {
  return db
    .select({ id: townshipFiles.id, storagePath: townshipFiles.storagePath })
    .from(townshipFiles)
    .where(eq(townshipFiles.budgetRecordId, recordId));
}

/** A report of a task in scope whose files the user may change: the owner's, task not closed. */
async function writableReport(db: Db, scope: Scope, taskId: string, reportId: number) {
  const [found] = await db
    .select({ task: supervisionTasks, report: taskReports })
    .from(taskReports)
    .innerJoin(supervisionTasks, eq(supervisionTasks.id, taskReports.taskId))
    .where(
      and(eq(taskReports.id, reportId), eq(supervisionTasks.id, taskId), tasksVisibleTo(scope)),
    );
  if (!found) notFound(reportWord);
  const { task, report } = found;
  const actor = taskActorOf({
    coversAssigner: scope.includes(task.assignerCode),
    coversOwner: scope.includes(task.ownerCode),
  });
  if (actor !== 'owner') {
    fail('TASK_ACTOR_NOT_ALLOWED', undefined, {
      zh: '只有承办单位可以上传或删除进展报告的附件',
      en: "Only the owning division adds or removes a progress report's files",
    });
  }
  if (task.state === 'closed') {
    fail('TASK_TRANSITION_NOT_ALLOWED', undefined, {
      zh: '任务已办结，附件不能再更改',
      en: 'The task is closed; its files cannot change',
    });
  }
  if (!taskReportKindsWithFiles.includes(report.kind)) {
    invalidField('reportId', {
      zh: '只有进展报告和办结申请可以附带文件',
      en: 'Only progress reports and requests to close carry files',
    });
  }
  return { task, report };
}

/** A stage record of a project in scope that carries files. */
async function writableBudgetRecord(db: Db, scope: Scope, recordId: string) {
  const [found] = await db
    .select({ record: keyProjectRecords, project: keyProjects })
    .from(keyProjectRecords)
    .innerJoin(keyProjects, eq(keyProjects.id, keyProjectRecords.projectId))
    .where(and(eq(keyProjectRecords.id, recordId), scope.where(keyProjects.townshipCode)));
  if (!found) notFound(recordWord);
  if (!budgetRecordKindsWithFiles.includes(found.record.kind)) {
    const names = budgetRecordKindsWithFiles.map((k) => budgetRecordKindNames[k]);
    invalidField('recordId', {
      zh: `只有${names.map((n) => `「${n.zh}」`).join('、')}记录可以附带文件`,
      en: `Only ${names.map((n) => n.en).join(', ')} records carry files`,
    });
  }
  return found;
}

/** Checks the bytes and the count, writes the `.part` file and inserts its row. */
async function store(opts: {
  db: Db;
  dataDir: string;
  countyCode: string;
  folderId: string;
  owner: { taskReportId: number } | { budgetRecordId: string };
  fileName: string;
  bytes: Buffer;
  uploadedBy: string;
  onStored: Stored;
}): Promise<FileRow> {
  const { db } = opts;
  refuseEmptyFile(opts.bytes);
  const type = sniffEvidenceType(opts.bytes);
  if (!type || !acceptsTownshipFileType(type.mime)) {
    fail('FILE_TYPE', undefined, typeText, [{ path: 'file', message: typeText }]);
  }
  const [held] = await db
    .select({ n: count() })
    .from(townshipFiles)
    .where(
      'taskReportId' in opts.owner
        ? eq(townshipFiles.taskReportId, opts.owner.taskReportId)
        : eq(townshipFiles.budgetRecordId, opts.owner.budgetRecordId),
    );
  if ((held?.n ?? 0) >= maxTownshipFilesPerRecord) {
    invalidField('file', {
      zh: `每条记录最多上传${maxTownshipFilesPerRecord}个附件`,
      en: `A record keeps at most ${maxTownshipFilesPerRecord} files`,
    });
  }
  const { row } = await storeFile({
    db,
    table: townshipFiles,
    values: {
      folderId: opts.folderId,
      ...opts.owner,
      fileName: opts.fileName,
      uploadedBy: opts.uploadedBy,
    },
    dataDir: opts.dataDir,
    countyCode: opts.countyCode,
    folder: opts.folderId,
    bytes: opts.bytes,
    type,
    onStored: opts.onStored,
  });
  return row;
}

interface Upload {
  db: Db;
  dataDir: string;
  scope: Scope;
  actor: { id: string; username: string };
  audit: Audit;
  fileName: string;
  bytes: Buffer;
  onStored: Stored;
}

const auditedFile = (r: FileRow) => ({ fileName: r.fileName, size: r.size, sha256: r.sha256 });

/** A file added to a task's progress report, in the caller's transaction, audited. */
export async function addTaskReportFile(
  opts: Upload & { taskId: string; reportId: number },
): Promise<TownshipFile> {
  const { task, report } = await writableReport(opts.db, opts.scope, opts.taskId, opts.reportId);
  const row = await store({
    ...opts,
    countyCode: task.countyCode,
    folderId: task.id,
    owner: { taskReportId: report.id },
    uploadedBy: opts.actor.id,
  });
  await opts.audit({
    action: 'tasks.addReportFile',
    entity: 'task_report_file',
    entityId: row.id,
    divisionCode: task.ownerCode,
    after: { taskId: task.id, reportId: report.id, ...auditedFile(row) },
  });
  return presentFile(row);
}

/** A file added to a budget stage record (plan, tender, inspection), audited. */
export async function addBudgetRecordFile(
  opts: Upload & { recordId: string },
): Promise<TownshipFile> {
  const { record, project } = await writableBudgetRecord(opts.db, opts.scope, opts.recordId);
  const row = await store({
    ...opts,
    countyCode: project.countyCode,
    folderId: record.id,
    owner: { budgetRecordId: record.id },
    uploadedBy: opts.actor.id,
  });
  await opts.audit({
    action: 'budget.addRecordFile',
    entity: 'key_project_record_file',
    entityId: row.id,
    divisionCode: project.townshipCode,
    after: { projectId: project.id, recordId: record.id, kind: record.kind, ...auditedFile(row) },
  });
  return presentFile(row);
}

/**
 * A township file the scope may see (for download): a report's of a task it sees, a budget
 * record's of a project inside it; null otherwise.
 */
export async function findTownshipFile(db: Db, scope: Scope, id: string) {
  const [ofTask] = await db
    .select({ file: townshipFiles })
    .from(townshipFiles)
    .innerJoin(taskReports, eq(taskReports.id, townshipFiles.taskReportId))
    .innerJoin(supervisionTasks, eq(supervisionTasks.id, taskReports.taskId))
    .where(and(eq(townshipFiles.id, id), tasksVisibleTo(scope)));
  if (ofTask) return ofTask.file;
  const [ofRecord] = await db
    .select({ file: townshipFiles })
    .from(townshipFiles)
    .innerJoin(keyProjectRecords, eq(keyProjectRecords.id, townshipFiles.budgetRecordId))
    .innerJoin(keyProjects, eq(keyProjects.id, keyProjectRecords.projectId))
    .where(and(eq(townshipFiles.id, id), scope.where(keyProjects.townshipCode)));
  return ofRecord?.file ?? null;
}

/** Removes a progress report's file (the owner, task not closed); the caller deletes the bytes. */
export async function removeTaskReportFile(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
}): Promise<FileRow> {
  const file = await findTownshipFile(opts.db, opts.scope, opts.id);
  if (!file || file.taskReportId === null) notFound(fileWord);
  const { task } = await writableReport(opts.db, opts.scope, file.folderId, file.taskReportId);
  await opts.db.delete(townshipFiles).where(eq(townshipFiles.id, file.id));
  await opts.audit({
    action: 'tasks.removeReportFile',
    entity: 'task_report_file',
    entityId: file.id,
    divisionCode: task.ownerCode,
    before: { taskId: task.id, reportId: file.taskReportId, ...auditedFile(file) },
  });
  return file;
}

/** Removes a budget record's file; the caller deletes the bytes after the commit. */
export async function removeBudgetRecordFile(opts: {
  db: Db;
  scope: Scope;
  audit: Audit;
  id: string;
}): Promise<FileRow> {
  const file = await findTownshipFile(opts.db, opts.scope, opts.id);
  if (!file || file.budgetRecordId === null) notFound(fileWord);
  const { record, project } = await writableBudgetRecord(opts.db, opts.scope, file.budgetRecordId);
  await opts.db.delete(townshipFiles).where(eq(townshipFiles.id, file.id));
  await opts.audit({
    action: 'budget.removeRecordFile',
    entity: 'key_project_record_file',
    entityId: file.id,
    divisionCode: project.townshipCode,
    before: { projectId: project.id, recordId: record.id, kind: record.kind, ...auditedFile(file) },
  });
  return file;
}
