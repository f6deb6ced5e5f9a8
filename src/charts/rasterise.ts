/**
 * ECharts option → PNG, without a browser: ECharts' server-side SVG, rasterised by resvg with the
 * committed font. Runs in the chart worker (`png-worker.ts`); the CLI and tests call it directly.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Resvg from "@resvg/resvg-js";
import type * as ECharts from "echarts";

/** The font family embedded in `data/fonts/` (a subset of Noto Sans SC). */
export const CHART_FONT_FAMILY = "Noto Sans SC";

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

/** One chart for the worker to draw: a plain, structured-cloneable option (no functions). */
export interface RenderRequest {
  id: number;
  option: ECharts.EChartsCoreOption;
  size: { width: number; height: number };
}
