import type { Dataset } from "../data/load.ts";
import { batchOf } from "../data/pilots.ts";
import type { Batch } from "../data/schema.ts";
import type { PilotRow, PrefectureRow } from "./treatment.ts";

/** A column of an exported table and what it means, for the README sheet and the bot's explanation. */
export interface Column<Row> {
  key: keyof Row & string;
  /** What the column holds, in Chinese then English. */
  meaning: string;
}

/** The prefecture table's columns, in export order. */
export const PREFECTURE_COLUMNS: readonly Column<PrefectureRow>[] = [
  { key: "code", meaning: "区划代码：地级单位4位，直辖市2位，省直辖县级单位6位 / division code" },
  { key: "name", meaning: "今天的地级单位名称 / today's prefecture-level unit" },
  { key: "province", meaning: "所属省级单位 / province-level unit" },
  {
    key: "whole_city_batch",
    meaning:
      "整市规则：该地级单位本身成为试点的批次（1/2/3），否则为空 / batch in which the unit itself became a pilot",
  },
  { key: "whole_city_year", meaning: "整市规则：试点年度（批次所称的年度）/ programme year" },
  { key: "whole_city_announced", meaning: "整市规则：名单公布的年份 / year announced" },
  {
    key: "any_pilot_batch",
    meaning: "任一试点规则：境内最早试点的批次 / earliest batch of any pilot inside",
  },
  { key: "any_pilot_year", meaning: "任一试点规则：试点年度 / programme year" },
  { key: "any_pilot_announced", meaning: "任一试点规则：公布年份 / year announced" },
  { key: "n_pilots", meaning: "境内计入总数的试点数 / counted pilots inside" },
  { key: "pilot_names", meaning: "境内试点名称，按批次 / their names, by batch" },
  {
    key: "note",
    meaning: "特殊情况：直辖市、省直辖单位、撤并的地级市、兵团、不计入的扩大范围 / special cases",
  },
];

/** The pilot table's columns, in export order. */
export const PILOT_COLUMNS: readonly Column<PilotRow>[] = [
  { key: "id", meaning: "稳定的拼音标识 / stable id" },
  { key: "name", meaning: "名单上的正式名称 / official name as listed" },
  { key: "province", meaning: "名单所列省级单位（兵团单列）/ listing province (the corps apart)" },
  { key: "prefecture_code", meaning: "今天所在地级单位的代码 / code of today's prefecture-level unit" },
  { key: "prefecture", meaning: "今天所在的地级单位 / today's prefecture-level unit" },
  { key: "level", meaning: "层级：地级市、县级市、区、县、镇、街道、功能区 / level" },
  { key: "batch", meaning: "批次 1/2/3 / batch" },
  { key: "programme_year", meaning: "试点年度 / programme year" },
  { key: "announced", meaning: "公布日期 / date announced" },
  { key: "scope", meaning: "new = 新增试点，expansion = 扩大范围 / new pilot or expansion area" },
  { key: "expands", meaning: "扩大范围所扩展的原试点 / the earlier pilot an expansion extends" },
  {
    key: "counted",
    meaning: "1 = 计入总数；0 = 随第二批公布的扩大范围，按惯例不计入 / counts toward the total",
  },
  {
    key: "whole_prefecture",
    meaning: "1 = 该试点就是地级单位本身 / the pilot is the prefecture-level unit itself",
  },
  { key: "includes", meaning: "名单括号“含…”中列出的地方 / places named inside 含…" },
  {
    key: "notice",
    meaning: "公布该批的通知；第一批在创建工作会议上公布，无单独通知 / the notice of the batch",
  },
  { key: "notice_number", meaning: "通知文号；未经确认的文号留空 / its number, empty when unconfirmed" },
  { key: "note", meaning: "与原文不同之处或今名 / differences from the seed article, today's name" },
];

/**
 * The conventions the tables follow, for the README sheet and the bot's explanation. The figures in
 * them come from the dataset so that the text cannot drift from the rows.
 */
export function conventions(data: Dataset): string[] {
  const [b1, b2, b3] = [1, 2, 3].map((n) => batchOf(data.programme, n)) as [Batch, Batch, Batch];
  const merged = data.pilots.filter((p) => p.covers?.length).map((p) => p.name);
  return [
    `处理单位是今天的地级单位：地级市、地区、自治州、盟，4个直辖市，以及省直辖的县级单位（如济源、仙桃）各占一行。`,
    `整市规则（最常用）：地级单位本身是试点才算处理组；只有区、县、镇或园区入选的（如苏州）留空，论文通常剔除或作对照。`,
    `任一试点规则：境内任一试点入选即算处理组，取最早的批次。`,
    `年份两种口径：试点年度 ${b1.year}/${b2.year}/${b3.year}，或公布年份 ${b1.announced.slice(0, 4)}/${b2.announced.slice(0, 4)}/${b3.announced.slice(0, 4)}（公布日期 ${b1.announced}、${b2.announced}、${b3.announced}）。`,
    `计数口径：每个名单条目算一个试点，共${data.programme.total}个（${b1.count}+${b2.count}+${b3.count}+${b3.expansions}）；${b2.year}年的${b2.expansions}个扩大范围区域不计入，只在备注中列出；${b3.year}年的${b3.expansions}个扩大范围区域计入，但不改变所在地级单位最早的年份。`,
    `直辖市只有区、功能区或镇级试点，整市规则下留空；撤并的地级市（${merged.join("、")}）归入今天的地级单位并在备注中说明。`,
  ];
}

/** Where the rows come from: the notices and the divisions, with the date of the data. */
export function sources(data: Dataset): string[] {
  const lines = data.programme.documents
    .filter((d) => data.programme.batches.some((b) => b.notice === d.title))
    .map(
      (d) =>
        `《${d.title}》${d.issuer}，${d.date ?? ""}${d.number && d.numberConfirmed ? `，${d.number}` : d.number ? "，文号未经确认" : ""}`,
    );
  const first = batchOf(data.programme, 1);
  return [
    `第一批：${first.announced} 国家智慧城市试点创建工作会议公布。`,
    ...lines,
    `今天的行政区划：${data.gazetteer.source}。`,
    `名单截至第三批公布（${batchOf(data.programme, 3).announced}）。`,
  ];
}
