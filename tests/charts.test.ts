import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { telegramCharts } from "../src/bot/charts.ts";
import { OFFLINE_BOT_INFO } from "../src/bot/offline.ts";
import { chartCharacters, chartOption, chartSize } from "../src/charts/options.ts";
import { CHART_FONT_FAMILY, CHART_FONT_FILE, renderOptionToPng } from "../src/charts/rasterise.ts";
import { renderChart } from "../src/charts/render.ts";
import type { Atlas } from "../src/engine/atlas.ts";
import type { ChartSpec } from "../src/engine/chart-spec.ts";
import { engine, harness, memoryLogger, texts } from "./helpers/harness.ts";
import { referenceCounts, referenceEntries } from "./helpers/reference.ts";

const { atlas } = engine;

/** Pixels that are clearly not white. */
function ink(png: Buffer): { width: number; height: number; inked: number } {
  const image = PNG.sync.read(png);
  let inked = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r = 255, g = 255, b = 255] = image.data.subarray(i, i + 3);
    if (r + g + b < 600) inked++;
  }
  return { width: image.width, height: image.height, inked };
}

describe("chart images", () => {
  it.each<ChartSpec>([
    { kind: "provinces", lang: "zh" },
    { kind: "provinces", lang: "en" },
    { kind: "batches", lang: "zh" },
    { kind: "province", province: "江苏省", lang: "zh" },
  ])("%j decodes at its size and is not blank", async (spec) => {
    const { width, height, inked } = ink(await renderChart(spec, atlas));
    expect({ width, height }).toEqual(chartSize(spec));
    expect(inked / (width * height)).toBeGreaterThan(0.05);
  });

  it("loads the native renderer with the network left out of diagnostic reports (no stall on open sockets)", async () => {
    await renderChart({ kind: "batches", lang: "zh" }, atlas);
    expect((process.report as { excludeNetwork?: boolean }).excludeNetwork).toBe(true);
  });

  it("draws in the worker exactly what the renderer draws in-process (the option survives cloning)", async () => {
    const spec: ChartSpec = { kind: "provinces", lang: "en" };
    const option = chartOption(spec, atlas);
    expect(structuredClone(option)).toEqual(option); // no functions: the worker gets all of it
    const here = renderOptionToPng(option, chartSize(spec));
    expect((await renderChart(spec, atlas)).equals(here)).toBe(true);
  });

  it("labels each province's bar with its total from the reference list", () => {
    const option = chartOption({ kind: "provinces", lang: "zh" }, atlas) as {
      yAxis: { data: string[] };
      series: { data: (number | { label?: { formatter?: string } })[] }[];
    };
    const totals = option.series
      .at(-1)
      ?.data.map((d) => (typeof d === "object" ? d.label?.formatter : undefined));
    const expected = option.yAxis.data.map((name) => String(referenceCounts().get(name)));
    expect(totals).toEqual(expected);
  });

  it("is deterministic", () => {
    const spec: ChartSpec = { kind: "batches", lang: "zh" };
    const a = renderOptionToPng(chartOption(spec, atlas), chartSize(spec));
    const b = renderOptionToPng(chartOption(spec, atlas), chartSize(spec));
    expect(a.equals(b)).toBe(true);
  });

  it("draws Chinese labels with the embedded font", () => {
    const title = {
      animation: false,
      backgroundColor: "#fff",
      title: {
        text: "国家智慧城市试点：各省级单位试点数",
        textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 28 },
      },
    };
    const size = { width: 600, height: 80 };
    const withFont = ink(renderOptionToPng(title, size)).inked;
    const withoutFont = ink(renderOptionToPng(title, size, [])).inked;
    expect(withFont).toBeGreaterThan(500);
    expect(withoutFont).toBeLessThan(withFont / 10);
  });

  it("has every character a chart can print in the committed font subset", () => {
    const covered = new Set(readFileSync(CHART_FONT_FILE.replace(/\.ttf$/, ".chars.txt"), "utf8"));
    const missing = [...chartCharacters(atlas)].filter((c) => !covered.has(c));
    expect(missing, "run npm run data:font").toEqual([]);
  });
});

describe("which answers come with a chart", () => {
  it.each([
    ["哪个省试点最多", { kind: "provinces", lang: "zh" }],
    ["Which province has the most pilots?", { kind: "provinces", lang: "en" }],
    ["一共有多少个试点", { kind: "batches", lang: "zh" }],
    ["江苏有哪些试点", { kind: "province", province: "江苏省", lang: "zh" }],
    ["江苏有多少个试点", undefined],
    ["昆山是试点吗", undefined],
  ])("%s", (q, chart) => {
    expect(engine.answer(q).chart).toEqual(chart);
  });
});

