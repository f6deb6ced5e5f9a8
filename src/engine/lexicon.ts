import type { Pilot } from "../data/schema.ts";
import { type Atlas, type Division, PROVINCE_ENGLISH } from "./atlas.ts";
import { pinyinKey } from "./pinyin.ts";
import { SimilarNames } from "./similar.ts";
import { type Correction, TypoCorrector } from "./typos.ts";

/** Something a name in a question can refer to: a listed pilot, or a real division. */
export type Place =
  | { kind: "pilot"; pilot: Pilot /** the 含… place the user named, when it is one */; included?: string }
  | { kind: "division"; division: Division };

const NO_LENGTHS: readonly number[] = [];
const ADMIN_LEVELS = new Set(["地级市", "县级市", "区", "县"]);

/** How strongly a kind of place claims a shared term: lower wins (see {@link Lexicon.lookup}). */
const RANK = { pilot: 0, included: 1, province: 2, city: 3, county: 4 } as const;
const rankOf = (p: Place): number =>
  p.kind === "pilot" ? (p.included ? RANK.included : RANK.pilot) : RANK[p.division.level];

/** Short forms that are ordinary words far more often than places (来宾 = guest, 共和 = republic). */
const NOT_A_SHORT_FORM = new Set(
  (
    "来宾 南和 共和 和平 通道 大方 公安 方正 平安 新华 城中 东方 长安 永和 太平 胜利 向阳 红旗 前进 新兴 吉利 安定 " +
    "富民 长寿 安宁 宁安 新乐 建华 青山 金山 龙华 江南 河东 河西 城东 城西 城北 城南 东区 西区 南区 北区 市中 新市 " +
    "新城 老城 合作 民和 和政 团结 建设 开发 中心 发展 工业 高新 经济 文化 友好 光明 和顺 永顺 安远 远安 " +
    "新民 东海 南海 新北 太和 城区 比如"
  ).split(" "),
);
const ETHNIC_PREFECTURE =
  /^(.+?)(?:(?:回族|藏族|羌族|哈尼族|彝族|蒙古族|苗族|侗族|布依族|土家族|傣族|白族|壮族|朝鲜族|哈萨克|柯尔克孜|景颇族|傈僳族)*自治州)$/;

/** Short forms of a division's name that people type: 江苏省 → 江苏, 红河哈尼族彝族自治州 → 红河, 红河州. */
export function shortForms(d: Division): string[] {
  if (d.level === "province") {
    if (d.name === "内蒙古自治区") return ["内蒙古", "内蒙"];
    const short = d.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, "");
    return d.name === "新疆生产建设兵团" ? ["新疆兵团", "兵团"] : short !== d.name ? [short] : [];
  }
  if (d.level !== "city") return [];
  const ethnic = d.name.match(ETHNIC_PREFECTURE)?.[1];
  if (ethnic) return [ethnic, `${ethnic}州`];
  const short = d.name.replace(/(市|地区|盟)$/, "");
  return short !== d.name && short.length >= 2 && !NOT_A_SHORT_FORM.has(short) ? [short] : [];
}

/** A county's short form (江阴市 → 江阴), if it is a safe one; added only where no other term claims it. */
function countyShortForm(d: Division): string | undefined {
  if (/自治|新区|城区|矿区|郊区|开发区|园区|示范区|管理区/.test(d.name)) return undefined;
  const short = d.name.match(/^(.{2,})(市|县|区)$/)?.[1];
  return short && !NOT_A_SHORT_FORM.has(short) ? short : undefined;
}

/**
 * Every name the engine recognises, mapped to the places it can mean. Exact Chinese terms are a
 * plain map (the hot path); the pinyin map and the fuzzy index are built on first use, so a cold
 * start only pays for what the questions need.
 */
export class Lexicon {
  private readonly exact = new Map<string, Place[]>();
  private readonly lengthsByFirst = new Map<string, number[]>();
  /** Length in characters of the longest exact term. */
  readonly maxLength: number;
  private pinyinMap?: Map<string, Place[]>;
  private similar?: SimilarNames;

