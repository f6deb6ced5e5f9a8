import Nzh from "nzh";
import { isCounted } from "../../data/pilots.ts";
import type { Pilot } from "../../data/schema.ts";
import type { Division } from "../atlas.ts";
import type { Place } from "../lexicon.ts";
import type { BatchNumber } from "../recognise.ts";
import {
  bareEnglishName,
  batchLabel,
  byBatch,
  type ComposeContext,
  joinList,
  type Lang,
  pilotName,
  pilotWithBatch,
  placeName,
  type Reply,
  titleCase,
  yearOf,
} from "./format.ts";

/** Province-level codes of Taiwan, Hong Kong and Macao, which have no pilots. */
const OUTSIDE_MAINLAND = new Set(["71", "81", "82"]);

/** English plural of a count noun. */
function plural(n: number, noun: string): string {
  return n === 1 ? noun : `${noun}s`;
}

/** The division an area question is about: a pilot that is itself an administrative unit counts as that unit. */
export function areaOf(cx: ComposeContext, place: Place): Division | undefined {
  if (place.kind === "division") return place.division;
  const { pilot } = place;
  if (!pilot.divisionCode || pilot.level === "功能区" || pilot.level === "镇" || pilot.level === "街道")
    return undefined;
  const d = cx.atlas.divisions.get(pilot.divisionCode);
  return d && (d.name === pilot.name || pilot.name.endsWith(d.name)) ? d : undefined;
}

interface Tally {
  counted: Pilot[];
  /** Counted expansions set apart when only new pilots are asked for. */
  leftOut: Pilot[];
  uncounted: Pilot[];
}

/** "新增…（不算扩大范围）": count and list only the new pilots; the expansions left out are named. */
export interface AreaOptions {
  newOnly?: boolean;
  /** A pilot the question calls the area's only one ("Tibet only has Lhasa?"): the answer says it is not. */
  onlyOne?: Pilot;
}

/** That `pilot`, called the area's only one, is one of several. */
function onlyOneVerdict(cx: ComposeContext, pilot: Pilot, counted: Pilot[], label: string): string {
  return cx.lang === "zh"
    ? `不是：${pilot.name}是${label}${counted.length}个试点中的一个。`
    : `No: ${pilotName(pilot, "en")} is one of ${counted.length} pilots in ${label}.`;
}

/** The counted expansions an answer for new pilots only leaves out, as a note. */
function leftOutNote(cx: ComposeContext, left: Pilot[]): string | undefined {
  if (left.length === 0) return undefined;
  const names = joinList(
    left.map((p) => `${pilotName(p, cx.lang)}→${p.expands}`),
    cx.lang,
  );
  return cx.lang === "zh"
    ? `以上只算新增试点；另有扩大范围${left.length}个（${names}），按惯例也计入总数。`
    : `New pilots only; ${left.length} expansion area(s) (${names}) are left out here but count toward the total.`;
}

/**
 * Which of an area's counted pilots a figure takes: those of one batch (or of all), or of the batches
 * up to one (前两批: `through` 2), and of those the new pilots or the expansion areas only.
 */
export interface CountScope {
  batch: BatchNumber | null;
  /** The last batch taken, when the batches up to it are counted together; `batch` is then null. */
  through?: BatchNumber;
  only?: "new" | "expansion";
}

/** Every counted pilot of every batch. */
export const WHOLE_LIST: CountScope = { batch: null };

/** Whether a scope takes less than the whole list (one batch, the first batches, one kind of pilot). */
export function isNarrowed(scope: CountScope): boolean {
  return scope.batch !== null || scope.through !== undefined || scope.only !== undefined;
}

/**
 * The scope as said in an answer ("第三批（2014年度）新增", "前两批", "batch 3 (2014), expansion
 * areas only"); empty for the whole list.
 */
export function countScopeLabel(cx: ComposeContext, scope: CountScope): string {
  const zh = cx.lang === "zh";
  const batches =
    scope.through !== undefined
      ? zh
        ? `前${Nzh.cn.encodeS(scope.through).replace("二", "两")}批`
        : `batches 1–${scope.through}`
      : scope.batch === null
        ? ""
        : batchLabel(scope.batch, cx.programme, cx.lang);
  if (!scope.only) return batches;
  if (zh)
    return scope.only === "new" ? (batches ? `${batches}新增` : "不含扩大范围的") : `${batches}扩大范围`;
  const kind = scope.only === "new" ? "new pilots only" : "expansion areas only";
  if (batches) return `${batches}, ${kind}`;
  return scope.only === "new" ? "the list without its expansion areas" : "the expansion areas";
}

/**
 * The scope as asked, less what makes no difference: "new pilots only" of a batch that has no
 * counted expansion area is the batch.
 */
export function effectiveScope(cx: ComposeContext, scope: CountScope): CountScope {
  if (!scope.only) return scope;
  const { only, ...rest } = scope;
  const taken = cx.atlas.data.pilots.filter((p) => isCounted(p) && inScope(rest, p));
  return taken.some((p) => p.scope !== only) ? scope : rest;
}

function inScope(scope: CountScope, p: Pilot): boolean {
  if (scope.through !== undefined && p.batch > scope.through) return false;
  if (scope.batch !== null && p.batch !== scope.batch) return false;
  return true;
}

function tally(cx: ComposeContext, d: Division, scope: CountScope): Tally {
  const all = byBatch(cx.atlas.pilotsIn(d)).filter((p) => inScope(scope, p));
  const counted = all.filter(isCounted);
  // One kind only: the counted pilots of the other kind are set apart, to be named in a note.
  const kept = scope.only ? counted.filter((p) => p.scope === scope.only) : counted;
  return {
    counted: kept,
    leftOut: counted.filter((p) => !kept.includes(p)),
    uncounted: all.filter((p) => !isCounted(p)),
  };
}

/** The scope of one batch (or all), new pilots only when asked. */
function batchScope(batch: BatchNumber | null, newOnly = false): CountScope {
  return newOnly ? { batch, only: "new" } : { batch };
}

function breakdown(cx: ComposeContext, counted: Pilot[]): string {
  const { programme, lang } = cx;
  const parts: string[] = [];
  for (const b of programme.batches) {
    const inBatch = counted.filter((p) => p.batch === b.batch);
    if (inBatch.length === 0) continue;
    const expansions = inBatch.filter((p) => p.scope === "expansion").length;
    parts.push(
      lang === "zh"
        ? `${b.label}${inBatch.length}个${expansions ? `（新增${inBatch.length - expansions}个、扩大范围${expansions}个）` : ""}`
        : `batch ${b.batch}: ${inBatch.length}${expansions ? ` (${inBatch.length - expansions} new, ${expansions} expansion)` : ""}`,
    );
  }
  return lang === "zh" ? parts.join("、") : parts.join(", ");
}

/** The corps' own listing unit, whose pilots lie in 新疆 but are counted apart. */
const CORPS = "新疆生产建设兵团";

