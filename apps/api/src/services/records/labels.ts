// The Chinese names the ledger workbook uses for the registers' codes (export and import).
import type { ResolutionMatter } from '@fazhi/domain';
import type {
  disclosureCategories,
  disclosureChannels,
  RecordMeetingBody,
} from '../../db/schema.js';

export const bodyLabels: Record<RecordMeetingBody, string> = {
  villagers_meeting: '村民会议',
  representatives_meeting: '村民代表会议',
  group_meeting: '村民小组会议',
  party_members_meeting: '党员大会',
  collective_members_meeting: '集体经济组织成员大会',
  joint_committees_meeting: '两委联席会议',
};

export const matterLabels: Record<ResolutionMatter, string> = {
  general: '一般事项',
  land_contract_plan: '土地承包方案',
  land_contract_adjustment: '承包地调整',
  land_contract_outsider: '发包给本集体以外的单位或个人',
  collective_asset_disposal: '集体资产处置',
};

export const categoryLabels: Record<(typeof disclosureCategories)[number], string> = {
  party: '党务公开',
  general: '村务公开',
  finance: '财务公开',
  major: '重大事项公开',
};

export const channelLabels: Record<(typeof disclosureChannels)[number], string> = {
  board: '公开栏',
  screen: '电子屏',
  online: '网上',
};

/** The code whose label is `label` (also accepting the code itself). */
export function codeOf<K extends string>(labels: Record<K, string>, label: string): K | undefined {
  const text = label.trim();
  for (const [code, name] of Object.entries(labels) as [K, string][]) {
    if (name === text || code === text) return code;
  }
  return undefined;
}
