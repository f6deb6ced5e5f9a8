import type { AmbiguousTerm } from "../data/schema.ts";
import type { Atlas } from "./atlas.ts";
import { ASKS, FILLER_PREFIX } from "./forms.ts";
import { canonicalName, type Lexicon, type Place, sameLocation } from "./lexicon.ts";
import type { NormalisedText } from "./normalise.ts";
import { pinyinKey } from "./pinyin.ts";
import { findOtherProgramme, type ProgrammeMention } from "./programmes.ts";

/** A batch number: 1 = 2012年度, 2 = 2013年度, 3 = 2014年度. */
export type BatchNumber = 1 | 2 | 3;

/** One place named in the question. */
export interface Mention {
  /** The reading chosen for the term. */
  place: Place;
  /** The exact text that named it (Chinese term or pinyin/English words). */
  term: string;
  start: number;
  end: number;
  via: "name" | "pinyin";
  /** Read with another county-tier suffix than typed (萧山市 as 萧山区): the answer says so. */
  respelled?: boolean;
  /** For pinyin mentions, the key the places were found by (pingshanqu for "Pingshan District"). */
  key?: string;
  /** Set when the term is declared ambiguous on purpose (吉林, 海南). */
  ambiguous?: AmbiguousTerm;
  /** Other places the same term names (朝阳区 in 长春, suzhou = 宿州市), shown beside the answer. */
  alternatives?: Place[];
}

/** What the recogniser found in a question: places, a batch, and the words left over for intent cues. */
export interface Recognised {
  text: string;
  english: boolean;
  mentions: Mention[];
  batch: BatchNumber | null;
  /** The text with place names and batch words blanked out, for cue matching. */
  residual: string;
  /** Whether the question names a batch that does not exist (第四批). */
  unknownBatch: boolean;
  /** Every batch the question names, in order (第二批和第三批 → [2, 3]). */
  batches: BatchNumber[];
  /** Another programme the question names (园林城市, 信息惠民), if any. */
  otherProgramme: ProgrammeMention | null;
}

