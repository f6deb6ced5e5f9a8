import { batchOf, isCounted } from "../../data/pilots.ts";
import type { Batch, Pilot, Programme } from "../../data/schema.ts";
import type { BatchNumber } from "../recognise.ts";
import {
  announced,
  batchLabel,
  type ComposeContext,
  documentNumber,
  formatDate,
  pilotName,
  placeName,
  type Reply,
  titleCase,
} from "./format.ts";

/** Whether the question asks for the names, not just the facts. */
const WANTS_LIST = /哪些|名单|列表|清单|都有|包括|list|which/;

/** "第一批的扩大范围": the first list had none; its pilots were extended with the second's. */
export function composeFirstExtended(cx: ComposeContext): string {
  const [first, second] = [batchOf(cx.programme, 1), batchOf(cx.programme, 2)];
  return cx.lang === "zh"
    ? `${first.label}名单本身没有扩大范围；${first.label}试点的扩大范围区域是随${second.label}公布的：`
    : "The first list had no expansion areas; those of its pilots were announced with the second list:";
}

/** Words that ask for a batch's towns (镇) rather than all its pilots. */
const TOWNS = /镇|towns?\b/;

/**
 * Two batches compared ("第二批比第三批新增的多几个", "第一批和第二批，哪批的镇更多"): each batch's
 * new pilots (or its towns, by the data's levels), which has more and by how many. The count is the
 * difference; `batch` is the batch with more.
 */
/** The three batches by their new pilots, the biggest (or, asked, the smallest) first named. */
export function composeBatchSizes(cx: ComposeContext, smallest: boolean): Reply & { batch: BatchNumber } {
  const { programme, lang } = cx;
  const rows = programme.batches.map((b) => ({ n: b.batch as BatchNumber, count: b.count }));
  const target = smallest ? Math.min(...rows.map((r) => r.count)) : Math.max(...rows.map((r) => r.count));
  const winner = rows.find((r) => r.count === target) ?? (rows[0] as (typeof rows)[0]);
  const each = rows.map((r) =>
    lang === "zh"
      ? `${batchLabel(r.n, programme, "zh")}${r.count}个`
      : `${batchLabel(r.n, programme, "en")}: ${r.count}`,
  );
  const expansions = programme.batches.find((b) => b.batch === 3)?.expansions ?? 0;
  return {
    text:
      lang === "zh"
        ? `${batchLabel(winner.n, programme, "zh")}${smallest ? "最少" : "最多"}，${winner.count}个。各批新增试点：${each.join("、")}（第三批另有${expansions}个扩大范围区域计入总数）。`
        : `${batchLabel(winner.n, programme, "en").replace(/^b/, "B")} was the ${smallest ? "smallest" : "biggest"}, with ${winner.count} pilots. New pilots per batch: ${each.join("; ")} (batch 3 also added ${expansions} expansion areas, counted in the total).`,
    count: winner.count,
    batch: winner.n,
  };
}

export function composeBatchCompare(
  cx: ComposeContext,
  batches: [BatchNumber, BatchNumber],
  residual: string,
): Reply & { batch: BatchNumber } {
  const { programme, atlas, lang } = cx;
  const towns = TOWNS.test(residual);
  const rows = batches.map((n) => {
    const fresh = atlas.data.pilots.filter((p) => p.batch === n && p.scope === "new");
    return { n, count: towns ? fresh.filter((p) => p.level === "镇").length : fresh.length };
  });
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const [more, fewer] = a.count >= b.count ? [a, b] : [b, a];
  const diff = more.count - fewer.count;
  const what = towns ? (lang === "zh" ? "镇级试点" : "towns") : lang === "zh" ? "新增试点" : "new pilots";
  const each = rows.map((r) =>
    lang === "zh"
      ? `${batchLabel(r.n, programme, "zh")}${r.count}个`
      : `${batchLabel(r.n, programme, "en")}: ${r.count}`,
  );
  const verdict =
    diff === 0
      ? lang === "zh"
        ? "一样多"
        : "the same"
      : lang === "zh"
        ? `${batchOf(programme, more.n).label}多${diff}个`
        : `batch ${more.n} has ${diff} more`;
  const note = towns
    ? lang === "zh"
      ? "（镇级试点按数据中各单位的级别计数；官方构成只有第一批单列了镇。）"
      : " (Towns are counted by the units' levels in the data; only batch 1's official composition lists towns apart.)"
    : lang === "zh"
      ? "（扩大范围区域不算新增。）"
      : " (Expansion areas are not new pilots.)";
  return {
    text:
      lang === "zh"
        ? `${what}：${each.join("，")}，${verdict}。${note}`
        : `${titleCase(what)} — ${each.join("; ")}: ${verdict}.${note}`,
    count: diff,
    batch: more.n,
  };
}

