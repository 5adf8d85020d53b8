import type { LocalizedText } from '../localized-text.js';
import { isIsoDate } from './_internal/dates.js';
import { organicLawArticles } from './articles.js';
import { organicLawVersion } from './organic-law-version.js';
import type { Citation } from './problem.js';

/** The unlawful patterns `screenVillageRules` looks for. */
export type VillageRulesPatternCode =
  | 'WOMEN_RIGHTS_DEPRIVED'
  | 'FINE_IMPOSED'
  | 'PROPERTY_CONFISCATED'
  | 'DIVIDEND_WITHHELD_AS_PUNISHMENT'
  | 'PERSONAL_FREEDOM_RESTRICTED'
  | 'MARRIAGE_FREEDOM_RESTRICTED'
  | 'RELIGIOUS_FREEDOM_RESTRICTED'
  | 'MIGRATION_RESTRICTED'
  | 'LAND_TAKEN_ON_MOVING'
  | 'FAMILY_PUNISHED'
  | 'PETITION_RESTRICTED';

/** A clause of the screened text: a sentence (up to 。！？；; or a line break). */
export interface ScreenedClause {
  /** The clause's position among the clauses of the text, from 0. */
  readonly index: number;
  /** The clause as written, without surrounding whitespace: `text.slice(start, end)`. */
  readonly text: string;
  /** Offsets in the screened text (UTF-16 code units, as `String.prototype.slice` counts). */
  readonly start: number;
  readonly end: number;
}

/**
 * One clause matching a known unlawful pattern. Always a `warning` for the township's reviewer:
 * a screen of words cannot judge a clause, so a finding is a question to look at, never a verdict.
 */
export interface VillageRulesFinding {
  readonly clause: ScreenedClause;
  readonly pattern: VillageRulesPatternCode;
  readonly severity: 'warning';
  readonly reason: LocalizedText;
  /** The law the clause appears to conflict with. */
  readonly citation: Citation;
  /**
   * Every rule cited: `citation` and its companions, then the organic law's rule that village
   * rules may not conflict with the law or infringe villagers' rights (2018 Art. 27 / 2025
   * Art. 31; both unless `date` was given).
   */
  readonly citations: readonly Citation[];
}

/** Options of `screenVillageRules`. */
export interface ScreenOptions {
  /**
   * The date the rules were adopted, `YYYY-MM-DD`: the organic law is then cited in the version in
   * force that day only. Without it (or with a malformed date) both versions are cited.
   */
  readonly date?: string;
}

// ---------------------------------------------------------------------------------------------
// Normalisation: the patterns read a clause without whitespace and with one width of punctuation,
// so spacing and half- or full-width punctuation never change a finding.

const widths: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
  '“': '"',
  '”': '"',
  '「': '"',
  '」': '"',
};

function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    out += widths[ch] ?? ch;
  }
  return out;
}

/** Splits a normalised clause into its comma-separated parts. */
function parts(n: string): string[] {
  return n.split(/[，、：]/u).filter((p) => p !== '');
}

/** The clauses of a text: runs ending at 。！？；; or a line break, trimmed, never empty. */
function clausesOf(text: string): ScreenedClause[] {
  const clauses: ScreenedClause[] = [];
  const pattern = /[^。！？；;!?\n\r]+[。！？；;!?]*/gu;
  for (const m of text.matchAll(pattern)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '' || /^[\p{P}\p{S}]*$/u.test(trimmed)) continue;
    const start = m.index + lead;
    clauses.push({ index: clauses.length, text: trimmed, start, end: start + trimmed.length });
  }
  return clauses;
}

// ---------------------------------------------------------------------------------------------
// Citations (laws read in full, see the package README; 行政处罚法 Art. 17 is not yet checked
// against the official text and says so).

const cite = (
  law: Citation['law'],
  version: string,
  article: number,
  paragraph?: number,
  unverified?: true,
): Citation => ({
  law,
  version,
  article,
  ...(paragraph !== undefined ? { paragraph } : {}),
  ...(unverified ? { unverified } : {}),
});

const womensRights = (article: number, paragraph?: number) =>
  cite('womens_rights_law', '2022', article, paragraph);
const constitution = (article: number) => cite('constitution', '2018', article);
const landLaw = (article: number, paragraph?: number) =>
  cite('rural_land_contracting_law', '2018', article, paragraph);
const civilCode = (article: number) => cite('civil_code', '2020', article);
const penaltyLaw = cite('administrative_penalty_law', '2021', 17, undefined, true);

