// The demo county's village records (村务台账): the villager groups (村民小组) of the three
// villages with records, whose sums are the villages' registered voters and representatives (the
// meetings' 应到人数 agree with them), a year of meetings, 三务公开 postings, a
// 四议两公开 matter and the village compact for the clerk's village (杨林村), and a few records of
// two other villages, so a newcomer sees the compliance table filled and the score sheet's
// answers 来自台账. Saved through the services, so every resolution and matter is checked by
// @fazhi/domain as if a clerk had entered it. A record dated after today is left out.
import type { Db } from '../db/client.js';
import { Scope } from '../auth/scope.js';
import { todayIso } from '../services/campaigns/participations.js';
import { saveDisclosure } from '../services/records/disclosures.js';
import {
  reviewRules,
  saveElection,
  saveMatter,
  saveRules,
} from '../services/records/governance.js';
import { saveGroup } from '../services/records/groups.js';
import { saveMeeting, type MeetingSave } from '../services/records/meetings.js';
import type { RecordMeetingBody } from '../db/schema.js';
import { DEMO_CLERK_VILLAGE } from './demo-rounds.js';

const BAISHI_OTHER = '330728101210';
const QINGSHAN = '330728102204';

type Group = [village: string, name: string, households: number, voters: number, reps: number];

// 杨林村: 420 households, 860 voters and 42 representatives (the 2026 换届's figures); 白石镇's
// other village 720 voters and 38 representatives; 青山镇's village 35 representatives
const groups: Group[] = [
  [DEMO_CLERK_VILLAGE, '上杨组', 68, 141, 7],
  [DEMO_CLERK_VILLAGE, '下杨组', 72, 148, 7],
  [DEMO_CLERK_VILLAGE, '林家组', 55, 112, 6],
  [DEMO_CLERK_VILLAGE, '塘边组', 61, 125, 6],
  [DEMO_CLERK_VILLAGE, '后山组', 48, 97, 5],
  [DEMO_CLERK_VILLAGE, '新屋组', 64, 130, 6],
  [DEMO_CLERK_VILLAGE, '溪口组', 52, 107, 5],
  [BAISHI_OTHER, '第一村民小组', 62, 128, 7],
  [BAISHI_OTHER, '第二村民小组', 66, 135, 7],
  [BAISHI_OTHER, '第三村民小组', 54, 110, 6],
  [BAISHI_OTHER, '第四村民小组', 60, 122, 6],
  [BAISHI_OTHER, '第五村民小组', 58, 118, 6],
  [BAISHI_OTHER, '第六村民小组', 52, 107, 6],
  [QINGSHAN, '山脚组', 64, 130, 7],
  [QINGSHAN, '岭头组', 58, 118, 7],
  [QINGSHAN, '塘坞组', 61, 124, 7],
  [QINGSHAN, '竹园组', 55, 112, 7],
  [QINGSHAN, '大坪组', 60, 121, 7],
];

type Meeting = [
  village: string,
  body: RecordMeetingBody,
  date: string,
  eligible: number,
  attendees: number,
  title: string,
];

const meetings: Meeting[] = [
  [DEMO_CLERK_VILLAGE, 'representatives_meeting', '2026-04-18', 42, 35, '村内道路硬化实施方案'],
  [DEMO_CLERK_VILLAGE, 'villagers_meeting', '2026-05-10', 860, 512, '修订村规民约'],
  [DEMO_CLERK_VILLAGE, 'party_members_meeting', '2026-06-28', 56, 49, '发展党员预备人选公示'],
  [DEMO_CLERK_VILLAGE, 'representatives_meeting', '2026-07-20', 42, 33, '村文化礼堂使用管理办法'],
  [DEMO_CLERK_VILLAGE, 'representatives_meeting', '2026-10-15', 42, 36, '2027年村级预算安排'],
  [BAISHI_OTHER, 'representatives_meeting', '2026-05-06', 38, 24, '河道保洁承包方案'],
  [BAISHI_OTHER, 'villagers_meeting', '2026-08-30', 720, 401, '村集体经济发展规划'],
  [QINGSHAN, 'representatives_meeting', '2026-06-12', 35, 30, '山塘加固工程'],
  [QINGSHAN, 'representatives_meeting', '2026-09-18', 35, 28, '垃圾分类积分办法'],
];

type Posting = [
  village: string,
  category: 'general' | 'finance',
  period: string,
  postedOn: string,
  summary: string,
];

// 杨林村 posts its finances monthly from July (the second quarter's postings are missing: the
// township sees them overdue) and its village affairs each quarter
const postings: Posting[] = [
  ...[7, 8, 9, 10, 11].map((m): Posting => [
    DEMO_CLERK_VILLAGE,
    'finance',
    `2026-${String(m - 1).padStart(2, '0')}`,
    `2026-${String(m).padStart(2, '0')}-10`,
    `2026年${m - 1}月财务收支明细`,
  ]),
  [
    DEMO_CLERK_VILLAGE,
    'general',
    '2026-Q2',
    '2026-07-05',
    '二季度村务：村内道路硬化进度、低保名单',
  ],
  [DEMO_CLERK_VILLAGE, 'general', '2026-Q3', '2026-10-08', '三季度村务：文化礼堂管理办法、征兵'],
  [BAISHI_OTHER, 'finance', '2026-Q2', '2026-07-12', '二季度财务收支'],
  [QINGSHAN, 'general', '2026-Q2', '2026-07-03', '二季度村务公开'],
  [QINGSHAN, 'finance', '2026-Q2', '2026-07-03', '二季度财务收支'],
  [QINGSHAN, 'general', '2026-Q3', '2026-10-09', '三季度村务公开'],
];

