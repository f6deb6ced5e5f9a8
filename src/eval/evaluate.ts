import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Answer, Engine } from "../engine/engine.ts";
import { INTENT_IDS } from "../engine/intents.ts";
import { simplified } from "../engine/normalise.ts";

/** One line of `tests/eval/questions.jsonl`: a question and what a correct answer must state. */
export const EvalCaseSchema = z
  .object({
    q: z.string(),
    intent: z.enum(INTENT_IDS),
    isPilot: z.boolean().nullable().optional(),
    place: z.string().optional(),
    batch: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    count: z.number().int().optional(),
    area: z.string().optional(),
    /** The area the answer must name as having the most (or the fewest, when asked). */
    winner: z.string().optional(),
    /** The other programme an `other.programme` answer must name. */
    programme: z.string().optional(),
    /** Short strings the answer text must contain (numbers, names, document numbers). */
    mustInclude: z.array(z.string().min(1)).optional(),
    lang: z.literal("en").optional(),
  })
  .strict();
/** An evaluation case. */
export type EvalCase = z.infer<typeof EvalCaseSchema>;

/** Reads and validates a JSONL question file; a bad line fails with its line number. */
export function readCases(file: string): EvalCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, n }) => {
      const parsed = EvalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(
          `${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      return parsed.data;
    });
}

/** One entry of `tests/eval/known-failures.yaml`: a case that fails today, and why it is left. */
export const KnownFailureSchema = z
  .object({
    /** The question set's file name without `.jsonl`. */
    set: z.string().min(1),
    q: z.string().min(1),
    /** "label: …" (the answer states the facts; the writer expected another intent) or "gap: …". */
    reason: z.string().regex(/^(label|gap): \S/),
  })
  .strict();
/** A case that is known to fail. */
export type KnownFailure = z.infer<typeof KnownFailureSchema>;

/** Reads and validates the list of known failures. */
export function readKnownFailures(file: string): KnownFailure[] {
  return z.array(KnownFailureSchema).parse(parseYaml(readFileSync(file, "utf8")));
}

/** The batch an answer states: the named pilot's, or the batch a batch question is about. */
function statedBatch(a: Answer): number | undefined {
  if (a.intent === "pilot.status") return a.pilots?.find((p) => p.name === a.place)?.batch;
  return a.batch ?? a.context.batch;
}

/** Intents that must never state a count or list this programme's pilots: the question is not about them. */
const OUT_OF_SCOPE = new Set(["unknown", "other.programme"]);

/** A programme's name without quotes, brackets and the generic words, for a lenient comparison. */
function programmeKey(name: string): string {
  return name
    .replace(/[“”"「」《》]/g, "")
    .replace(/（.*?）|\(.*?\)/g, "")
    .replace(/^(国家|全国)/, "")
    .replace(/(建设|试点|城市|示范|国家)+$/g, "");
}

/** What is wrong with an answer for a case; empty when it is right. */
export function check(c: EvalCase, a: Answer): string[] {
  const wrong: string[] = [];
  // A count of another programme's own list (named in `programme`) is not a count of this one's pilots.
  const ownCount = a.count !== undefined && !(a.intent === "other.programme" && a.programme);
  if (OUT_OF_SCOPE.has(c.intent) && (ownCount || (a.pilots?.length ?? 0) > 1))
    wrong.push("out-of-scope question answered with a count or list");
  if (c.winner !== undefined && !(a.winners ?? []).includes(c.winner))
    wrong.push(`winner ${a.winners?.join("/") ?? "-"} ≠ ${c.winner}`);
  if (c.programme !== undefined) {
    // (A short name in brackets is the programme's too: 数字化城市管理（数字城管）.)
    const named = a.programme ?? "";
    const gotKeys = [named, ...[...named.matchAll(/（(.*?)）|\((.*?)\)/g)].map((m) => m[1] ?? m[2] ?? "")]
      .map(programmeKey)
      .filter(Boolean);
    const want = programmeKey(c.programme);
    if (!gotKeys.some((got) => got.includes(want) || want.includes(got)))
      wrong.push(`programme ${a.programme ?? "-"} ≠ ${c.programme}`);
  }
  // A reply in Traditional characters states the same facts: it is checked in Simplified.
  const said = a.script ? simplified(a.text) : a.text;
  for (const s of c.mustInclude ?? []) if (!said.includes(s)) wrong.push(`text lacks ${JSON.stringify(s)}`);
  if (a.intent !== c.intent) wrong.push(`intent ${a.intent} ≠ ${c.intent}`);
  if (c.isPilot !== undefined && a.isPilot !== c.isPilot) wrong.push(`isPilot ${a.isPilot} ≠ ${c.isPilot}`);
  if (c.place !== undefined && a.place !== c.place) wrong.push(`place ${a.place} ≠ ${c.place}`);
  if (c.count !== undefined && a.count !== c.count) wrong.push(`count ${a.count} ≠ ${c.count}`);
  if (c.area !== undefined && a.area !== c.area) wrong.push(`area ${a.area} ≠ ${c.area}`);
  if (c.batch !== undefined && statedBatch(a) !== c.batch) wrong.push(`batch ${statedBatch(a)} ≠ ${c.batch}`);
  if (c.lang === "en" && /\p{Script=Han}/u.test(a.text.split(/[（(]/)[0]?.slice(0, 12) ?? ""))
    wrong.push("answer not in English");
  return wrong;
}

/** Per-intent precision and recall. */
export interface IntentStats {
  intent: string;
  support: number;
  precision: number;
  recall: number;
}

/** Outcome of an evaluation run. */
export interface EvalReport {
  /** How many answers each layer of intent matching decided, and how many of those were right. */
  layers: { layer: string; decided: number; passed: number }[];
  total: number;
  passed: number;
  accuracy: number;
  intentAccuracy: number;
  perIntent: IntentStats[];
  confusions: { expected: string; got: string; n: number }[];
  failures: { case: EvalCase; got: Answer; wrong: string[] }[];
}

/** Asks every question (each on its own, without context) and scores intents and facts. */
export function evaluate(engine: Engine, cases: EvalCase[]): EvalReport {
  const failures: EvalReport["failures"] = [];
  const pairs: { expected: string; got: string }[] = [];
  const layers = new Map<string, { layer: string; decided: number; passed: number }>();
  for (const c of cases) {
    const a = engine.answer(c.q);
    pairs.push({ expected: c.intent, got: a.intent });
    const wrong = check(c, a);
    if (wrong.length > 0) failures.push({ case: c, got: a, wrong });
    const layer = layers.get(a.decidedBy) ?? { layer: a.decidedBy, decided: 0, passed: 0 };
    layer.decided++;
    if (wrong.length === 0) layer.passed++;
    layers.set(a.decidedBy, layer);
  }
  const perIntent = INTENT_IDS.map((intent) => {
    const tp = pairs.filter((p) => p.expected === intent && p.got === intent).length;
    const predicted = pairs.filter((p) => p.got === intent).length;
    const support = pairs.filter((p) => p.expected === intent).length;
    return { intent, support, precision: predicted ? tp / predicted : 1, recall: support ? tp / support : 1 };
  });
  const confusion = new Map<string, number>();
  for (const p of pairs.filter((x) => x.expected !== x.got)) {
    const key = `${p.expected}→${p.got}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  return {
    layers: [...layers.values()].sort((a, b) => b.decided - a.decided),
    total: cases.length,
    passed: cases.length - failures.length,
    accuracy: cases.length ? (cases.length - failures.length) / cases.length : 1,
    intentAccuracy: cases.length ? pairs.filter((p) => p.expected === p.got).length / cases.length : 1,
    perIntent,
    confusions: [...confusion].map(([k, n]) => {
      const [expected = "", got = ""] = k.split("→");
      return { expected, got, n };
    }),
    failures,
  };
}