function organicLaw(date: string | undefined): Citation[] {
  const versions =
    date !== undefined && isIsoDate(date) ? [organicLawVersion(date)] : (['2018', '2025'] as const);
  return versions.map((version) =>
    cite('village_committees_organic_law', version, organicLawArticles.village_rules[version]),
  );
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each reads the normalised clause `n`; `flagged` holds the codes found so far in it.

interface Pattern {
  readonly code: VillageRulesPatternCode;
  readonly matches: (n: string, flagged: ReadonlySet<VillageRulesPatternCode>) => boolean;
  readonly reason: LocalizedText;
  /** The law it conflicts with first; the clause decides some citations. */
  readonly citations: (n: string) => Citation[];
}

/** A prohibition of the listed acts: the clause forbids them rather than imposing them. */
const forbids = (acts: string, gap = 6) =>
  new RegExp(`(不得|禁止|严禁|不准|不许|不允许|不能|不搞|反对)[^。；]{0,${gap}}(${acts})`, 'u');

/** Someone with the power to sanction: the clause refers the matter to them. */
const authority =
  /(由|报|报请|移交|移送|提请|交由|交|依法由)[^。；]{0,12}(公安|派出所|人民政府|政府|执法|有关部门|主管部门|行政机关|司法机关|人民法院|法院)/u;

const womenSubject =
  /外嫁|出嫁|嫁出|嫁到|嫁给|嫁往|农嫁非|(离婚|离异|丧偶)[^。；]{0,6}(妇女|女性|女子|女方)|寡妇|妇女[^。；]{0,4}(结婚|出嫁|离婚|丧偶)|入赘|招赘|上门女婿|倒插门|户无男性|纯女户|女儿户/u;
const womenDenial =
  /不享有|不享受|不再享有|不再享受|无权|不得享有|不得享受|不得参与|不得参加|不得分配|不能享受|不能享有|不能参与|不予|取消|收回|停止|停发|剥夺|不分配|不参与|不参加|不再分配|不分|不发|扣除|减半|只享受|只能享受|享受[^。；]{0,4}(一半|半份|减半|\d+%)|按[^。；]{0,8}(比例|一半|半数)|不计入|不列入|不纳入|注销|一律迁出|必须迁出|应当迁出|须迁出|应迁出|不再是|视为[^。；]{0,4}(非|外)/u;
const womenObject =
  /土地|承包|责任田|口粮田|耕地|山林|宅基地|收益|分红|分配|股份|股权|红利|福利|待遇|补偿|安置|征地|资格|成员|身份|户口|户籍|权益|权利/u;
const womenProtected =
  /(不得|禁止|严禁|不准|不允许|不能|任何[^。；]{0,4}不得)(以|因|借|对|将|随意|擅自|非法)?[^。；]{0,16}(剥夺|侵害|侵犯|取消|收回|歧视|限制|损害|减少|降低|调整)/u;
const equality = /同等|平等|一视同仁|相同/u;
const equalityDenied = /(不|无|不得|不能|不再)(享有|享受)[^。；]{0,8}(同等|平等|相同)/u;

const fine =
  /罚款|罚金|罚没|经济处罚|处以[^。；]{0,8}罚|罚[\d一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]|罚(放|扫|站|跪|做|劳|义务|钱)|(违者|违反者)[^。；，]{0,6}(?<!处)罚/u;
const confiscation = /没收|扣押|查封|收缴|扣留|强行收走|强行拉走/u;

const dividendAction =
  /(扣发|停发|扣除|取消|暂停|不予发放|不发放|扣减|减发|不予分配|不享受|不得享受|不予享受|不再享受|扣)[^。；，]{0,8}(分红|集体收益|收益分配|福利|股金|红利|补贴|补助|村民待遇|待遇|慰问)/u;
const sanctionCondition =
  /违反|违者|不遵守|不配合|拒不|拒绝|未按|不按|不履行|不参加|不服从|处罚|惩戒|惩罚|欠缴|抗拒|阻挠|超生|违章|私自/u;

const personalFreedom =
  /关押|关禁闭|禁闭|关起来|拘禁|看管起来|限制[^。；，]{0,6}(人身自由|自由|出行|外出|行动)|游街|示众|游乡|捆绑|罚跪|戴高帽|挂牌|不准[^。；，]{0,4}(外出|离村|出村|回家)|不得[^。；，]{0,4}(离村|出村)|强制[^。；，]{0,6}(劳动|学习班)|办学习班/u;

const marriage =
  /(不得|不准|不许|禁止|严禁)[^。；，]{0,10}(结婚|通婚|婚配|恋爱|再婚|改嫁|离婚)|(结婚|离婚|再婚|改嫁)[^。；，]{0,8}(须|必须|需|需要|应当|应)[^。；，]{0,6}(经|报|征得)[^。；，]{0,8}(同意|批准|审批|许可)|同姓不婚|同姓不得|彩礼[^。；，]{0,8}(不得低于|不少于|不能低于|不低于|至少)|(必须|须|应当|应)[^。；，]{0,6}(给付|支付|交纳|缴纳|送)[^。；，]{0,6}彩礼/u;
const marriageLawful =
  /近亲|血亲|法定婚龄|未到法定|未达法定|重婚|有配偶|干涉|包办|买卖婚姻|借婚姻/u;

const religion =
  /(不得|不准|不许|禁止|严禁)[^。；，]{0,6}(信仰|信)[^。；，]{0,4}(宗教|教|佛|基督|天主|伊斯兰|道)|(必须|须|应当)[^。；，]{0,4}信(仰)?[^。；，]{0,4}(宗教|教|佛|基督|天主|伊斯兰|道)|强制[^。；，]{0,6}信|(信教|信仰宗教|信徒|信佛|信基督|信天主|宗教信仰)[^。；，]{0,4}(的|者|户|群众|村民)?[^。；]{0,12}(不得享受|不能享受|不享受|不予|取消|停发|扣发)/u;
const religionLawful =
  /邪教|非法宗教|封建迷信|迷信活动|利用宗教|非法传教|私设|境外|(不得|禁止|严禁)[^。；，]{0,2}(歧视|强制|强迫|干涉)/u;

const migration =
  /(外出|出村|离村|进城|迁出|迁居|搬迁|务工|经商|出行)[^。；，]{0,8}(须|必须|需|需要|应当|应)[^。；，]{0,6}(经|报|征得)[^。；，]{0,8}(批准|同意|审批|许可)/u;
const landOnMoving =
  /(进城落户|农转非|户口迁[^。；，]{0,3}(城|镇|县|市)|在城镇落户|城镇户口|迁出本村|户口迁出)[^。；]{0,14}(收回|取消|不再享有|不享有|不享受|注销|交回|不再分配)[^。；]{0,6}(承包地|土地|宅基地|分红|集体收益|待遇|资格|责任田|口粮田)/u;

const familyPunished =
  /连坐|株连|(家属|家人|亲属|子女|父母|全家|全户|家庭成员|户内成员)[^。；，]{0,4}(一并|一同|同样|连带|也要|也将|均)[^。；，]{0,6}(处罚|受罚|罚|取消|不予|停发|扣发|不享受|追究|不得享受)|(全家|全户)[^。；，]{0,6}(不享受|不得享受|取消|停发|扣发|受罚)/u;

const petition =
  /(不得|不准|不许|禁止|严禁)[^。；，]{0,4}(上访|信访|告状|举报|投诉|控告|申诉|检举|反映问题)|(上访|信访|告状|举报|投诉)[^。；，]{0,4}(的|者)[^。；]{0,10}(取消|不予|扣发|停发|处罚|罚|不享受|追究)/u;
const petitionLawful =
  /越级|无理|缠访|闹访|非法|过激|聚众|冲击|堵塞|诬告|捏造|歪曲|恶意|集体上访|(不得|禁止|严禁)[^。；，]{0,2}(阻挠|阻止|压制|打击报复|报复|干涉|妨碍)/u;

const anyPart = (n: string, test: (part: string) => boolean) => parts(n).some(test);

const patterns: readonly Pattern[] = [
  {
    code: 'WOMEN_RIGHTS_DEPRIVED',
    matches: (n) =>
      womenSubject.test(n) &&
      womenDenial.test(n) &&
      womenObject.test(n) &&
      !womenProtected.test(n) &&
      !(equality.test(n) && !equalityDenied.test(n)),
    reason: {
      zh: '疑似以妇女结婚、离婚、丧偶或入赘等为由，剥夺或减少其（及其子女、入赘男方）在土地承包、集体收益分配、宅基地使用等方面的权益',
      en: 'Appears to take or reduce, because a woman married, divorced or was widowed (or a husband married into the village), her (their children’s, the husband’s) rights to contracted land, collective income or homestead land',
    },
    citations: (n) => [
      womensRights(56, /入赘|招赘|上门女婿|倒插门/u.test(n) ? 2 : 1),
      womensRights(55, 1),
      ...(/土地|承包|责任田|口粮田|耕地/u.test(n) ? [landLaw(31)] : []),
    ],
  },
  {
    code: 'FINE_IMPOSED',
    matches: (n) =>
      anyPart(n, (p) => fine.test(p) && !forbids('罚款|罚|处罚').test(p) && !authority.test(p)),
    reason: {
      zh: '疑似由村里对村民处以罚款（含“罚放电影”等变相罚款）：罚款是行政处罚，只能由有处罚权的行政机关依法实施，村规民约不能设定',
      en: 'Appears to let the village fine villagers (including disguised fines): a fine is an administrative penalty only an authorised administrative body may impose; village rules cannot create one',
    },
    citations: () => [penaltyLaw, constitution(13)],
  },
  {
    code: 'PROPERTY_CONFISCATED',
    matches: (n) =>
      anyPart(
        n,
        (p) =>
          confiscation.test(p) &&
          !forbids('没收|扣押|查封|收缴|扣留').test(p) &&
          !authority.test(p),
      ),
    reason: {
      zh: '疑似由村里没收、扣押村民财物：公民合法的私有财产不受侵犯，没收、扣押只能由有权机关依法实施',
      en: 'Appears to let the village confiscate or seize villagers’ property: lawful private property is inviolable, and only an authorised body may confiscate or seize it',
    },
    citations: () => [constitution(13), penaltyLaw],
  },
  {
    code: 'DIVIDEND_WITHHELD_AS_PUNISHMENT',
    matches: (n, flagged) =>
      !flagged.has('WOMEN_RIGHTS_DEPRIVED') &&
      sanctionCondition.test(n) &&
      anyPart(n, (p) => dividendAction.test(p) && !forbids('扣发|停发|扣除|取消|扣减', 12).test(p)),
    reason: {
      zh: '疑似以扣发、停发集体收益分红或福利作为处罚：成员按其收益权份额参与分配，村规民约不能以此设定处罚',
      en: 'Appears to withhold collective dividends or benefits as a punishment: members share in the income by their quantified shares, and village rules cannot make that a penalty',
    },
    citations: () => [cite('rural_collective_economic_organizations_law', '2024', 42)],
  },
  {
    code: 'PERSONAL_FREEDOM_RESTRICTED',
    matches: (n) =>
      anyPart(
        n,
        (p) =>
          personalFreedom.test(p) &&
          !forbids('关押|拘禁|限制|游街|示众|捆绑|侮辱|体罚', 4).test(p) &&
          !/(禁止|严禁|不得)非法/u.test(p),
      ),
    reason: {
      zh: '疑似限制村民人身自由或侮辱人格（关押、限制外出、游街示众等）：公民人身自由不受侵犯',
      en: 'Appears to restrict villagers’ personal freedom or dignity (detention, bans on leaving, public parading): personal freedom is inviolable',
    },
    citations: () => [constitution(37)],
  },
  {
    code: 'MARRIAGE_FREEDOM_RESTRICTED',
    matches: (n) => anyPart(n, (p) => marriage.test(p) && !marriageLawful.test(p)),
    reason: {
      zh: '疑似干涉婚姻自由（限制与特定人结婚、婚姻须经批准、强制给付彩礼等）：实行婚姻自由，禁止借婚姻索取财物',
      en: 'Appears to interfere with the freedom of marriage (barring marriage with certain people, requiring approval, requiring a bride price): marriage is free, and demanding property through marriage is forbidden',
    },
    citations: () => [civilCode(1041), civilCode(1042), womensRights(61)],
  },
  {
    code: 'RELIGIOUS_FREEDOM_RESTRICTED',
    matches: (n) => anyPart(n, (p) => religion.test(p) && !religionLawful.test(p)),
    reason: {
      zh: '疑似强制村民信仰或不信仰宗教，或因信教而减损其权益：公民有宗教信仰自由',
      en: 'Appears to compel villagers to believe or not to believe, or to reduce believers’ rights: citizens have freedom of religious belief',
    },
    citations: () => [constitution(36)],
  },
  {
    code: 'LAND_TAKEN_ON_MOVING',
    matches: (n, flagged) =>
      !flagged.has('WOMEN_RIGHTS_DEPRIVED') &&
      landOnMoving.test(n) &&
      !forbids('收回|取消|作为', 12).test(n),
    reason: {
      zh: '疑似以进城落户或户口迁出为由收回承包地或取消集体权益：国家保护进城农户的土地承包经营权，不得以退出承包经营权作为进城落户的条件',
      en: 'Appears to take back contracted land or collective rights when a household moves to a town: the law protects their contract rights and forbids making their surrender a condition of settling in town',
    },
    citations: () => [landLaw(27, 2)],
  },
  {
    code: 'MIGRATION_RESTRICTED',
    matches: (n) => anyPart(n, (p) => migration.test(p)),
    reason: {
      zh: '疑似要求村民外出、务工或迁居须经村里批准：村民依法外出、迁徙无须村委会批准',
      en: 'Appears to require the village’s approval for villagers to leave, work elsewhere or move: lawful movement needs no approval of the committee',
    },
    citations: () => [constitution(37)],
  },
  {
    code: 'FAMILY_PUNISHED',
    matches: (n, flagged) =>
      !flagged.has('WOMEN_RIGHTS_DEPRIVED') &&
      familyPunished.test(n) &&
      !forbids('连坐|株连', 4).test(n),
    reason: {
      zh: '疑似因一人违约而处罚其家属（连坐、株连）：责任自负，村规民约不得侵犯其他村民的人身权利和财产权利',
      en: 'Appears to punish a villager’s family for their act (collective punishment): liability is personal, and village rules may not infringe the rights of other villagers',
    },
    citations: () => [],
  },
  {
    code: 'PETITION_RESTRICTED',
    matches: (n) => petition.test(n) && !petitionLawful.test(n),
    reason: {
      zh: '疑似禁止或惩罚村民上访、举报、投诉：公民有提出申诉、控告或者检举的权利',
      en: 'Appears to forbid or punish petitions, reports or complaints: citizens have the right to complain, accuse and report',
    },
    citations: () => [constitution(41)],
  },
];

/** The codes of the patterns, in the order they are tried. */
export const villageRulesPatternCodes: readonly VillageRulesPatternCode[] = patterns.map(
  (p) => p.code,
);

/**
 * Screens the text of village rules (村民自治章程, 村规民约, 村民小组议事规则) for clauses that
 * match known unlawful patterns: taking land, collective income or homestead land from married-out,
 * divorced or widowed women, husbands who married into the village or their children; fines,
 * confiscation, and dividends withheld as punishment; restrictions of personal freedom, of the
 * freedom of marriage (including a required bride price), of religious belief or of lawful
 * movement, and land taken back on moving to a town; punishing a villager's family; forbidding
 * petitions or complaints. Each finding gives the clause (its text, index and offsets), the
 * pattern, a reason, and the law it conflicts with, followed by the organic law's rule that
 * village rules may not conflict with the law or infringe villagers' personal, democratic or
 * property rights (2018 Art. 27 / 2025 Art. 31).
 *
 * Findings are **warnings for the township's reviewer, never a verdict**: the screen reads words,
 * not meaning, so it can miss an unlawful clause worded otherwise and can flag a lawful one.
 * Clauses that forbid the act ("不得以妇女离婚为由收回其承包地"), guarantee equal rights, or refer
 * a matter to the competent authority are not flagged. Whitespace and the width of punctuation
 * never change the result. Pure: the same text and options give the same findings.
 *
 * @example
 * screenVillageRules('一、爱护公共财物，损坏照价赔偿。二、外嫁女户口未迁出的，不再享受集体收益分配。');
 * // → [{ clause: { index: 1, text: '二、外嫁女户口未迁出的，不再享受集体收益分配。', start: 16, end: 39 },
 * //      pattern: 'WOMEN_RIGHTS_DEPRIVED', severity: 'warning',
 * //      citation: { law: 'womens_rights_law', version: '2022', article: 56, paragraph: 1 }, … }]
 */
export function screenVillageRules(
  text: string,
  options: ScreenOptions = {},
): readonly VillageRulesFinding[] {
  if (typeof text !== 'string') return [];
  const date = typeof options?.date === 'string' ? options.date : undefined;
  const organic = organicLaw(date);
  const findings: VillageRulesFinding[] = [];
  for (const clause of clausesOf(text)) {
    const n = normalize(clause.text);
    const flagged = new Set<VillageRulesPatternCode>();
    for (const pattern of patterns) {
      if (!pattern.matches(n, flagged)) continue;
      flagged.add(pattern.code);
      const own = pattern.citations(n);
      const citations = [...own, ...organic];
      findings.push({
        clause,
        pattern: pattern.code,
        severity: 'warning',
        reason: pattern.reason,
        citation: citations[0]!,
        citations,
      });
    }
  }
  return findings;
}
