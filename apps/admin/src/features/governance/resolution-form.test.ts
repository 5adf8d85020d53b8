import { describe, expect, it } from 'vitest';
import { checkResolution } from '@fazhi/domain';
import {
  countySettings,
  mattersFor,
  needsRepresentativesVotes,
  resolutionInput,
  type ResolutionFormValues,
} from './resolution-form';

const filled: ResolutionFormValues = {
  body: 'villagers_meeting',
  matter: 'general',
  date: '2026-03-01',
  eligible: 100,
  households: 40,
  householdsRepresented: 27,
  representatives: 12,
  attendees: 51,
  votesFor: 26,
  votesAgainst: 20,
  abstentions: 5,
};

describe('resolutionInput', () => {
  it('is null until the date and every count of the vote are entered', () => {
    expect(resolutionInput({ ...filled, date: null })).toBeNull();
    expect(resolutionInput({ ...filled, eligible: null })).toBeNull();
    expect(resolutionInput({ ...filled, abstentions: undefined })).toBeNull();
    // zero is a count
    expect(resolutionInput({ ...filled, abstentions: 0 })).not.toBeNull();
  });

  it('keeps households for villagers’ and group meetings, representatives for a representatives meeting', () => {
    expect(resolutionInput(filled)).toMatchObject({ households: 40, householdsRepresented: 27 });
    expect(resolutionInput(filled)).not.toHaveProperty('representatives');
    const representatives = resolutionInput({ ...filled, body: 'representatives_meeting' })!;
    expect(representatives).toMatchObject({ representatives: 12 });
    expect(representatives).not.toHaveProperty('households');
    expect(resolutionInput({ ...filled, body: 'party_members_meeting' })).not.toHaveProperty(
      'households',
    );
  });

  it('gives the domain what it checks: 51 of 100 attend and 26 of 51 in favour passes', () => {
    const result = checkResolution(resolutionInput(filled)!);
    expect(result).toMatchObject({ quorumMet: true, passed: true });
    // 50 of 100 attendees is not more than half, but 27 of 40 households is at least two thirds
    const half = { ...filled, attendees: 50, abstentions: 4 };
    expect(checkResolution(resolutionInput(half)!).quorumMet).toBe(true);
    // with 26 of 40 households neither quorum is met
    const short = resolutionInput({ ...half, householdsRepresented: 26 })!;
    expect(checkResolution(short).quorumMet).toBe(false);
    // and a meeting without household counts is held to the head count alone
    const noHouseholds = resolutionInput({ ...half, households: null })!;
    expect(checkResolution(noHouseholds).quorumMet).toBe(false);
  });
});

describe('the Party members’ meeting (支部工作条例 Art. 11)', () => {
  const party: ResolutionFormValues = {
    body: 'party_members_meeting',
    matter: 'general',
    date: '2026-03-01',
    eligible: 20,
    attendees: 12,
    votesFor: 11,
    votesAgainst: 1,
    abstentions: 0,
  };
  const check = (values: ResolutionFormValues) =>
    checkResolution(resolutionInput(values)!, countySettings(values));

  it('12 of 20 present with 11 for passes; 15 present with 10 for does not', () => {
    expect(check(party)).toMatchObject({ quorumMet: true, passed: true });
    expect(check({ ...party, attendees: 15, votesFor: 10, votesAgainst: 5 })).toMatchObject({
      quorumMet: true,
      passed: false,
    });
  });

  it('the county’s two-thirds quorum applies only when ticked, and only to this meeting', () => {
    expect(countySettings(party)).toEqual({});
    expect(check({ ...party, partyTwoThirdsQuorum: true }).quorumMet).toBe(false);
    expect(
      countySettings({ ...party, body: 'villagers_meeting', partyTwoThirdsQuorum: true }),
    ).toEqual({});
  });
});

describe('land contracting at a representatives meeting', () => {
  const land: ResolutionFormValues = {
    body: 'representatives_meeting',
    matter: 'land_contract_plan',
    date: '2026-03-01',
    eligible: 30,
    representatives: 24,
    representativesVotesFor: 15,
    attendees: 30,
    votesFor: 21,
    votesAgainst: 9,
    abstentions: 0,
  };

  it('asks for the representatives’ own votes only for a land matter there', () => {
    expect(needsRepresentativesVotes('representatives_meeting', 'land_contract_plan')).toBe(true);
    expect(needsRepresentativesVotes('representatives_meeting', 'general')).toBe(false);
    expect(needsRepresentativesVotes('villagers_meeting', 'land_contract_plan')).toBe(false);
    expect(resolutionInput({ ...land, matter: 'general' })).not.toHaveProperty(
      'representativesVotesFor',
    );
  });

  it('15 of 24 representatives is short of two thirds even with 21 votes for; 16 passes', () => {
    expect(checkResolution(resolutionInput(land)!).passed).toBe(false);
    expect(checkResolution(resolutionInput({ ...land, representativesVotesFor: 16 })!).passed).toBe(
      true,
    );
  });

  it('is incomplete until both the representatives and their votes for are entered', () => {
    expect(resolutionInput({ ...land, representativesVotesFor: null })).toBeNull();
    expect(resolutionInput({ ...land, representatives: undefined })).toBeNull();
    expect(
      resolutionInput({ ...land, matter: 'general', representativesVotesFor: null }),
    ).not.toBeNull();
  });
});

describe('mattersFor', () => {
  it('offers only the matters each meeting decides', () => {
    expect(mattersFor('party_members_meeting')).toEqual(['general']);
    expect(mattersFor('collective_members_meeting')).toEqual([
      'general',
      'collective_asset_disposal',
    ]);
    expect(mattersFor('villagers_meeting')).toContain('land_contract_adjustment');
  });
});
