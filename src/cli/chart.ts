/**
 * `npm run --silent chart -- --kind provinces|batches [--province 江苏] [--lang en] --out FILE.png`:
 * draws a chart to a PNG file. `--province` takes any way of naming a province the engine knows.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chartOption, chartSize } from "../charts/options.ts";
import { renderOptionToPng } from "../charts/rasterise.ts";
import type { ChartSpec } from "../engine/chart-spec.ts";
import { Engine } from "../engine/engine.ts";

const USAGE =
  "usage: npm run --silent chart -- --kind provinces|batches [--province 江苏] [--lang zh|en] --out FILE.png";

function main(): number {
  let values: { kind?: string; province?: string; lang?: string; out?: string };
  try {
    ({ values } = parseArgs({
      options: {
        kind: { type: "string" },
        province: { type: "string" },
        lang: { type: "string" },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const lang = values.lang === "en" ? "en" : "zh";
  if (!values.out || !values.kind || !["provinces", "batches"].includes(values.kind)) {
    console.error(USAGE);
    return 2;
  }
  const engine = new Engine();
  let spec: ChartSpec = { kind: values.kind as "provinces" | "batches", lang };
  if (values.province) {
    const answer = engine.answer(`${values.province}有多少个试点`);
    const province = engine.atlas.provinces.find((d) => d.name === answer.area);
    if (!province) {
      console.error(`not a province-level unit: ${values.province}`);
      return 2;
    }
    spec = { kind: "province", province: province.name, lang };
  }
  // One chart and then exit: drawn here, no worker thread needed.
  writeFileSync(values.out, renderOptionToPng(chartOption(spec, engine.atlas), chartSize(spec)));
  console.log(values.out);
  return 0;
}

process.exitCode = main();
