import { batchOf, isCounted } from "../../data/pilots.ts";
import type { Pilot } from "../../data/schema.ts";
import type { Division } from "../atlas.ts";
import type { Place } from "../lexicon.ts";
import type { Mention } from "../recognise.ts";
import {
  announced,
  bareEnglishName,
  batchLabel,
  byBatch,
  type ComposeContext,
  joinList,
  pilotName,
  pilotWithBatch,
  placeName,
  type Reply,
  yearOf,
} from "./format.ts";
import { otherMemberships } from "./other.ts";

/** Pilots of a province listed by name when there are at most this many; otherwise a count and a hint. */
const LIST_LIMIT = 6;

/**
 * Answers "is X a pilot": yes with batch, date, location and related pilots; no with what lies in
 * it, what covers it or what is nearby; or "not a place I know" with close names.
 */
export function composePilotStatus(
  cx: ComposeContext,
  mention: Mention | undefined,
  unknownName: string,
  suggestions: string[],
  asksWhich = false,
  batchAsked: number | null = null,
): Reply {
  if (!mention) return composeUnknownPlace(cx, unknownName, suggestions);
  const { place } = mention;
  if (place.kind === "pilot") return composeIsPilot(cx, place, asksWhich, batchAsked);
  return composeNotPilot(cx, place.division);
}

function location(cx: ComposeContext, p: Pilot, included?: string): string {
  const province = cx.atlas.provinceOf(p);
  const { lang } = cx;
  if (p.province === "新疆生产建设兵团") {
    return lang === "zh"
      ? "新疆生产建设兵团（位于新疆维吾尔自治区）"
      : `${placeName(p.province, lang)}, in Xinjiang (新疆维吾尔自治区)`;
  }
  // A place inside a pilot city (海曙区 in 宁波市) is located by that city.
  const city = included && p.includes.includes(included) && p.level === "地级市" ? p.name : p.parent;
  const parts = [province?.name ?? p.province, city].filter((x): x is string => Boolean(x));
  return lang === "zh" ? parts.join("") : parts.map((n) => placeName(n, lang)).join(", ");
}