function corpsNote(cx: ComposeContext, d: Division): string | undefined {
  if (d.name !== "新疆维吾尔自治区") return undefined;
  const corps = cx.atlas.data.pilots.filter((p) => p.province === CORPS && isCounted(p));
  const first = corps[0];
  if (!first) return undefined;
  const names = corps.map((p) => p.name);
  const batches = [...new Set(corps.map((p) => p.batch))];
  const listed = batches
    .map((b) => batchLabel(b, cx.programme, cx.lang))
    .join(cx.lang === "zh" ? "、" : ", ");
  return cx.lang === "zh"
    ? `另外，${listed}名单把${CORPS}单列：兵团的${names.join("、")}${corps.length}个试点也在新疆境内，但不计入上面的数字。`
    : `The list of ${listed} also names ${corps.length} pilot(s) of the Xinjiang Production and Construction Corps (${names.join(", ")}), counted apart.`;
}

/** Why a province's own published figure differs from this count (安徽 16: 定远县 counted apart). */
function countingNote(cx: ComposeContext, d: Division): string | undefined {
  const note = cx.programme.countingNotes.find((n) => n.province === d.name);
  if (!note) return undefined;
  return cx.lang === "zh"
    ? `说明：${note.note}`
    : `Note: the province's own figure${note.figure ? ` (${note.figure})` : ""} is higher because it counts a place named inside one entry (含…) on its own.`;
}

function uncountedNote(cx: ComposeContext, uncounted: Pilot[]): string | undefined {
  if (uncounted.length === 0) return undefined;
  const names = uncounted.map((p) => `${pilotName(p, cx.lang)}→${p.expands}`);
  const year = yearOf(uncounted[0]?.batch ?? 2, cx.programme);
  return cx.lang === "zh"
    ? `此外，${year}年有${uncounted.length}个扩大范围区域并入原有试点（${joinList(names, "zh")}），按惯例不计入。`
    : `In ${year}, ${uncounted.length} more area(s) were added to earlier pilots (${joinList(names, "en")}); by convention they are not counted.`;
}

function scopeLabel(cx: ComposeContext, d: Division, batch: BatchNumber | null): string {
  if (batch === null) return placeName(d.name, cx.lang);
  return cx.lang === "zh"
    ? `${d.name}${batchLabel(batch, cx.programme, "zh")}`
    : `${placeName(d.name, "en")} in ${batchLabel(batch, cx.programme, "en")}`;
}

function shortName(d: Division): string {
  return d.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "") || d.name;
}

/** Answers "how many pilots does X have", with a per-batch breakdown and the uncounted 2013 areas named. */
export function composeAreaCount(
  cx: ComposeContext,
  d: Division,
  batch: BatchNumber | null,
  options: AreaOptions = {},
): Reply {
  const { counted, leftOut: left, uncounted } = tally(cx, d, batchScope(batch, options.newOnly));
  const { lang } = cx;
  const label = scopeLabel(cx, d, batch);
  const lines: string[] = [];
  const expansions = counted.filter((p) => p.scope === "expansion").length;
  const ofWhich =
    batch !== null && expansions > 0
      ? lang === "zh"
        ? `（其中扩大范围${expansions}个）`
        : ` (${expansions} of them expansions)`
      : "";
  if (counted.length === 0) {
    lines.push(
      lang === "zh" ? `${label}没有国家智慧城市试点。` : `${label} has no National Smart City pilot.`,
    );
    if (OUTSIDE_MAINLAND.has(d.code)) {
      lines.push(
        lang === "zh"
          ? "试点只在内地（大陆）的城市开展，不包括港澳台。"
          : "The pilots are all in mainland China.",
      );
    }
  } else if (lang === "zh") {
    lines.push(
      `${label}共有${counted.length}个${options.newOnly ? "新增的" : ""}国家智慧城市试点${batch === null ? `：${breakdown(cx, counted)}` : ofWhich}。`,
    );
    if (counted.length <= 8)
      lines.push(
        `分别是：${joinList(
          counted.map((p) => pilotWithBatch(p, cx.programme, lang)),
          lang,
        )}。`,
      );
  } else {
    lines.push(
      `${label} has ${counted.length} ${options.newOnly ? "new " : ""}National Smart City ${plural(counted.length, "pilot")}${batch === null ? ` — ${breakdown(cx, counted)}` : ofWhich}.`,
    );
    if (counted.length <= 8)
      lines.push(
        `${counted.length === 1 ? "It is" : "They are"} ${joinList(
          counted.map((p) => pilotWithBatch(p, cx.programme, lang)),
          lang,
        )}.`,
      );
  }
  const correction = cx.programme.seedCorrections.find((c) => c.term === d.name);
  if (correction && counted.length === 0)
    lines.push(lang === "zh" ? `说明：${correction.text}` : `Note (Chinese): ${correction.text}`);
  for (const note of [
    leftOutNote(cx, left),
    uncountedNote(cx, uncounted),
    batch === null ? corpsNote(cx, d) : undefined,
    batch === null ? countingNote(cx, d) : undefined,
  ])
    if (note) lines.push(note);
  return {
    text: lines.join("\n"),
    count: counted.length,
    area: d.name,
    pilots: [...counted, ...uncounted],
    suggestions:
      counted.length > 8
        ? [lang === "zh" ? `${shortName(d)}有哪些试点` : `Which pilots are in ${bareEnglishName(d.name)}?`]
        : [],
  };
}

/** Answers "which pilots does X have": every pilot grouped by batch. */
export function composeAreaList(
  cx: ComposeContext,
  d: Division,
  batch: BatchNumber | null,
  options: AreaOptions = {},
): Reply {
  const { counted, leftOut: left, uncounted } = tally(cx, d, batchScope(batch, options.newOnly));
  const { lang, programme } = cx;
  const label = scopeLabel(cx, d, batch);
  if (counted.length === 0) return { ...composeAreaCount(cx, d, batch, options), pilots: [] };
  // "青海省的试点都是哪些？是不是全在第三批": when every pilot lies in one batch, the heading says so.
  const only = batch === null && counted.length > 1 ? oneBatchOf(counted) : undefined;
  const allIn = only
    ? lang === "zh"
      ? `，全部在${batchLabel(only, programme, "zh")}`
      : `, all in ${batchLabel(only, programme, "en")}`
    : "";
  const lines = [
    ...(options.onlyOne && counted.includes(options.onlyOne)
      ? [onlyOneVerdict(cx, options.onlyOne, counted, label)]
      : []),
    lang === "zh"
      ? `${label}的${counted.length}个${options.newOnly ? "新增的" : ""}国家智慧城市试点${allIn}：`
      : `The ${counted.length} ${options.newOnly ? "new " : ""}${plural(counted.length, "pilot")} of ${label}${allIn}:`,
  ];
  for (const b of programme.batches) {
    const inBatch = counted.filter((p) => p.batch === b.batch);
    if (inBatch.length === 0) continue;
    const names = inBatch.map((p) =>
      p.scope === "expansion"
        ? lang === "zh"
          ? `${p.name}（扩大范围，并入${p.expands}）`
          : `${pilotName(p, lang)} (added to ${p.expands})`
        : withIncluded(p, lang),
    );
    // With one batch asked for, the heading already says which: just the names.
    if (batch !== null) lines.push(names.join(lang === "zh" ? "、" : ", "));
    else {
      lines.push(
        lang === "zh"
          ? `${batchLabel(b.batch, programme, "zh")}${inBatch.length}个：${names.join("、")}`
          : `Batch ${b.batch} (${b.year}), ${inBatch.length}: ${names.join(", ")}`,
      );
    }
  }
  for (const note of [
    leftOutNote(cx, left),
    uncountedNote(cx, uncounted),
    batch === null ? corpsNote(cx, d) : undefined,
  ])
    if (note) lines.push(note);
  return { text: lines.join("\n"), count: counted.length, area: d.name, pilots: [...counted, ...uncounted] };
}