const BATCH_PATTERNS: [RegExp, (m: RegExpMatchArray) => BatchNumber | null][] = [
  // "三批试点…", "三批之后" are all three batches, not the third: only 第三批 is the third.
  [/第\s*([一二三123])\s*批|([一二])批试点/, (m) => digit(m[1] ?? m[2])],
  // (Not a meeting named after the first batch: "仇保兴在首批试点创建工作会议上讲了什么".)
  [/(首批|头一批|头批|第一轮)(?!(国家)?(智慧城市)?试点?(城市)?创建工作会议?)/, () => 1],
  [/\bdi\s*(yi|er|san)\s*pi\b/, (m) => (["yi", "er", "san"].indexOf(m[1] ?? "") + 1) as BatchNumber],
  // "新华社说2012年试点扩大了9个": the 2012 pilots were expanded with the 2013 list.
  [/2012\s*年度?的?试点[^，。？?]{0,3}扩大/, () => 2],
  // (Not "2015年以后": what came after the last list.)
  // ("截至2015年4月…已逾20个": a running total through the last list, not batch 3 alone.)
  [/(?<!(截至|截止|到|至)\s*)2015\s*年(?!\s*(以后|之后|后|以来|起|至今))/, () => 3],
  [
    /(2012|2013|2014)\s*年(?:度|的|批|试点|名单|[那这]一?[批次轮个]|(?=扩大))/,
    (m) => (Number(m[1]) - 2011) as BatchNumber,
  ],
  // "the 2013 scope expansions" are those announced with the 2013 list (batch 2).
  // (Not "including the 2014 expansions": a count that takes them in is not narrowed to their batch.)
  [
    /(?<!(?:including|incl\.?|counting|plus|with)\s+(?:the\s+)?)\b(2013|2014)(?=\s+(?:scope\s+)?expansions?\b)/,
    (m) => (Number(m[1]) - 2011) as BatchNumber,
  ],
  // "the 2013 list" is named, as the notices name it, after its programme year (2013年度), like 2013年名单.
  [/\b(2012|2013|2014)\s+(?:list|batch|round|cohort)\b/, (m) => (Number(m[1]) - 2011) as BatchNumber],
  // "84 new pilots for 2014", "the list of 2013": the programme year, as 2014年度的试点.
  [
    /\b(?:pilots?|list|batch|round|cohort)\s+(?:for|of)\s+(?:the\s+)?(?:year\s+)?(2012|2013|2014)\b/,
    (m) => (Number(m[1]) - 2011) as BatchNumber,
  ],
  // "batch 3", "round one", "cohort #2", "the third cohort", "2nd wave".
  [
    /\b(?:batch|round|cohort|wave|tranche)[\s-]*(?:no\.?\s*|#\s*)?(one|two|three|[123])\b|\b(first|second|third|1st|2nd|3rd)\)?[\s-]+(?:batch|round|list|cohort|wave|tranche|intake)/,
    (m) => englishOrdinal(m[1] ?? m[2]),
  ],
];

function digit(s: string | undefined): BatchNumber | null {
  const i = "一二三".indexOf(s ?? "") + 1 || Number(s);
  return i >= 1 && i <= 3 ? (i as BatchNumber) : null;
}

function englishOrdinal(s: string | undefined): BatchNumber | null {
  const i =
    ["first", "second", "third"].indexOf(s ?? "") + 1 ||
    ["1st", "2nd", "3rd"].indexOf(s ?? "") + 1 ||
    ["one", "two", "three"].indexOf(s ?? "") + 1;
  return i ? (i as BatchNumber) : digit(s);
}

/** English words that never form part of a place name in a question. */
export const ENGLISH_STOPWORDS = new Set(
  (
    "is a an the are was were of in on at for to and or does do did how many much what which when where who why " +
    "pilot pilots smart city cities province provinces district county town batch national programme program list " +
    "have has there any it its be been one me tell about with vs versus compare more most than ranking rank count " +
    "number total all show give please yes no not i you my our this that chosen selected part shi sheng qu " +
    "zone new area region autonomous municipality " +
    // pinyin question words typed around a pinyin place name
    "shidian ma shibushi bushi bu you ge duoshao jige naxie mingdan ne a ba de le di pi ji zhihui chengshi guojia " +
    // 评定 (rating) is far likelier than 平定县 alone; "pingding xian" still names the county
    "pingding"
  ).split(" "),
);

/**
 * Second step of the pipeline: finds the places and the batch a question names. Chinese terms are
 * matched leftmost-longest against the lexicon (so 共青城市 is one name, not 共青 + 城市); Latin words
 * are joined in runs of up to four and looked up as pinyin or English (kun shan shi, Inner Mongolia).
 */
export function recognise(input: NormalisedText, lexicon: Lexicon, atlas: Atlas): Recognised {
  const { text } = input;
  // Another programme's name is not a place: 信息惠民 is not 惠民县, 宽带中国 not China.
  const otherProgramme = findOtherProgramme(text, atlas.data.related.programmes);
  // (Every time it is named: "信息惠民…？信息惠民那个是哪个部委牵头".)
  let scanned = otherProgramme
    ? blankTerms(blank(text, otherProgramme.start, otherProgramme.end), otherProgramme.programme.terms)
    : text;
  // A region (东北三省) stands for its provinces, each a mention of its own.
  // 鲁苏浙 holds the region 苏浙: the longer run of short names is what was meant.
  const byName = findRegion(scanned, atlas, lexicon);
  const abbreviated = findAbbreviated(scanned, atlas, lexicon);
  const region =
    abbreviated &&
    (!byName ||
      (abbreviated.start <= byName.start &&
        abbreviated.end >= byName.end &&
        abbreviated.end - abbreviated.start > byName.end - byName.start))
      ? abbreviated
      : byName;
  if (region) scanned = blank(scanned, region.start, region.end);
  // "京津冀和长三角比": a second region named, each standing for its members.
  const second = region ? findRegion(scanned, atlas, lexicon) : undefined;
  if (second) scanned = blank(scanned, second.start, second.end);
  // A batch in pinyin ("di yi pi") holds syllables a place scan would take (yi … li → 伊犁).
  const pinyinBatch = scanned.match(/\bdi\s*(yi|er|san)\s*pi\b/);
  const placeScan = pinyinBatch
    ? blank(scanned, pinyinBatch.index ?? 0, (pinyinBatch.index ?? 0) + pinyinBatch[0].length)
    : scanned;
  // Level words are no names: "市区级和县镇级" holds no 和县.
  const levelFree = placeScan.replace(LEVEL_WORDS, (w) => " ".repeat(w.length));
  const named = [...scanChinese(levelFree, lexicon), ...scanLatin(zonesInPinyin(levelFree), lexicon)];
  // "咱东北牡丹江": a place inside the region is the subject; the region only says where it is.
  const regionMentions = region?.mentions ?? [];
  // "黑龙江一共几个…俺们东北的": a member named on its own is the subject too, unless the members are compared.
  const inside = named.some((n) =>
    regionMentions.some(
      (r) =>
        encloses(r.place, n.place, atlas) ||
        (sameDivision(r.place, n.place) && !/哪|谁|比|排|各|最|分别|which|most|rank|compare/.test(text)),
    ),
  );
  // "Jing-Jin-Ji (Beijing + Tianjin + Hebei)", "东北三省（辽吉黑）": members in brackets after the region
  // only spell it out; the region is the subject.
  const inRegion = (n: Mention) =>
    regionMentions.some((r) => encloses(r.place, n.place, atlas) || sameDivision(r.place, n.place));
  const inBrackets = (n: Mention) => /[（(][^）)]*$/.test(text.slice(0, n.start));
  const members = named.filter(inRegion);
  const glossed = members.length > 0 && members.every(inBrackets);
  const kept = glossed ? named.filter((n) => !members.includes(n)) : named;
  const mentions = [...(inside && !glossed ? [] : regionMentions), ...(second?.mentions ?? []), ...kept].sort(
    (a, b) => a.start - b.start,
  );
  const ambiguous = new Map(atlas.data.ambiguous.map((a) => [a.term, a]));
  for (const m of mentions) {
    // "jilin" is as ambiguous as 吉林: compare pinyin keys for Latin mentions.
    m.ambiguous =
      m.via === "name"
        ? ambiguous.get(m.term)
        : atlas.data.ambiguous.find((a) => pinyinKey(a.term) === m.term.replace(/[^a-z]/g, ""));
  }
  // "台湾读者想请教…": where the asker comes from is not what the question is about.
  // "我们公司在台湾，…中山翠亨新区是不是试点": so is where the asker is, said before the place asked about.
  const asked = mentions.filter(
    (m) =>
      !ASKER.test(text.slice(m.end, m.end + 4)) &&
      !(
        mentions.length > 1 &&
        !BOTH.test(text) &&
        // ("我是滦南县政府办的，…我们县是第几批": the asker's own place, asked about as 我们县.)
        !OWN_PLACE.test(text) &&
        ASKER_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start))
      ),
  );
  mentions.splice(0, mentions.length, ...asked);
  // "莱芜并入济南以后，济南有几个": the place merged away only says how the other came to be.
  const merged = mentions.filter((m, i) => {
    const next = mentions[i + 1];
    return next !== undefined && MERGED_INTO.test(text.slice(m.end, next.start));
  });
  // ("大同市城区已经并入平城区了，这个试点属于哪一批": unless the pilot merged away is what is asked.)
  const pilotAsked = merged.some((m) => m.place.kind === "pilot") && /这个试点|该试点|那个试点|它/.test(text);
  if (merged.length > 0 && merged.length < mentions.length)
    mentions.splice(
      0,
      mentions.length,
      ...mentions.filter((m) => (pilotAsked ? m.place.kind === "pilot" : !merged.includes(m))),
    );
  // "看到…新闻稿说柳州市…对不上。请问…广西一共几个": before 请问 is the story; the places asked about follow it.
  // So is everything before the last sentence when that sentence asks about a place of its own.
  const ask = AFTER_STORY.exec(text) ?? lastAskingSentence(text);
  const askedAfter = ask ? mentions.filter((m) => m.start >= ask.index) : [];
  if (askedAfter.length > 0) mentions.splice(0, mentions.length, ...askedAfter);
  // "亳州是第二批的吧，百科上跟霍山写一块儿了": a place in a clause that asks nothing is a remark's,
  // when another clause asks about a place of its own.
  // (Only a remark after the question, outside brackets: a clause before it sets the scene.)
  const inAsking = mentions.filter((m) => ASKS.test(clauseAround(text, m.start)));
  const lastAsked = Math.max(...inAsking.map((m) => m.end));
  const remarks = mentions.filter((m) => !inAsking.includes(m));
  const bracketed = (m: Mention) => /[（(][^）)]*$/.test(text.slice(0, m.start));
  // (Nor a clause that says which place was meant: "…，就是以前萝岗那块".)
  const clarifying = (m: Mention) =>
    /^\s*(就是|即|也就是|指的是|我说的是|我是说)/.test(clauseAround(text, m.start));
  if (
    inAsking.length > 0 &&
    remarks.length > 0 &&
    !BOTH.test(text) &&
    remarks.every((m) => m.start > lastAsked && !bracketed(m) && !clarifying(m))
  )
    mentions.splice(0, mentions.length, ...inAsking);
  // "广西自己把柳州鱼峰区单独算一个，那广西到底几个试点": a count or list asked after a story, of a
  // place that holds the story's places, asks about that place.
  // (A province's or prefecture's count or list, not "那海南就它一个" nor "那现在的黄埔区算不算".)
  // ("老家郴州的，过年亲戚说我们永兴县是智慧城市试点，郴州一共有哪些地方是试点": after a story, not
  // after a bare name as in "昆山，江苏有几个", which asks about 昆山.)
  const story = (m: Mention) => clauseAround(text, m.start).length - m.term.length >= 5;
  const concluding = inAsking.filter((m) => {
    const clause = clauseAround(text, m.start);
    const wide = m.place.kind === "division" && ["province", "city"].includes(m.place.division.level);
    // ("吉林市（地级市，不是吉林省）有哪些试点": not a place said not to be meant.)
    const denied = /(不是|\bnot)\s*$/.test(text.slice(0, m.start));
    return wide && !denied && /几|多少|哪些|哪几/.test(clause);
  });
  if (
    concluding.length > 0 &&
    remarks.length > 0 &&
    remarks.every(
      (r) =>
        r.end <= (concluding[0]?.start ?? 0) &&
        story(r) &&
        concluding.some((c) => encloses(c.place, r.place, atlas) || sameDivision(c.place, r.place)),
    )
  )
    mentions.splice(0, mentions.length, ...concluding);
  // "去北戴河玩，…北戴河新区是第几批": a name said in the story that the place asked about begins with
  // is that place's neighbour, not the subject.
  const asking = mentions.filter((m) => ASKS.test(clauseAround(text, m.start)));
  const stems = mentions.filter(
    (m) =>
      !asking.includes(m) &&
      // (By two characters or more: 北戴河 + 新区, not 吉林 + 省.)
      asking.some((a) => a.start > m.end && a.term.length >= m.term.length + 2 && a.term.startsWith(m.term)),
  );
  if (stems.length > 0) mentions.splice(0, mentions.length, ...mentions.filter((m) => !stems.includes(m)));
  // "第三批…扩大范围的名单，都有哪些地方？我们正定县好像在里面": a batch asked about with no place, and a
  // place only in a remark after it, is the batch's question.
  const lastAsking = Math.max(
    -1,
    ...[...text.matchAll(/[？?]/g)].map((m) => m.index ?? -1).filter((i) => ASKS.test(clauseAround(text, i))),
  );
  if (
    asking.length === 0 &&
    lastAsking >= 0 &&
    mentions.length > 0 &&
    mentions.every((m) => m.start > lastAsking) &&
    BATCH_PATTERNS.some(([pattern]) => pattern.test(text.slice(0, lastAsking)))
  )
    mentions.splice(0, mentions.length);
  // "临安现在是杭州的一个区了，临安昌化镇当年是不是…": places said in a clause that asks nothing, which
  // only locate a pilot asked about later, are not the subject.
  const located = mentions.find((p) => {
    const asked = clauseAround(text, p.start);
    if (p.place.kind !== "pilot" || !ASKS.test(asked)) return false;
    const others = mentions.filter((m) => m !== p);
    const elsewhere = (m: Mention) => clauseAround(text, m.start) !== asked;
    return (
      others.some(elsewhere) &&
      others.every(
        (m) =>
          encloses(m.place, p.place, atlas) &&
          m.end <= p.start &&
          (elsewhere(m) ? !ASKS.test(clauseAround(text, m.start)) : p.start - m.end <= 2),
      )
    );
  });
  if (located) mentions.splice(0, mentions.length, located);
  const chosen = dropEnclosingPlaces(
    mentions.map((m) => disambiguate(m, mentions, lexicon, atlas)),
    atlas,
    text,
  ).map((m) => rememberedPilot(text, m, atlas) ?? m);

  let batch: BatchNumber | null = null;
  let residual = scanned;
  for (const m of mentions) residual = blank(residual, m.start, m.end);
  for (const [pattern, read] of BATCH_PATTERNS) {
    const m = residual.match(pattern);
    if (m && batch === null) {
      // "沈阳的试点有哪些，2013年扩大的那几个区也说一下": a batch asked about as well narrows nothing.
      // ("湖北省一共多少个试点，2013年扩大的蔡甸算进去没有": a later clause asking whether something of
      // a batch is included narrows nothing either.)
      const clause = clauseAround(text, m.index ?? 0);
      const includedAsked = clause !== clauseAround(text, 0) && INCLUSION_ASKED.test(clause);
      // ("江苏第三批有哪些（扩大范围的也列出来）": a bracketed aside asks for more of the same batch.)
      if (!ALSO.test(clause.replace(/[（(][^）)]*[）)]/g, "")) && !includedAsked) batch = read(m);
      residual = blank(residual, m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
  // "2013年8月公布的那一批": the month a batch was announced names that batch (and asks no date).
  const chinese = residual.match(ANNOUNCED_BATCH);
  const english = chinese ? null : residual.match(ANNOUNCED_BATCH_EN);
  const dated = chinese ?? english;
  if (dated) {
    const month = chinese
      ? `${dated[1]}-${(dated[2] ?? "").padStart(2, "0")}`
      : `${dated[2]}-${String(MONTHS.indexOf(dated[1] ?? "") + 1).padStart(2, "0")}`;
    const announced = atlas.data.programme.batches.find((b) => b.announced.startsWith(month));
    if (announced) {
      // (It names the batch even beside a year that describes something else: "2012年的试点扩大了几个".)
      batch = announced.batch as BatchNumber;
      residual = blank(residual, dated.index ?? 0, (dated.index ?? 0) + dated[0].length);
    }
  }
  const unknownBatch =
    batch === null && /第\s*[四五六七八九十4-9]\s*批|(fourth|fifth|4th|5th)\s+batch/.test(text);
  const batches = allBatches(text);
  return {
    text,
    english: input.english,
    mentions: chosen,
    batch,
    batches: batch !== null && !batches.includes(batch) ? [batch, ...batches] : batches,
    residual,
    unknownBatch,
    otherProgramme,
  };
}

/** The first region named, longest name first, as one mention per member province. */
/** A word for a region's provinces after its stem, maybe counted: 十二个省区市, 6省, 各省, 地区. */
const PROVINCES_WORD = "(?:[一二三四五六七八九十两\\d]{1,3}个?|各)?(?:省区市|省市区|省区|省市|省份|省|地区)";

const STEM_PATTERNS = new Map<string, RegExp>();

/** A region's stem before a word for provinces, compiled once. */
function stemPattern(stem: string): RegExp {
  let pattern = STEM_PATTERNS.get(stem);
  if (!pattern) {
    pattern = new RegExp(`${stem}${PROVINCES_WORD}`);
    STEM_PATTERNS.set(stem, pattern);
  }
  return pattern;
}

function findRegion(
  text: string,
  atlas: Atlas,
  lexicon: Lexicon,
): { start: number; end: number; mentions: Mention[] } | undefined {
  let best: { start: number; term: string; members: string[] } | undefined;
  for (const r of atlas.data.regions) {
    const stemmed = (r.stems ?? []).flatMap((stem) => text.match(stemPattern(stem))?.[0] ?? []);
    for (const term of [r.name, ...r.aliases, ...stemmed]) {
      const start = text.indexOf(term);
      // "广东北部" is not 东北: the character before makes a place with the region's first.
      if (start > 0 && lexicon.lookup(text.charAt(start - 1) + term.charAt(0))) continue;
      // "京津合作示范区" is a pilot's name, not 京津 and some words.
      if (start >= 0 && longerName(text, start, term.length, lexicon)) continue;
      if (
        start >= 0 &&
        (!best || start < best.start || (start === best.start && term.length > best.term.length))
      )
        best = { start, term, members: r.members };
    }
  }
  if (!best) return undefined;
  const { start, term } = best;
  const end = start + term.length;
  const mentions = best.members.flatMap((name): Mention[] => {
    // Most groups are of provinces; a few name cities (北上广深).
    const division =
      atlas.provinces.find((d) => d.name === name) ?? atlas.cities.find((d) => d.name === name);
    return division ? [{ place: { kind: "division", division }, term, start, end, via: "name" }] : [];
  });
  return { start, end, mentions };
}

const ABBREVIATIONS = new WeakMap<Atlas, { byChar: Map<string, string>; pattern: RegExp }>();

/** The provinces' short names by character, and the pattern of a run of them: built once per atlas. */
function abbreviationsOf(atlas: Atlas): { byChar: Map<string, string>; pattern: RegExp } {
  let found = ABBREVIATIONS.get(atlas);
  if (!found) {
    const byChar = new Map(atlas.data.names.abbreviations.map((a) => [a.abbreviation, a.name]));
    const pattern = new RegExp(
      `[${[...byChar.keys()].join("")}]{2,8}(?=[一二三四五六七八九十两\\d]?个?(?:省|地|各|等|几))`,
    );
    found = { byChar, pattern };
    ABBREVIATIONS.set(atlas, found);
  }
  return found;
}

/**
 * A run of provinces' one-character short names before a word for provinces (鲁苏浙三省, 湘鄂赣等省,
 * 川渝黔地区): each province a mention. A run that holds a known name (辽宁省, 青岛) is that name.
 */
function findAbbreviated(
  text: string,
  atlas: Atlas,
  lexicon: Lexicon,
): { start: number; end: number; mentions: Mention[] } | undefined {
  const { byChar, pattern } = abbreviationsOf(atlas);
  const run = pattern.exec(text);
  if (!run) return undefined;
  const start = run.index;
  const end = start + run[0].length;
  for (let i = start; i < end; i++)
    for (let len = 2; len <= 4; len++) if (lexicon.lookup(text.slice(i, i + len))) return undefined;
  const mentions = [...run[0]].flatMap((char, i): Mention[] => {
    const division = atlas.provinces.find((d) => d.name === byChar.get(char));
    return division
      ? [
          {
            place: { kind: "division", division },
            term: char,
            start: start + i,
            end: start + i + 1,
            via: "name",
          },
        ]
      : [];
  });
  return mentions.length >= 2 ? { start, end, mentions } : undefined;
}

/** Whether a known name longer than `length` starts at `start` (a region's name inside a pilot's). */
function longerName(text: string, start: number, length: number, lexicon: Lexicon): boolean {
  for (let end = Math.min(text.length, start + 16); end > start + length; end--) {
    if (lexicon.lookup(text.slice(start, end))) return true;
  }
  return false;
}

/** Words for administrative levels (市区级, 县镇级, 地级, 县级): never part of a place's name here. */
const LEVEL_WORDS = /(市区|县镇|区县|乡镇|地|县|市|区|镇)级/g;

/** A year and month (maybe a day) followed closely by 批: the batch announced then. */
const ANNOUNCED_BATCH =
  /(?<!(?:截至|截止|到|至)\s*)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*[日号])?(?=[^，。？?！!,]{0,6}?(批|次|公布|扩大|名单))/;

