import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Resvg from "@resvg/resvg-js";
import type * as ECharts from "echarts";
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

// ECharts takes half a second to load: required on the first chart, never at start-up (a static
// import would be hoisted to the top of the compiled bundle).
const requireLazily = createRequire(import.meta.url);
let libraries: { echarts: typeof ECharts; resvg: typeof Resvg } | undefined;

function chartLibraries(): { echarts: typeof ECharts; resvg: typeof Resvg } {
  // Loading a native addon makes Node build a diagnostic report to find the C library, and that
  // report reverse-resolves every open socket: with webhook requests open it stalled the event loop
  // for seconds (nodejs/node#46060, #55576). Leaving the network out of reports avoids it.
  // (@types/node 20 does not declare the property; Node 20.13+ has it.)
  const report = process.report as { excludeNetwork?: boolean } | undefined;
  if (report) report.excludeNetwork = true;
  libraries ??= {
    echarts: requireLazily("echarts") as typeof ECharts,
    resvg: requireLazily("@resvg/resvg-js") as typeof Resvg,
  };
  return libraries;
}

/** Renders an ECharts option to PNG without a browser: server-side SVG, rasterised by resvg. */
export function renderOptionToPng(
  option: ECharts.EChartsCoreOption,
  size: { width: number; height: number },
  fontFiles: string[] = [CHART_FONT_FILE],
): Buffer {
  const { echarts, resvg } = chartLibraries();
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return new resvg.Resvg(svg, {
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
