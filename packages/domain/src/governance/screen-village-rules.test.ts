import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCitation } from './describe-citation.js';
import { screenVillageRules, villageRulesPatternCodes } from './screen-village-rules.js';
import type { VillageRulesPatternCode } from './screen-village-rules.js';

/** Clauses found in village rules that conflict with the law, with the pattern each must raise. */
const unlawful: readonly (readonly [VillageRulesPatternCode, string])[] = [
  ['WOMEN_RIGHTS_DEPRIVED', '外嫁女户口未迁出的，不再享受集体收益分配。'],
  ['WOMEN_RIGHTS_DEPRIVED', '出嫁女及其子女不得享有宅基地分配资格。'],
  ['WOMEN_RIGHTS_DEPRIVED', '妇女离婚后户口留在本村的，收回其承包地。'],
  ['WOMEN_RIGHTS_DEPRIVED', '丧偶妇女再婚的，取消其土地征收补偿款分配。'],
  ['WOMEN_RIGHTS_DEPRIVED', '入赘男子及其子女只享受一半的村民待遇。'],
  ['WOMEN_RIGHTS_DEPRIVED', '农嫁非妇女不参与集体分红。'],
  ['WOMEN_RIGHTS_DEPRIVED', '纯女户只能留一个女儿享受集体福利，其余出嫁的应当迁出户口。'],
  ['WOMEN_RIGHTS_DEPRIVED', '外嫁女不享有与其他村民同等的分配权利。'],
  ['FINE_IMPOSED', '乱砍滥伐的，每棵罚款200元。'],
  ['FINE_IMPOSED', '违者罚放电影一场。'],
  ['FINE_IMPOSED', '在公路上打场晒粮的，处以50元罚款。'],
  ['FINE_IMPOSED', '不参加义务劳动者，罚100元。'],
  ['PROPERTY_CONFISCATED', '发现赌博的，没收赌资赌具。'],
  ['PROPERTY_CONFISCATED', '牲畜损坏庄稼的，由村委会扣押牲畜。'],
  ['DIVIDEND_WITHHELD_AS_PUNISHMENT', '不配合村里工作的，扣发当年分红。'],
  ['DIVIDEND_WITHHELD_AS_PUNISHMENT', '违反本村规民约的，取消其享受集体福利的资格。'],
  ['PERSONAL_FREEDOM_RESTRICTED', '偷盗者由治保会关押三天。'],
  ['PERSONAL_FREEDOM_RESTRICTED', '对屡教不改者游街示众。'],
  ['PERSONAL_FREEDOM_RESTRICTED', '欠缴费用的，不准外出务工。'],
  ['MARRIAGE_FREEDOM_RESTRICTED', '本村女子不得与外村男子结婚。'],
  ['MARRIAGE_FREEDOM_RESTRICTED', '村民再婚须经村委会同意。'],
  ['MARRIAGE_FREEDOM_RESTRICTED', '彩礼不得低于五万元。'],
  ['MARRIAGE_FREEDOM_RESTRICTED', '男方必须给付女方彩礼。'],
  ['RELIGIOUS_FREEDOM_RESTRICTED', '本村村民不得信仰宗教。'],
  ['RELIGIOUS_FREEDOM_RESTRICTED', '信教群众不享受集体福利。'],
  ['MIGRATION_RESTRICTED', '村民外出务工须经村委会批准。'],
  ['LAND_TAKEN_ON_MOVING', '全家进城落户的，收回其承包地。'],
  ['FAMILY_PUNISHED', '一人违约，全家不享受集体福利。'],
  ['FAMILY_PUNISHED', '违反计划的，其家属一并处罚。'],
  ['PETITION_RESTRICTED', '村民不得上访。'],
  ['PETITION_RESTRICTED', '上访的，取消其低保资格。'],
];