/** Answers questions about one batch: size, date, composition, expansions, and the names on request. */
export function composeBatch(cx: ComposeContext, batch: BatchNumber, residual: string): Reply {
  const { programme, atlas, lang } = cx;
  const b = programme.batches.find((x) => x.batch === batch);
  if (!b) throw new Error(`batch ${batch} is missing from programme.json`);
  const pilots = atlas.data.pilots.filter((p) => p.batch === batch);
  const fresh = pilots.filter((p) => p.scope === "new");
  const expansions = pilots.filter((p) => p.scope === "expansion");
  // Whether this batch's expansions count toward the total (the rule lives in data/pilots.ts), and
  // the batches of the pilots they were added to.
  const counts = expansions.every(isCounted);
  const intoBatches = [
    ...new Set(expansions.map((p) => atlas.pilotByName.get(p.expands ?? "")?.batch ?? 0)),
  ].filter((n) => n > 0);
  const label = batchLabel(batch, programme, lang);
  const lines: string[] = [];
  // The pilot an expansion joined, by the English name its own answers use (Shenyang Hunnan…).
  const expandedName = (p: Pilot) => {
    const earlier = atlas.pilotByName.get(p.expands ?? "");
    return earlier ? pilotName(earlier, "en") : placeName(p.expands ?? "", "en");
  };
  if (lang === "zh") {
    lines.push(`${label}国家智慧城市试点于${announced(batch, programme, "zh")}公布，共${b.count}个。`);
    if (b.composition) {
      lines.push(
        `构成：${Object.entries(b.composition)
          .map(([k, v]) => `${k}${v}个`)
          .join("、")}。`,
      );
    }
    lines.push(b.summary);
    if (expansions.length > 0) {
      const extended = new Set(expansions.map((p) => p.expands));
      const into = intoBatches.map((n) => programme.batches.find((x) => x.batch === n)?.label).join("、");
      lines.push(
        !counts
          ? `同时有${expansions.length}个扩大范围区域并入${extended.size}个${into}试点，不计入${programme.total}个。${b.expansionsNote ? `（${b.expansionsNote}）` : ""}`
          : `另有${expansions.length}个扩大范围区域并入原有试点，计入${programme.total}个（新增${b.count} + 扩大范围${expansions.length}）。`,
      );
    }
  } else {
    lines.push(
      `${titleCase(label)} of National Smart City pilots was announced on ${announced(batch, programme, "en")}: ${b.count} pilots.`,
    );
    if (b.composition) {
      const parts = Object.entries(b.composition).map(([k, v]) => `${v} ${COMPOSITION_ENGLISH[k] ?? k}`);
      lines.push(`Composition: ${parts.join(", ")}.`);
    }
    if (expansions.length > 0) {
      lines.push(
        !counts
          ? `${expansions.length} more areas were added to batch-${intoBatches.join("/")} pilots and are not counted in the ${programme.total}.${b.expansionsNoteEn ? ` (${b.expansionsNoteEn})` : ""}`
          : `${expansions.length} expansion areas were added to earlier pilots and are counted in the ${programme.total}.`,
      );
    }
  }
  if (/扩大.{0,2}范围|扩容|expan/.test(residual)) {
    const names = expansions.map((p) => `${p.name}→${p.expands}`);
    lines.push(
      names.length === 0
        ? lang === "zh"
          ? "这一批没有扩大范围区域。"
          : "This batch added no expansion areas."
        : lang === "zh"
          ? `扩大范围（${names.length}个）：${names.join("、")}`
          : `The ${names.length} expansion areas: ${expansions.map((p) => `${pilotName(p, "en")} → ${expandedName(p)}`).join(", ")}`,
    );
  } else if (PREFECTURE_LEVEL.test(residual) && !ALL_PARTS.test(residual)) {
    lines.push(...prefectureLines(fresh, b, lang));
  } else if (ASKS_TOWNS.test(residual)) {
    // "首批里的3个镇是哪3个": the towns of the batch by name.
    const towns = fresh.filter((p) => p.level === "镇");
    lines.push(
      lang === "zh"
        ? `其中镇级试点${towns.length}个：${towns.map((p) => pilotName(p, lang)).join("、")}。`
        : `Its ${towns.length} towns: ${towns.map((p) => pilotName(p, lang)).join(", ")}.`,
    );
  } else if (WANTS_LIST.test(residual)) {
    lines.push(lang === "zh" ? "名单（按省）：" : "By province:");
    for (const province of atlas.provinces) {
      const here = fresh.filter((p) => p.province === province.name);
      if (here.length > 0)
        lines.push(
          lang === "zh"
            ? `${province.name}：${here.map((p) => pilotName(p, lang)).join("、")}`
            : `${placeName(province.name, "en")}: ${here.map((p) => pilotName(p, lang)).join(", ")}`,
        );
    }
    if (expansions.length > 0) {
      lines.push(lang === "zh" ? "扩大范围：" : "Expansions:");
      lines.push(
        lang === "zh"
          ? expansions.map((p) => `${p.name}→${p.expands}`).join("、")
          : expansions.map((p) => `${pilotName(p, "en")} → ${expandedName(p)}`).join(", "),
      );
    }
  }
  // "第三批附件2那41个专项试点是啥": the projects first, said of the batch's notice.
  const special = SPECIAL.test(residual) && b.specialProjects > 0;
  const sources = sourceLines(b, programme, lang, special ? label : undefined);
  if (special) lines.unshift(...sources.splice(0, 1));
  lines.push(...sources);
  const next = (batch % 3) + 1;
  return {
    text: lines.join("\n"),
    count: askedCount(b, fresh, expansions.length, residual),
    pilots: WANTS_LIST.test(residual) ? pilots : [],
    suggestions:
      lang === "zh"
        ? [WANTS_LIST.test(residual) ? `第${"一二三"[next - 1]}批有哪些` : `${b.label}名单`]
        : [
            WANTS_LIST.test(residual)
              ? `Which pilots are in batch ${next}?`
              : `Which pilots are in batch ${b.batch}?`,
          ],
  };
}