/** The one batch all of these pilots lie in, if they share one. */
export function oneBatchOf(pilots: Pilot[]): BatchNumber | undefined {
  const batches = new Set(pilots.map((p) => p.batch));
  const [only] = batches;
  return batches.size === 1 ? only : undefined;
}

/** Province-level units with their counted pilots (of one batch, or of all), most first; ties keep gazetteer order. */
export function provinceCounts(
  cx: ComposeContext,
  scope: CountScope = WHOLE_LIST,
): { division: Division; count: number }[] {
  return cx.atlas.provinces
    .map((division) => ({
      division,
      count: tally(cx, division, scope).counted.length,
    }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Words that ask which provinces have none ("一个都没有"). */
const NONE =
  /一个(都|也)没有|一个没有|没有试点的|没有入选的|没入选的|省[^，。？?]{0,6}没(有)?(新增)?(的)?(试点|入选)|零个|空白|挂零|\bnone\b|\bnothing\b|\bno pilots?\b/;

/**
 * The provinces with none: in a batch, those that have pilots but none in it; over the programme,
 * the ones it never covered (港澳台). Then the ranking table.
 */
function composeNoneInBatch(
  cx: ComposeContext,
  counting: CountScope,
  scope: string,
  rows: { division: Division; count: number }[],
): Reply {
  const narrowed = isNarrowed(counting);
  const zero = cx.atlas.provinces.filter(
    (d) =>
      (!narrowed || tally(cx, d, WHOLE_LIST).counted.length > 0) &&
      tally(cx, d, counting).counted.length === 0,
  );
  if (!narrowed) {
    const names = joinList(
      zero.map((d) => placeName(d.name, cx.lang)),
      cx.lang,
    );
    const head =
      cx.lang === "zh"
        ? `内地每个省级单位都有试点（共${rows.length}个单位，新疆生产建设兵团单列）；没有试点的只有${names}，它们不在这个项目的范围内。`
        : `Every mainland province-level unit has pilots (${rows.length} units, the Xinjiang Production and Construction Corps listed apart); only ${names} have none, being outside the programme.`;
    const rankOf = (count: number) => rows.findIndex((r) => r.count === count) + 1;
    return {
      text: [head, ...rankingTable(rows, rankOf, rows[0]?.count ?? 1, cx.lang, scope)].join("\n"),
      count: 0,
      winners: [],
    };
  }
  const names = joinList(
    zero.map((d) => placeName(d.name, cx.lang)),
    cx.lang,
  );
  const rankOf = (count: number) => rows.findIndex((r) => r.count === count) + 1;
  const head =
    zero.length === 0
      ? cx.lang === "zh"
        ? `${scope}每个省级单位都有试点。`
        : `Every province-level unit has pilots in ${scope}.`
      : cx.lang === "zh"
        ? // (New pilots only: "第三批（2014年度）没有新增试点的…", not "…新增没有试点的".)
          `${scope.replace(/新增$/, "没有新增")}${scope.endsWith("新增") ? "" : "没有"}试点的省级单位有${zero.length}个：${names}。`
        : `${zero.length} province-level units have no pilots in ${scope}: ${names}.`;
  return {
    text: [head, ...rankingTable(rows, rankOf, rows[0]?.count ?? 1, cx.lang, scope)].join("\n"),
    count: zero.length,
    winners: zero.map((d) => d.name),
  };
}

/** Words that ask for a batch's new pilots only, without its expansion areas. */
export const NEW_ONLY =
  /新增|新入选|新评上|newly (added|selected|listed)|new pilots|new ones|new only|only new/;

/** Words that leave the expansion areas out ("不算扩大范围", "扩大范围的除外"), not ask it ("含不含", "算不算"). */
// (扩容 is said for 扩大范围 too: "不算扩容的".)
export const EXCLUDES_EXPANSIONS =
  /((?<!算)不算|(?<!含)不含|(?<!包括)不包括|除去|去掉|除了|排除)[^，。,]{0,8}(扩大范围|扩容)|(扩大范围|扩容)[^，。,]{0,12}((?<!算)不算(?!不)|除外|不计|去掉)|(without|not counting|excluding|leaving out|don'?t count|do not count|minus) (the )?(scope )?expansions?( areas?)?/;

/** Asks for the most or the fewest (最多, 第一, most), so that a province named is to be confirmed as it. */
const SUPERLATIVE_ASKED =
  /最多|最少|第一多|全国第一|排第一|most|fewest|\btop\b|\bfirst place\b|\bnumber one\b|\bno\. ?1\b|\bleads?\b|\bleader\b/;

/** A number of pilots asked exactly ("只有一个试点的省", "只有2个"). */
const EXACTLY = /只有\s*([一两二三四五六七八九\d]{1,2})\s*个/;

/**
 * The province-level units with exactly `n` pilots (in the batch, when one is named), those the
 * question leaves out ("除了上海") said apart; the others are the winners.
 */
function composeExactly(
  cx: ComposeContext,
  rows: { division: Division; count: number }[],
  n: number,
  scope: string,
  excluded: string[],
): Reply {
  const { lang } = cx;
  const all = rows.filter((r) => r.count === n).map((r) => r.division.name);
  const others = all.filter((name) => !excluded.includes(name));
  const left = all.filter((name) => excluded.includes(name));
  const list = (names: string[]) =>
    joinList(
      names.map((x) => placeName(x, lang)),
      lang,
    );
  const text =
    lang === "zh"
      ? `${scope}只有${n}个试点的省级单位${all.length ? `有${all.length}个：${list(all)}` : "没有"}。${left.length && others.length ? `除了${list(left)}，还有${list(others)}。` : ""}`
      : `${scope ? `${titleCase(scope)}: ` : ""}${all.length ? `${all.length} province-level units have exactly ${n}: ${list(all)}.` : `No province-level unit has exactly ${n}.`}${left.length && others.length ? ` Besides ${list(left)}: ${list(others)}.` : ""}`;
  return { text, count: others.length, winners: others };
}

/**
 * Answers ranking questions: province-level units by number of pilots (within one batch when the
 * question names it), ties sharing a rank.
 */
export function composeRanking(
  cx: ComposeContext,
  residual: string,
  focus: Division | undefined,
  asked: CountScope = WHOLE_LIST,
  excluded: string[] = [],
): Reply {
  // "第三批新增试点哪个省最多": the batch's new pilots, without the areas added to earlier ones.
  // ("不算扩大范围的话哪个省最多": over all batches, without the expansions they count.)
  const counting = effectiveScope(cx, asked);
  const reply = rankWithin(cx, residual, focus, counting, excluded);
  return counting.through !== undefined || counting.only ? { ...reply, narrowed: true } : reply;
}

function rankWithin(
  cx: ComposeContext,
  residual: string,
  focus: Division | undefined,
  counting: CountScope,
  excluded: string[],
): Reply {
  const rows = provinceCounts(cx, counting);
  const { lang } = cx;
  const rankOf = (count: number) => rows.findIndex((r) => r.count === count) + 1;
  const top = rows.filter((r) => r.count === rows[0]?.count);
  const min = rows[rows.length - 1]?.count ?? 0;
  const bottom = rows.filter((r) => r.count === min);
  const names = (rs: typeof rows) =>
    joinList(
      rs.map((r) => placeName(r.division.name, lang)),
      lang,
    );
  const scope = countScopeLabel(cx, counting);
  const lines: string[] = [];
  // "第一批哪些省一个都没有": the provinces with pilots, but none in this batch.
  if (!focus && NONE.test(residual)) return composeNoneInBatch(cx, counting, scope, rows);
  // "除了上海，还有哪个省只有一个试点": the provinces with exactly that many, less those left out.
  const exactly = residual.match(EXACTLY)?.[1];
  if (!focus && exactly)
    return composeExactly(
      cx,
      rows,
      /^\d+$/.test(exactly) ? Number(exactly) : Number(Nzh.cn.decodeS(exactly.replace(/两/g, "二"))),
      scope,
      excluded,
    );
  const fewest = FEWEST.test(residual);
  // "第一批哪个省份最少": in a batch the fewest are the provinces with none in it, not those with one.
  if (
    !focus &&
    fewest &&
    isNarrowed(counting) &&
    cx.atlas.provinces.some(
      (d) => tally(cx, d, WHOLE_LIST).counted.length > 0 && tally(cx, d, counting).counted.length === 0,
    )
  )
    return { ...composeNoneInBatch(cx, counting, scope, rows), count: 0 };
  const position = askedPosition(residual);
  const atPosition = position && position > 1 ? rows.filter((r) => rankOf(r.count) === position) : [];
  if (position && position > 1 && !focus) {
    // "排第二的省是哪个": the province(s) at that rank; a tie above can leave the rank empty.
    const above = rows.filter((r) => rankOf(r.count) < position);
    lines.push(
      atPosition.length > 0
        ? lang === "zh"
          ? `${scope}试点数排第${position}位的是${names(atPosition)}（${atPosition[0]?.count}个）。`
          : `${scope ? `In ${scope}, ` : ""}#${position}: ${names(atPosition)} (${atPosition[0]?.count}).`
        : lang === "zh"
          ? `因为并列，没有排第${position}位的省份；前面${above.length}个省份依次为${names(above)}。`
          : `Because of ties no province ranks #${position}; the first ${above.length} are ${names(above)}.`,
    );
    const width = rows[0]?.count ?? 1;
    lines.push(...rankingTable(rows, rankOf, width, lang, scope));
    return {
      text: lines.join("\n"),
      winners: atPosition.map((r) => r.division.name),
      ...(atPosition[0] ? { count: atPosition[0].count } : {}),
      ...(atPosition.length === 1 && atPosition[0] ? { area: atPosition[0].division.name } : {}),
    };
  }
  // "第一批哪个省最多 是山东不": asked to confirm a province as the most (fewest), the answer says
  // which is, then where the one named stands.
  const confirming = focus !== undefined && SUPERLATIVE_ASKED.test(residual);
  const leaders = fewest ? bottom : top;
  if (focus && confirming && !leaders.some((r) => r.division.name === focus.name)) {
    lines.push(
      lang === "zh"
        ? `不是：${scope}试点${fewest ? "最少" : "最多"}的是${names(leaders)}（${leaders.length > 1 ? "各" : ""}${leaders[0]?.count}个）。`
        : `No: ${scope ? `in ${scope}, ` : ""}${fewest ? "fewest" : "most"} pilots: ${names(leaders)} (${leaders[0]?.count}${leaders.length > 1 ? " each" : ""}).`,
    );
  }
  if (focus) {
    const row = rows.find((r) => r.division.name === focus.name);
    const rank = row ? rankOf(row.count) : rows.length + 1;
    const tied = row ? rows.filter((r) => r.count === row.count).length > 1 : false;
    lines.push(
      lang === "zh"
        ? `${focus.name}${scope}有${row?.count ?? 0}个试点，在各省级单位中排第${rank}位${tied ? "（并列）" : ""}。`
        : `${placeName(focus.name, lang)} has ${row?.count ?? 0} pilots${scope ? ` in ${scope}` : ""} and ranks #${rank}${tied ? " (tied)" : ""}.`,
    );
  } else {
    const [first, firstCount, second, secondCount] = fewest
      ? [bottom, min, top, top[0]?.count]
      : [top, top[0]?.count, bottom, min];
    const each = (rs: typeof rows) => (rs.length > 1 ? (lang === "zh" ? "各" : " each") : "");
    lines.push(
      lang === "zh"
        ? `${scope}试点${fewest ? "最少" : "最多"}的是${names(first)}（${each(first)}${firstCount}个）；${fewest ? "最多" : "最少"}的是${names(second)}（${each(second)}${secondCount}个）。`
        : `${scope ? `In ${scope}, ` : ""}${fewest ? "fewest" : "most"} pilots: ${names(first)} (${firstCount}${each(first)}); ${fewest ? "most" : "fewest"}: ${names(second)} (${secondCount}${each(second)}).`,
    );
  }
  lines.push(...rankingTable(rows, rankOf, rows[0]?.count ?? 1, lang, scope));
  // The facts the answer leads with: the asked province, or the single top (bottom) one.
  // (Asked to confirm one as the most, the answer's count is the most's.)
  const lead =
    focus && !confirming ? rows.find((r) => r.division.name === focus.name) : fewest ? bottom : top;
  const single = Array.isArray(lead) ? (lead.length === 1 ? lead[0] : undefined) : lead;
  return {
    text: lines.join("\n"),
    winners: leaders.map((r) => r.division.name),
    // Tied leaders share one count (上海、海南: 1 each).
    count: single ? single.count : focus ? 0 : leaders[0]?.count,
    ...(single ? { area: single.division.name } : focus ? { area: focus.name } : {}),
  };
}

/** The rank a question asks for by position (排第二, 第三多, #2), if any. */
function askedPosition(residual: string): number | undefined {
  const m = residual.match(
    /[排数]名?第\s*([一二三四五六七八九十]|\d{1,2})|第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:名|位|多|大|的省|个省)|(?:#|\bnumber|\bno\.)\s*(\d{1,2})\b|\b(second|third|fourth|fifth)\b/,
  );
  if (!m) return undefined;
  const word = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
  const chinese = "一二三四五六七八九十".indexOf(word) + 1;
  const english = ["second", "third", "fourth", "fifth"].indexOf(word) + 2;
  return chinese || (english > 1 ? english : Number(word)) || undefined;
}

/** The ranking as lines of bars, ranks shared by ties. */
function rankingTable(
  rows: { division: Division; count: number }[],
  rankOf: (count: number) => number,
  width: number,
  lang: "zh" | "en",
  scope: string,
): string[] {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const lines = [
    lang === "zh"
      ? `${scope}各省级单位试点数（共${total}个）：`
      : `Pilots per province-level unit${scope ? ` in ${scope}` : ""} (${total} in all):`,
  ];
  for (const r of rows) {
    const bar = "█".repeat(Math.max(1, Math.round((r.count / width) * 13)));
    lines.push(
      `${String(rankOf(r.count)).padStart(2)}. ${placeName(r.division.name, lang)} ${bar} ${r.count}`,
    );
  }
  return lines;
}

/** Words that ask for the fewest rather than the most. */
export const FEWEST = /最少|少到多|倒数|垫底|fewest|least|zui ?shao/;

/** Words of a comparison that ask which has fewer ("哪个少", "谁更少"), not "多少" or "多还是少". */
export const FEWER = /(?<!多)(?<!多还是)(?<!多或)少(?!数)|fewer|fewest|least|\bless\b/;

/**
 * Answers comparisons of two or more places by number of pilots (within one batch when named);
 * with `fewest`, the verdict and the winners are the places with the fewest ("西部哪个最少").
 */
export function composeCompare(
  cx: ComposeContext,
  areas: Division[],
  asked: CountScope,
  fewest = false,
  differenceAsked = false,
): Reply {
  const { lang } = cx;
  const counting = effectiveScope(cx, asked);
  const rows = areas
    .map((d) => ({ d, counted: tally(cx, d, counting).counted }))
    .sort((a, b) => (fewest ? -1 : 1) * (b.counted.length - a.counted.length));
  const [top, next] = rows;
  const most = rows.filter((r) => r.counted.length === rows[0]?.counted.length);
  const counts = rows.map((r) =>
    lang === "zh" ? `${r.d.name}${r.counted.length}个` : `${placeName(r.d.name, lang)}: ${r.counted.length}`,
  );
  const label = countScopeLabel(cx, counting);
  const scope = !label ? "" : lang === "zh" ? `${label}：` : `In ${label}: `;
  const second = rows[most.length];
  let verdict: string;
  if (!second) verdict = lang === "zh" ? "一样多" : "the same";
  else if (rows.length === 2) {
    const diff = Math.abs((most[0]?.counted.length ?? 0) - second.counted.length);
    const name = most[0]?.d.name ?? "";
    verdict =
      lang === "zh"
        ? `${name}${fewest ? "少" : "多"}${diff}个`
        : `${placeName(name, lang)} has ${diff} ${fewest ? "fewer" : "more"}`;
  } else {
    const names = joinList(
      most.map((r) => placeName(r.d.name, lang)),
      lang,
    );
    verdict =
      lang === "zh" ? `${names}${fewest ? "最少" : "最多"}` : `${fewest ? "fewest" : "most"}: ${names}`;
  }
  const lines = [
    lang === "zh"
      ? `${scope}${counts.join("，")}，${verdict}。`
      : `${scope}${counts.join("; ")} — ${verdict}.`,
  ];
  if (rows.length > 2) {
    const sum = rows.reduce((n, r) => n + r.counted.length, 0);
    lines.push(lang === "zh" ? `合计${sum}个。` : `${sum} in all.`);
  }
  // (Over several batches, each place's count by batch; with few pilots, which is which.)
  if (counting.batch === null) {
    const few = rows.every((r) => r.counted.length <= COMPARED_NAMED);
    for (const r of rows) {
      const detail =
        few && r.counted.length > 0
          ? joinList(
              r.counted.map((p) => pilotWithBatch(p, cx.programme, lang)),
              lang,
            )
          : breakdown(cx, r.counted);
      lines.push(`${placeName(r.d.name, lang)}${lang === "zh" ? "：" : ": "}${detail}`);
    }
  }
  return {
    text: lines.join("\n"),
    area: rows[0]?.d.name,
    // (Asked how far apart two areas are, the number is the difference.)
    count:
      differenceAsked && rows.length === 2 && top && next
        ? Math.abs(top.counted.length - next.counted.length)
        : (top?.counted.length ?? 0),
    winners: second ? most.map((r) => r.d.name) : [],
    pilots: rows.flatMap((r) => r.counted),
  };
}

/**
 * A region's total (京津冀有多少个, 东北三省加起来几个): the sum first, then each member's count and
 * its batches. `region` is the name the user gave it.
 */
export function composeRegionTotal(
  cx: ComposeContext,
  region: string,
  areas: Division[],
  batch: BatchNumber | null,
  newOnly = false,
): Reply {
  const { lang } = cx;
  const rows = areas
    .map((d) => ({ d, counted: tally(cx, d, batchScope(batch, newOnly)).counted }))
    .sort((a, b) => b.counted.length - a.counted.length);
  const sum = rows.reduce((n, r) => n + r.counted.length, 0);
  const members = joinList(
    rows.map((r) => placeName(r.d.name, lang)),
    lang,
  );
  const scope = `${batch === null ? "" : batchLabel(batch, cx.programme, lang)}${newOnly ? (lang === "zh" ? "新增" : `${batch === null ? "" : ", "}new pilots only`) : ""}`;
  const lines = [
    lang === "zh"
      ? `${region}（${members}）${scope ? `在${scope}` : ""}共有${sum}个国家智慧城市试点：${rows.map((r) => `${r.d.name}${r.counted.length}个`).join("，")}。`
      : `${region.replace(/\b[a-z]/g, (c) => c.toUpperCase())} (${members}) ${/s$/i.test(region) ? "have" : "has"} ${sum} National Smart City pilots${scope ? ` in ${scope}` : ""}: ${rows.map((r) => `${placeName(r.d.name, lang)} ${r.counted.length}`).join(", ")}.`,
  ];
  if (batch === null)
    for (const r of rows)
      lines.push(`${placeName(r.d.name, lang)}${lang === "zh" ? "：" : ": "}${breakdown(cx, r.counted)}`);
  return { text: lines.join("\n"), count: sum, pilots: rows.flatMap((r) => r.counted) };
}

/** A group of areas compared as one: a region (京津冀) or places summed (甘肃宁夏青海加起来). */
export interface AreaGroup {
  label: string;
  areas: Division[];
}

/**
 * Groups of areas compared by their sums ("京津冀和长三角比哪个多": 30 against 51), each with its
 * members' counts.
 */
export function composeGroupCompare(
  cx: ComposeContext,
  groups: AreaGroup[],
  asked: CountScope,
  fewest = false,
  differenceAsked = false,
): Reply {
  const { lang } = cx;
  const counting = effectiveScope(cx, asked);
  const rows = groups
    .map((g) => {
      const parts = g.areas.map((d) => ({ d, n: tally(cx, d, counting).counted.length }));
      return { g, parts, sum: parts.reduce((n, p) => n + p.n, 0) };
    })
    .sort((a, b) => (fewest ? a.sum - b.sum : b.sum - a.sum));
  const [first, second] = rows;
  const label = (r: (typeof rows)[number]) =>
    r.g.areas.length === 1 ? placeName(r.g.areas[0]?.name ?? r.g.label, lang) : r.g.label;
  const scope = countScopeLabel(cx, counting);
  const diff = first && second ? first.sum - second.sum : 0;
  const verdict =
    !first || !second || diff === 0
      ? lang === "zh"
        ? "一样多"
        : "the same"
      : lang === "zh"
        ? `${label(first)}${fewest ? "少" : "多"}${Math.abs(diff)}个`
        : `${label(first)} has ${Math.abs(diff)} ${fewest ? "fewer" : "more"}`;
  const lines = [
    lang === "zh"
      ? `${scope ? `${scope}：` : ""}${rows.map((r) => `${label(r)}${r.sum}个`).join("，")}，${verdict}。`
      : `${scope ? `In ${scope}: ` : ""}${rows.map((r) => `${label(r)}: ${r.sum}`).join("; ")} — ${verdict}.`,
    ...rows
      .filter((r) => r.parts.length > 1)
      .map((r) =>
        lang === "zh"
          ? `${label(r)}：${r.parts.map((p) => `${p.d.name}${p.n}个`).join("、")}`
          : `${label(r)}: ${r.parts.map((p) => `${placeName(p.d.name, lang)} ${p.n}`).join(", ")}`,
      ),
  ];
  const winner = first && second && diff !== 0 ? first : undefined;
  return {
    text: lines.join("\n"),
    // (Asked how far apart two groups are, the number is the difference.)
    count: differenceAsked && rows.length === 2 ? Math.abs(diff) : (first?.sum ?? 0),
    winners: winner ? (winner.g.areas.length === 1 ? [winner.g.areas[0]?.name ?? ""] : [winner.g.label]) : [],
    pilots: rows.flatMap((r) => r.parts.flatMap((p) => tally(cx, p.d, counting).counted)),
  };
}

/**
 * What a number quoted about an area counts, when it is not our count ("山东应该是16个" — 16 is its
 * first two batches; "我数的是20" — 20 leaves out the 2014 expansion). Undefined when no reading fits.
 */
export function explainQuotedCount(cx: ComposeContext, d: Division, quoted: number): string | undefined {
  const { counted, uncounted } = tally(cx, d, WHOLE_LIST);
  if (quoted === counted.length) return undefined;
  const zh = cx.lang === "zh";
  const inBatch = (b: number) => counted.filter((p) => p.batch === b);
  const upTo = (b: number) => counted.filter((p) => p.batch <= b).length;
  const names = (ps: Pilot[]) =>
    joinList(
      ps.map((p) => pilotName(p, cx.lang)),
      cx.lang,
    );
  const expanded = counted.filter((p) => p.scope === "expansion");
  const label = placeName(d.name, cx.lang);
  const yearOfFirst = (ps: Pilot[]) => yearOf(ps[0]?.batch ?? 1, cx.programme);
  if (quoted === upTo(2) && inBatch(3).length > 0)
    return zh
      ? `你看到的${quoted}个是${label}前两批的数目（第一批${inBatch(1).length}个、第二批${inBatch(2).length}个）；第三批又有${inBatch(3).length}个，合计${counted.length}个。`
      : `${quoted} is ${label}'s figure after two batches (${inBatch(1).length} + ${inBatch(2).length}); batch 3 added ${inBatch(3).length}, ${counted.length} in all.`;
  if (expanded.length > 0 && quoted === counted.length - expanded.length)
    return zh
      ? `${quoted}个是不算${cx.programme.batches.find((b) => b.batch === expanded[0]?.batch)?.label ?? ""}扩大范围的数目；扩大范围的${expanded.length}个（${names(expanded)}）也计入，所以是${counted.length}个。`
      : `${quoted} leaves out the ${expanded.length} ${yearOfFirst(expanded)} expansion area(s) (${names(expanded)}), which are counted: ${counted.length} in all.`;
  if (uncounted.length > 0 && quoted === counted.length + uncounted.length)
    return zh
      ? `${quoted}个把${yearOfFirst(uncounted)}年扩大范围的${uncounted.length}个区域（${names(uncounted)}）也算进去了；按惯例它们不计入，所以是${counted.length}个。`
      : `${quoted} includes the ${uncounted.length} ${yearOfFirst(uncounted)} expansion area(s) (${names(uncounted)}), which are not counted by convention: ${counted.length}.`;
  const batch = [1, 2, 3].find((b) => inBatch(b).length === quoted);
  if (batch)
    return zh
      ? `${quoted}个是${label}${batchLabel(batch, cx.programme, "zh")}的数目；三批合计${counted.length}个。`
      : `${quoted} is ${label}'s figure for ${batchLabel(batch, cx.programme, "en")}; ${counted.length} over the three batches.`;
  return undefined;
}

/** Answers "山东前两批加起来几个": the area's pilots up to and including batch `last`. */
/** "包括：新疆生产建设兵团共有2个…，都计入这290个。": an area's count line, said to be in the total. */
export function composeCountedIn(cx: ComposeContext, countLine: string, total: number): string {
  const line = countLine.replace(/[。.]$/, "");
  return cx.lang === "zh" ? `包括。${line}，都计入这${total}个。` : `Yes. ${line}; all are in the ${total}.`;
}

/** "占全国290个的9.0%": an area's count as a share of the whole, or of one batch. */
export function composeShare(
  cx: ComposeContext,
  area: string,
  count: number,
  whole: number,
  batch: BatchNumber | null,
): string {
  const percent = ((100 * count) / whole).toFixed(1);
  const scope = batch === null ? "" : batchLabel(batch, cx.programme, cx.lang);
  return cx.lang === "zh"
    ? `占全国${scope}${whole}个的${percent}%。`
    : `${placeName(area, "en")} has ${percent}% of the ${whole} pilots${scope ? ` of ${scope}` : ""} nationwide.`;
}

/** Kinds of unit asked to be counted within an area ("几个地级市是整个市入选的"), by the data's levels. */
const LEVEL_ASKED: [RegExp, Pilot["level"][], string, string][] = [
  [
    /(几|多少)个?\s*(地级市|地级城市)|(地级市|地级城市)\s*(有|是)?\s*(几|多少)|整个市|整市入选|全市入选|整市口径|(哪些|哪几个)\s*(地级市|地级城市)|how many prefecture-level|which prefecture-level/,
    ["地级市"],
    "地级市（整市入选）",
    "whole prefecture-level cities",
  ],
  [
    /(几|多少)个?\s*县级市|县级市\s*(有|是)?\s*(几|多少)|how many county-level/,
    ["县级市"],
    "县级市",
    "county-level cities",
  ],
  [/(几|多少)个?\s*镇(?!\p{Script=Han})|镇\s*(有|是)?\s*(几|多少)/u, ["镇"], "镇", "towns"],
  [
    /(几|多少)个?\s*(开发区|功能区|新区|园区)|(开发区|功能区|新区|园区)\s*(有|是)?\s*(几|多少)/,
    ["功能区"],
    "开发区、新区等功能区",
    "zones and new areas",
  ],
];
/** Words that list kinds of unit as included, not as the one counted ("区县镇都算", "包括下面的区县"). */
const LEVELS_INCLUDED = /都算|算上|包括|包含|含|这些|那些|范围内|下面|以下|、|\ball\b|including|inside/;

/** The kind of unit a count within an area asks for (地级市 in 湖北有几个地级市), if any. */
export function levelAsked(
  residual: string,
): { levels: Pilot["level"][]; zh: string; en: string } | undefined {
  if (LEVELS_INCLUDED.test(residual)) return undefined;
  const found = LEVEL_ASKED.find(([pattern]) => pattern.test(residual));
  return found ? { levels: found[1], zh: found[2], en: found[3] } : undefined;
}

/**
 * An area's pilots of one kind of unit ("湖北有几个地级市是整个市入选的": 6 of its 11): the number,
 * out of how many, and their names with batches.
 */
export function composeAreaLevelCount(
  cx: ComposeContext,
  d: Division,
  batch: BatchNumber | null,
  level: { levels: Pilot["level"][]; zh: string; en: string },
): Reply {
  const { counted } = tally(cx, d, { batch });
  const kind = counted.filter((p) => level.levels.includes(p.level));
  const scope = batch === null ? "" : batchLabel(batch, cx.programme, cx.lang);
  const names = kind
    .map((p) => pilotWithBatch(p, cx.programme, cx.lang))
    .join(cx.lang === "zh" ? "、" : ", ");
  const text =
    cx.lang === "zh"
      ? `${d.name}${scope}的${counted.length}个试点中，${level.zh}${kind.length}个${kind.length ? `：${names}` : ""}。`
      : `Of the ${counted.length} pilots of ${placeName(d.name, "en")}${scope ? ` in ${scope}` : ""}, ${kind.length} are ${level.en}${kind.length ? `: ${names}` : ""}.`;
  return { text, count: kind.length, area: d.name, pilots: kind };
}

export function composeAreaCountThrough(cx: ComposeContext, d: Division, last: BatchNumber): Reply {
  const { counted } = tally(cx, d, WHOLE_LIST);
  const through = counted.filter((p) => p.batch <= last);
  const parts = cx.programme.batches
    .filter((b) => b.batch <= last)
    .map((b) => ({ b, n: through.filter((p) => p.batch === b.batch).length }));
  const label = placeName(d.name, cx.lang);
  const text =
    cx.lang === "zh"
      ? `${label}前${last === 2 ? "两" : "三"}批共有${through.length}个国家智慧城市试点（${parts.map((x) => `${x.b.label}${x.n}个`).join("、")}）；三批合计${counted.length}个。`
      : `${label} had ${through.length} pilots in batches 1–${last} (${parts.map((x) => `batch ${x.b.batch}: ${x.n}`).join(", ")}); ${counted.length} over all three.`;
  return { text, count: through.length, area: d.name, pilots: through };
}

/** Answers "河北的扩大范围是哪几个": the area's counted expansions (2014) and the uncounted ones (2013), named. */
export function composeAreaExpansions(cx: ComposeContext, d: Division): Reply & { batch?: BatchNumber } {
  const { counted, uncounted } = tally(cx, d, WHOLE_LIST);
  const counting = counted.filter((p) => p.scope === "expansion");
  const total = cx.programme.total;
  const zh = cx.lang === "zh";
  const label = placeName(d.name, cx.lang);
  const arrow = (ps: Pilot[]) =>
    joinList(
      ps.map((p) => `${pilotName(p, cx.lang)}→${p.expands}`),
      cx.lang,
    );
  // The batch they all share, when they do: the answer is then about that batch.
  const batches = [...new Set(counting.map((p) => p.batch))];
  const only = batches.length === 1 ? batches[0] : undefined;
  const where = only === undefined ? "" : batchLabel(only, cx.programme, cx.lang);
  const lines = [
    counting.length === 0
      ? zh
        ? `${label}没有计入${total}个的扩大范围区域。`
        : `${label} has no counted expansion areas.`
      : zh
        ? `${label}有${counting.length}个扩大范围区域${where ? `，${counting.length > 1 ? "都" : ""}在${where}` : ""}，计入${total}个：${arrow(counting)}。`
        : `${label} has ${counting.length} expansion area(s)${where ? `, ${counting.length > 1 ? "all " : ""}in ${where}` : ""}, counted in the ${total}: ${arrow(counting)}.`,
  ];
  const late = uncounted[0];
  if (late)
    lines.push(
      zh
        ? `另有${uncounted.length}个随${batchLabel(late.batch, cx.programme, "zh")}名单公布（不计入）：${arrow(uncounted)}。`
        : `Also ${uncounted.length} announced with ${batchLabel(late.batch, cx.programme, "en")}, not counted: ${arrow(uncounted)}.`,
    );
  return {
    text: lines.join("\n"),
    count: counting.length,
    area: d.name,
    pilots: [...counting, ...uncounted],
    batch: only,
  };
}

/** Answers "新疆包括兵团在内一共有几个": the areas' pilots added up, each area's share named. */
export function composeAreaSum(cx: ComposeContext, areas: Division[]): Reply {
  const rows = areas.map((d) => ({ d, counted: tally(cx, d, WHOLE_LIST).counted }));
  const total = rows.reduce((n, r) => n + r.counted.length, 0);
  const [main, ...rest] = rows;
  const zh = cx.lang === "zh";
  const parts = rows.map((r) =>
    zh ? `${r.d.name}${r.counted.length}个` : `${placeName(r.d.name, "en")}: ${r.counted.length}`,
  );
  const lines = [
    zh
      ? `${main?.d.name ?? ""}连同${rest.map((r) => r.d.name).join("、")}共有${total}个国家智慧城市试点：${parts.join("，")}。`
      : `Together, ${total} pilots: ${parts.join("; ")}.`,
    ...rows.map(
      (r) =>
        `${placeName(r.d.name, cx.lang)}${zh ? "：" : ": "}${joinList(
          r.counted.map((p) => pilotName(p, cx.lang)),
          cx.lang,
        )}`,
    ),
  ];
  return { text: lines.join("\n"), count: total, area: main?.d.name, pilots: rows.flatMap((r) => r.counted) };
}

/** A pilot's name with the places its entry includes: 遵义市（含仁怀市、湄潭县）. */
function withIncluded(p: Pilot, lang: Lang): string {
  if (p.includes.length === 0) return pilotName(p, lang);
  return lang === "zh"
    ? `${p.name}（含${p.includes.join("、")}）`
    : `${pilotName(p, lang)} (including ${p.includes.map((n) => placeName(n, "en")).join(", ")})`;
}

/** Prefecture-level units with their counted pilots (of one batch, or all), most first. */
function prefecturesRanked(cx: ComposeContext, cities: Division[], batch: BatchNumber | null) {
  return cities
    .map((city) => ({ city, pilots: tally(cx, city, batchScope(batch)).counted }))
    .sort((a, b) => b.pilots.length - a.pilots.length);
}

/**
 * "山东省内哪个地级市的试点最多": the province's prefecture-level units ranked by the pilots inside
 * them (by today's geography; units with none left out), most first, and the one(s) asked for.
 */
export function composePrefectureRanking(
  cx: ComposeContext,
  province: Division,
  fewest: boolean,
  batch: BatchNumber | null = null,
): Reply {
  const { atlas, lang } = cx;
  const all = prefecturesRanked(
    cx,
    atlas.cities.filter((c) => c.code.startsWith(province.code)),
    batch,
  );
  const rows = all.filter((r) => r.pilots.length > 0);
  // Prefectures with none are the fewest ("江苏13个地级市里面，有没有一个连一个试点都没有的").
  const none = all.filter((r) => r.pilots.length === 0);
  const target = fewest
    ? none.length > 0
      ? 0
      : (rows.at(-1)?.pilots.length ?? 0)
    : (rows[0]?.pilots.length ?? 0);
  const winners = all.filter((r) => r.pilots.length === target);
  const where = batch === null ? "" : batchLabel(batch, cx.programme, lang);
  // Pilots in no prefecture: county-level units the province governs directly (仙桃市, 济源市).
  const inCities = new Set(rows.flatMap((r) => r.pilots));
  const direct = atlas
    .countedIn(province)
    .filter((p) => !inCities.has(p) && (batch === null || p.batch === batch));
  if (lang === "en") {
    const list = rows.map((r) => `${placeName(r.city.name, "en")} ${r.pilots.length}`).join(", ");
    return {
      text: [
        `Pilots${where ? ` of ${where}` : ""} by prefecture in ${placeName(province.name, "en")}: ${list}.${
          none.length
            ? ` None in ${joinList(
                none.map((r) => placeName(r.city.name, "en")),
                "en",
              )}.`
            : ""
        }${direct.length ? ` Besides, ${direct.length} under the province directly: ${direct.map((p) => pilotName(p, "en")).join(", ")}.` : ""}`,
        target === 0
          ? `${joinList(
              winners.map((w) => placeName(w.city.name, "en")),
              "en",
            )} ${winners.length > 1 ? "have" : "has"} no pilot${where ? ` in ${where}` : ""}.`
          : `${winners.map((w) => placeName(w.city.name, "en")).join(" and ")} ${winners.length > 1 ? "have" : "has"} the ${fewest ? "fewest" : "most"} (${target}): ${winners.flatMap((w) => w.pilots.map((p) => pilotName(p, "en"))).join(", ")}.`,
      ].join("\n"),
      count: target,
      area: province.name,
      winners: winners.map((w) => w.city.name),
      pilots: winners.flatMap((w) => w.pilots),
    };
  }
  return {
    text: [
      `${province.name}各地级单位的${where}试点数（按今天的区划）：${rows.map((r) => `${r.city.name}${r.pilots.length}个`).join("、")}${none.length ? `；没有试点的：${none.map((r) => r.city.name).join("、")}` : ""}${direct.length ? `；另有省直辖的${direct.length}个：${direct.map((p) => p.name).join("、")}` : ""}。`,
      target === 0
        ? `${winners.map((w) => w.city.name).join("、")}${where ? `在${where}` : ""}一个试点也没有。`
        : `${winners.map((w) => w.city.name).join("、")}${fewest ? "最少" : "最多"}，${target}个：${winners.flatMap((w) => w.pilots.map((p) => p.name)).join("、")}。`,
    ].join("\n"),
    count: target,
    area: province.name,
    winners: winners.map((w) => w.city.name),
    pilots: winners.flatMap((w) => w.pilots),
  };
}

/** Up to how many pilots each compared place has for the comparison to name them. */
const COMPARED_NAMED = 3;

/** How many prefectures a national ranking names before it summarises the rest by count. */
const NATIONAL_PREFECTURES_NAMED = 3;

/**
 * "全国哪个地级市的试点最多": every prefecture-level unit in the country ranked by the pilots inside it
 * (today's geography). The leaders are named down to those with three; the long tail is summarised by
 * count. The municipalities are province-level units, so they stand aside with their own totals.
 */
export function composeNationalPrefectureRanking(
  cx: ComposeContext,
  fewest: boolean,
  batch: BatchNumber | null = null,
): Reply {
  const { atlas, lang } = cx;
  const all = prefecturesRanked(cx, atlas.cities, batch);
  const rows = all.filter((r) => r.pilots.length > 0);
  const none = all.length - rows.length;
  const top = rows[0]?.pilots.length ?? 0;
  // Down to three, or to the second tier when a batch's leaders have fewer; never down to the ones.
  const second = rows.find((r) => r.pilots.length < top)?.pilots.length ?? top;
  const named = rows.filter(
    (r) => r.pilots.length >= Math.max(2, Math.min(NATIONAL_PREFECTURES_NAMED, second)),
  );
  const tail = [...new Set(rows.filter((r) => !named.includes(r)).map((r) => r.pilots.length))].map((n) => ({
    n,
    units: rows.filter((r) => r.pilots.length === n).length,
  }));
  const winners = fewest ? [] : rows.filter((r) => r.pilots.length === top);
  const target = fewest ? (none > 0 ? 0 : (rows.at(-1)?.pilots.length ?? 0)) : top;
  const municipalities = atlas.provinces
    .filter((d) => d.name.endsWith("市"))
    .map((d) => ({ d, n: tally(cx, d, batchScope(batch)).counted.length }));
  const where = batch === null ? "" : batchLabel(batch, cx.programme, lang);
  const withProvince = (c: Division, zh: boolean) =>
    zh ? `${c.name}（${c.province}）` : `${placeName(c.name, "en")}, ${bareEnglishName(c.province)}`;
  if (lang === "en") {
    const lead = fewest
      ? `${none} of the ${all.length} prefecture-level units have no pilot${where ? ` in ${where}` : ""}, so the fewest is none.`
      : `${joinList(
          winners.map((w) => withProvince(w.city, false)),
          "en",
        )} ${winners.length > 1 ? "have" : "has"} the most pilots of any prefecture-level city${where ? ` in ${where}` : ""}: ${top} ${winners.length > 1 ? "each" : ""}`.trimEnd() +
        ".";
    return {
      text: [
        lead,
        `By prefecture (today's boundaries): ${named.map((r) => `${withProvince(r.city, false)}: ${r.pilots.length}`).join("; ")}${tail.map((t) => `; ${t.units} with ${t.n}`).join("")}; ${none} with none.`,
        `The municipalities are province-level and not in this ranking: ${municipalities.map((m) => `${placeName(m.d.name, "en")} ${m.n}`).join(", ")}.`,
      ].join("\n"),
      count: target,
      winners: winners.map((w) => w.city.name),
      pilots: winners.flatMap((w) => w.pilots),
    };
  }
  const lead = fewest
    ? `全国${all.length}个地级单位中，有${none}个${where ? `在${where}` : ""}一个试点也没有，最少就是0个。`
    : `全国地级单位里${where ? `${where}` : ""}试点最多的是${winners.map((w) => withProvince(w.city, true)).join("、")}，${winners.length > 1 ? "各" : ""}${top}个：${winners
        .flatMap((w) => w.pilots.map((p) => p.name))
        .join("、")}。`;
  return {
    text: [
      lead,
      `各地级单位的${where}试点数（按今天的区划）：${named.map((r) => `${withProvince(r.city, true)}${r.pilots.length}个`).join("、")}${tail.map((t) => `；有${t.n}个的${t.units}个`).join("")}；没有的${none}个。`,
      `直辖市是省级单位，不在这个排名里：${municipalities.map((m) => `${m.d.name}${m.n}个`).join("、")}。`,
    ].join("\n"),
    count: target,
    winners: winners.map((w) => w.city.name),
    pilots: winners.flatMap((w) => w.pilots),
  };
}