function composeIsPilot(
  cx: ComposeContext,
  place: Extract<Place, { kind: "pilot" }>,
  asksWhich: boolean,
  batchAsked: number | null,
): Reply {
  const { pilot: p, included } = place;
  const { programme, lang, atlas } = cx;
  const lines: string[] = [];
  const counted = !(p.batch === 2 && p.scope === "expansion");
  // "昆山是哪一批的" is not a yes/no question: no "是的" in front.
  // "黄冈是第三批吗" asks about the batch: a pilot of another batch is "不是第三批的", never "是的".
  const otherBatch = batchAsked !== null && batchAsked !== p.batch;
  const yes = otherBatch
    ? lang === "zh"
      ? `不是${batchOf(programme, batchAsked).label}的。`
      : `No, not batch ${batchAsked}. `
    : asksWhich
      ? ""
      : lang === "zh"
        ? "是的，"
        : "Yes — ";
  if (lang === "zh") {
    if (included && p.includes.includes(included))
      lines.push(
        `${yes}${included}属于国家智慧城市试点：它在试点“${p.name}（含${p.includes.join("、")}）”的范围内。`,
      );
    else if (included) lines.push(`${yes}${included}在国家智慧城市试点“${p.name}”的范围内。`);
    else if (p.scope === "expansion") lines.push(`${yes}${p.name}是国家智慧城市试点（扩大范围区域）。`);
    else lines.push(`${yes}${p.name}是国家智慧城市试点。`);
    if (p.scope === "expansion") {
      const earlier = atlas.pilotByName.get(p.expands ?? "");
      lines.push(
        `批次：${batchLabel(p.batch, programme, "zh")}扩大范围，并入${earlier ? batchLabel(earlier.batch, programme, "zh") : ""}试点${p.expands}，${announced(p.batch, programme, "zh")}公布。`,
      );
      if (!counted) {
        const n = programme.batches.find((b) => b.batch === p.batch)?.expansions;
        lines.push(
          // ("这个蔡甸算在103里面不": not in the batch's own count either.)
          `这${n}个${yearOf(p.batch, programme)}年扩大范围区域随${programme.batches.find((b) => b.batch === p.batch)?.label}名单公布，不在这一批的${programme.batches.find((b) => b.batch === p.batch)?.count}个试点之内，按惯例也不计入${programme.total}个试点。`,
        );
      }
    } else {
      lines.push(
        `批次：${batchLabel(p.batch, programme, "zh")}，${announced(p.batch, programme, "zh")}公布。`,
      );
    }
    lines.push(`所在地：${location(cx, p, included)}。`);
    if (p.includes.length > 0 && !included) lines.push(`范围：含${p.includes.join("、")}。`);
  } else {
    const subject = included
      ? `${placeName(included, lang)} is part of the pilot ${pilotName(p, lang)}`
      : `${pilotName(p, lang)} is a National Smart City pilot`;
    lines.push(`${yes}${subject}.`);
    if (p.scope === "expansion") {
      lines.push(
        `Batch: ${batchLabel(p.batch, programme, "en")}, as an expansion of the earlier pilot ${p.expands}; announced ${announced(p.batch, programme, "en")}.`,
      );
      if (!counted) {
        const n = programme.batches.find((b) => b.batch === p.batch)?.expansions;
        lines.push(
          `The ${n} expansion areas of ${yearOf(p.batch, programme)} are not among that batch's ${programme.batches.find((b) => b.batch === p.batch)?.count} pilots, nor counted in the programme's ${programme.total}.`,
        );
      }
    } else {
      lines.push(
        `Batch: ${batchLabel(p.batch, programme, "en")}, announced ${announced(p.batch, programme, "en")}.`,
      );
    }
    lines.push(`Location: ${location(cx, p)}.`);
    if (p.includes.length > 0 && !included) lines.push(`It includes ${joinList(p.includes, "zh")}.`);
  }
  const related = byBatch(atlas.relatedPilots(p));
  if (related.length > 0) {
    const names = related.map((q) => pilotWithBatch(q, programme, lang));
    lines.push(
      lang === "zh" ? `相关试点：${joinList(names, lang)}。` : `Related pilots: ${joinList(names, lang)}.`,
    );
  }
  if (p.note && lang === "zh") lines.push(`说明：${p.note}`);
  if (p.note && lang === "en") lines.push(`Note (Chinese): ${p.note}`);
  const source = citation(cx, p.batch);
  if (source) lines.push(source);
  const province = cx.atlas.provinceOf(p);
  const short =
    province?.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "") ?? p.province;
  return {
    text: lines.join("\n"),
    isPilot: true,
    place: p.name,
    pilots: [p, ...related],
    suggestions:
      lang === "zh"
        ? [`${short}有哪些试点`, `${batchLabel(p.batch, programme, "zh").slice(0, 3)}有多少个`]
        : [
            `Which pilots are in ${bareEnglishName(province?.name ?? p.province)}?`,
            `How many pilots are in batch ${p.batch}?`,
          ],
  };
}

