// The demo county's participatory budget (参与式预算): 白石镇's key project of the year, the
// 兰林村 creek path and embankment, carried through all five stages — the requests behind it (an
// idea collected for the menu and a comment answered), two design meetings with about twenty
// villagers' representatives and the agreed plan, the tender they attended, three inspections
// with the supervising engineer (one rectification asked and done), and the residents' appraisal
// with one rectification done and one still open. The plan, the tender and the inspections keep
// their files (written when the demo is loaded with a data directory). Dates are counted back
// from today.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  keyProjectRecords,
  keyProjects,
  publicComments,
  townshipFiles,
  villagerProjects,
} from '../db/schema.js';
import { demoPdf, demoPhoto, writeDemoFile } from './demo-files.js';
import { todayIso } from '../services/campaigns/participations.js';
import { DEMO_COUNTY_CODE } from './demo-county.js';

const TOWNSHIP = '330728101000'; // 白石镇
const LANLIN = '330728101202'; // 兰林村

function shift(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const DEMO_KEY_PROJECT_TITLE = '兰林村溪边游步道及护岸修复';

export async function seedDemoBudget(db: Db, dataDir?: string, today = todayIso()): Promise<void> {
  const on = (days: number) => shift(today, days);
  const year = Number(today.slice(0, 4));
  const [idea] = await db
    .select({ id: villagerProjects.id })
    .from(villagerProjects)
    .where(
      and(eq(villagerProjects.townshipCode, TOWNSHIP), eq(villagerProjects.title, '溪边游步道')),
    );
  const [comment] = await db
    .insert(publicComments)
    .values({
      countyCode: DEMO_COUNTY_CODE,
      divisionCode: LANLIN,
      ownerCode: TOWNSHIP,
      channel: 'office',
      subject: '溪边护岸坍塌',
      content: '兰林溪东岸护岸汛后坍塌约三十米，老人小孩经过危险。',
      receivedOn: on(-220),
      deadline: on(-205),
      reply: '已列入镇参与式预算重点项目，由村民代表共同商定修复方案。',
      repliedOn: on(-210),
    })
    .returning({ id: publicComments.id });
  const [project] = await db
    .insert(keyProjects)
    .values({
      countyCode: DEMO_COUNTY_CODE,
      townshipCode: TOWNSHIP,
      year,
      title: DEMO_KEY_PROJECT_TITLE,
      summary: '修复兰林溪东岸护岸 320 米，新建沿溪游步道 1.2 公里及照明。',
      version: 12,
    })
    .returning({ id: keyProjects.id });
  const projectId = project!.id;
  const records = await db
    .insert(keyProjectRecords)
    .values([
      {
        projectId,
        kind: 'request',
        on: on(-215),
        text: '兰林村村民代表收集：希望修复护岸并建游步道',
        people: 12,
        ideaId: idea?.id ?? null,
      },
      {
        projectId,
        kind: 'request',
        on: on(-210),
        text: '群众来访反映护岸坍塌',
        people: 1,
        commentId: comment!.id,
      },
      {
        projectId,
        kind: 'request',
        on: on(-200),
        text: '镇人大代表联络站接待日集中反映',
        people: 27,
      },
      {
        projectId,
        kind: 'meeting',
        on: on(-180),
        text: '听取设计单位初步方案，代表提出护岸改用生态石笼、游步道避开农田',
        people: 21,
        convenor: '镇人大主席团',
      },
      {
        projectId,
        kind: 'meeting',
        on: on(-165),
        text: '修改方案逐项表决，照明改为太阳能路灯',
        people: 19,
        convenor: '镇人大主席团',
      },
      {
        projectId,
        kind: 'plan',
        on: on(-160),
        text: '护岸 320 米生态石笼修复；游步道 1.2 公里透水混凝土，宽 2 米；太阳能路灯 40 盏；预算 186 万元。',
      },
      {
        projectId,
        kind: 'tender',
        on: on(-130),
        people: 5,
        winningFirm: '丽水市瓯江水利建设有限公司',
        amountYuan: 1_742_000,
      },
      {
        projectId,
        kind: 'inspection',
        on: on(-100),
        text: '石笼填石粒径符合设计，基础开挖深度经监理复核合格',
        people: 4,
        engineerPresent: true,
      },
      {
        projectId,
        kind: 'inspection',
        on: on(-70),
        text: '游步道部分路段透水混凝土厚度不足',
        people: 5,
        engineerPresent: true,
        rectification: '返工不足厚度路段约 80 米',
        rectifiedOn: on(-60),
      },
      {
        projectId,
        kind: 'inspection',
        on: on(-40),
        text: '路灯安装完成，夜间照明试运行正常',
        people: 3,
        engineerPresent: true,
      },
      {
        projectId,
        kind: 'appraisal',
        on: on(-20),
        people: 86,
        satisfied: 71,
        basicallySatisfied: 12,
        unsatisfied: 3,
        rectifications: [
          { text: '在游步道入口增设防滑提示牌', doneOn: on(-12) },
          { text: '下游段增设两处休息座椅', doneOn: null },
        ],
      },
    ])
    .returning({
      id: keyProjectRecords.id,
      kind: keyProjectRecords.kind,
      on: keyProjectRecords.on,
    });
  // the agreed plan, the tender's notice and a photo of each inspection, as the township uploaded
  // them (a file row only with its bytes)
  const files: (typeof townshipFiles.$inferInsert)[] = [];
  const inspections = records.filter((r) => r.kind === 'inspection');
  const plan = records.find((r) => r.kind === 'plan')!;
  const tender = records.find((r) => r.kind === 'tender')!;
  const attached: (readonly [(typeof records)[number], string, Buffer])[] = [
    [plan, '兰林溪护岸及游步道实施方案（代表议定稿）.pdf', demoPdf],
    [tender, '中标通知书.pdf', demoPdf],
    ...inspections.map((r, i) => [r, `现场检查-${r.on}.png`, demoPhoto(i + 1)] as const),
  ];
  for (const [record, fileName, bytes] of dataDir ? attached : []) {
    files.push({
      ...(await writeDemoFile(dataDir!, DEMO_COUNTY_CODE, record.id, bytes)),
      countyCode: DEMO_COUNTY_CODE,
      folderId: record.id,
      budgetRecordId: record.id,
      fileName,
      // uploaded the day of the record
      createdAt: new Date(`${record.on}T16:00:00+08:00`),
    });
  }
  if (files.length > 0) await db.insert(townshipFiles).values(files);
}