describe("charts in the bot", () => {
  it("sends the text first, then the photo with a caption, and reuses the file_id", async () => {
    const h = harness();
    const first = await h.send("哪个省试点最多");
    expect(first.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
    expect(first[0]?.payload.text).toContain("█");
    expect(String(first[1]?.payload.caption)).toContain("各省级单位试点数");
    expect(typeof first[1]?.payload.photo).toBe("object");
    const second = await h.send("/ranking");
    expect(second[1]?.payload.photo).toMatch(/^photo-/);
  });

  it("sends the totals, then both charts as one album, and reuses the file_ids the second time", async () => {
    const h = harness();
    const calls = await h.send("/stats");
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendMediaGroup"]);
    expect(texts(calls)[0]).toContain(String([...referenceCounts().values()].reduce((n, c) => n + c, 0)));
    const media = calls[1]?.payload.media as { type: string; media: unknown; caption: string }[];
    expect(media.map((m) => m.type)).toEqual(["photo", "photo"]);
    expect(media[0]?.caption).toContain("批");
    expect(media[1]?.caption).toContain("各省级单位试点数");
    const again = await h.send("/stats");
    const reused = again[1]?.payload.media as { media: unknown }[];
    for (const m of reused) expect(m.media).toMatch(/^photo-/);
  });

  it("sends the text alone when a chart cannot be drawn", async () => {
    const { logger, sink } = memoryLogger();
    const h = harness({ charts: telegramCharts({} as Atlas, logger) });
    const calls = await h.send("哪个省试点最多");
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(sink.lines.some((l) => l.msg === "chart not sent")).toBe(true);
  });
});

describe("chart CLI", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["dist/cli/chart.mjs", ...args], {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
      timeout: 60_000,
    });

  it("writes a PNG", () => {
    const out = join(mkdtempSync(join(tmpdir(), "chart-")), "p.png");
    const r = run(["--kind", "batches", "--province", "江苏", "--out", out]);
    expect(r.status).toBe(0);
    expect(ink(readFileSync(out)).width).toBe(1000);
  });

  it("explains its usage", () => {
    const r = run(["--kind", "pie"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage");
  });
});

describe("what the charts show, against the reference list", () => {
  const entries = referenceEntries();
  /** The series of an option by name, as ECharts gets it. */
  const seriesOf = (spec: ChartSpec) =>
    (chartOption(spec, atlas).series as { name: string; data: number[] }[]).map((s) => ({
      name: s.name,
      data: s.data,
    }));

  it("the provinces chart stacks each province's new pilots per batch and its counted expansions", () => {
    const option = chartOption({ kind: "provinces", lang: "zh" }, atlas);
    const provinces = (option.yAxis as { data: string[] }).data;
    const series = seriesOf({ kind: "provinces", lang: "zh" });
    const stack = (i: number) => series[i]?.data ?? [];
    const want = (province: string, batch: number, kind: string) =>
      entries.filter((e) => e.province === province && e.batch === batch && e.kind === kind).length;
    provinces.forEach((province, row) => {
      expect([stack(0)[row], stack(1)[row], stack(2)[row], stack(3)[row]], province).toEqual([
        want(province, 1, "new"),
        want(province, 2, "new"),
        want(province, 3, "new"),
        want(province, 3, "expansion"),
      ]);
    });
    const counted = entries.filter((e) => e.kind !== "expansion2013").length;
    expect(JSON.stringify(option.title)).toContain(`共${counted}个`);
  });

  it("the batches chart shows each batch's new pilots, counted and uncounted expansions", () => {
    const series = seriesOf({ kind: "batches", lang: "en" });
    const count = (batch: number, kind: string) =>
      entries.filter((e) => e.batch === batch && e.kind === kind).length;
    const byName = (part: string) => series.find((s) => s.name.includes(part))?.data;
    expect(byName("New")).toEqual([1, 2, 3].map((b) => count(b, "new")));
    expect(byName("(counted)")).toEqual([1, 2, 3].map((b) => count(b, "expansion")));
    expect(byName("not counted")).toEqual([1, 2, 3].map((b) => count(b, "expansion2013")));
  });
});

describe("charts in a busy group", () => {
  const group = { id: -100555, type: "supergroup" as const, title: "讨论组" };
  const ask = (h: ReturnType<typeof harness>, q: string) => h.send(`@${OFFLINE_BOT_INFO.username} ${q}`);
  const methods = (calls: { method: string }[]) => calls.map((c) => c.method);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());
  const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it("sends the text always, at most one chart a minute, and no chart shown there in the last ten minutes", async () => {
    const h = harness({ chat: group });
    expect(methods(await ask(h, "哪个省试点最多"))).toEqual(["sendMessage", "sendPhoto"]);
    wait(5_000);
    expect(methods(await ask(h, "各省试点数量排名"))).toEqual(["sendMessage"]);
    wait(30_000);
    expect(methods(await ask(h, "一共有多少个试点"))).toEqual(["sendMessage"]);
    wait(30_000);
    expect(methods(await ask(h, "一共有多少个试点"))).toEqual(["sendMessage", "sendPhoto"]);
    wait(61_000);
    expect(methods(await ask(h, "哪个省试点最多"))).toEqual(["sendMessage"]);
    wait(10 * 60_000);
    expect(methods(await ask(h, "哪个省试点最多"))).toEqual(["sendMessage", "sendPhoto"]);
  });

  it("does not limit charts in a private chat", async () => {
    const h = harness();
    for (let i = 0; i < 3; i++)
      expect(methods(await h.send("哪个省试点最多"))).toEqual(["sendMessage", "sendPhoto"]);
  });
});