function composeNotPilot(cx: ComposeContext, d: Division): Reply {
  const { atlas, programme, lang } = cx;
  const lines: string[] = [];
  const correction = programme.seedCorrections.find((c) => c.term === d.name);
  const inside = byBatch(atlas.pilotsIn(d));
  const covering = atlas.coveringPilots(d);
  const where = d.level === "province" ? "" : [d.province, d.city].filter(Boolean).join("");
  const named =
    lang === "zh"
      ? `${d.name}${where && d.level !== "province" ? `（${where}）` : ""}`
      : placeName(d.name, lang);
  let shown: Pilot[] = inside;
  if (d.level === "province") {
    const counted = byBatch(atlas.countedIn(d));
    lines.push(
      lang === "zh"
        ? `${d.name}是省级行政区。试点评选的对象是城市（区、县、镇），省级行政区本身不参评；${d.name}共有${counted.length}个试点。`
        : `${named} is a province-level unit; pilots are cities, districts, counties and towns, not provinces. ${named} has ${counted.length} pilot${counted.length === 1 ? "" : "s"}.`,
    );
    shown = counted.length <= LIST_LIMIT ? counted : [];
    if (shown.length > 0) {
      const names = shown.map((p) => pilotWithBatch(p, programme, lang));
      lines.push(
        lang === "zh"
          ? `它们是：${joinList(names, lang)}。`
          : `${shown.length === 1 ? "It is" : "They are"} ${joinList(names, lang)}.`,
      );
    } else if (counted.length > 0) {
      const perBatch = programme.batches
        .map((b) => ({ b, n: counted.filter((p) => p.batch === b.batch).length }))
        .filter((x) => x.n > 0)
        .map(({ b, n }) => (lang === "zh" ? `${b.label}${n}个` : `${n} in batch ${b.batch}`));
      lines.push(
        lang === "zh"
          ? `其中${perBatch.join("、")}；可以问“${d.name}有哪些试点”查看名单。`
          : `Of these, ${joinList(perBatch, lang)}.`,
      );
    }
  } else if (inside.length > 0) {
    const names = inside.map((p) => pilotWithBatch(p, programme, lang));
    lines.push(
      lang === "zh"
        ? `${named}本身不是国家智慧城市试点，但境内有${inside.length}个试点：${joinList(names, lang)}。`
        : `${named} itself is not a pilot, but ${inside.length} pilot ${inside.length === 1 ? "area lies" : "areas lie"} inside it: ${joinList(names, lang)}.`,
    );
    // 桃源县 has its own town pilot and also lies in the 常德市 pilot: say both.
    if (covering.length > 0) {
      const around = covering.map((p) => pilotWithBatch(p, programme, lang));
      lines.push(
        lang === "zh"
          ? `它整体也在试点${joinList(around, lang)}的范围内。`
          : `It also lies within the pilot ${joinList(around, lang)}.`,
      );
      shown = [...inside, ...covering];
    }
  } else if (covering.length > 0) {
    const names = covering.map((p) => pilotWithBatch(p, programme, lang));
    lines.push(
      lang === "zh"
        ? `${named}没有单独列为试点，但它在试点${joinList(names, lang)}的范围内。`
        : `${named} is not listed on its own, but it lies within the pilot ${joinList(names, lang)}.`,
    );
    shown = covering;
  } else {
    lines.push(
      lang === "zh" ? `${named}不是国家智慧城市试点。` : `${named} is not a National Smart City pilot.`,
    );
    shown = nearby(cx, d);
    if (shown.length > 0) {
      const scope = d.city && shown.every((p) => p.parent === d.city) ? d.city : d.province;
      const names = shown.map((p) => pilotWithBatch(p, programme, lang));
      lines.push(
        lang === "zh"
          ? `同在${scope}的试点：${joinList(names, lang)}。`
          : `Pilots nearby in ${placeName(scope, lang)}: ${joinList(names, lang)}.`,
      );
    } else {
      const total = atlas.provinces.find((p) => p.name === d.province);
      const n = total ? atlas.countedIn(total).length : 0;
      lines.push(
        lang === "zh"
          ? `${d.province}共有${n}个试点，可以问“${d.province}有哪些试点”查看。`
          : `${placeName(d.province, lang)} has ${n} pilots.`,
      );
    }
  }
  // A rename or merge explains why a pilot with another name lies here (萝岗区 → 黄埔区).
  const explains = d.level === "province" || correction ? [] : shown.filter((q) => q.note?.includes(d.name));
  for (const p of explains) {
    lines.push(lang === "zh" ? `说明：${p.note}` : `Note (Chinese): ${p.note}`);
  }
  if (correction)
    lines.push(lang === "zh" ? `说明：${correction.text}` : `Note (Chinese): ${correction.text}`);
  // Many a city called a "smart city pilot" is one of another programme (临沂: the 2013 cloud platform).
  const others = otherMemberships(cx, d.name);
  if (others.length > 0) lines.push(...(lang === "zh" ? [`另外，${others.join("")}`] : others));
  return { text: lines.join("\n"), isPilot: false, place: d.name, pilots: shown };
}