/** The same in English: "in Aug 2013", "January 2013", "April of 2015". */
const ANNOUNCED_BATCH_EN =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:of\s+)?(\d{4})\b/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Every batch named by number (第一批…第三批, 首批, 2012年度…), once each, in order of mention. */
function allBatches(text: string): BatchNumber[] {
  const out: BatchNumber[] = [];
  const named =
    /第\s*([一二三123])\s*批|(?<!哪|每|同|这|那)([一二三])批|(首批|头批)|(2012|2013|2014)\s*年度|\b(?:batch|round|cohort|wave|tranche)[\s-]*(?:no\.?\s*|#\s*)?([123]|one|two|three)\b|\b(first|second|third|1st|2nd|3rd)[\s-]+(?:batch|round|cohort|wave|tranche)/g;
  if (/(?<![第\d])[三3]\s*批(?!次)|各批|每一?批|all (three )?batches|each batch/.test(text)) return [1, 2, 3];
  // "between the first and second batch": both.
  const pair = text.match(/\b(first|second|third)\s+(?:and|&|to)\s+(?:the\s+)?(first|second|third)\s+batch/);
  for (const b of pair ? [englishOrdinal(pair[1]), englishOrdinal(pair[2])] : [])
    if (b !== null && !out.includes(b)) out.push(b);
  for (const m of text.matchAll(named)) {
    const b = m[3]
      ? 1
      : m[4]
        ? ((Number(m[4]) - 2011) as BatchNumber)
        : m[6]
          ? englishOrdinal(m[6])
          : m[5]
            ? englishOrdinal(m[5])
            : digit(m[1] ?? m[2]);
    if (b !== null && !out.includes(b)) out.push(b);
  }
  return out;
}

function blank(s: string, start: number, end: number): string {
  return `${s.slice(0, start)}${" ".repeat(end - start)}${s.slice(end)}`;
}

/** The text with every occurrence of the (Chinese) terms blanked, longest first. */
function blankTerms(s: string, terms: readonly string[]): string {
  let out = s;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (/^[a-z0-9 .&-]+$/.test(term)) continue;
    for (let at = out.indexOf(term); at >= 0; at = out.indexOf(term, at + term.length))
      out = blank(out, at, at + term.length);
  }
  return out;
}