/** English names of the parts of a batch's official composition. */
const COMPOSITION_ENGLISH: Record<string, string> = {
  地级市: "prefecture-level cities",
  "区（县）": "districts and counties",
  镇: "towns",
  市区级: "at city or district level",
  县镇级: "at county or town level",
};

/** A question for the towns of a batch by name (首批的3个镇是哪些). */
const ASKS_TOWNS = /镇.{0,6}(哪|什么|啥)|(哪|什么|啥).{0,3}镇|which towns|what towns/;

/** Words for the prefecture-level cities of a batch (第一批有哪些地级市). */
const PREFECTURE_LEVEL = /地级市|地级城市|prefecture-level|prefecture level/;
/**
 * Several kinds of unit asked at once ("地级市、区县、镇各多少个"): the composition answers it. (Two
 * joined, "县和镇一级的", are batch 2's one part, 县镇级.)
 */
const ALL_PARTS =
  /各(有)?(多少|几)|分别(有)?(多少|几)|(地级市|地市|城市|区县|区（县）|区|县|镇)[、和与及,，]\s*(地级市|地市|区县|区（县）|区|县|镇)[、和与及,，]\s*(地级市|地市|区县|区（县）|区|县|镇)|(地级市|地市)[^，,。？?]{0,4}(几|多少)个?[，,、\s]+(区县|区（县）)[^，,。？?]{0,3}(几|多少)个?[，,、\s]+镇[^，,。？?]{0,3}(几|多少)/;

/**
 * The batch's entries that are prefecture-level units themselves: prefecture-level cities, and the
 * county-level cities a province administers directly (济源, 仙桃), which sit at prefecture level.
 */
function prefectureUnits(fresh: Pilot[]): { cities: Pilot[]; direct: Pilot[] } {
  return {
    cities: fresh.filter((p) => p.level === "地级市"),
    direct: fresh.filter((p) => p.level === "县级市" && p.parent === null),
  };
}

/**
 * The batch's prefecture-level entries, by our coding of today's levels; set beside the official
 * composition where one exists (batch 1's 37 地级市 are its 35 cities plus 济源 and 万宁).
 */
function prefectureLines(fresh: Pilot[], b: Batch, lang: "zh" | "en"): string[] {
  const { cities, direct } = prefectureUnits(fresh);
  const official = b.composition?.地级市;
  const total = cities.length + direct.length;
  const list = (ps: Pilot[]) => ps.map((p) => pilotName(p, lang)).join(lang === "zh" ? "、" : ", ");
  if (lang === "en") {
    const agree =
      official === undefined
        ? ""
        : official === total
          ? ` Together they make the official composition's ${official} prefecture-level cities.`
          : ` The official composition says ${official}; the difference lies in how some entries were classed.`;
    return [
      `Prefecture-level entries: ${total} — ${cities.length} prefecture-level cities (${list(cities)})${direct.length ? ` and ${direct.length} county-level cities administered directly by their province (${list(direct)})` : ""}.${agree}`,
    ];
  }
  const agree =
    official === undefined
      ? ""
      : official === total
        ? `合起来正是官方构成中的地级市${official}个。`
        : `官方公布的构成是地级市${official}个，差别在于个别单位当时的归类。`;
  return [
    `本身是地级单位的入选单位共${total}个：地级市${cities.length}个（${list(cities)}）${direct.length ? `，另有省直辖的县级市${direct.length}个（${list(direct)}）` : ""}。${agree}`,
  ];
}