/** Pilots in the same prefecture, or else in the same province when there are few. */
function nearby(cx: ComposeContext, d: Division): Pilot[] {
  const { atlas } = cx;
  if (d.city) {
    const city = atlas.cities.find((x) => x.name === d.city && x.province === d.province);
    const same = city ? atlas.pilotsIn(city) : [];
    if (same.length > 0) return byBatch(same);
  }
  const province = atlas.provinces.find((p) => p.name === d.province);
  const inProvince = province ? atlas.pilotsIn(province) : [];
  return inProvince.length <= LIST_LIMIT ? byBatch(inProvince) : [];
}

function composeUnknownPlace(cx: ComposeContext, name: string, suggestions: string[]): Reply {
  const { lang } = cx;
  if (!name || /^(它|这|那|这个|那个|这里|那里|it)$/.test(name)) {
    return {
      text:
        lang === "zh"
          ? "请告诉我是哪个地方，例如“昆山是哪一批的”。"
          : "Which place do you mean? For example: “Which batch is Kunshan in?”",
      isPilot: null,
    };
  }
  const shown = name;
  if (suggestions.length > 0) {
    return {
      text:
        lang === "zh"
          ? `没有找到“${shown}”。你是不是想问：${joinList(suggestions, lang)}？`
          : `I could not find “${shown}”. Did you mean ${joinList(suggestions, lang)}?`,
      isPilot: null,
      suggestions: suggestions.map((s) => (lang === "zh" ? `${s}是试点吗` : `Is ${s} a pilot?`)),
    };
  }
  // Towns and streets are known only where a pilot names them; the gazetteer stops at counties.
  const town = /(镇|乡|街道|村)$/.test(shown);
  return {
    text:
      lang === "zh"
        ? town
          ? `没有找到“${shown}”：它不在试点名单里。我的区划数据只到区县一级，乡镇街道只认得试点名单上的那些；可以问它所在的区县，例如“昆山市是试点吗”。`
          : `“${shown}”不像是中国的行政区划名称，我在试点名单和全国区划里都没有找到它。\n可以这样问：“昆山市是试点吗”“江苏有多少个试点”“第二批有哪些”。`
        : `“${shown}” does not look like a Chinese place name; it is neither a pilot nor a division I know.\nTry: “Is Kunshan a pilot?”, “How many pilots does Jiangsu have?”.`,
    // The list names every town that is a pilot, so a town not on it is not one.
    isPilot: town ? false : null,
  };
}

/** At most this many places are answered one line each; a longer list is cut with a note. */
export const MAX_LISTED_PLACES = 10;

/** One place's status in a line: yes with the batch, or what it holds. */
function statusLine(cx: ComposeContext, place: Place): { line: string; isPilot: boolean } {
  const { lang, programme } = cx;
  if (place.kind === "pilot") {
    const p = place.pilot;
    // An expansion area says whose area it extends, and a 2013 one that it is not counted.
    const extension =
      p.scope !== "expansion"
        ? ""
        : lang === "zh"
          ? `（扩大范围，并入${p.expands}${isCounted(p) ? "" : `，不计入${programme.total}个`}）`
          : ` (expansion of ${p.expands}${isCounted(p) ? "" : `, not counted in the ${programme.total}`})`;
    return {
      line:
        lang === "zh"
          ? `${p.name}：是${extension}，${batchLabel(p.batch, programme, "zh")}，${p.province}`
          : `${pilotName(p, "en")}: yes${extension}, ${batchLabel(p.batch, programme, "en")}, ${placeName(p.province, "en")}`,
      isPilot: true,
    };
  }
  const d = place.division;
  const inside = byBatch(cx.atlas.countedIn(d));
  // A county inside a whole-city pilot (宜兴 in 无锡市) is covered by it.
  const cover = inside.length === 0 ? cx.atlas.coveringPilots(d)[0] : undefined;
  if (cover)
    return {
      line:
        lang === "zh"
          ? `${d.name}：没有单独列为试点，在${batchLabel(cover.batch, programme, "zh")}试点${cover.name}的范围内`
          : `${placeName(d.name, "en")}: not listed itself, but inside the pilot ${pilotName(cover, "en")} (${batchLabel(cover.batch, programme, "en")})`,
      isPilot: false,
    };
  const holds =
    inside.length === 0
      ? lang === "zh"
        ? "不是，境内也没有试点"
        : "no, and no pilot lies inside"
      : lang === "zh"
        ? `${d.level === "province" ? "省级单位不参评" : "本身不是"}，境内有${inside.length}个试点（${joinList(
            inside.slice(0, 3).map((p) => p.name),
            "zh",
          )}${inside.length > 3 ? "等" : ""}）`
        : `${d.level === "province" ? "provinces are not candidates" : "not itself"}; ${inside.length} pilot${inside.length > 1 ? "s" : ""} inside`;
  return { line: `${placeName(d.name, lang)}${lang === "zh" ? "：" : ": "}${holds}`, isPilot: false };
}

