import type { Dataset } from "../../data/load.ts";
import { batchOf } from "../../data/pilots.ts";
import {
  type PrefectureRow,
  PrefectureUnits,
  prefectureTable,
  type TableName,
} from "../../research/treatment.ts";
import type { Place } from "../lexicon.ts";
import type { BatchNumber } from "../recognise.ts";
import { batchLabel, type ComposeContext, formatDate, placeName, type Reply } from "./format.ts";

/**
 * Words of a researcher coding the programme (DID, treatment, the prefecture level). "did" counts
 * beside Chinese or as "did regression", never as the English verb ("why did it take so long").
 */
export const RESEARCH_WORDS =
  /双重差分|倍差法|(^|\p{Script=Han}|[，。？,.?]\s?)\s*did\s*(\p{Script=Han}|[，。？,.?]|$)|\bdid (regression|design|analysis|model|paper|study)|样本|处理组|被处理|即处理|处理年份|处理时点|任一试点|口径|对照组|控制组|实验组|政策冲击|准自然实验|面板|地级市层面|整市|编码|(在|做|跑)回归|回归(里|中|时|模型|分析|方程)|算不算.{0,4}试点城市|treat|control group|diff-in-diff|difference-in-differences|panel|coding/u;

/** Words that ask for a file rather than an answer in chat. */
const FILE_WORDS = /excel|xlsx|csv|表格|下载|导出|文件|数据集|dataset|download|spreadsheet|export|file|table/;

/** The tables, derived once per dataset (pure, and the data never changes while the engine runs). */
const TABLES = new WeakMap<Dataset, { rows: PrefectureRow[]; units: PrefectureUnits }>();

function tables(cx: ComposeContext): { rows: PrefectureRow[]; units: PrefectureUnits } {
  const data = cx.atlas.data;
  let t = TABLES.get(data);
  if (!t) {
    t = { rows: prefectureTable(data), units: new PrefectureUnits(data) };
    TABLES.set(data, t);
  }
  return t;
}

const BATCHES = [1, 2, 3] as const;

/** How many prefecture-level units each rule treats first in each batch. */
function tally(rows: PrefectureRow[], rule: "whole" | "any"): number[] {
  return BATCHES.map(
    (b) => rows.filter((r) => (rule === "whole" ? r.whole_city_batch : r.any_pilot_batch) === b).length,
  );
}

/**
 * The prefecture-level view of the programme for researchers: how many units each convention
 * treats in each batch, the two year conventions, and the downloadable tables (attached when the
 * question asks for a file or a list, or when `batch` narrows nothing).
 */
export function composeResearch(cx: ComposeContext, residual: string, batch: BatchNumber | null): Reply {
  const { rows } = tables(cx);
  const whole = tally(rows, "whole");
  const any = tally(rows, "any");
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const years = BATCHES.map((b) => batchOf(cx.programme, b));
  const attachments: TableName[] =
    FILE_WORDS.test(residual) || batch === null ? ["prefectures", "pilots"] : [];
  const units = rows.length;
  if (cx.lang === "en") {
    return {
      text: [
        `At prefecture level (${units} units today: prefectures, the 4 municipalities and the province-administered county-level units):`,
        `• whole-city rule (the unit itself is a pilot): ${whole.join(" / ")} in batches 1/2/3, ${sum(whole)} in all;`,
        `• any-pilot rule (any pilot inside, earliest batch): ${any.join(" / ")}, ${sum(any)} in all.`,
        `Years: programme years ${years.map((b) => b.year).join("/")} or announcement years ${years.map((b) => b.announced.slice(0, 4)).join("/")}. The municipalities have district pilots only; a prefecture with only district or county pilots (Suzhou) is not treated under the whole-city rule.`,
        attachments.length
          ? "The full tables (one row per prefecture, one per pilot, with a data dictionary) follow as files; /export sends them again."
          : "Send /export for the full tables (CSV and Excel).",
      ].join("\n"),
      count: sum(whole),
      attachments,
    };
  }
  return {
    text: [
      `按地级单位编码（今天共${units}个：地级市、地区、自治州、盟，4个直辖市和省直辖的县级单位）：`,
      `• 整市规则（地级单位本身是试点）：第一批${whole[0]}个、第二批${whole[1]}个、第三批${whole[2]}个，共${sum(whole)}个；`,
      `• 任一试点规则（境内有任一试点，按最早一批）：第一批${any[0]}个、第二批${any[1]}个、第三批${any[2]}个，共${sum(any)}个。`,
      `年份可按试点年度（${years.map((b) => b.year).join("/")}）或公布年份（${years.map((b) => b.announced.slice(0, 4)).join("/")}）。直辖市只有区级试点；苏州这类只有区县、园区入选的地级市，整市规则下不算处理组。`,
      attachments.length
        ? "完整对照表（每个地级单位一行、每个试点一行，附字段说明和来源）随后以文件发送；发 /export 可再次获取。"
        : "发 /export 可获取完整对照表（CSV 和 Excel）。",
    ].join("\n"),
    count: sum(whole),
    attachments,
  };
}

