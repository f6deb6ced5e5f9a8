/**
 * Builds `data/fonts/NotoSansSC-chart.ttf`: Noto Sans SC (OFL) cut down to the characters the
 * charts can print, from the `@expo-google-fonts/noto-sans-sc` devDependency (~90 MB installed) so
 * that the runtime ships a few dozen kilobytes. Run with `npm run data:font` after changing chart
 * texts or the dataset; `tests/charts.test.ts` fails when a printable character is missing.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chartCharacters } from "../src/charts/options.ts";
import { CHART_FONT_FILE } from "../src/charts/rasterise.ts";
import { loadDataset } from "../src/data/load.ts";
import { Atlas } from "../src/engine/atlas.ts";
import { importTool, toolsRequire } from "./tools.mjs";

// The font and subset-font live in the tools package (installed on first use).
const require = toolsRequire();
const { default: subsetFont } = await importTool<typeof import("subset-font")>("subset-font");
const fontDir = dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
const characters = chartCharacters(new Atlas(loadDataset()));
const subset = await subsetFont(
  readFileSync(join(fontDir, "400Regular", "NotoSansSC_400Regular.ttf")),
  characters,
  {
    targetFormat: "truetype",
  },
);
writeFileSync(CHART_FONT_FILE, subset);
writeFileSync(CHART_FONT_FILE.replace(/\.ttf$/, ".chars.txt"), `${characters}\n`);
copyFileSync(join(fontDir, "LICENSE_FONT"), join(dirname(CHART_FONT_FILE), "OFL.txt"));
console.log(`font subset: ${[...characters].length} characters, ${subset.length} bytes → ${CHART_FONT_FILE}`);
