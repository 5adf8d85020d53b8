// A valid input for each procedure of the router, shared by the authorization and bad-input
// tests (a procedure missing here fails the authorization test's coverage check).
const X = '330728101000'; // 白石镇
const X_VILLAGE = '330728101201';
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** A valid input for each procedure (used for the anonymous and read-only checks). */
export const sampleInput: Record<string, unknown> = {
  'auth.login': { username: 'county', password: 'x' },
  'auth.logout': undefined,
  'auth.me': undefined,
  'auth.changePassword': { currentPassword: 'Fazhi2026', newPassword: 'Other2027x' },
  'audit.list': {},
  'audit.actions': undefined,
  'dashboard.summary': undefined,
  'dashboard.todo': undefined,
  'divisions.get': { code: X_VILLAGE },
  'divisions.children': { parentCode: X },
  'divisions.search': { q: '村' },
  'divisions.import': { csv: `${X_VILLAGE},新名字村\n` },
  'users.list': {},
  'users.create': {
    username: 'newclerk',
    displayName: '新文书',
    password: 'Clerk2026',
    role: 'village_clerk',
    scopeCode: X_VILLAGE,
  },
  'users.update': { id: '00000000-0000-4000-8000-000000000000', displayName: '改名' },
  'campaigns.list': {},
  'campaigns.get': { id: NO_ID },
  'campaigns.create': {
    countyCode: '330728000000',
    name: '创建',
    year: 2026,
    level: 'county',
    frameworkId: NO_ID,
  },
  'campaigns.advance': { id: NO_ID },
  'campaigns.ranking': { id: NO_ID },
  'campaigns.results': { id: NO_ID },
  'campaigns.noticeList': { id: NO_ID },
  'frameworks.list': undefined,
  'frameworks.get': { id: NO_ID },
  'frameworks.import': { definition: {} },
  'participations.list': { campaignId: NO_ID },
  'participations.get': { id: NO_ID },
  'participations.declare': { campaignId: NO_ID, villageCode: X_VILLAGE },
  'participations.saveSheet': {
    id: NO_ID,
    version: 1,
    column: 'county',
    data: { items: {}, vetoes: [], comments: {} },
  },
  'participations.transition': { id: NO_ID, version: 1, event: { type: 'approve' } },
  'participations.removeEvidence': { id: NO_ID },
  'titles.list': {},
  'titles.revocationReasons': undefined,
  'titles.recheck': { ids: [NO_ID], outcome: 'keep' },
  'titles.saveRevocationReason': { code: 'new_reason', nameZh: '新理由', nameEn: 'New reason' },
};