/** Ordinary lawful clauses that must never be flagged. */
const lawful: readonly string[] = [
  '爱护公共财物，损坏照价赔偿。',
  '损坏公共设施的，照价赔偿并恢复原状。',
  '提倡婚事新办，反对高价彩礼。',
  '彩礼不得超过三万元，倡导零彩礼。',
  '外嫁女户口仍在本村的，依法享有与其他村民同等的权益。',
  '妇女在土地承包、集体收益分配、宅基地使用等方面享有与男子平等的权利。',
  '不得以妇女未婚、结婚、离婚、丧偶等为由，侵害妇女在集体经济组织中的各项权益。',
  '因结婚男方到女方落户的，男方和子女享有与本村村民平等的权益。',
  '出嫁女在新居住地未取得承包地的，其原承包地不得收回。',
  '丧偶妇女有权改嫁，任何人不得干涉。',
  '婚姻自由，男女平等，反对包办、买卖婚姻。',
  '禁止近亲结婚，不得借婚姻索取财物。',
  '禁止早婚早育，未达到法定婚龄的不得结婚。',
  '尊重村民宗教信仰自由，不得歧视信教群众。',
  '抵制邪教，不参加非法宗教活动。',
  '村民有权对村务提出批评和建议，任何人不得打击报复。',
  '依法逐级反映诉求，不得无理缠访、闹访。',
  '对违反本村规民约的，由村民委员会批评教育，情节严重的报请有关部门依法处理。',
  '违反治安管理的，由公安机关依法处罚。',
  '禁止赌博，发现赌博的报公安机关依法处理。',
  '禁止非法拘禁他人，不得限制他人人身自由。',
  '外出务工人员应向村委会登记联系方式，便于联系。',
  '村民外出时应关好门窗，注意防火防盗。',
  '家庭成员应当互相关爱，子女应当赡养父母。',
  '看管好自家牲畜，不得放养损害他人庄稼，造成损失的依法赔偿。',
  '集体收益按照量化到成员的份额进行分配。',
  '不搞连坐，不得株连家属。',
  '进城落户农户的土地承包经营权受法律保护，不得以退出承包地作为进城落户的条件。',
  '村务监督委员会对村务公开进行监督。',
  '村民小组会议每季度至少召开一次。',
  '红白喜事从简，不大操大办。',
  '违者依法处理。',
  '对不履行赡养义务的子女，由村委会进行批评教育。',
  '严禁私自砍伐林木，违者由林业部门依法处罚。',
  '外嫁女的承包地，在承包期内任何人不得收回。',
  '离婚妇女依法享有集体经济组织成员的各项权益。',
  '对举报违法行为的村民予以奖励。',
  '村民有权向上级部门反映问题，依法有序信访。',
  '党员不得参加邪教组织。',
  '宅基地申请须经村民小组会议讨论通过。',
  '出嫁女可以自愿选择保留或迁出户口。',
  '离婚后子女由双方协商抚养。',
];

describe('screenVillageRules: unlawful patterns', () => {
  it.each(unlawful.map(([code, text]) => [code, text] as const))('%s: %s', (code, text) => {
    const findings = screenVillageRules(text);
    expect(findings.map((f) => f.pattern)).toContain(code);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expect(f.reason.zh).not.toBe('');
      expect(f.reason.en).not.toBe('');
      expect(f.clause).toEqual({ index: 0, text, start: 0, end: text.length });
    }
  });

  it('has an example of every pattern', () => {
    expect(new Set(unlawful.map(([code]) => code))).toEqual(new Set(villageRulesPatternCodes));
  });

  it('cites the women’s rights law and the land law for a married-out woman’s land', () => {
    const [finding] = screenVillageRules('外嫁女户口迁出的，收回其承包地。');
    expect(finding!.citation).toEqual({
      law: 'womens_rights_law',
      version: '2022',
      article: 56,
      paragraph: 1,
    });
    expect(finding!.citations.map((c) => describeCitation(c).zh)).toEqual([
      '《妇女权益保障法》（2022年版）第56条第1款',
      '《妇女权益保障法》（2022年版）第55条第1款',
      '《农村土地承包法》（2018年版）第31条',
      '《村民委员会组织法》（2018年版）第27条',
      '《村民委员会组织法》（2025年版）第31条',
    ]);
  });

  it('cites Art. 56 para. 2 for husbands who married into the village', () => {
    const [finding] = screenVillageRules('上门女婿不得参与集体收益分配。');
    expect(finding!.citation).toMatchObject({ article: 56, paragraph: 2 });
  });

  it('cites only the organic-law version in force on the adoption date', () => {
    const text = '乱砍滥伐的，每棵罚款200元。';
    const before = screenVillageRules(text, { date: '2025-12-31' })[0]!;
    const after = screenVillageRules(text, { date: '2026-01-01' })[0]!;
    expect(before.citations.at(-1)).toEqual({
      law: 'village_committees_organic_law',
      version: '2018',
      article: 27,
    });
    expect(after.citations.at(-1)).toEqual({
      law: 'village_committees_organic_law',
      version: '2025',
      article: 31,
    });
    expect(after.citations.filter((c) => c.law === 'village_committees_organic_law')).toHaveLength(
      1,
    );
    // A malformed date cites both versions rather than failing.
    expect(
      screenVillageRules(text, { date: '2026-02-30' })[0]!.citations.filter(
        (c) => c.law === 'village_committees_organic_law',
      ),
    ).toHaveLength(2);
  });

  it('marks the unverified administrative-penalty article', () => {
    const [finding] = screenVillageRules('违者罚款100元。');
    expect(finding!.citation).toEqual({
      law: 'administrative_penalty_law',
      version: '2021',
      article: 17,
      unverified: true,
    });
  });

  it('finds the clause in a longer text with its index and offsets', () => {
    const text =
      '第一条 爱护公共财物，损坏照价赔偿。\n第二条 违者罚款100元；\n\n  第三条 村民不得上访。';
    const findings = screenVillageRules(text);
    expect(findings.map((f) => [f.pattern, f.clause.index, f.clause.text])).toEqual([
      ['FINE_IMPOSED', 1, '第二条 违者罚款100元；'],
      ['PETITION_RESTRICTED', 2, '第三条 村民不得上访。'],
    ]);
    for (const f of findings) {
      expect(text.slice(f.clause.start, f.clause.end)).toBe(f.clause.text);
    }
  });

  it('gives nothing for an empty text or a text of punctuation only', () => {
    expect(screenVillageRules('')).toEqual([]);
    expect(screenVillageRules('。。；\n\n！')).toEqual([]);
    expect(screenVillageRules(undefined as unknown as string)).toEqual([]);
  });
});

