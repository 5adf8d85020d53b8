// The demo county 清和县 (a fictional county under 金华市, 浙江省): 15 townships and 300
// villages with valid codes and plausible names. Deterministic: the same data every time.

export const DEMO_COUNTY_CODE = '330728000000';
export const DEMO_PASSWORD = 'Fazhi2026';

interface TownshipSpec {
  segment: string;
  name: string;
  communities: number;
  villages: number;
}

const townships: TownshipSpec[] = [
  { segment: '001', name: '城东街道', communities: 12, villages: 0 },
  { segment: '002', name: '城西街道', communities: 12, villages: 0 },
  { segment: '003', name: '城南街道', communities: 12, villages: 0 },
  { segment: '101', name: '白石镇', communities: 2, villages: 22 },
  { segment: '102', name: '青山镇', communities: 2, villages: 22 },
  { segment: '103', name: '临溪镇', communities: 2, villages: 22 },
  { segment: '104', name: '双桥镇', communities: 2, villages: 22 },
  { segment: '105', name: '龙潭镇', communities: 2, villages: 22 },
  { segment: '106', name: '梅岭镇', communities: 2, villages: 22 },
  { segment: '107', name: '新塘镇', communities: 2, villages: 22 },
  { segment: '108', name: '安平镇', communities: 2, villages: 22 },
  { segment: '201', name: '石门乡', communities: 0, villages: 18 },
  { segment: '202', name: '枫林乡', communities: 0, villages: 18 },
  { segment: '203', name: '大源乡', communities: 0, villages: 18 },
  { segment: '204', name: '岭下乡', communities: 0, villages: 18 },
];

const first = '金石枫竹桃梅杨柳荷松杏茶桂兰槐樟莲芦桑杉'.split('');
const second = '塘溪山岭坑源桥湾垟畈坞田庄林口坪'.split('');

/** The n-th of 320 distinct two-character place names, in a scattered but fixed order. */
function placeName(n: number): string {
  const k = (n * 7) % (first.length * second.length);
  return first[k % first.length]! + second[Math.floor(k / first.length)]!;
}

export interface DemoDivision {
  code: string;
  name: string;
  urbanRuralCode?: string;
}

export function demoDivisions(): DemoDivision[] {
  const rows: DemoDivision[] = [
    { code: '330000000000', name: '浙江省' },
    { code: '330700000000', name: '金华市' },
    { code: DEMO_COUNTY_CODE, name: '清和县' },
  ];
  let n = 0;
  for (const t of townships) {
    const townshipCode = `330728${t.segment}000`;
    rows.push({ code: townshipCode, name: t.name });
    for (let i = 1; i <= t.communities; i++) {
      rows.push({
        code: `330728${t.segment}${String(i).padStart(3, '0')}`,
        name: `${placeName(n++)}社区`,
        urbanRuralCode: t.villages === 0 ? '111' : '121',
      });
    }
    for (let i = 1; i <= t.villages; i++) {
      rows.push({
        code: `330728${t.segment}${String(200 + i).padStart(3, '0')}`,
        name: `${placeName(n++)}村`,
        urbanRuralCode: '220',
      });
    }
  }
  return rows;
}

export function demoDivisionsCsv(): string {
  const lines = ['code,name,urban_rural_code'];
  for (const d of demoDivisions()) lines.push(`${d.code},${d.name},${d.urbanRuralCode ?? ''}`);
  return lines.join('\n') + '\n';
}

export const demoUsers = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'system_admin',
    scopeCode: '000000000000',
  },
  {
    username: 'county',
    displayName: '县司法局 王科长',
    role: 'county_admin',
    scopeCode: DEMO_COUNTY_CODE,
  },
  {
    username: 'township',
    displayName: '白石镇司法所 李所长',
    role: 'township_officer',
    scopeCode: '330728101000',
  },
  {
    username: 'clerk',
    displayName: '村文书 张敏',
    role: 'village_clerk',
    scopeCode: '330728101201',
  },
  {
    username: 'inspector',
    displayName: '县考核组 陈评审',
    role: 'inspector',
    scopeCode: DEMO_COUNTY_CODE,
  },
] as const;
