import { describe, expect, it } from 'vitest';
import { checkResolution } from '@fazhi/domain';
import { mattersFor, resolutionInput, type ResolutionFormValues } from './resolution-form';

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
