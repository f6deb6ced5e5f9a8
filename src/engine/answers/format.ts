import { batchOf, isCounted } from "../../data/pilots.ts";
import type { NamesFile, Pilot, Programme } from "../../data/schema.ts";
import type { TableName } from "../../research/treatment.ts";
import type { Atlas } from "../atlas.ts";
import { PROVINCE_ENGLISH } from "../atlas.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { pinyinKey } from "../pinyin.ts";

/** English names that are not pinyin, by Chinese name (呼和浩特市 → Hohhot), from `data/names.json`. */
const EXONYM_OF = new Map<string, string>();

/**
 * Takes the exonyms answers are written with (archaic ones, such as Canton, are only read). Called
 * once by the engine when it is built from its data.
 */
export function useExonyms(exonyms: NamesFile["exonyms"]): void {
  for (const e of exonyms) if (!e.archaic && !EXONYM_OF.has(e.name)) EXONYM_OF.set(e.name, e.english);
}

/** Language of an answer: English questions get English answers with Chinese names in brackets. */
export type Lang = "zh" | "en";

/** What every answer composer needs. */
export interface ComposeContext {
  atlas: Atlas;
  programme: Programme;
  lang: Lang;
}

/** What a composer returns; the engine adds intent, question, trace and context. */
export interface Reply {
  text: string;
  isPilot?: boolean | null;
  count?: number;
  place?: string;
  area?: string;
  pilots?: Pilot[];
  /** Ranking and comparison answers: the area(s) with the most (or, when asked, the fewest); empty for a tie. */
  winners?: string[];
  /** The other programme an answer is about. */
  programme?: string;
  /** Natural next questions, offered as buttons by the bot. */
  suggestions?: string[];
  /** Rankings: the figures are of part of the list (the first two batches, new pilots only), which no chart shows. */
  narrowed?: boolean;
  /** A chart that illustrates the answer. */
  chart?: ChartSpec;
  /** Research tables the bot sends as files with the answer (the engine only names them). */
  attachments?: TableName[];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2013-08-05` → 2013年8月5日 / 5 August 2013. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  return lang === "zh" ? `${y}年${m}月${d}日` : `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** 第二批（2013年度） / batch 2 (2013). */
export function batchLabel(batch: number, programme: Programme, lang: Lang): string {
  const b = programme.batches.find((x) => x.batch === batch);
  return lang === "zh" ? `${b?.label ?? `第${batch}批`}（${b?.year}年度）` : `batch ${batch} (${b?.year})`;
}

/** The programme year a batch is named after (2013 for batch 2). */
export function yearOf(batch: number, programme: Programme): number {
  return batchOf(programme, batch).year;
}

/** The years the batches are named after: 2012—2014年度 / 2012–2014. */
export function yearSpan(programme: Programme, lang: Lang): string {
  const years = programme.batches.map((b) => b.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return lang === "zh" ? `${first}—${last}年度` : `${first}–${last}`;
}

/** The batch's announcement date. */
export function announced(batch: number, programme: Programme, lang: Lang): string {
  const iso = programme.batches.find((x) => x.batch === batch)?.announced ?? "";
  return formatDate(iso, lang);
}

/** Upper-cases the first letter ("batch 1 (2012)" → "Batch 1 (2012)"); Chinese is left as it is. */
export function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A pilot or place name for an English reader: `Kunshan (昆山市)`; functional areas keep their Chinese name. */
export function englishName(name: string, shortForm?: string): string {
  const key = `${name}|${shortForm ?? ""}`;
  let english = ENGLISH_NAMES.get(key);
  if (english === undefined) {
    english = romanise(name, shortForm);
    ENGLISH_NAMES.set(key, english);
  }
  return english;
}

/** A place's English name alone, without the Chinese in brackets: for buttons and suggested questions. */
export function bareEnglishName(name: string): string {
  return englishName(name).replace(/\s*\(.*\)$/, "");
}

// Names repeat across answers; their romanisation is computed once.
const ENGLISH_NAMES = new Map<string, string>();

/** The peoples of China's autonomous prefectures, so that 黔东南苗族侗族自治州 splits after 黔东南. */
const AUTONOMOUS_PREFECTURE =
  /^(.{2,4}?)(?:(?:藏|羌|蒙古|回|彝|苗|侗|土家|白|傣|哈尼|壮|景颇|傈僳|布依|朝鲜|哈萨克|柯尔克孜)族?)+自治州$/u;

function romanise(name: string, shortForm?: string): string {
  const english = PROVINCE_ENGLISH[name] ?? EXONYM_OF.get(name);
  if (english) return `${english} (${name})`;
  // 大理白族自治州 → Dali Prefecture: the ethnic part is not part of the everyday name.
  const prefecture = !shortForm && name.match(AUTONOMOUS_PREFECTURE)?.[1];
  if (prefecture) return `${titleCase(pinyinKey(prefecture))} Prefecture (${name})`;
  const base = (shortForm ?? name).replace(/(市|区|县|镇|省|地区|自治州)$/, "");
  if (!/^[\p{Script=Han}]{1,6}$/u.test(base)) return name;
  const roman = titleCase(pinyinKey(base));
  // 吉林市 must not read like the province: Jilin City.
  const likeProvince = name.endsWith("市") && Object.values(PROVINCE_ENGLISH).includes(roman);
  // A one-syllable name keeps its kind: Feng County (丰县), Pi County (郫县).
  const kind =
    base.length === 1 ? ({ 县: " County", 区: " District", 市: " City" }[name.slice(-1)] ?? "") : "";
  return `${roman}${likeProvince ? " City" : kind} (${name})`;
}

/** Shortest alias found inside the name (昆山 for 昆山市, 浦东 for 上海市浦东新区), if any. */
function shortAlias(p: Pilot): string | undefined {
  return p.aliases.filter((a) => p.name.includes(a)).sort((a, b) => a.length - b.length)[0];
}

/** A pilot's name in the answer's language. */
export function pilotName(p: Pilot, lang: Lang): string {
  if (lang === "zh") return p.name;
  // An English name of its own (Suzhou Industrial Park, Nanjing Hexi New Town) beats a composed one.
  if (EXONYM_OF.has(p.name)) return englishName(p.name);
  return (p.level === "功能区" && functionalAreaName(p.name)) || englishName(p.name, shortAlias(p));
}

/** English for the kinds of zones and new towns pilots often are; the stem stays in pinyin. */
const ZONE_KINDS: [string, string][] = [
  ["经济技术开发区", "Economic and Technological Development Zone"],
  ["高新技术产业开发区", "High-tech Industrial Development Zone"],
  ["高新技术开发区", "High-tech Development Zone"],
  ["高新区", "High-tech Zone"],
  ["工业园区", "Industrial Park"],
  ["高教园区", "Higher Education Park"],
  ["生态工业园区", "Eco-industrial Park"],
  ["投资区", "Investment Zone"],
  ["开发区", "Development Zone"],
  ["示范区", "Demonstration Zone"],
  ["生态城", "Eco-city"],
  ["科技城", "Science City"],
  ["生态园", "Eco-park"],
  ["商务区", "Business District"],
  ["服务区", "Service Area"],
  ["新区", "New Area"],
  ["新城", "New Town"],
];

/** 苏州工业园区 → Suzhou Industrial Park (苏州工业园区); undefined when the name has no known kind. */
function functionalAreaName(name: string): string | undefined {
  // Drop the city, county or district in front (北京市房山区…), never the zone's own name.
  const local = name.replace(/^(?:[^市县区]{1,4}[市县]|[^市县区]{1,3}区(?=.{3,}))+/, "");
  const kind = ZONE_KINDS.filter(([zh]) => local.endsWith(zh)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!kind) return undefined;
  const stem = local.slice(0, -kind[0].length) || name.slice(0, 2);
  if (!/^\p{Script=Han}{1,8}$/u.test(stem)) return undefined;
  return `${titleCase(pinyinKey(stem))} ${kind[1]} (${name})`;
}

/** A place name in the answer's language. */
export function placeName(name: string, lang: Lang): string {
  return lang === "zh" ? name : englishName(name);
}

/** `昆山市（第二批）` — a pilot with its batch, and for expansions what it extends. */
export function pilotWithBatch(p: Pilot, programme: Programme, lang: Lang): string {
  // (An expansion area that is by convention not counted says so: "后两个要不要算".)
  const uncounted = p.scope === "expansion" && !isCounted(p);
  if (lang === "en") {
    const extra =
      p.scope === "expansion"
        ? `, added to ${p.expands}${uncounted ? `, not counted in the ${programme.total}` : ""}`
        : "";
    return `${pilotName(p, lang)} (batch ${p.batch}${extra})`;
  }
  const label = programme.batches.find((b) => b.batch === p.batch)?.label ?? "";
  return p.scope === "expansion"
    ? `${p.name}（${label}扩大范围，并入${p.expands}${uncounted ? `，不计入${programme.total}个` : ""}）`
    : `${p.name}（${label}）`;
}

/** A document's number as it may be stated: an unconfirmed one is marked as commonly cited. */
export function documentNumber(d: Programme["documents"][number], lang: Lang): string | undefined {
  if (!d.number) return undefined;
  if (d.numberConfirmed) return d.number;
  return lang === "zh" ? `常见引用为${d.number}，未经核实` : `commonly cited as ${d.number}, unconfirmed`;
}

/** Joins names the way each language lists them. */
export function joinList(items: string[], lang: Lang): string {
  if (lang === "zh") return items.join("、");
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Sorts pilots by batch, then counted before uncounted, then in dataset order. */
export function byBatch(pilots: Pilot[]): Pilot[] {
  return [...pilots].sort(
    (a, b) => a.batch - b.batch || Number(a.scope === "expansion") - Number(b.scope === "expansion"),
  );
}
