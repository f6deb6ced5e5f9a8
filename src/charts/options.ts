import type { EChartsOption } from "echarts";
import { batchLabel, titleCase, yearOf } from "../engine/answers/format.ts";
import type { Atlas } from "../engine/atlas.ts";
import { PROVINCE_ENGLISH } from "../engine/atlas.ts";
import type { ChartSpec } from "../engine/chart-spec.ts";
import { CHART_FONT_FAMILY } from "./rasterise.ts";
import { batchRows, provinceRows, stacksOf } from "./series.ts";

/** Stack colours: the three batches, and the 2014 expansions as a lighter shade of batch 3. */
const COLOURS = {
  batch1: "#3b6fb6",
  batch2: "#e39b2d",
  batch3: "#3a9a5b",
  expansion3: "#a9d9b8",
  uncounted: "#d9d9d9",
};

const TEXT = {
  zh: {
    provincesTitle: (total: number) => `国家智慧城市试点：各省级单位试点数（共${total}个）`,
    batchesTitle: "国家智慧城市试点：三批名单的构成",
    provinceTitle: (name: string, total: number) => `${name}：各批次国家智慧城市试点（共${total}个）`,
    expansion3: "第三批扩大范围",
    fresh: "新增试点",
    counted: "扩大范围（计入）",
    uncounted: (year: number) => `${year}年扩大范围（不计入）`,
    running: "累计试点数",
    source: "数据：住房和城乡建设部公布的三批名单，按省级单位计数（新疆生产建设兵团单列）",
    batchAxis: (label: string, date: string) => `${label}\n${date}公布`,
    province: (name: string) => name,
  },
  en: {
    provincesTitle: (total: number) => `National Smart City pilots per province (${total} in all)`,
    batchesTitle: "National Smart City pilots: the three batches",
    provinceTitle: (name: string, total: number) =>
      `${PROVINCE_ENGLISH[name] ?? name}: pilots by batch (${total})`,
    expansion3: "Batch 3 expansions",
    fresh: "New pilots",
    counted: "Expansions (counted)",
    uncounted: (year: number) => `${year} expansions (not counted)`,
    running: "Running total",
    source: "Data: the three lists published by the Ministry of Housing and Urban-Rural Development",
    batchAxis: (_label: string, date: string) => date,
    province: (name: string) => PROVINCE_ENGLISH[name] ?? name,
  },
};

/** One stacked bar series; `label` prints the values inside the bars. */
function stackedBar(name: string, stack: string, color: string, data: number[], label = false) {
  return {
    type: "bar" as const,
    name,
    stack,
    itemStyle: { color },
    ...(label ? { label: { show: true } } : {}),
    data,
  };
}

const base = (title: string, subtitle: string): EChartsOption => ({
  animation: false,
  backgroundColor: "#ffffff",
  textStyle: { fontFamily: CHART_FONT_FAMILY },
  title: {
    text: title,
    subtext: subtitle,
    left: "center",
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 20 },
    subtextStyle: { fontFamily: CHART_FONT_FAMILY },
  },
  legend: { bottom: 8, textStyle: { fontFamily: CHART_FONT_FAMILY } },
});

/** A chart's title, used as the photo's caption. */
export function chartTitle(spec: ChartSpec, atlas: Atlas): string {
  const title = chartOption(spec, atlas).title;
  const text = Array.isArray(title) ? title[0]?.text : title?.text;
  return String(text ?? "");
}

/** Size in pixels of each chart. */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  return spec.kind === "provinces" ? { width: 1000, height: 1200 } : { width: 1000, height: 600 };
}

/** The ECharts option of a chart, labelled in the spec's language. */
export function chartOption(spec: ChartSpec, atlas: Atlas): EChartsOption {
  const t = TEXT[spec.lang];
  // Batch labels and years come from the data, as in the answers.
  const programme = atlas.data.programme;
  const label = (batch: number) => titleCase(batchLabel(batch, programme, spec.lang));
  if (spec.kind === "provinces") {
    const rows = provinceRows(atlas);
    const total = rows.reduce((sum, r) => sum + r.total, 0);
    const stack = (key: keyof (typeof rows)[number]["stacks"], name: string) =>
      stackedBar(
        name,
        "pilots",
        COLOURS[key],
        rows.map((r) => r.stacks[key]),
      );
    return {
      ...base(t.provincesTitle(total), t.source),
      grid: { left: 170, right: 60, top: 90, bottom: 60 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: rows.map((r) => t.province(r.division.name)) },
      series: [
        stack("batch1", label(1)),
        stack("batch2", label(2)),
        stack("batch3", label(3)),
        stack("expansion3", t.expansion3),
        {
          type: "bar",
          stack: "pilots",
          // Each bar's total as a plain string (no formatter function): the option must survive
          // structured cloning to the render worker.
          data: rows.map((r) => ({ value: 0, label: { formatter: String(r.total) } })),
          label: { show: true, position: "right" },
          tooltip: { show: false },
        },
      ],
    };
  }
  if (spec.kind === "batches") {
    const rows = batchRows(atlas);
    return {
      ...base(t.batchesTitle, t.source),
      grid: { left: 70, right: 70, top: 90, bottom: 90 },
      xAxis: { type: "category", data: rows.map((r) => t.batchAxis(r.label, r.announced)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        stackedBar(
          t.fresh,
          "b",
          COLOURS.batch1,
          rows.map((r) => r.fresh),
          true,
        ),
        stackedBar(
          t.counted,
          "b",
          COLOURS.expansion3,
          rows.map((r) => r.counted),
        ),
        stackedBar(
          t.uncounted(yearOf(2, programme)),
          "b",
          COLOURS.uncounted,
          rows.map((r) => r.uncounted),
        ),
        {
          type: "line",
          name: t.running,
          itemStyle: { color: COLOURS.batch2 },
          label: { show: true },
          data: rows.map((r) => r.running),
        },
      ],
    };
  }
  const division = atlas.provinces.find((d) => d.name === spec.province);
  if (!division) throw new Error(`unknown province ${spec.province}`);
  const s = stacksOf(atlas, division);
  const total = s.batch1 + s.batch2 + s.batch3 + s.expansion3;
  const labels = [label(1), label(2), label(3)];
  return {
    ...base(t.provinceTitle(division.name, total), t.source),
    grid: { left: 60, right: 40, top: 90, bottom: 90 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      stackedBar(t.fresh, "p", COLOURS.batch1, [s.batch1, s.batch2, s.batch3], true),
      stackedBar(t.counted, "p", COLOURS.expansion3, [0, 0, s.expansion3]),
    ],
  };
}

/**
 * Every character a chart can print, in both languages: the font subset in `data/fonts/` is built
 * from this list (`npm run data:font`) and a test checks the committed font still covers it.
 */
export function chartCharacters(atlas: Atlas): string {
  const specs: ChartSpec[] = (["zh", "en"] as const).flatMap((lang) => [
    { kind: "provinces", lang } as const,
    { kind: "batches", lang } as const,
    ...atlas.provinces.map((d) => ({ kind: "province", province: d.name, lang }) as const),
  ]);
  const strings = specs.map((spec) => JSON.stringify(chartOption(spec, atlas)));
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
  const chars = new Set([...ascii, ..."0123456789", ...strings.join("")]);
  return [...chars]
    .filter((c) => c >= " ")
    .sort()
    .join("");
}