function withAlternatives(m: Mention, readings: Place[]): Mention {
  const alternatives: Place[] = [];
  for (const r of readings) {
    if (!sameLocation(r, m.place) && !alternatives.some((a) => sameLocation(a, r))) alternatives.push(r);
  }
  return alternatives.length > 0 ? { ...m, alternatives } : m;
}

/** Administrative suffixes: a short form followed by one names another place (东城 + 街道). */
const SUFFIX_AFTER = /^(街道|[区县市镇乡旗])/;
const ENDS_WITH_SUFFIX = /[区县市镇乡旗省州盟道]$/;

/** Whether a suffix after a short form belongs to the place's own name (搜登站 + 镇, 东莞东城 + 街道). */
function completesName(place: Place, term: string, suffix: string): boolean {
  if (canonicalName(place)?.includes(term + suffix)) return true;
  return place.kind === "pilot" && place.pilot.level === suffix;
}

/** County-tier suffixes, which people swap for one another (萧山市 for 萧山区, 婺源市 for 婺源县). */
const COUNTY_TIER = /^[区县市旗]$/;

/**
 * Whether a county's short form with the wrong county-tier suffix still names it: 萧山市 (a city
 * until 2001) is 萧山区, 肇源区 is 肇源县. Only when the name with that suffix is no place at all
 * (the gazetteer has every county-level unit), and never for a prefecture's short form (吉林市).
 */
function wrongTier(place: Place, term: string, suffix: string, lexicon: Lexicon): boolean {
  if (!COUNTY_TIER.test(suffix) || lexicon.lookup(term + suffix)) return false;
  const name = canonicalName(place) ?? "";
  if (place.kind === "division") return place.division.level === "county";
  return /[区县市旗]$/.test(name) && name.endsWith(term + name.slice(-1)) && !name.endsWith(term + suffix);
}

