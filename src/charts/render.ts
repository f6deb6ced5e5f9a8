import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { Atlas } from "../engine/atlas.ts";
import { type ChartSpec, chartKey } from "../engine/chart-spec.ts";
import { CHART_FONT_FAMILY, chartOption, chartSize } from "./options.ts";

/** The committed font subset every chart is drawn with (resvg reads TTF, not WOFF). */
export const CHART_FONT_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "data",
  "fonts",
  "NotoSansSC-chart.ttf",
);

/** Renders an ECharts option to PNG without a browser: server-side SVG, rasterised by resvg. */
export function renderOptionToPng(
  option: echarts.EChartsCoreOption,
  size: { width: number; height: number },
  fontFiles: string[] = [CHART_FONT_FILE],
): Buffer {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return new Resvg(svg, {
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
      fitTo: { mode: "original" },
    })
      .render()
      .asPng();
  } finally {
    // Without dispose the chart keeps timers alive and the process does not exit.
    chart.dispose();
  }
}

const cache = new Map<string, Buffer>();

/** A chart as PNG. The data is static, so each chart is rendered once and kept. */
export function renderChart(spec: ChartSpec, atlas: Atlas): Buffer {
  const key = chartKey(spec);
  let png = cache.get(key);
  if (!png) {
    png = renderOptionToPng(chartOption(spec, atlas), chartSize(spec));
    cache.set(key, png);
  }
  return png;
}