/** The projects listed with a batch, and the notice that published it. */
function sourceLines(b: Batch, programme: Programme, lang: "zh" | "en", leading?: string): string[] {
  const lines: string[] = [];
  if (b.specialProjects > 0)
    lines.push(
      lang === "zh"
        ? `${leading ? `${leading}名单的通知` : "同一通知"}还列出${b.specialProjects}个专项试点项目：它们是项目而不是地方，不计入试点数。`
        : `${leading ? `The notice of ${leading}` : "The same notice"} also lists ${b.specialProjects} special pilot projects (专项试点): projects, not places, and not counted.`,
    );
  const notice = programme.documents.find((d) => d.title === b.notice);
  if (notice) {
    const number = documentNumber(notice, lang);
    // The notice of batch 2 is dated 1 August and was made public on 5 August: both dates are asked for.
    const dated =
      notice.date && notice.date !== b.announced
        ? lang === "zh"
          ? `，落款日期${formatDate(notice.date, "zh")}，${formatDate(b.announced, "zh")}对外公布`
          : `, dated ${formatDate(notice.date, "en")} and made public on ${formatDate(b.announced, "en")}`
        : "";
    lines.push(
      lang === "zh"
        ? `依据：《${notice.title}》${number ? `（${number}）` : ""}${dated}。`
        : `Source: 《${notice.title}》${number ? ` (${number})` : ""}${dated}.`,
    );
  }
  return lines;
}

/** Words for the 专项试点 projects listed with a batch. */
const SPECIAL = /专项|special (pilot )?projects?/;

/** English and pinyin words for the parts of a batch's composition, as the Chinese words. */
const PART_WORDS: [RegExp, string][] = [
  [/\b(towns?|zhen)\b/g, "个镇"],
  [/prefecture[- ]level( cities)?|\bdijishi\b|\bdi ji shi\b/g, "地级市"],
  [/districts?(\s*(and|or|\/)\s*|\s+)count(y|ies)|\bqu ?xian\b/g, "区县"],
];

/**
 * The number a batch question asks for: its expansions, one part of its official composition, its
 * prefecture-level cities by our coding where no official figure exists, or its size.
 */
function askedCount(b: Batch, fresh: Pilot[], expansions: number, question: string): number {
  // Two questions in one ("一共几个，地级市占多少"): the first is answered first.
  const counting = question
    .split(/[，,。？?；;]/)
    .find((c) => /几|多少|how many|哪些|\bji ?ge\b|\bduo ?shao\b/.test(c));
  // (A bare "有几个" counts what the question is about: "“扩大范围试点”是啥意思，有几个".)
  const bare =
    counting !== undefined &&
    /^\s*(那|那么)?(都|一共|总共|共)?(有)?(几|多少|哪些)个?(地方)?\s*$/.test(counting);
  const residual = counting && !bare ? counting : question;
  if (/扩大范围|expansion|expanded/.test(residual)) return expansions;
  if (SPECIAL.test(residual) && b.specialProjects > 0) return b.specialProjects;
  // 地级市 is asked as 地级市 or 地市, 区（县） as 区县, 县镇级 as 县镇.
  // "县级和镇级的" asks for 县镇级.
  // English and pinyin parts only where a number is asked ("how many towns"), not "only cities or towns?".
  const spell = (text: string, words: typeof PART_WORDS) =>
    words.reduce(
      (t, [pattern, part]) => t.replace(pattern, part),
      text.replace(/县级?\s*(和|与|及|、)\s*镇级?/g, "县镇").replace(/级/g, ""),
    );
  const partsIn = (text: string) =>
    Object.entries(b.composition ?? {}).filter(([name]) =>
      [name.replace(/[（）级]/g, ""), name.replace(/（.*?）|级/g, "")].some((v) =>
        // (One character, 镇, only as a counted word: 几个镇, 镇有几个, 3个镇, not 镇江.)
        v.length >= 2 ? text.includes(v) : new RegExp(`[个些\\d]\\s*${v}|${v}的?有?(几|多少)`).test(text),
      ),
    );
  const parts = partsIn(spell(residual, counting ? PART_WORDS : []));
  // "地级市、区县、镇各多少个" asks for the whole composition: its number is the batch's size.
  // ("地级市几个 区县几个" asks two questions: the first is answered first.)
  // ("市区级83个、县镇级20个，这个口径对吗", "37 prefecture-level cities, 50 districts/counties and
  // 3 towns. Correct breakdown?": every part named is the whole composition, to confirm.)
  const every = partsIn(spell(spell(question, PART_WORDS), []));
  const named =
    every.length > 1 &&
    every.length === Object.keys(b.composition ?? {}).length &&
    every.every(([, n]) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(question));
  if (named || ALL_PARTS.test(residual) || ALL_PARTS.test(question)) return b.count;
  if (parts[0]) return parts[0][1];
  // "第二批有几个镇", "Which towns were in batch 1?": the towns, counted from the data where the
  // official composition does not list them apart.
  if (ASKS_TOWNS.test(residual) || /几个镇|镇\s*(有)?\s*(几|多少)|how many towns/.test(residual))
    return fresh.filter((p) => p.level === "镇").length;
  if (PREFECTURE_LEVEL.test(residual)) {
    const { cities, direct } = prefectureUnits(fresh);
    return cities.length + direct.length;
  }
  return b.count;
}