function scanChinese(text: string, lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < text.length; ) {
    let found = false;
    for (const len of lexicon.lengthsFrom(text.charAt(i))) {
      if (len < 2 || i + len > text.length) continue;
      const term = text.slice(i, i + len);
      const places = lexicon.lookup(term);
      if (!places?.[0]) continue;
      // A short form directly followed by a suffix names another place ("东城街道" is not 东城区),
      // unless the suffix completes the place's own name (搜登站 + 镇).
      const suffix = ENDS_WITH_SUFFIX.test(term) ? undefined : text.slice(i + len).match(SUFFIX_AFTER)?.[0];
      const respelled = suffix !== undefined && !completesName(places[0], term, suffix);
      if (respelled && !wrongTier(places[0], term, suffix, lexicon)) continue;
      // A county's short form inside running words is a word, not the county (惠民 in 便民利民惠民).
      if (!suffix && embeddedShortForm(text, i, len, places[0], term)) continue;
      // A short form that runs on into a longer unknown name (云梦 in 云梦泽市) is not that place.
      if (!suffix && runsOnIntoName(text.slice(i), term, lexicon)) continue;
      // A name whose end begins a longer known one ("天津滨海" in 天津滨海新区, where 滨海新区 is the
      // district) gives way: the shorter reading (天津) and the longer name are read instead.
      if (overlapsLongerName(text, i, len, lexicon)) continue;
      // …and a short name that begins most of a pilot's name is that pilot (港口生态工业园, not 港口区).
      const holding =
        places[0].kind === "division" ? lexicon.pilotHolding(text.slice(i), len + 1) : undefined;
      // …unless what it holds runs into another known name (天津滨海新区: 滨海新区 is the district).
      const held = holding && !overlapsLongerName(text, i, holding.length, lexicon) ? holding : undefined;
      if (held) {
        const end = i + held.length;
        out.push({
          place: { kind: "pilot", pilot: held.pilot },
          term: text.slice(i, end),
          start: i,
          end,
          via: "name",
        });
        i = end;
        found = true;
        break;
      }
      const end = i + len + (suffix?.length ?? 0);
      const mention: Mention = { place: places[0], term: text.slice(i, end), start: i, end, via: "name" };
      out.push(withAlternatives(respelled ? { ...mention, respelled } : mention, places));
      i = end;
      found = true;
      break;
    }
    if (!found) i++;
  }
  return out;
}

/** Characters that may stand next to a place name without being part of a word with it. */
const BESIDE_NAME = /[\s\p{P}我们俺咱的是在和与跟及有吗呢吧啊呀么嘛也还都就算属入到去从省市县区里那这个]/u;

/** Whether a county's short form sits between two characters that make words of it (评定结果, 便民利民惠民具体). */
function embeddedShortForm(text: string, at: number, len: number, place: Place, term: string): boolean {
  if (place.kind !== "division" || place.division.level !== "county" || term === place.division.name)
    return false;
  const before = text.charAt(at - 1);
  const after = text.charAt(at + len);
  const inWord = (c: string) => c !== "" && /\p{Script=Han}/u.test(c) && !BESIDE_NAME.test(c);
  return inWord(before) && inWord(after);
}

/** Whether the text at a short form continues with one or two characters and a suffix that name nothing known. */
function overlapsLongerName(text: string, start: number, length: number, lexicon: Lexicon): boolean {
  for (let j = start + 1; j < start + length; j++) {
    for (let end = Math.min(text.length, j + 12); end > start + length && end - j >= 3; end--) {
      if (lexicon.lookup(text.slice(j, end))) return true;
    }
  }
  return false;
}

function runsOnIntoName(from: string, term: string, lexicon: Lexicon): boolean {
  if (ENDS_WITH_SUFFIX.test(term)) return false;
  const more = from.slice(term.length).match(/^\p{Script=Han}{1,2}?[市县区]/u)?.[0];
  // "重庆哪些区", "江苏有几个市": question words, not more of a name.
  // ("青海三省区": a count of provinces, not more of a name.)
  if (
    !more ||
    /[哪些几个有的多少什么是各那这全每和与跟及或下里内改撤设升省一二三四五六七八九十两]/.test(
      more.slice(0, -1),
    )
  )
    return false;
  return !lexicon.lookup(term + more) && !lexicon.lookup(more) && !lexicon.lookup(more.slice(0, -1));
}

/** English words after a pinyin name that say which kind of place it is (Jilin City, Pidu District). */
const KIND_WORDS: Readonly<Record<string, string>> = {
  qu: "qu",
  xian: "xian",
  shi: "shi",
  zhen: "zhen",
  city: "shi",
  district: "qu",
  county: "xian",
  prefecture: "zhou",
  town: "zhen",
  province: "sheng",
};

/** What may stand between the words of one Latin name: spaces, hyphens, apostrophes, skipped small words. */
const LATIN_GAP = /^[a-z\s'’-]*$/;

function endOf(w: RegExpMatchArray | undefined): number {
  return (w?.index ?? 0) + (w?.[0].length ?? 0);
}

function scanLatin(text: string, lexicon: Lexicon): Mention[] {
  const all = [...text.matchAll(/[a-z]+/g)];
  // A name of three or four syllables may begin with a question word's syllable (shi jia zhuang):
  // tried first, whole, so that its syllables are not read one by one.
  const out: Mention[] = [...hyphenatedNames(text, all, lexicon), ...longPinyinNames(text, all, lexicon)];
  const taken = new Set(
    out.flatMap((m) => all.filter((w) => (w.index ?? 0) >= m.start && (w.index ?? 0) < m.end)),
  );
  const words = all.filter((w) => !ENGLISH_STOPWORDS.has(w[0]) && !taken.has(w));
  for (let k = 0; k < words.length; ) {
    let taken = 0;
    for (let n = Math.min(4, words.length - k); n >= 1 && !taken; n--) {
      const run = words.slice(k, k + n);
      const first = run[0];
      const last = run[run.length - 1];
      if (!first || !last) continue;
      // (One name is written in one run of Latin words: not "yong 智慧城市…2013 nian", 永年.)
      if (!run.every((w, i) => i === 0 || LATIN_GAP.test(text.slice(endOf(run[i - 1]), w.index ?? 0))))
        continue;
      const key = run.map((w) => w[0]).join("");
      const following = all[all.indexOf(last) + 1];
      const nextWord =
        following && LATIN_GAP.test(text.slice(endOf(last), following.index ?? 0)) ? following : undefined;
      const kind = KIND_WORDS[nextWord?.[0] ?? ""];
      const kindPlaces = kind ? lexicon.lookupPinyin(key + kind) : undefined;
      const places = kindPlaces ?? lexicon.lookupPinyin(key);
      if (places?.[0]) {
        const start = first.index ?? 0;
        // "Jilin City" names the city outright: the kind word belongs to the name.
        const tail = kindPlaces && nextWord ? nextWord : last;
        const end = (tail.index ?? 0) + tail[0].length;
        const found = kindPlaces ? key + kind : key;
        out.push(
          withAlternatives(
            { place: places[0], term: text.slice(start, end), start, end, via: "pinyin", key: found },
            places,
          ),
        );
        taken = n;
      }
    }
    k += taken || 1;
  }
  return out;
}

/**
 * Names written with a hyphen whose parts alone mean nothing or something else ("E-Town", "Beijing
 * E-Town": "town" is a stopword and "e" no name), read whole, with the word before when that makes
 * a longer name. A hyphenated word that is no name ("Kunshan-based") leaves its parts to the scan.
 */
function hyphenatedNames(text: string, all: RegExpMatchArray[], lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const compound of text.matchAll(/[a-z]+(?:-[a-z]+)+/g)) {
    const at = compound.index ?? 0;
    const key = compound[0].replace(/-/g, "");
    const before = all.filter((w) => (w.index ?? 0) < at).at(-1);
    const joinedBefore = before && text.slice((before.index ?? 0) + before[0].length, at) === " ";
    const longer = joinedBefore ? lexicon.lookupPinyin(before[0] + key) : undefined;
    const places = longer ?? lexicon.lookupPinyin(key);
    if (!places?.[0]) continue;
    const start = longer && before ? (before.index ?? 0) : at;
    const end = at + compound[0].length;
    out.push(
      withAlternatives(
        {
          place: places[0],
          term: text.slice(start, end),
          start,
          end,
          via: "pinyin",
          key: text.slice(start, end).replace(/[^a-z]/g, ""),
        },
        places,
      ),
    );
  }
  return out;
}

