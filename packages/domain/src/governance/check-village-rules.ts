import { organicLawCitation } from './articles.js';
import { uniqueCitations } from './_internal/citations.js';
import { parseDate } from './_internal/dates.js';
import { InputChecker, prefixFields, problem } from './_internal/problems.js';
import { checkResolution, type MeetingBody, type ResolutionInput } from './check-resolution.js';
import type { Citation, Problem } from './problem.js';
import type { CountySettings } from './rules.js';

/** 村民自治章程, 村规民约 (made by the villagers' meeting), 村民小组议事规则 (made by the group meeting). */
export type VillageRulesKind = 'self_governance_charter' | 'village_compact' | 'group_rules';

export interface VillageRulesInput {
  readonly kind: VillageRulesKind;
  /** The adopting meeting and its vote (its date selects the law version). */
  readonly adoption: ResolutionInput;
  /**
   * Day the rules were filed (备案) with the township government, if they were. Required by law
   * for a charter or compact only; for group rules only where the county asks
   * (`settings.groupRulesFilingRequired`, a warning).
   */
  readonly filedOn?: string;
  /** Day the rules were published to the villagers, if they were. */
  readonly publishedOn?: string;
}

export interface VillageRulesResult {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

/** The kinds of village rules, in the order forms and registers list them. */
export const villageRulesKinds = [
  'self_governance_charter',
  'village_compact',
  'group_rules',
] as const satisfies readonly VillageRulesKind[];
const kinds: readonly VillageRulesKind[] = villageRulesKinds;

const adoptingBody: Record<VillageRulesKind, MeetingBody> = {
  self_governance_charter: 'villagers_meeting',
  village_compact: 'villagers_meeting',
  group_rules: 'group_meeting',
};

/**
 * Checks the making of village rules (organic law 2018 Art. 27 / 2025 Art. 31; group meetings
 * Art. 28 / 32): a charter or compact is adopted by the villagers' meeting and group rules by the
 * group meeting; the adopting resolution must pass (`checkResolution`); the rules must be
 * published (村务公开, Art. 30 / 35). A charter or compact must be filed (备案) with the township
 * government (Art. 27 / 31, which covers only those two); group rules need no filing in law, and
 * only when the county asks for it (`settings.groupRulesFilingRequired`, off by default) is a
 * missing filing a warning. Filing or publishing before adoption is `INVALID_INPUT`.
 *
 * @example
 * checkVillageRules({
 *   kind: 'village_compact', filedOn: '2026-03-10', publishedOn: '2026-03-05',
 *   adoption: { body: 'villagers_meeting', date: '2026-03-01', eligible: 100,
 *     attendees: 60, votesFor: 50, votesAgainst: 5, abstentions: 5 },
 * });
 * // { ok: true, problems: [], citations: [ …Art. 26, Art. 31, Art. 35 (version 2025) ] }
 */
export function checkVillageRules(
  input: VillageRulesInput,
  settings: CountySettings = {},
): VillageRulesResult {
  const check = new InputChecker();
  check.oneOf('kind', input.kind, kinds);
  const filed = check.optionalDate('filedOn', input.filedOn);
  const published = check.optionalDate('publishedOn', input.publishedOn);
  const adoption = checkResolution(input.adoption, settings);
  check.problems.push(
    ...prefixFields(
      adoption.problems.filter((p) => p.code === 'INVALID_INPUT'),
      'adoption',
    ),
  );
  const adopted = parseDate(input.adoption.date);
  if (adopted !== undefined) {
    if (filed !== undefined && filed < adopted) {
      check.fail('filedOn', { zh: '不能早于通过日期', en: 'cannot be before the adoption' });
    }
    if (published !== undefined && published < adopted) {
      check.fail('publishedOn', { zh: '不能早于通过日期', en: 'cannot be before the adoption' });
    }
  }
  if (!check.ok) return { ok: false, problems: check.problems, citations: [] };

  const date = input.adoption.date;
  const rulesCitation = organicLawCitation('village_rules', date);
  const bodyCitation =
    input.kind === 'group_rules' ? organicLawCitation('group_meeting', date) : rulesCitation;
  const disclosureCitation = organicLawCitation('disclosure', date);
  const problems: Problem[] = [];
  const expected = adoptingBody[input.kind];

  if (input.adoption.body !== expected) {
    problems.push(
      problem(
        'WRONG_BODY',
        'error',
        expected === 'villagers_meeting'
          ? {
              zh: '村民自治章程和村规民约应由村民会议制定和修改',
              en: "A self-governance charter or village compact is made by the villagers' meeting",
            }
          : {
              zh: '村民小组议事规则应由村民小组会议制定',
              en: "Group rules are made by the villager group's meeting",
            },
        { citation: bodyCitation, field: 'adoption.body' },
      ),
    );
  } else if (!adoption.passed) {
    problems.push(...prefixFields(adoption.problems, 'adoption'));
  }
  const groupRules = input.kind === 'group_rules';
  if (input.filedOn === undefined && groupRules && settings.groupRulesFilingRequired) {
    problems.push(
      problem(
        'RULES_NOT_FILED',
        'warning',
        {
          zh: '本县要求村民小组议事规则报乡镇备案（法律未作要求）',
          en: 'The county asks for group rules to be filed with the township (the law does not)',
        },
        { field: 'filedOn' },
      ),
    );
  }
  if (input.filedOn === undefined && !groupRules) {
    problems.push(
      problem(
        'RULES_NOT_FILED',
        'error',
        {
          zh: '应报乡、民族乡、镇人民政府备案',
          en: 'The rules must be filed (备案) with the township government',
        },
        { citation: rulesCitation, field: 'filedOn' },
      ),
    );
  }
  if (input.publishedOn === undefined) {
    problems.push(
      problem(
        'RULES_NOT_PUBLISHED',
        'error',
        {
          zh: '村民会议决定的事项应当公布',
          en: 'The rules, as a matter decided by the meeting, must be published',
        },
        { citation: disclosureCitation, field: 'publishedOn' },
      ),
    );
  }
  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    citations: uniqueCitations([
      ...(input.adoption.body === expected ? adoption.citations : []),
      bodyCitation,
      groupRules ? undefined : rulesCitation,
      disclosureCitation,
    ]),
  };
}