/**
 * Answers "昆山、苏州、无锡、常州、南通是试点吗": one line per place, in the order asked, up to
 * {@link MAX_LISTED_PLACES}. The first place is the answer's `place` for callers that need one.
 */
export function composeStatusList(cx: ComposeContext, places: Place[]): Reply {
  const shown = places.slice(0, MAX_LISTED_PLACES);
  const lines = shown.map((p) => statusLine(cx, p));
  const more = places.length - shown.length;
  const text = [
    ...lines.map((l) => l.line),
    ...(more > 0
      ? [cx.lang === "zh" ? `另外${more}个地方请分开再问。` : `Ask again for the other ${more}.`]
      : []),
  ].join("\n");
  const first = shown[0];
  return {
    text,
    isPilot: lines[0]?.isPilot ?? null,
    ...(first?.kind === "pilot" ? { place: first.pilot.name } : {}),
    pilots: shown.flatMap((p) => (p.kind === "pilot" ? [p.pilot] : [])),
  };
}

/**
 * The notice that published a batch, briefly: its number where confirmed, its title otherwise.
 * Batch 1 was announced at a meeting, with no notice of its own: no line.
 */
function citation(cx: ComposeContext, batch: number): string | undefined {
  const title = cx.programme.batches.find((b) => b.batch === batch)?.notice;
  const doc = cx.programme.documents.find((d) => d.title === title);
  if (!doc) return undefined;
  const ref = doc.number && doc.numberConfirmed ? doc.number : `《${doc.title}》`;
  return cx.lang === "zh" ? `依据：${ref}。` : `Source: ${ref}.`;
}

/**
 * "珠海和中山翠亨新区，哪个先入选": which of the pilots named was chosen first (by batch; pilots of one
 * batch came together), then each place on its line.
 */
export function composeWhichFirst(cx: ComposeContext, places: Place[]): Reply {
  const list = composeStatusList(cx, places);
  const pilots = places.flatMap((p) => (p.kind === "pilot" ? [p.pilot] : []));
  if (pilots.length < 2) return list;
  const earliest = Math.min(...pilots.map((p) => p.batch));
  const first = pilots.filter((p) => p.batch === earliest);
  const label = batchLabel(earliest, cx.programme, cx.lang);
  const when = announced(earliest, cx.programme, cx.lang);
  const names = joinList(
    first.map((p) => pilotName(p, cx.lang)),
    cx.lang,
  );
  const verdict =
    first.length === pilots.length
      ? cx.lang === "zh"
        ? `${names}是同一批入选的：${label}，${when}公布。`
        : `${names} were chosen together: ${label}, announced ${when}.`
      : cx.lang === "zh"
        ? `${names}先入选：${label}，${when}公布。`
        : `${names} came first: ${label}, announced ${when}.`;
  return { ...list, text: `${verdict}\n${list.text}`, winners: first.map((p) => p.name) };
}