  constructor(private readonly atlas: Atlas) {
    for (const p of atlas.data.pilots) {
      for (const term of [p.name, ...p.aliases]) this.add(term, { kind: "pilot", pilot: p });
      for (const inc of p.includes) {
        // 安溪县蓬莱镇 is also asked about as 蓬莱镇.
        const town = inc.match(/^.+?[区县市](.{2,}[镇乡])$/)?.[1];
        for (const term of town ? [inc, town] : [inc])
          this.add(term, { kind: "pilot", pilot: p, included: inc });
      }
    }
    for (const d of atlas.divisions.values()) {
      const place = this.placeFor(d);
      for (const term of [d.name, ...shortForms(d)]) this.add(term, place);
    }
    // County short forms only where unique and unclaimed: 江阴 is safe, 朝阳 (three places) is not.
    const shorts = new Map<string, Division[]>();
    for (const d of atlas.divisions.values()) {
      const short = d.level === "county" ? countyShortForm(d) : undefined;
      if (short && !this.exact.has(short)) shorts.set(short, [...(shorts.get(short) ?? []), d]);
    }
    for (const [short, ds] of shorts) {
      if (ds.length === 1 && ds[0]) this.add(short, this.placeFor(ds[0]));
      // Shared by several counties of which one alone is a pilot (伊宁: 伊宁市 and 伊宁县): the
      // pilot, with the others as alternatives the answer names.
      else {
        const places = ds.map((d) => this.placeFor(d));
        const pilots = places.filter((p) => p.kind === "pilot");
        if (pilots.length === 1 && pilots[0]) {
          for (const place of [pilots[0], ...places.filter((p) => p.kind !== "pilot")])
            this.add(short, place);
        }
      }
    }
    // Names of before (襄樊市 → 襄阳市, 伊克昭盟 → 鄂尔多斯市), where no place goes by them today.
    for (const r of atlas.data.names.renames) {
      const today = this.exact.get(r.today)?.[0];
      if (!today) continue;
      for (const term of [r.old, formerShortForm(r.old)])
        if (term && !this.exact.has(term)) this.add(term, today);
    }
    // Nicknames (帝都, 魔都, 羊城), where no place goes by them.
    for (const n of atlas.data.names.nicknames) {
      const place = this.exact.get(n.name)?.[0];
      if (place && !this.exact.has(n.nickname)) this.add(n.nickname, place);
    }
    // A pilot is also a reading of its name without the province and city in front: 城区 can be
    // 大同市城区, 东城区 can be 东莞市东城区, 高新区 can be 吉林市高新区 — shown as alternatives.
    for (const p of atlas.data.pilots) {
      const tail = localName(p.name, atlas);
      // (Not a long generic kind of zone: 经济技术开发区 alone names no one zone.)
      if (GENERIC_ZONE.test(tail)) continue;
      if (tail !== p.name && (tail.length >= 3 || this.exact.has(tail)))
        this.add(tail, { kind: "pilot", pilot: p });
    }
    for (const places of this.exact.values()) places.sort((a, b) => rankOf(a) - rankOf(b));
    this.maxLength = Math.max(...[...this.exact.keys()].map((k) => k.length));
    for (const term of this.exact.keys()) {
      const lengths = this.lengthsByFirst.get(term.charAt(0)) ?? [];
      if (!lengths.includes(term.length)) lengths.push(term.length);
      this.lengthsByFirst.set(term.charAt(0), lengths);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  /**
   * A division that is itself an administrative pilot (昆山市, 郫都区 for 郫县) is recognised as the
   * pilot; a merged one (黄埔区, which absorbed 萝岗区) stays a division.
   */
  private placeFor(d: Division): Place {
    const pilot = this.pilotsByCode()
      .get(d.code)
      ?.find((p) => (p.name.endsWith(d.name) || p.aliases.includes(d.name)) && ADMIN_LEVELS.has(p.level));
    if (pilot) return { kind: "pilot", pilot };
    // A county named in a pilot's 含… or covers list (峨眉山市 in 乐山市, 钢城区 in the former 莱芜市)
    // is recognised as part of that pilot.
    const part = this.pilotsByPart()
      .get(d.name)
      ?.find((p) =>
        p.covers?.includes(d.name)
          ? p.province === d.province
          : p.divisionCode !== null && d.code.startsWith(p.divisionCode),
      );
    return part ? { kind: "pilot", pilot: part, included: d.name } : { kind: "division", division: d };
  }

  private byCode?: Map<string, Pilot[]>;
  private byPart?: Map<string, Pilot[]>;

  private pilotsByCode(): Map<string, Pilot[]> {
    this.byCode ??= groupBy(this.atlas.data.pilots, (p) => (p.divisionCode ? [p.divisionCode] : []));
    return this.byCode;
  }

  private pilotsByPart(): Map<string, Pilot[]> {
    this.byPart ??= groupBy(this.atlas.data.pilots, (p) => [...p.includes, ...(p.covers ?? [])]);
    return this.byPart;
  }

  private add(term: string, place: Place, map = this.exact): void {
    const list = map.get(term);
    if (!list) map.set(term, [place]);
    else if (!list.some((p) => samePlace(p, place))) list.push(place);
  }

  /** Places a Chinese term names, strongest claim first (a pilot's own alias before a same-named county). */
  lookup(term: string): Place[] | undefined {
    return this.exact.get(term);
  }

  /** Every exact term (the names, short forms and aliases the scanner knows). */
  names(): IterableIterator<string> {
    return this.exact.keys();
  }

  /**
   * Lengths of the terms that start with a character, longest first: the scanner tries only these
   * instead of every length up to {@link maxLength}.
   */
  lengthsFrom(first: string): readonly number[] {
    return this.lengthsByFirst.get(first) ?? NO_LENGTHS;
  }

  /** Places a pinyin or English key names (`kunshan`, `innermongolia`). */
  lookupPinyin(key: string): Place[] | undefined {
    if (!this.pinyinMap) this.pinyinMap = this.buildPinyin();
    return this.pinyinMap.get(key);
  }

  /**
   * The places named by the one pinyin key a slip away from `word` ("shougunag" → shouguang, "panyv"
   * → panyu: a letter wrong, missing, extra, or two swapped; v typed for ü), or undefined when no key
   * or more than one is that near.
   */
  correctPinyin(word: string): { key: string; places: Place[] } | undefined {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return undefined;
    const near = new Set<string>();
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (let i = 0; i <= word.length; i++) {
      const [head, tail] = [word.slice(0, i), word.slice(i)];
      for (const c of letters) {
        near.add(head + c + tail);
        if (tail) near.add(head + c + tail.slice(1));
      }
      if (tail) near.add(head + tail.slice(1));
      if (tail.length >= 2) near.add(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
    }
    near.delete(word);
    const found = [...near].filter((key) => this.lookupPinyin(key) !== undefined);
    const key = found.length === 1 ? found[0] : undefined;
    const places = key ? this.lookupPinyin(key) : undefined;
    return key && places ? { key, places } : undefined;
  }

  private buildPinyin(): Map<string, Place[]> {
    const map = new Map<string, Place[]>();
    for (const [term, places] of this.exact) {
      const strongest = places[0];
      if (!strongest) continue;
      for (const place of places.filter((p) => rankOf(p) === rankOf(strongest))) {
        this.add(pinyinKey(term), place, map);
      }
    }
    const english: [string, string][] = [
      ...this.atlas.provinces.map((d): [string, string] => [PROVINCE_ENGLISH[d.name] ?? "", d.name]),
      ...this.atlas.data.names.exonyms.map((e): [string, string] => [e.english, e.name]),
    ];
    for (const [word, name] of english) {
      const place = this.exact.get(name)?.[0];
      if (!word || !place) continue;
      this.add(word.toLowerCase().replace(/[^a-z]/g, ""), place, map);
      // (The Latin scan skips "and": "Xinjiang Production and Construction Corps" is read without it.)
      if (/\band\b/i.test(word)) this.add(word.toLowerCase().replace(/\band\b|[^a-z]/g, ""), place, map);
    }
    // Homophones (suzhou: 苏州市 and 宿州市) put the bigger unit first, then the lower code.
    for (const places of map.values())
      places.sort((a, b) => prominence(a) - prominence(b) || codeOf(a).localeCompare(codeOf(b)));
    return map;
  }

  /**
   * Names within one edit (a wrong, missing or extra character) of `text`, for "did you mean".
   * Candidates come from a minisearch index over character unigrams and bigrams, which works for
   * unspaced Chinese where the default whitespace tokenizer would not.
   */
  suggest(text: string, limit = 3): string[] {
    const query = Array.from(text.replace(/[^\p{Script=Han}]/gu, "")).join("");
    if (query.length < 2 || query.length > 24) return [];
    // The engine asks twice for one question (to choose the intent, then to word the answer).
    if (this.lastSuggestion?.query === query && this.lastSuggestion.limit === limit)
      return this.lastSuggestion.result;
    // Look-alike and same-sounding characters first, then any one-character edit.
    const result = this.corrections(query)
      .map((c) => c.name)
      .concat(query.length >= 3 ? this.searchSimilar(query, limit) : [])
      .filter((name, i, all) => all.indexOf(name) === i)
      .slice(0, limit);
    this.lastSuggestion = { query, limit, result };
    return result;
  }

  private lastSuggestion?: { query: string; limit: number; result: string[] };

  private corrector?: TypoCorrector;

  /**
   * The one pilot whose name holds the longest start of `text` (four characters at least, and more
   * than `shorter`): "港口生态工业园" is most of 宁国港口生态工业园区, not the county 港口区.
   */
  pilotHolding(text: string, shorter: number): { pilot: Pilot; length: number } | undefined {
    const chars = Array.from(text.match(/^\p{Script=Han}+/u)?.[0] ?? "");
    for (let n = Math.min(chars.length, 16); n >= Math.max(4, shorter + 1); n--) {
      const part = chars.slice(0, n).join("");
      const holders = this.atlas.data.pilots.filter((p) => p.name.includes(part));
      if (holders.length === 1 && holders[0]) return { pilot: holders[0], length: n };
      if (holders.length > 1) return undefined;
    }
    return undefined;
  }

  /**
   * The one pilot whose name holds every character of `text` in order (招商局开发区 in
   * 漳州招商局经济技术开发区): a zone named with words left out. Four characters at least.
   */
  pilotAbbreviated(text: string): Pilot | undefined {
    const chars = Array.from(text);
    if (chars.length < 4) return undefined;
    const holders = this.atlas.data.pilots.filter((p) => isSubsequence(chars, Array.from(p.name)));
    return holders.length === 1 ? holders[0] : undefined;
  }

  /**
   * Known names one look-alike or same-sounding character away from `text` (毫州 → 亳州, 郑洲 →
   * 郑州), most likely first, as canonical names with the likelihood of the slip.
   */
  corrections(text: string): (Correction & { name: string })[] {
    if (!/^\p{Script=Han}{2,8}$/u.test(text)) return [];
    // The engine asks for the same text more than once per question.
    if (this.lastCorrection?.text === text) return this.lastCorrection.result;
    const result = this.freshCorrections(text);
    this.lastCorrection = { text, result };
    return result;
  }

  private lastCorrection?: { text: string; result: (Correction & { name: string })[] };

  private freshCorrections(text: string): (Correction & { name: string })[] {
    this.corrector ??= new TypoCorrector(
      (term) => this.exact.has(term),
      new Set([...this.exact.keys()].flatMap((t) => Array.from(t))),
      this.atlas.data.similarChars.similar,
    );
    const out: (Correction & { name: string })[] = [];
    for (const c of this.corrector.correct(text)) {
      const name = canonicalName(this.exact.get(c.term)?.[0]);
      if (name && !out.some((o) => o.name === name)) out.push({ ...c, name });
    }
    return out;
  }

  /**
   * The one name that `text` (four characters or more, ending like a place) mistypes in a single
   * character other than its last (杜丹江市 → 牡丹江市): undefined when no name, or several, fit.
   */
  oneSubstitution(text: string): { term: string; name: string } | undefined {
    const chars = Array.from(text);
    if (chars.length < 4 || !/[市县区州旗盟]$/.test(text)) return undefined;
    this.similar ??= new SimilarNames([...this.exact.keys()].filter((t) => t.length >= 3));
    const fits = new Map<string, string>();
    for (const term of this.similar.find(text)) {
      const other = Array.from(term);
      if (other.length !== chars.length || other.at(-1) !== chars.at(-1)) continue;
      if (other.filter((c, i) => c !== chars[i]).length !== 1) continue;
      const name = canonicalName(this.exact.get(term)?.[0]);
      if (name) fits.set(name, term);
    }
    const [only, ...more] = fits;
    return only && more.length === 0 ? { term: only[1], name: only[0] } : undefined;
  }

  private searchSimilar(query: string, limit: number): string[] {
    this.similar ??= new SimilarNames([...this.exact.keys()].filter((t) => t.length >= 3));
    const out: string[] = [];
    for (const term of this.similar.find(query)) {
      const name = canonicalName(this.exact.get(term)?.[0]);
      if (name && !out.includes(name)) out.push(name);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** 襄樊市 → 襄樊, 伊克昭盟 → 伊克昭, 铜仁地区 → 铜仁: the short form of a former name, if two characters or more. */
export function formerShortForm(old: string): string | undefined {
  const short = old.replace(/(市|地区|盟|县)$/, "");
  return short !== old && short.length >= 2 ? short : undefined;
}

/** Whether `part` occurs in `whole` in order, with gaps allowed. */
function isSubsequence(part: string[], whole: string[]): boolean {
  let j = 0;
  for (const c of whole) if (c === part[j]) j++;
  return j === part.length;
}

/** Official name of a place. */
export function canonicalName(p: Place | undefined): string | undefined {
  if (!p) return undefined;
  return p.kind === "pilot" ? p.pilot.name : p.division.name;
}

function prominence(p: Place): number {
  if (p.kind === "division") return { province: 0, city: 1, county: 2 }[p.division.level];
  return p.pilot.level === "地级市" ? 1 : 2;
}

function codeOf(p: Place): string {
  return (p.kind === "pilot" ? p.pilot.divisionCode : p.division.code) ?? "~";
}

/**
 * Whether two readings are the same place: one pilot or one division twice, or a pilot and the
 * division it is (昆山市). Same-named divisions elsewhere (城区 in 阳泉 and in 晋城) are not.
 */
export function sameLocation(a: Place, b: Place): boolean {
  if (a.kind === "pilot" && b.kind === "pilot") return a.pilot === b.pilot;
  if (a.kind === "division" && b.kind === "division") return a.division.code === b.division.code;
  const pilot = a.kind === "pilot" ? a.pilot : b.kind === "pilot" ? b.pilot : undefined;
  const division = a.kind === "division" ? a.division : b.kind === "division" ? b.division : undefined;
  return Boolean(
    pilot &&
      division &&
      pilot.divisionCode === division.code &&
      (pilot.name.endsWith(division.name) || pilot.aliases.includes(division.name)),
  );
}

/** Kinds of zone long enough to be taken for a name, which name no zone by themselves. */
const GENERIC_ZONE =
  /^(经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|工业园区|保税区|综合保税区)$/;

/** A pilot's name without the province and city names in front (北京市东城区 → 东城区). */
export function localName(name: string, atlas: Atlas): string {
  let tail = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of atlas.provinces) {
      for (const prefix of [d.name, ...shortForms(d)]) {
        if (tail.startsWith(prefix) && tail.length > prefix.length + 1) {
          tail = tail.slice(prefix.length);
          changed = true;
        }
      }
    }
    const city = atlas.cities.find((d) => tail.startsWith(d.name) && tail.length > d.name.length + 1);
    if (city) {
      tail = tail.slice(city.name.length);
      changed = true;
    }
  }
  return tail;
}

/** Groups items under every key a function gives them. */
function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) out.set(key, [...(out.get(key) ?? []), item]);
  return out;
}

function samePlace(a: Place, b: Place): boolean {
  if (a.kind === "pilot" && b.kind === "pilot") return a.pilot === b.pilot && a.included === b.included;
  if (a.kind === "division" && b.kind === "division") return a.division.code === b.division.code;
  return false;
}
