// The Excel round trip of the mediation register (人民调解台账): the current filtered list of cases
// as .xlsx (base64), and the import of the same workbook back — all or nothing, every bad cell
// listed (see register-workbooks.ts). A row with the 编号 of a case in scope corrects it, a row
// without one adds a case; each row goes through mediation.save (scope, writing level, locked
// months, the domain's rules). Party names are written only for users who see them; a row
// corrected by a user who does not see them keeps the case's names.
import { inArray } from 'drizzle-orm';
import {
  disputeTypes,
  mediationEscalations,
  mediationLabels,
  mediationMethods,
  mediationOutcomes,
  type MediationEscalation,
} from '@fazhi/domain';
import type { Db } from '../../db/client.js';
import { mediationCases } from '../../db/schema.js';
import type { Scope } from '../../auth/scope.js';
import type { BadCell } from '../records/workbook.js';
import { forbidden } from '../../errors/app-error.js';
import { listMediation, saveMediation, seesPartyNames } from './mediation.js';
import {
  all,
  corrected,
  divisionNames,
  finish,
  ID,
  insideDivision,
  readSheet,
  saveRows,
  silent,
  versions,
  workbookOf,
  type ImportOptions,
} from './register-workbooks.js';

export const MEDIATION_SHEET = '人民调解台账';

export const MEDIATION_HEADERS = [
  ID,
  '单位代码',
  '单位',
  '受理日期',
  '纠纷类型',
  '当事人数',
  '当事人姓名',
  '调解员',
  '调解方式',
  '调解结果',
  '结案日期',
  '是否激化',
  '协议书编号',
  '附件数',
  '备注',
] as const;

/** The columns of the fields `mediation.save` names in its errors. */
const columnOf: Record<string, string> = {
  id: ID,
  divisionCode: '单位代码',
  receivedOn: '受理日期',
  type: '纠纷类型',
  parties: '当事人数',
  partyNames: '当事人姓名',
  mediator: '调解员',
  method: '调解方式',
  outcome: '调解结果',
  closedOn: '结案日期',
  escalation: '是否激化',
  agreementNo: '协议书编号',
  files: '附件数',
  notes: '备注',
};

/** The cases of a division as listed (same filters), as a workbook. */
export async function exportMediation(opts: {
  db: Db;
  scope: Scope;
  divisionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  ownOnly?: boolean | undefined;
}) {
  const { items } = await listMediation({ ...opts, ...all });
  const names = await divisionNames(
    opts.db,
    items.map((c) => c.divisionCode),
  );
  const base64 = await workbookOf(
    MEDIATION_SHEET,
    MEDIATION_HEADERS,
    items.map((c) => [
      c.id,
      c.divisionCode,
      names.get(c.divisionCode) ?? '',
      c.receivedOn,
      mediationLabels.type[c.type].zh,
      c.parties,
      c.partyNames ?? '',
      c.mediator,
      mediationLabels.method[c.method].zh,
      mediationLabels.outcome[c.outcome].zh,
      c.closedOn ?? '',
      mediationLabels.escalation[c.escalation].zh,
      c.agreementNo ?? '',
      c.files,
      c.notes,
    ]),
  );
  return { fileName: `人民调解台账-${opts.divisionCode}.xlsx`, base64 };
}

/** The party names of some cases, by id (kept when the importer does not see them). */
async function partyNamesOf(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: mediationCases.id, partyNames: mediationCases.partyNames })
    .from(mediationCases)
    .where(inArray(mediationCases.id, ids));
  return new Map(rows.map((r) => [r.id, r.partyNames]));
}

/** Imports cases (added, or corrected by 编号): all or nothing. */
export async function importMediation(opts: ImportOptions) {
  if (!opts.scope.includes(opts.divisionCode)) forbidden();
  const bad: BadCell[] = [];
  const seesNames = seesPartyNames(opts.scope);
  const rows = await readSheet(
    opts.workbook,
    MEDIATION_SHEET,
    MEDIATION_HEADERS,
    ['单位代码', '受理日期', '纠纷类型', '当事人数', '调解方式', '调解结果'],
    bad,
    (r) => {
      const divisionCode = insideDivision(
        r,
        '单位代码',
        r.text('单位代码', { required: true, max: 12 }),
        opts.divisionCode,
      );
      const receivedOn = r.date('受理日期', true);
      const type = r.choice('纠纷类型', disputeTypes, mediationLabels.type);
      const parties = r.number('当事人数', { required: true, max: 10_000 });
      const partyNames = seesNames ? r.text('当事人姓名', { max: 200 }) : '';
      const mediator = r.text('调解员', { max: 50 });
      const method = r.choice('调解方式', mediationMethods, mediationLabels.method);
      const outcome = r.choice('调解结果', mediationOutcomes, mediationLabels.outcome);
      const closedOn = r.date('结案日期', false);
      const escalation = r.choice<MediationEscalation>(
        '是否激化',
        mediationEscalations,
        mediationLabels.escalation,
        'none',
      );
      const agreementNo = r.text('协议书编号', { max: 100 });
      const notes = r.text('备注', { max: 2000 });
      if (!divisionCode || !receivedOn || !type || !method || !outcome || !escalation) {
        return undefined;
      }
      if (parties === undefined || parties === null || closedOn === undefined) return undefined;
      if (partyNames === undefined || mediator === undefined) return undefined;
      if (agreementNo === undefined || notes === undefined) return undefined;
      return {
        divisionCode,
        receivedOn,
        type,
        parties,
        ...(partyNames ? { partyNames } : {}),
        mediator,
        method,
        outcome,
        closedOn,
        escalation,
        ...(agreementNo ? { agreementNo } : {}),
        notes,
      };
    },
  );
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const known = await versions(opts.db, mediationCases, ids);
  const keptNames = seesNames ? new Map<string, string | null>() : await partyNamesOf(opts.db, ids);
  const result = await saveRows(
    opts.db,
    MEDIATION_SHEET,
    rows,
    columnOf,
    '受理日期',
    bad,
    (tx, row) => {
      const kept = row.id ? keptNames.get(row.id) : null;
      return saveMediation({
        db: tx,
        scope: opts.scope,
        role: opts.role,
        audit: silent,
        input: { ...corrected(row, known), ...(kept ? { partyNames: kept } : {}) },
      });
    },
  );
  return finish(opts, bad, result, 'mediation.import', 'mediation_import');
}
