// The demo county's township work: 白石镇's supervision tasks in each light (and three closed and
// rated, two of them the clerk's village's, one assigned by the county), villagers' comments answered and waiting, and the year's
// 实事工程百姓点单 (ideas, one not taken up, two voted by the township congress, one being built). Dates are
// counted from today so the lights stay as described whenever the demo is loaded. Three reports
// keep their files (written when the demo is loaded with a data directory).
import type { Db } from '../db/client.js';
import { checkCongressVote } from '@fazhi/domain';
import {
  publicComments,
  supervisionTasks,
  taskReports,
  townshipFiles,
  villagerProjects,
} from '../db/schema.js';
import { todayIso } from '../services/campaigns/participations.js';
import { DEMO_COUNTY_CODE } from './demo-county.js';
import { demoPdf, demoPhoto, writeDemoFile } from './demo-files.js';

const TOWNSHIP = '330728101000'; // 白石镇
const village = (n: number) => `330728101${String(200 + n).padStart(3, '0')}`;

function shift(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoTownship(
  db: Db,
  dataDir?: string,
  today = todayIso(),
): Promise<void> {
  const on = (days: number) => shift(today, days);
  const base = { countyCode: DEMO_COUNTY_CODE, assignerCode: TOWNSHIP };
  const tasks = await db
    .insert(supervisionTasks)
    .values([
      {
        ...base,
        ownerCode: village(1),
        title: '完成村规民约修订并报镇备案',
        source: 'meeting_decision',
        detail: '镇党委会议议定事项：对照村民委员会组织法修订村规民约，经村民会议表决后报镇备案。',
        responsible: '村党支部书记',
        assignedOn: on(-30),
        deadline: on(20),
        milestones: [
          { title: '征求村民意见', due: on(-10), done: true },
          { title: '村民会议表决', due: on(10), done: false },
        ],
        state: 'in_progress',
        percentDone: 50,
      },
      {
        ...base,
        ownerCode: village(2),
        title: '村务公开栏更新三季度财务',
        source: 'key_target',
        responsible: '村报账员',
        assignedOn: on(-14),
        deadline: on(2),
        state: 'assigned',
      },
      {
        ...base,
        ownerCode: village(3),
        title: '化解山林承包纠纷',
        source: 'complaint',
        detail: '群众反映的山林承包边界纠纷，组织调解并书面答复。',
        responsible: '村调解委员会主任',
        assignedOn: on(-40),
        deadline: on(-5),
        state: 'in_progress',
        percentDone: 60,
      },
      {
        ...base,
        ownerCode: village(4),
        title: '法律明白人培训全覆盖',
        source: 'higher_instruction',
        responsible: '村委会主任',
        assignedOn: on(-60),
        deadline: on(-10),
        state: 'closed',
        percentDone: 100,
        rating: 'satisfied',
        ratingNote: '按期完成，资料齐全',
        closedOn: on(-12),
      },
      // the clerk's village's closed tasks, rated: what A1.10 of its self-assessment reads
      {
        ...base,
        ownerCode: village(1),
        title: '村级法律顾问进村服务登记',
        source: 'key_target',
        responsible: '村委会主任',
        assignedOn: on(-70),
        deadline: on(-25),
        state: 'closed',
        percentDone: 100,
        rating: 'satisfied',
        ratingNote: '登记完整',
        closedOn: on(-27),
      },
      {
        ...base,
        ownerCode: village(1),
        title: '整理村级档案并移交镇档案室',
        source: 'meeting_decision',
        responsible: '村文书',
        assignedOn: on(-65),
        deadline: on(-20),
        state: 'closed',
        percentDone: 100,
        rating: 'basically_satisfied',
        ratingNote: '逾期两天完成',
        closedOn: on(-18),
      },
      {
        countyCode: DEMO_COUNTY_CODE,
        assignerCode: DEMO_COUNTY_CODE,
        ownerCode: TOWNSHIP,
        title: '民主法治示范村创建申报材料初审',
        source: 'higher_instruction',
        responsible: '镇司法所所长',
        assignedOn: on(-20),
        deadline: on(15),
        state: 'in_progress',
        percentDone: 30,
      },
    ])
    .returning({ id: supervisionTasks.id, title: supervisionTasks.title });
  const id = (title: string) => tasks.find((t) => t.title === title)!.id;
  const reports = await db
    .insert(taskReports)
    .values([
      {
        taskId: id('完成村规民约修订并报镇备案'),
        kind: 'progress',
        on: on(-10),
        text: '已张贴征求意见稿，收到意见 23 条',
        percentDone: 50,
        byName: '村文书',
      },
      {
        taskId: id('化解山林承包纠纷'),
        kind: 'progress',
        on: on(-8),
        text: '已组织双方两次调解，边界待现场勘测',
        percentDone: 60,
        byName: '村文书',
      },
      {
        taskId: id('法律明白人培训全覆盖'),
        kind: 'close_request',
        on: on(-13),
        text: '培训 4 场，覆盖全部农户',
        percentDone: 100,
        byName: '村文书',
      },
      {
        taskId: id('法律明白人培训全覆盖'),
        kind: 'close',
        on: on(-12),
        text: '满意：按期完成，资料齐全',
        byName: '镇司法所',
      },
      {
        taskId: id('村级法律顾问进村服务登记'),
        kind: 'close',
        on: on(-27),
        text: '满意：登记完整',
        byName: '镇司法所',
      },
      {
        taskId: id('整理村级档案并移交镇档案室'),
        kind: 'close',
        on: on(-18),
        text: '基本满意：逾期两天完成',
        byName: '镇司法所',
      },
    ])
    .returning({
      id: taskReports.id,
      taskId: taskReports.taskId,
      kind: taskReports.kind,
      on: taskReports.on,
    });
  // the files of three reports, as the village uploaded them (a file row only with its bytes)
  const attached: [string, string, Buffer][] = [
    ['完成村规民约修订并报镇备案', '村规民约征求意见稿.pdf', demoPdf],
    ['完成村规民约修订并报镇备案', '征求意见张贴现场.png', demoPhoto(0)],
    ['化解山林承包纠纷', '现场调解.png', demoPhoto(1)],
    ['法律明白人培训全覆盖', '培训签到表.pdf', demoPdf],
    ['法律明白人培训全覆盖', '培训现场.png', demoPhoto(2)],
  ];
  const files: (typeof townshipFiles.$inferInsert)[] = [];
  for (const [title, fileName, bytes] of dataDir ? attached : []) {
    const report = reports.find(
      (r) => r.taskId === id(title) && (r.kind === 'progress' || r.kind === 'close_request'),
    )!;
    files.push({
      ...(await writeDemoFile(dataDir!, DEMO_COUNTY_CODE, report.taskId, bytes)),
      countyCode: DEMO_COUNTY_CODE,
      folderId: report.taskId,
      taskReportId: report.id,
      fileName,
      // uploaded with the report, in the order listed
      createdAt: new Date(`${report.on}T16:00:0${files.length}+08:00`),
    });
  }
  if (files.length > 0) await db.insert(townshipFiles).values(files);
  await db.insert(publicComments).values([
    {
      countyCode: DEMO_COUNTY_CODE,
      divisionCode: village(1),
      ownerCode: village(1),
      channel: 'phone',
      subject: '村口路灯不亮',
      content: '村口三盏路灯已坏两周，夜间出行不便。',
      receivedOn: on(-9),
      deadline: on(6),
      reply: '已联系供电所更换，三盏路灯均已恢复。',
      repliedOn: on(-6),
    },
    {
      countyCode: DEMO_COUNTY_CODE,
      divisionCode: village(2),
      ownerCode: TOWNSHIP,
      channel: 'public_page',
      subject: '垃圾清运不及时',
      content: '二组垃圾箱一周未清运。',
      receivedOn: on(-13),
      deadline: on(2),
    },
    {
      countyCode: DEMO_COUNTY_CODE,
      divisionCode: village(3),
      ownerCode: village(3),
      channel: 'office',
      subject: '低保评议过程公开',
      content: '希望公开本年度低保评议会议的结果。',
      receivedOn: on(-20),
      deadline: on(-5),
    },
  ]);
}

/** 白石镇's projects of the current year: collected, screened, voted, being built. */
export async function seedDemoProjects(db: Db, today = todayIso()): Promise<void> {
  const year = Number(today.slice(0, 4));
  const base = { countyCode: DEMO_COUNTY_CODE, townshipCode: TOWNSHIP, year };
  const tally = (votesFor: number, votesAgainst: number, abstentions: number) => {
    const counts = { deputies: 58, present: 52, votesFor, votesAgainst, abstentions };
    return { date: `${year}-03-02`, ...counts, check: checkCongressVote(counts) };
  };
  await db.insert(villagerProjects).values([
    {
      ...base,
      title: '镇区主干道路灯改造',
      sourceKind: 'village',
      source: '杨林村',
      raisedBy: 46,
      stage: 'voted_through',
      budgetYuan: 1_200_000,
      spentYuan: 450_000,
      percentDone: 40,
      milestones: [
        { title: '完成招标', due: `${year}-05-10`, done: true },
        { title: '完成安装', due: `${year}-10-31`, done: false },
      ],
      vote: tally(47, 3, 2),
    },
    {
      ...base,
      title: '老年食堂扩建',
      sourceKind: 'community',
      source: '金塘社区',
      raisedBy: 31,
      stage: 'voted_down',
      budgetYuan: 900_000,
      vote: tally(26, 20, 6),
    },
    {
      ...base,
      title: '村级文化礼堂提升',
      sourceKind: 'deputy',
      source: '镇人大代表联络站',
      raisedBy: 18,
      stage: 'shortlisted',
      budgetYuan: 600_000,
    },
    {
      ...base,
      title: '新建跨省高速连接线',
      sourceKind: 'firm',
      source: '白石工业园企业',
      raisedBy: 5,
      stage: 'not_taken',
      screeningReason: '超出乡镇事权，已转报县交通运输局',
    },
    {
      ...base,
      title: '溪边游步道',
      sourceKind: 'village',
      source: '兰林村',
      raisedBy: 12,
      stage: 'idea',
    },
  ]);
}
