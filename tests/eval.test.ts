import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import {
  check,
  type EvalCase,
  type EvalReport,
  evaluate,
  readCases,
  readKnownFailures,
} from "../src/eval/evaluate.ts";

const engine = new Engine();
const dir = join(import.meta.dirname, "eval");
const known = readKnownFailures(join(dir, "known-failures.yaml"));

/**
 * Every hand-written question set, with the size it must keep and, where its writer's labels
 * disagree with the others' more often, its own accuracy floor (the reasons are in known-failures.yaml).
 */
const SETS: [string, number, number?][] = [
  ["questions", 300],
  ["holdout", 150],
  ["holdout2", 120],
  ["blind3", 200],
  ["blind4", 200],
  ["blind5", 200],
  ["blind6", 200],
  ["blind7", 200],
  ["blind8", 200],
  ["blind9", 200],
  ["blind10", 200],
  ["blind11", 200],
  ["dev7", 300],
  ["blind12", 250],
  ["blind13", 250],
  ["blind14", 230],
  ["blind15", 230],
  ["blind16", 230],
  ["blind17", 230],
  ["blind18", 220],
  ["blind19", 230],
  ["blind20", 230],
  ["blind21", 230],
  ["blind22", 230],
  ["blind23", 230],
  ["blind24", 230],
  ["blind25", 230],
  ["blind26", 225],
  ["blind27", 210],
  ["blind28", 250],
  ["blind29", 240],
  ["blind30", 260],
  ["blind31", 250],
  // (Eight of its nine failures are labels other writers set otherwise: a figure explained counts as
  // 290, batch 3 as 84, the 指标体系 as documents.)
  ["blind32", 250, 0.96],
  ["blind33", 240],
  ["blind34", 240],
  // (Five of its nine failures are labels other writers set otherwise: a document or process, a
  // comparison or ranking, one batch's date under the timeline, another programme's figures as the total.)
  ["blind35", 250, 0.96],
  ["blind36", 230],
  ["blind37", 230],
  ["blind38", 240],
];

/** A set's report, computed inside the first test that needs it (so that mutation testing sees the engine run there). */
const reports = new Map<string, { cases: EvalCase[]; report: EvalReport }>();
function run(set: string): { cases: EvalCase[]; report: EvalReport } {
  let done = reports.get(set);
  if (!done) {
    const cases = readCases(join(dir, `${set}.jsonl`));
    done = { cases, report: evaluate(engine, cases) };
    reports.set(set, done);
  }
  return done;
}

describe.each(SETS)("question set %s", (set, size, floor = 0.97) => {
  const listed = new Set(known.filter((k) => k.set === set).map((k) => k.q));

  it(`keeps its size and accuracy (intent and facts) at or above ${floor * 100}%`, () => {
    const { report } = run(set);
    expect(report.total).toBeGreaterThanOrEqual(size);
    expect(report.accuracy).toBeGreaterThanOrEqual(floor);
  });

  it("has no failing case that is not in known-failures.yaml (a case that passed may not regress)", () => {
    const { report } = run(set);
    const fresh = report.failures
      .filter((f) => !listed.has(f.case.q))
      .map((f) => `${f.case.q}: ${f.wrong.join("; ")}`);
    expect(fresh).toEqual([]);
  });

  it("lists no known failure that now passes or is not in the set (take it off the list)", () => {
    const { cases, report } = run(set);
    const failing = new Set(report.failures.map((f) => f.case.q));
    const questions = new Set(cases.map((c) => c.q));
    expect([...listed].filter((q) => !questions.has(q) || !failing.has(q))).toEqual([]);
  });
});

describe("known-failures.yaml", () => {
  it("names only sets that exist, each case once", () => {
    const names = new Set(SETS.map(([s]) => s));
    expect(known.filter((k) => !names.has(k.set))).toEqual([]);
    const keys = known.map((k) => `${k.set}\n${k.q}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("check: the other programme named", () => {
  const asked = engine.answer("数字城管验收通过的城市有哪些");
  it.each([
    ["数字城管", true],
    ["数字化城市管理", true],
    ["海绵城市", false],
  ])("an answer about 数字化城市管理（数字城管） matches %s: %s", (programme, matches) => {
    const wrong = check({ q: asked.question, intent: "other.programme", programme }, asked);
    expect(wrong.length === 0).toBe(matches);
  });
});