/** "第四批什么时候公布": there were three batches; says so and when each was announced. */
export function composeNoSuchBatch(cx: ComposeContext): Reply {
  const { programme, lang } = cx;
  const dates = programme.batches.map((b) =>
    lang === "zh"
      ? `${b.label}${announced(b.batch, programme, "zh")}`
      : `batch ${b.batch} on ${announced(b.batch, programme, "en")}`,
  );
  return {
    text:
      lang === "zh"
        ? `国家智慧城市试点只公布过三批：${dates.join("，")}；之后没有第四批名单。`
        : `There were only three batches: ${dates.join(", ")}; no fourth list was published.`,
  };
}

/** Whole days between two ISO dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** One end of an interval: the programme's launch or a batch's announcement. */
interface Milestone {
  label: string;
  date: string;
}

/**
 * Answers "第二批和第三批相隔多久" and "从发通知到第三批用了多久": the time between the batches named,
 * or from the launch notice to a batch.
 */
export function composeInterval(cx: ComposeContext, batches: BatchNumber[], fromLaunch: boolean): Reply {
  const { programme, lang } = cx;
  const launch = programme.timeline[0];
  const ends: Milestone[] = [
    ...(fromLaunch && launch
      ? [{ label: lang === "zh" ? "启动通知" : "the launch notice", date: launch.date }]
      : []),
    ...[...batches]
      .sort((a, b) => a - b)
      .flatMap((n) => {
        const b = programme.batches.find((x) => x.batch === n);
        return b ? [{ label: batchLabel(n, programme, lang), date: b.announced }] : [];
      }),
  ];
  const lines: string[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const a = ends[i] as Milestone;
    const b = ends[i + 1] as Milestone;
    const days = daysBetween(a.date, b.date);
    const months = Math.round(days / 30.44);
    lines.push(
      lang === "zh"
        ? `${a.label}${formatDate(a.date, lang)}${i === 0 && fromLaunch ? "发出" : "公布"}，${b.label}${formatDate(b.date, lang)}公布，相隔${days}天（约${months}个月）。`
        : `${titleCase(a.label)}: ${formatDate(a.date, lang)}; ${b.label}: ${formatDate(b.date, lang)} — ${days} days apart (about ${months} months).`,
    );
  }
  return { text: lines.join("\n") };
}

/**
 * A batch's share of the programme ("What share of all pilots came in batch 1?"): the pilots it adds
 * to the total, its expansion areas included when they count, as a percentage of the total.
 */
export function composeBatchShare(cx: ComposeContext, batch: BatchNumber): string {
  const { programme, lang } = cx;
  const counted = cx.atlas.data.pilots.filter((p) => p.batch === batch && isCounted(p));
  const expansions = counted.filter((p) => p.scope === "expansion").length;
  const percent = ((100 * counted.length) / programme.total).toFixed(1);
  const label = batchLabel(batch, programme, lang);
  return lang === "zh"
    ? `${label}占总数的${percent}%：${programme.total}个中的${counted.length}个${expansions ? `（含扩大范围${expansions}个）` : ""}。`
    : `${titleCase(label)} makes up ${percent}% of the total: ${counted.length} of the ${programme.total} pilots${expansions ? ` (${expansions} of them expansion areas)` : ""}.`;
}