export async function seedDemoRecords(db: Db): Promise<void> {
  const scope = new Scope('000000000000', 'system_admin');
  const audit = async () => {};
  const today = todayIso();
  const order = new Map<string, number>();
  for (const [villageCode, name, households, voters, representatives] of groups) {
    const sortOrder = (order.get(villageCode) ?? 0) + 1;
    order.set(villageCode, sortOrder);
    await saveGroup({
      db,
      scope,
      audit,
      input: { villageCode, name, sortOrder, households, voters, representatives },
    });
  }
  const saved = new Map<string, string>();
  const resolutionIds = new Map<string, string>();
  for (const [villageCode, body, date, eligible, attendees, title] of meetings) {
    if (date > today) continue;
    const input: MeetingSave = {
      villageCode,
      body,
      date,
      convenor: body === 'party_members_meeting' ? '村党组织书记' : '村民委员会主任',
      eligible,
      attendees,
      resolutions: [
        {
          title,
          votesFor: attendees - 3,
          votesAgainst: 2,
          abstentions: 1,
        },
      ],
    };
    const meeting = await saveMeeting({ db, scope, audit, input });
    saved.set(`${villageCode}:${date}`, meeting.id);
    const resolution = meeting.resolutions[0];
    if (resolution) resolutionIds.set(`${villageCode}:${date}`, resolution.id);
  }
  // the representatives' make-up after the 2026 换届 (counts only; lawful: 16 women of 47)
  if ('2026-01-20' <= today) {
    await saveElection({
      db,
      scope,
      audit,
      input: {
        villageCode: DEMO_CLERK_VILLAGE,
        kind: 'representatives',
        date: '2026-01-20',
        figures: {
          households: 420,
          representatives: 42,
          womenRepresentatives: 16,
          committeeMembers: 5,
        },
      },
    });
  }
  for (const [villageCode, category, period, postedOn, summary] of postings) {
    if (postedOn > today) continue;
    await saveDisclosure({
      db,
      scope,
      audit,
      input: { villageCode, category, period, postedOn, channel: 'board', summary },
    });
  }
  // the road resolution of 18 April, posted two days later as a major matter (决议公开)
  const roadResolution = resolutionIds.get(`${DEMO_CLERK_VILLAGE}:2026-04-18`);
  let roadPosting: string | null = null;
  if (roadResolution && '2026-04-20' <= today) {
    const posting = await saveDisclosure({
      db,
      scope,
      audit,
      input: {
        villageCode: DEMO_CLERK_VILLAGE,
        category: 'major',
        period: '2026-04',
        postedOn: '2026-04-20',
        takenDownOn: '2026-05-20',
        channel: 'board',
        summary: '村民代表会议决议：村内道路硬化实施方案（表决结果及实施安排）',
        resolutionId: roadResolution,
      },
    });
    roadPosting = posting.id;
  }
  if ('2026-07-05' <= today) {
    await saveMatter({
      db,
      scope,
      audit,
      input: {
        villageCode: DEMO_CLERK_VILLAGE,
        title: '村内道路硬化',
        steps: [
          { step: 'party_branch_proposal', on: '2026-04-02' },
          { step: 'two_committees_consultation', on: '2026-04-08' },
          { step: 'party_members_review', on: '2026-04-12' },
          {
            step: 'villagers_resolution',
            on: '2026-04-18',
            meetingId: saved.get(`${DEMO_CLERK_VILLAGE}:2026-04-18`) ?? null,
          },
          { step: 'resolution_published', on: '2026-04-20', disclosureId: roadPosting },
          { step: 'results_published', on: '2026-07-05' },
        ],
      },
    });
  }
  if ('2026-06-01' <= today) {
    const rules = await saveRules({
      db,
      scope,
      audit,
      input: {
        villageCode: DEMO_CLERK_VILLAGE,
        kind: 'village_compact',
        label: '2026年修订版',
        text:
          '第一条 村民应当遵守宪法、法律、法规和国家政策。\n' +
          '第二条 爱护公共设施，维护村容村貌，实行垃圾分类。\n' +
          '第三条 倡导婚事新办、丧事简办，反对铺张浪费。\n' +
          '第四条 邻里纠纷先由村人民调解委员会调解。',
        meetingId: saved.get(`${DEMO_CLERK_VILLAGE}:2026-05-10`) ?? null,
        adoptedOn: '2026-05-10',
        filedOn: '2026-05-20',
        publishedOn: '2026-05-22',
      },
    });
    await reviewRules({
      db,
      scope,
      audit,
      reviewerName: '白石镇 司法所',
      input: {
        id: rules.id,
        version: rules.version,
        receivedOn: '2026-05-21',
        state: 'approved',
        reviewedOn: '2026-06-01',
      },
    });
  }
}