/** Kind words that may end a two-syllable name (pi xian 郫县). */
const TWO_SYLLABLE_KINDS = new Set(["xian", "qu", "zhen"]);
/** Syllables of question words, which never begin a two-syllable name. */
const QUESTION_SYLLABLES = new Set([
  "shi",
  "bu",
  "cheng",
  "zhi",
  "hui",
  "you",
  "ge",
  "ji",
  "di",
  "de",
  "le",
  "ma",
  "ne",
  "a",
  "ba",
  "na",
  "xie",
  "duo",
  "shao",
  "guo",
  "jia",
]);

/**
 * Names of three or four pinyin syllables, typed apart, that begin with a syllable the scan would
 * otherwise skip as a question word ("shi jia zhuang", "shi he zi"). At least one syllable must be
 * no question word, so "shi bu shi" and "shi dian" stay words.
 */
function longPinyinNames(text: string, all: RegExpMatchArray[], lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < all.length; i++) {
    const first = all[i];
    // (…or holds one inside: "ke la ma yi" is 克拉玛依, whatever ma means alone.)
    if (!first || !all.slice(i, i + 4).some((w) => ENGLISH_STOPWORDS.has(w[0]))) continue;
    for (let n = 4; n >= 2; n--) {
      const run = all.slice(i, i + n);
      if (!run.some((w) => ENGLISH_STOPWORDS.has(w[0]))) continue;
      // Two syllables only as a name and its kind ("pi xian" 郫县), never two question words.
      if (
        n === 2 &&
        (!TWO_SYLLABLE_KINDS.has(run[1]?.[0] ?? "") || QUESTION_SYLLABLES.has(run[0]?.[0] ?? ""))
      )
        continue;
      if (run.length < n || (n > 2 && run.every((w) => ENGLISH_STOPWORDS.has(w[0])))) continue;
      const spaced = run.every(
        (w, j) =>
          j === 0 || text.slice((run[j - 1]?.index ?? 0) + (run[j - 1]?.[0].length ?? 0), w.index) === " ",
      );
      const key = run.map((w) => w[0]).join("");
      const places = spaced && key.length <= 18 ? lexicon.lookupPinyin(key) : undefined;
      const last = run[n - 1];
      if (places?.[0] && last) {
        const start = first.index ?? 0;
        const end = (last.index ?? 0) + last[0].length;
        out.push(
          withAlternatives(
            { place: places[0], term: text.slice(start, end), start, end, via: "pinyin", key },
            places,
          ),
        );
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** Picks, among a term's readings, the one inside another place the question names (长春 + 朝阳区). */
function disambiguate(m: Mention, all: Mention[], lexicon: Lexicon, atlas: Atlas): Mention {
  const readings =
    m.via === "name" ? lexicon.lookup(m.term) : lexicon.lookupPinyin(m.key ?? m.term.replace(/[^a-z]/g, ""));
  if (!readings || readings.length < 2) return m;
  const containers = all.filter((o) => o !== m).map((o) => o.place);
  for (const reading of readings) {
    if (containers.some((c) => encloses(c, reading, atlas))) {
      return { ...m, place: reading, alternatives: undefined };
    }
  }
  // A term declared ambiguous on purpose gets its own note instead of a list of alternatives.
  return m.ambiguous ? { ...m, alternatives: undefined } : m;
}

function isInside(p: Place, outerCode: string, atlas: Atlas): boolean {
  const outer = atlas.divisions.get(outerCode);
  if (!outer) return false;
  if (p.kind === "pilot") return atlas.contains(outer, p.pilot.divisionCode, p.pilot.province);
  return p.division.code !== outer.code && atlas.contains(outer, p.division.code, p.division.province);
}

/**
 * Drops a place named before a place inside it in the same clause: 江苏昆山, 广州市番禺区, 昆山张浦镇 and
 * "郴州下面的永兴县" mean the inner place; "武汉有几个试点，江夏也算吗" keeps 武汉.
 */
/**
 * What ends a clause between two names: punctuation, a conjunction, or a space after words
 * ("武汉有几个 江夏蔡甸都算吗": chat users separate clauses with spaces; a bare space between two
 * names, "苏州 昆山", still reads as one place).
 */
const CLAUSE_BREAK = /[，。？！,.?!;；、（）()]|和|与|跟|及|还是|或|\p{Script=Han}\s|\s\p{Script=Han}/u;

/** Words after a place that make it where the asker comes from (台湾读者, 广东网友). */
const ASKER = /^的?(读者|网友|朋友|同胞|老乡|观众|听众|记者|人士|学生|老师)/;

/** Words that place the next name near the one before ("普兰店那边的普湾新区"). */
const NEAR = /^(那边|这边|那儿|这儿|附近|旁边|一带|边上)的?$/;

function dropEnclosingPlaces(mentions: Mention[], atlas: Atlas, text: string): Mention[] {
  // "上海就浦东一个试点吗": the place inside is the claimed content of a count about the outer one.
  // "济南现在算上莱芜、章丘一共几个": places inside one named first, to be counted with it, are its parts.
  const claimed: Mention[] = [];
  for (const [i, m] of mentions.entries()) {
    const previous = mentions[i - 1];
    const part = mentions.slice(0, i).some((outer) => {
      const between = text.slice(outer.end, m.start);
      return (
        encloses(outer.place, m.place, atlas) &&
        ((ONLY.test(between) && ONE_OF.test(text.slice(m.end))) ||
          INCLUDING.test(between) ||
          // "济南现在把莱芜章丘都算上": the parts between 把 and 算上.
          (INCLUDED_BY_BA.test(between) && INCLUDED_AFTER.test(text.slice(m.end))) ||
          (previous !== undefined &&
            claimed.includes(previous) &&
            /^\s*[、和及与,，]?\s*$/.test(text.slice(previous.end, m.start))))
      );
    });
    if (part) claimed.push(m);
  }
  if (claimed.length > 0) return mentions.filter((m) => !claimed.includes(m));
  return mentions.filter(
    (m, i) =>
      !mentions.slice(i + 1).some(
        (later) =>
          later.start - m.end <= 6 &&
          // ("我市（绵阳市）江油市": a bracket that names the asker's city closes before its place.)
          (!CLAUSE_BREAK.test(text.slice(m.end, later.start)) ||
            /^\s*[)）]\s*$/.test(text.slice(m.end, later.start))) &&
          // "湖北第三批除了荆州": a place left out does not make the one before only its location.
          !/除了|除去|不算|不含|不包括|去掉|排除/.test(text.slice(m.end, later.start)) &&
          // "普兰店那边的普湾新区": a place named to say where the next one is.
          (encloses(m.place, later.place, atlas) ||
            NEAR.test(text.slice(m.end, later.start)) ||
            locatesIncluded(m, later)),
      ),
  );
}

/**
 * Whether `outer` names where a part listed in a pilot's entry lies: 鄞州 before 咸祥镇, a part of
 * 宁波市（含…鄞州区咸祥镇）; 安溪 before 蓬莱镇. The part's place is the pilot, which holds `outer`
 * the other way round, so {@link encloses} cannot tell.
 */
function locatesIncluded(outer: Mention, later: Mention): boolean {
  if (later.place.kind !== "pilot" || outer.via !== "name" || later.via !== "name") return false;
  const part = later.place.pilot.includes.find((i) => i.endsWith(later.term));
  return part !== undefined && part !== later.term && part.startsWith(outer.term);
}

/** Between a place merged away and the one it joined: 莱芜并入济南. */
const MERGED_INTO = /^\s*(已经|已)?(并入|划入|合并到|合并进|合并入|归入|并到|划归|撤销并入)(了)?\s*$/;

/** A name half remembered around 什么, just after a place: "浏阳有个柏什么镇", "大连那个什么生态科技城". */
const HALF_NAME = /^[^，,。？?！!]{0,4}?([\p{Script=Han}]{0,3})什么([\p{Script=Han}]{1,8})/u;

/**
 * The one pilot inside the place named whose name holds what was remembered of it, in order
 * (柏…镇 is 浏阳市柏加镇); none when nothing or more than one fits.
 */
function rememberedPilot(text: string, m: Mention, atlas: Atlas): Mention | undefined {
  if (m.place.kind !== "division") return undefined;
  const half = HALF_NAME.exec(text.slice(m.end, m.end + 20));
  if (!half) return undefined;
  const before = (half[1] ?? "").replace(/^(有一个|有个|那个|这个|一个|个|叫|的|那)+/, "");
  const after = (half[2] ?? "").replace(/(的|是|来着|吧|吗|呢|啊).*$/, "");
  const remembered = before + after;
  if (remembered.length < 2) return undefined;
  const fits = atlas.pilotsIn(m.place.division).filter((p) => holdsInOrder(p.name, remembered));
  const [only] = fits;
  return only && fits.length === 1 ? { ...m, place: { kind: "pilot", pilot: only } } : undefined;
}

/** Whether `name` holds the characters of `part` in the same order (柏镇 in 浏阳市柏加镇). */
function holdsInOrder(name: string, part: string): boolean {
  let at = 0;
  for (const char of part) {
    at = name.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The clause (between commas or sentence breaks) around a position. */
function clauseAround(text: string, at: number): string {
  const start = Math.max(
    ...[...text.slice(0, at).matchAll(/[，,。！!；;？?]/g)].map((m) => (m.index ?? 0) + 1),
    0,
  );
  const rest = text.slice(at).search(/[，,。！!；;？?]/);
  return text.slice(start, rest < 0 ? text.length : at + rest + 1);
}

/** A clause asking whether something is counted in: 算进去没有, 计入吗, 包不包括. */
const INCLUSION_ASKED = /算进去|算进|计入|算在内|算不算|包不包括|包括在内|含不含/;

/** A clause asking for something as well: 也说一下, 顺便, 一起. */
const ALSO =
  /(?<!扩大范围|扩大的)也(说|讲|列|算|给|提)|顺便|一起(说|列|讲)|一并|另外(说|列|讲)|(加上|算上|连同|包括)[^，。？?]{0,3}批[^，。？?]{0,6}(一共|总共|合计|总数)/;

/** The asker's own place taken up later as the subject: 我们县, 我市, 本区. */
const OWN_PLACE = /我们(县|市|区|镇|旗)|咱们?(县|市|区|镇)|[我本](县|市|区|镇|旗)/;

/** The peoples named in autonomous areas' English names, with the pinyin of their Chinese names. */
const PEOPLES_IN_PINYIN: Record<string, string> = {
  tibetan: "zangzu",
  qiang: "qiangzu",
  mongol: "mengguzu",
  mongolian: "mengguzu",
  hui: "huizu",
  yi: "yizu",
  miao: "miaozu",
  dong: "dongzu",
  tujia: "tujiazu",
  bai: "baizu",
  dai: "daizu",
  hani: "hanizu",
  zhuang: "zhuangzu",
  yao: "yaozu",
  kazak: "hasakezu",
  kazakh: "hasakezu",
  kirghiz: "keerkezizu",
  kyrgyz: "keerkezizu",
  korean: "chaoxianzu",
  li: "lizu",
  buyei: "buyizu",
  bouyei: "buyizu",
  lisu: "lisuzu",
  jingpo: "jingpozu",
  naxi: "naxizu",
  manchu: "manzu",
  she: "shezu",
  tu: "tuzu",
  salar: "salazu",
  lahu: "lahuzu",
  wa: "wazu",
  gelao: "gelaozu",
  mulam: "mulaozu",
  maonan: "maonanzu",
};

const AUTONOMOUS_KINDS: Record<string, string> = {
  prefecture: "zizhizhou",
  county: "zizhixian",
  banner: "zizhiqi",
};

/** One or more peoples, then the kind of autonomous area. */
const PEOPLES = Object.keys(PEOPLES_IN_PINYIN).join("|");
const AUTONOMOUS_AREA = new RegExp(
  `\\b(?:${PEOPLES})(?:(?: and |-| )(?:${PEOPLES}))* autonomous (?:prefecture|county|banner)\\b`,
  "g",
);

/** "tibetan autonomous prefecture" as zangzuzizhizhou: one word, so the scan reads the name before it with it. */
function autonomousInPinyin(english: string): string {
  const words = english.split(/ and | |-/);
  const kind = AUTONOMOUS_KINDS[words.at(-1) ?? ""] ?? "";
  return (
    words
      .slice(0, -2)
      .map((w) => PEOPLES_IN_PINYIN[w] ?? "")
      .join("") + kind
  );
}

/** Kinds of zone named in English, and the pinyin they are read as ("Beidaihe New Area" → beidaihe xinqu). */
const ZONE_KINDS_IN_PINYIN: [RegExp, string | ((english: string) => string)][] = [
  [/\beconomic(al)?[- ](and[- ])?technological development (zone|area)\b/g, "jingjijishukaifaqu"],
  [/\bnew (area|district)\b/g, "xinqu"],
  [/\bindustrial park\b/g, "gongyeyuanqu"],
  [/\bdevelopment zone\b/g, "kaifaqu"],
  // "Hainan Tibetan Autonomous Prefecture" (海南藏族自治州), "Qiandongnan Miao and Dong Autonomous Prefecture".
  [AUTONOMOUS_AREA, (english) => autonomousInPinyin(english)],
];

/** English kinds of zone as pinyin, each padded to its own length so that positions stay. */
function zonesInPinyin(text: string): string {
  return ZONE_KINDS_IN_PINYIN.reduce(
    // (Every pinyin here is no longer than the English it replaces.)
    (t, [pattern, pinyin]) =>
      t.replace(pattern, (w) => (typeof pinyin === "string" ? pinyin : pinyin(w)).padEnd(w.length, " ")),
    text,
  );
}

/** Where the asker is, said before a place: 我们公司在台湾, 我在苏州, 老家是. */
const ASKER_BEFORE = /(我是|我老家是?|老家是?|来自|我在|我们在|公司在|单位在|我家在|人在|住在)$/;

/** Words that take up the places named before, the asker's included: "两个省谁多". */
const BOTH = /两个|两省|两地|这两|二者|谁的|谁多|谁少|哪个多|哪个少|比较|对比/;

/** The start of a message's last sentence, when the message has several and the last one asks. */
function lastAskingSentence(text: string): { index: number } | undefined {
  // (A break inside brackets ends no sentence: "(…, Xinjiang; Bingtuan left out)".)
  const breaks = [...text.matchAll(/[。！!；;]/g)]
    .map((m) => (m.index ?? 0) + 1)
    .filter((i) => i < text.length && !/[（(][^）)]*$/.test(text.slice(0, i)));
  const index = breaks.at(-1);
  if (index === undefined) return undefined;
  return ASKS.test(text.slice(index)) ? { index } : undefined;
}

/** 请问 (or the like) opening a sentence after others: the question proper starts there. */
const AFTER_STORY =
  /(?<=[。！!；;]\s*)(请问|想问一下|想问|我想知道|问一下|那么)|(?<=[。！!；;\s]\s*)话说(?=\S)/u;

/** Between a place and one inside it: "就", "只有" (上海就浦东一个). */
const ONLY = /^\s*(就|只有|只|仅|仅有|就只有)\s*$/;
/** Between a place and its parts to be counted with it: 算上, 加上, 包括 (济南现在算上莱芜). */
const INCLUDING = /^[^，。？?！!]{0,4}(算上|加上|包括|连同|包含|含)\s*$/;
/** Between a place and its parts in the 把 form: "济南现在把(莱芜章丘都算上)". */
const INCLUDED_BY_BA = /^[^，。？?！!]{0,4}把\s*$/;
/** After the parts in the 把 form, maybe past more of them: "…莱芜、章丘都算上". */
const INCLUDED_AFTER =
  /^[\p{Script=Han}、和及与\s]{0,8}?(都|也)?(算上|加上|算进去|算进来|算在内|包括进来|包括进去)/u;
/** After the inner place: "一个", "1个", "这一个". */
const ONE_OF = /^\s*(这)?\s*[一1两2]\s*个/;

/** Whether two places are the same division (黑龙江 named, and 黑龙江 as one of 东北's provinces). */
function sameDivision(a: Place, b: Place): boolean {
  return a.kind === "division" && b.kind === "division" && a.division.code === b.division.code;
}

/** Whether place `outer` contains place `inner` (a division, or an administrative pilot such as 昆山市). */
export function encloses(outer: Place, inner: Place, atlas: Atlas): boolean {
  if (outer.kind === "division") return isInside(inner, outer.division.code, atlas);
  const code = outer.pilot.divisionCode;
  if (!code || !ADMIN.has(outer.pilot.level) || (inner.kind === "pilot" && inner.pilot === outer.pilot))
    return false;
  const innerCode = inner.kind === "pilot" ? inner.pilot.divisionCode : inner.division.code;
  const innerIsAdmin = inner.kind === "division" || ADMIN.has(inner.pilot.level);
  return Boolean(innerCode?.startsWith(code)) && (innerCode !== code || !innerIsAdmin);
}

const ADMIN = new Set(["地级市", "县级市", "区", "县"]);

/** Question words that are never part of a place name. */
const QUESTION_WORDS =
  /(我们|咱们|我的|我|老家|家乡|这边|那边|请问|听说|据说|好像|记得|看看|查一下|查查|告诉我|说说|介绍一下|以前|现在|是不是|是否|算不算|有没有|入选了?没有?|入选|选上|国家级?|智慧城市|试点|城市|吗|么|呢|啊|吧|呀|嘛|的|了|是|算|请问|问一下|我想知道|第几批|哪一批|哪批|什么时候|本身|自己|本来|整体|单独|非完全|不完全|完全)/g;

/** Runs of Chinese left once question words are removed, in the order they stand. */
export function leftoverRuns(residual: string): string[] {
  return residual.replace(QUESTION_WORDS, " ").match(/\p{Script=Han}+/gu) ?? [];
}

/**
 * The name the user most likely typed when no place was recognised: the longest run of Chinese
 * left, or for an English question the words that are not question words (Hogwarts).
 */
export function leftoverName(residual: string): string {
  const runs = leftoverRuns(residual);
  // A town's name (乌镇) is the name, however long the rest of the message: the gazetteer has no towns.
  const named = runs.filter((r) => /^\p{Script=Han}{1,3}(镇|乡|村)$/u.test(r));
  // …and so is a run that ends like a place (沪州 before "晓得不").
  // (县 and 区 also end words for levels: "第二批里县、镇一级的".)
  const placeLike = runs.filter((r) => /^\p{Script=Han}{1,4}[州市旗盟]$/u.test(r));
  const han = (named.length > 0 ? named : placeLike.length > 0 ? placeLike : runs).sort(
    (a, b) => b.length - a.length,
  )[0];
  // "嗯那个少山": the pause before the name is not part of it.
  const bare = han?.replace(FILLER_PREFIX, "");
  if (han) return bare && bare.length >= 2 ? bare : han;
  // "Is 'Goldbay New City' in Jiangsu a pilot?": a name in quotes is the name, whatever else is said.
  const quoted = residual.match(QUOTED_SUBJECT)?.[3];
  if (quoted) return quoted.trim();
  const words = (residual.match(/[a-z]+/g) ?? []).filter((w) => !ENGLISH_STOPWORDS.has(w));
  return words.join(" ");
}

/** An English question about a quoted name: "is 'goldbay new city' …". */
export const QUOTED_SUBJECT = /^\s*(is|was|are)\s+(the\s+)?['"“‘]([a-z][a-z' -]{2,40}?)['"”’]/;
