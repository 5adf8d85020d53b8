import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { loadSession } from '../src/services/sessions.js';
import { recordingCookies, useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { countyUnitsWithOfficer, createCampaign } from './campaign-fixture.js';
import { countyUnits } from '../src/db/schema.js';

const t = useTestDatabase();

const clerkInput = {
  username: 'clerk_new',
  displayName: '新文书',
  password: 'Clerk2026',
  role: 'village_clerk' as const,
  scopeCode: '330728101202',
};

describe('users', () => {
  it('list filters by text, role and status, and pages', async () => {
    const county = await t.as('county');
    expect((await county.users.list({})).total).toBe(4);
    expect((await county.users.list({ q: '李所' })).items.map((u) => u.username)).toEqual([
      'township',
    ]);
    expect((await county.users.list({ role: 'inspector' })).items.map((u) => u.username)).toEqual([
      'inspector',
    ]);
    const page2 = await county.users.list({ page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items).toHaveLength(1);
    expect((await county.users.list({ disabled: true })).total).toBe(0);
    // LIKE wildcards in the search text are literal
    expect((await county.users.list({ q: '%' })).total).toBe(0);
    expect((await county.users.list({ q: '_' })).total).toBe(0);
  });

  it('create checks that the scope fits the role and exists', async () => {
    const county = await t.as('county');
    const wrongLevel = await expectError(
      county.users.create({ ...clerkInput, scopeCode: '330728101000' }),
      'BAD_REQUEST',
    );
    expect(wrongLevel.fieldErrors[0]).toMatchObject({
      path: 'scopeCode',
      message: { zh: '该角色的管辖范围须为村级区划' },
    });
    const missing = await expectError(
      county.users.create({ ...clerkInput, scopeCode: '330728101299' }),
      'BAD_REQUEST',
    );
    expect(missing.fieldErrors[0]?.path).toBe('scopeCode');
    const taken = await expectError(
      county.users.create({ ...clerkInput, username: 'clerk' }),
      'BAD_REQUEST',
      'USERNAME_TAKEN',
    );
    expect(taken.fieldErrors[0]?.path).toBe('username');
    const weak = await expectError(
      county.users.create({ ...clerkInput, password: 'abcdefgh' }),
      'BAD_REQUEST',
    );
    expect(weak.fieldErrors[0]?.path).toBe('password');
  });

  it('a created user can sign in', async () => {
    await (await t.as('county')).users.create(clerkInput);
    const result = await t.anonymous().auth.login({ username: 'clerk_new', password: 'Clerk2026' });
    expect(result.user.scopeCode).toBe('330728101202');
    expect(result.user.role).toBe('village_clerk');
  });

  it('disabling a user ends their sessions and stops their logins', async () => {
    const cookies = recordingCookies();
    await t.anonymous(cookies).auth.login({ username: 'clerk', password: DEMO_PASSWORD });
    const county = await t.as('county');
    const { items } = await county.users.list({ q: 'clerk' });
    const updated = await county.users.update({ id: items[0]!.id, disabled: true });
    expect(updated.disabled).toBe(true);
    expect(await loadSession(t.db, cookies.token!)).toBeNull();
    await expectError(
      t.anonymous().auth.login({ username: 'clerk', password: DEMO_PASSWORD }),
      'UNAUTHORIZED',
    );
  });

  it('resetting a password unlocks the account', async () => {
    for (let i = 0; i < 5; i++) {
      await expectError(
        t.anonymous().auth.login({ username: 'clerk', password: 'bad-pass1' }),
        'UNAUTHORIZED',
      );
    }
    const county = await t.as('county');
    const { items } = await county.users.list({ q: 'clerk' });
    expect(items[0]!.lockedUntil).not.toBeNull();
    await county.users.update({ id: items[0]!.id, password: 'Reset2026' });
    expect(
      (await t.anonymous().auth.login({ username: 'clerk', password: 'Reset2026' })).user.username,
    ).toBe('clerk');
  });

  it('nobody changes their own role or disables themselves', async () => {
    const county = await t.as('county');
    const me = await county.auth.me();
    await expectError(county.users.update({ id: me.id, disabled: true }), 'BAD_REQUEST');
    await expectError(county.users.update({ id: me.id, role: 'inspector' }), 'BAD_REQUEST');
    expect((await county.users.update({ id: me.id, displayName: '王科长' })).displayName).toBe(
      '王科长',
    );
  });

  it('nobody sets their own password here without the current one', async () => {
    const county = await t.as('county');
    const me = await county.auth.me();
    const error = await expectError(
      county.users.update({ id: me.id, password: 'Taken2027x' }),
      'BAD_REQUEST',
    );
    expect(error.fieldErrors[0]?.path).toBe('password');
    // the old password still signs in
    const ok = await t.anonymous().auth.login({ username: 'county', password: DEMO_PASSWORD });
    expect(ok.user.username).toBe('county');
  });

  it('an update with nothing to change is refused', async () => {
    const county = await t.as('county');
    const me = await county.auth.me();
    await expectError(county.users.update({ id: me.id }), 'BAD_REQUEST', 'VALIDATION_FAILED');
  });

  describe('a unit officer and their county unit', () => {
    const unitOfficer = {
      username: 'gaj_officer',
      displayName: '公安局 干部',
      password: 'Unit2026x',
      role: 'unit_officer' as const,
      scopeCode: '330728000000',
    };

    it('is created with an active unit of a county inside the creator’s scope', async () => {
      const { county, units } = await countyUnitsWithOfficer(t);
      const created = await county.users.create({ ...unitOfficer, unitId: units[1]!.id });
      expect(created).toMatchObject({ unitId: units[1]!.id, unitName: '公安局' });
      const noUnit = await expectError(county.users.create(unitOfficer), 'BAD_REQUEST');
      expect(noUnit.fieldErrors[0]).toMatchObject({
        path: 'unitId',
        message: { zh: '请选择本县的县直单位' },
      });
      // an inactive unit, and a unit of another county, are refused
      await county.units.save({ ...units[2]!, active: false });
      const inactive = await expectError(
        county.users.create({ ...unitOfficer, username: 'unit_x1', unitId: units[2]!.id }),
        'BAD_REQUEST',
      );
      expect(inactive.fieldErrors[0]?.path).toBe('unitId');
      const [elsewhere] = await t.db
        .insert(countyUnits)
        .values({ countyCode: '330727000000', name: '外县司法局' })
        .returning();
      const otherCounty = await expectError(
        county.users.create({ ...unitOfficer, username: 'unit_x2', unitId: elsewhere!.id }),
        'BAD_REQUEST',
      );
      expect(otherCounty.fieldErrors[0]?.path).toBe('unitId');
      // that county is outside the creator's scope
      await expectError(
        county.users.create({
          ...unitOfficer,
          username: 'unit_x3',
          scopeCode: '330727000000',
          unitId: elsewhere!.id,
        }),
        'FORBIDDEN',
      );
      // other roles have no unit
      const inspector = await expectError(
        county.users.create({
          ...unitOfficer,
          username: 'unit_x4',
          role: 'inspector',
          unitId: units[0]!.id,
        }),
        'BAD_REQUEST',
      );
      expect(inspector.fieldErrors[0]?.path).toBe('unitId');
      // the list shows each user's unit
      const { items } = await county.users.list({ role: 'unit_officer' });
      expect(items.map((u) => [u.username, u.unitName])).toEqual([
        ['gaj_officer', '公安局'],
        ['sfj_officer', '司法局'],
      ]);
    });

    it('moves to another unit, loses the unit with the role, and needs one to get the role', async () => {
      const { county, units, officer } = await countyUnitsWithOfficer(t);
      const me = await officer.auth.me();
      const { campaign } = await createCampaign(t, {
        name: '2026年度县直单位依法行政考核',
        mode: 'annual',
        subjectLevel: 'county_unit',
      });
      await county.campaigns.advance({ id: campaign.id });
      // (signed in afresh each time: the session reads the user's unit)
      const unitOf = async () =>
        (
          await (await t.as('sfj_officer')).participations.list({ campaignId: campaign.id })
        ).items.map((p) => p.unitId);
      expect(await unitOf()).toEqual([units[0]!.id]);

      const moved = await county.users.update({ id: me.id, unitId: units[1]!.id });
      expect(moved).toMatchObject({ unitId: units[1]!.id, unitName: '公安局' });
      // the officer now sees the new unit only
      expect(await unitOf()).toEqual([units[1]!.id]);

      // a unit officer keeps a unit: it cannot be taken away while the role stays
      const none = await expectError(
        county.users.update({ id: me.id, unitId: null }),
        'BAD_REQUEST',
      );
      expect(none.fieldErrors[0]?.path).toBe('unitId');

      // another role drops the unit …
      const inspector = await county.users.update({ id: me.id, role: 'inspector' });
      expect(inspector).toMatchObject({ role: 'inspector', unitId: null, unitName: null });
      await expectError(county.users.update({ id: me.id, unitId: units[0]!.id }), 'BAD_REQUEST');
      // … and the role needs one again
      const back = await expectError(
        county.users.update({ id: me.id, role: 'unit_officer' }),
        'BAD_REQUEST',
      );
      expect(back.fieldErrors[0]?.path).toBe('unitId');
      expect(
        await county.users.update({ id: me.id, role: 'unit_officer', unitId: units[0]!.id }),
      ).toMatchObject({ role: 'unit_officer', unitName: '司法局' });
    });
  });

  describe('a user manages only users of a strictly lower role', () => {
    const peerOfficer = {
      username: 'township_peer',
      displayName: '白石镇司法所 副所长',
      password: 'Officer2026',
      role: 'township_officer' as const,
      scopeCode: '330728101000',
    };

    it('a township officer cannot rename, reset or disable a peer officer of the same township', async () => {
      const peer = await (await t.as('county')).users.create(peerOfficer);
      const township = await t.as('township');
      // the peer is in scope and listed, but not the officer's to manage
      expect((await township.users.list({})).items.map((u) => u.username)).toContain(
        'township_peer',
      );
      for (const change of [
        { displayName: '改名' },
        { password: 'Taken2026' },
        { disabled: true },
      ]) {
        await expectError(
          township.users.update({ id: peer.id, ...change }),
          'FORBIDDEN',
          'ROLE_NOT_BELOW_OWN',
        );
      }
      const after = await (await t.as('county')).users.list({ q: 'township_peer' });
      expect(after.items[0]).toMatchObject({
        displayName: peerOfficer.displayName,
        disabled: false,
      });
      expect(
        (await t.anonymous().auth.login({ username: 'township_peer', password: 'Officer2026' }))
          .user.username,
      ).toBe('township_peer');
    });

    it('a township officer still manages the clerks of the township', async () => {
      const township = await t.as('township');
      const { items } = await township.users.list({ role: 'village_clerk' });
      const updated = await township.users.update({ id: items[0]!.id, disabled: true });
      expect(updated.disabled).toBe(true);
    });

    it('a county admin cannot manage another county admin, but manages the roles below', async () => {
      const other = await (
        await t.as('admin')
      ).users.create({
        username: 'county_peer',
        displayName: '县司法局 副科长',
        password: 'County2026',
        role: 'county_admin',
        scopeCode: '330728000000',
      });
      const county = await t.as('county');
      for (const change of [
        { displayName: '改名' },
        { password: 'Taken2026' },
        { disabled: true },
      ]) {
        await expectError(
          county.users.update({ id: other.id, ...change }),
          'FORBIDDEN',
          'ROLE_NOT_BELOW_OWN',
        );
      }
      await expectError(
        county.users.create({
          ...peerOfficer,
          username: 'county_new',
          role: 'county_admin',
          scopeCode: '330728000000',
        }),
        'BAD_REQUEST',
        'ROLE_NOT_BELOW_OWN',
      );
      const byName = async (q: string) => (await county.users.list({ q })).items[0]!;
      for (const username of ['township', 'inspector', 'clerk']) {
        const user = await byName(username);
        expect((await county.users.update({ id: user.id, disabled: true })).disabled).toBe(true);
        await county.users.update({ id: user.id, password: 'Reset2026' });
      }
    });

    it('the system administrator manages another system administrator, never their own role or status', async () => {
      const admin = await t.as('admin');
      const second = await admin.users.create({
        username: 'admin2',
        displayName: '第二管理员',
        password: 'Admin2026',
        role: 'system_admin',
        scopeCode: '000000000000',
      });
      expect((await admin.users.update({ id: second.id, disabled: true })).disabled).toBe(true);
      const me = await admin.auth.me();
      await expectError(admin.users.update({ id: me.id, disabled: true }), 'BAD_REQUEST');
      await expectError(
        admin.users.update({ id: me.id, role: 'county_admin', scopeCode: '330728000000' }),
        'BAD_REQUEST',
      );
    });
  });
});