/** The prefecture-level unit a place lies in (itself for a prefecture), if any. */
function rowOf(cx: ComposeContext, place: Place): PrefectureRow | undefined {
  const { rows, units } = tables(cx);
  const unit = place.kind === "pilot" ? units.unitOf(place.pilot) : units.unitOfCode(place.division.code);
  return unit && rows.find((r) => r.code === unit.code);
}

/**
 * One line for a researcher asking about a place: how its prefecture-level unit is coded under the
 * whole-city and the any-pilot rule, with both years. Empty for a province (no single unit).
 */
export function composeResearchNote(cx: ComposeContext, place: Place): string {
  const row = rowOf(cx, place);
  if (!row) return "";
  const en = cx.lang === "en";
  const name = placeName(row.name, cx.lang);
  const when = (b: number | null) => {
    if (b === null) return "";
    const announced = batchOf(cx.programme, b).announced.slice(0, 4);
    return en
      ? `${batchLabel(b, cx.programme, "en")}, announced ${announced}`
      : `${batchLabel(b, cx.programme, "zh")}起算（该批${announced}年公布）`;
  };
  if (en) {
    const whole = row.whole_city_batch
      ? `treated from ${when(row.whole_city_batch)} under the whole-city rule`
      : "not treated under the whole-city rule (the prefecture itself is not a pilot)";
    const any = row.any_pilot_batch
      ? `from ${when(row.any_pilot_batch)} under the any-pilot rule`
      : "untreated under the any-pilot rule too";
    return `For prefecture-level coding: ${name} is ${whole}; ${any}. /export gives the whole table.`;
  }
  const whole = row.whole_city_batch
    ? `整市规则下从${when(row.whole_city_batch)}`
    : `整市规则下不算处理组（${row.name}本身不是试点）`;
  const any = row.any_pilot_batch ? `任一试点规则下从${when(row.any_pilot_batch)}` : "任一试点规则下也不算";
  return `按地级单位编码：${name}${whole}；${any}。完整对照表发 /export 获取。`;
}

/**
 * Two lines for a researcher asking about one batch ("第一批的政策冲击年份用2012还是2013"): the batch's
 * programme year and announcement year, and, when its expansion areas are asked about, how they are
 * coded (they extend an earlier pilot, so they add no treated unit and move no first year).
 */
export function composeBatchResearchNote(
  cx: ComposeContext,
  batch: BatchNumber,
  expansionsAsked: boolean,
): string {
  const b = batchOf(cx.programme, batch);
  const en = cx.lang === "en";
  const label = batchLabel(batch, cx.programme, cx.lang);
  const year = b.announced.slice(0, 4);
  const lines = [
    en
      ? `For DID coding: ${label} is coded ${b.year} by programme year, or ${year} by announcement (${formatDate(b.announced, "en")}); a prefecture takes the earliest batch of any pilot in it.`
      : `做DID编码：${label}按试点年度记${b.year}年，按公布年份记${year}年（${formatDate(b.announced, "zh")}公布）；一个地级单位以境内最早入选的一批为准。`,
  ];
  if (expansionsAsked) lines.push(composeExpansionCoding(cx, b.expansions ? batch : null));
  return lines.join("\n");
}

/**
 * How expansion areas (扩大范围) are coded: each extends a pilot chosen earlier, so it adds no treated
 * unit and does not move its prefecture's first year. Counts come from the batches' records.
 */
export function composeExpansionCoding(cx: ComposeContext, batch: BatchNumber | null): string {
  const withExpansions = cx.programme.batches.filter(
    (b) => b.expansions > 0 && (batch === null || b.batch === batch),
  );
  const en = cx.lang === "en";
  const which = withExpansions
    .map((b) =>
      en
        ? `${b.expansions} with ${batchLabel(b.batch, cx.programme, "en")}`
        : `${batchLabel(b.batch, cx.programme, "zh")}的${b.expansions}个`,
    )
    .join(en ? " and " : "和");
  return en
    ? `Expansion areas (${which}) extend a pilot chosen earlier: they add no treated unit and do not change the first year of their prefecture, which the pilots already in it decide.`
    : `扩大范围区域（${which}）是并入已有试点的，不单独算处理单位，也不改变所在地级单位的首次处理年份（那由境内原有的试点决定）。`;
}