describe('screenVillageRules: lawful clauses', () => {
  it.each(lawful)('does not flag %s', (text) => {
    expect(screenVillageRules(text)).toEqual([]);
  });

  it('does not flag the lawful clauses read as one text', () => {
    expect(screenVillageRules(lawful.join('\n'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const swaps: Readonly<Record<string, readonly string[]>> = {
  '，': [',', '， '],
  '；': [';'],
  '：': [':'],
  '（': ['('],
  '）': [')'],
  '！': ['!'],
  '？': ['?'],
};

/** A text with spaces, tabs or ideographic spaces inserted and punctuation of either width. */
function arbVariant(text: string): fc.Arbitrary<string> {
  const chars = [...text];
  return fc
    .tuple(
      fc.array(fc.constantFrom('', '', '', ' ', '\t', '\u3000', '  '), {
        minLength: chars.length + 1,
        maxLength: chars.length + 1,
      }),
      fc.array(fc.nat({ max: 3 }), { minLength: chars.length, maxLength: chars.length }),
      fc.constantFrom('', '。', '；', '!'),
    )
    .map(([spaces, picks, ending]) => {
      let out = spaces[0]!;
      chars.forEach((ch, i) => {
        const options = swaps[ch];
        const shown = options && picks[i]! > 0 ? options[(picks[i]! - 1) % options.length]! : ch;
        out += shown + spaces[i + 1]!;
      });
      return out.replace(/。\s*$/u, '') + ending;
    });
}

describe('screenVillageRules properties', () => {
  /** Findings of `text` whose clause does not lie where it says, or is not a warning. */
  function misplaced(text: string): number {
    let previous = -1;
    let bad = 0;
    // Plain checks: an expect per finding would dominate the run time.
    for (const f of screenVillageRules(text)) {
      const ok =
        f.clause.start >= 0 &&
        f.clause.end <= text.length &&
        f.clause.start < f.clause.end &&
        text.slice(f.clause.start, f.clause.end) === f.clause.text &&
        f.clause.index >= previous &&
        f.severity === 'warning' &&
        f.citations[0] === f.citation;
      previous = f.clause.index;
      if (!ok) bad += 1;
    }
    return bad;
  }

  it.each<[string, fc.Arbitrary<string>]>([
    ['any code units, lone surrogates included', fc.string({ unit: 'binary', maxLength: 80 })],
    [
      'the words the patterns look for, shuffled',
      fc.string({
        unit: fc.constantFrom(...'外嫁女不得罚款上访，。；\n 的收回土地分红没收全家结婚信教'),
        maxLength: 80,
      }),
    ],
    [
      'clauses of both tables run together',
      fc
        .array(
          fc.constantFrom(
            ...unlawful.map(([, t]) => t),
            ...lawful,
            '。',
            '\n',
            ' ',
            '外嫁女',
            '罚款',
          ),
          { maxLength: 12 },
        )
        .map((xs) => xs.join('')),
    ],
  ])('never throws, and every finding’s clause lies where it says (%s)', (_, texts) => {
    fc.assert(
      fc.property(texts, (text) => misplaced(text) === 0),
      { numRuns: 200 },
    );
  });

  it('keeps lawful clauses unflagged whatever the spacing and punctuation width', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lawful).chain(arbVariant), (variant) => {
        expect(screenVillageRules(variant)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps unlawful clauses flagged whatever the spacing and punctuation width', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...unlawful)
          .chain(([code, text]) => arbVariant(text).map((v) => [code, v] as const)),
        ([code, variant]) => {
          expect(screenVillageRules(variant).map((f) => f.pattern)).toContain(code);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds in a mixed text exactly the unlawful clauses, at their index', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...lawful).map((t) => ({ text: t, bad: false })),
            fc.constantFrom(...unlawful).map(([, t]) => ({ text: t, bad: true })),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom('\n', '', '\r\n'),
        (clauses, separator) => {
          const text = clauses.map((c) => c.text).join(separator);
          const flagged = new Set(screenVillageRules(text).map((f) => f.clause.index));
          const expected = new Set(clauses.flatMap((c, i) => (c.bad ? [i] : [])));
          expect(flagged).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
