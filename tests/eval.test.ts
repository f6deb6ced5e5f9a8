import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { evaluate, readCases } from "../src/eval/evaluate.ts";

const engine = new Engine();

describe.each([
  ["questions.jsonl", 300],
  ["holdout.jsonl", 150],
  ["holdout2.jsonl", 120],
  ["blind3.jsonl", 200],
  ["blind4.jsonl", 200],
  ["blind5.jsonl", 200],
  ["blind6.jsonl", 200],
  ["blind7.jsonl", 200],
  ["blind8.jsonl", 200],
  ["blind9.jsonl", 200],
  ["blind10.jsonl", 200],
  ["blind11.jsonl", 200],
  ["dev7.jsonl", 300],
  ["blind12.jsonl", 250],
])("question set %s", (file, size, floor = 0.97) => {
  it(`keeps accuracy (intent and facts) at or above ${floor * 100}%`, () => {
    const report = evaluate(engine, readCases(join(import.meta.dirname, "eval", file)));
    expect(report.total).toBeGreaterThanOrEqual(size);
    const failures = report.failures.map((f) => `${f.case.q}: ${f.wrong.join("; ")}`);
    expect(report.accuracy, failures.join("\n")).toBeGreaterThanOrEqual(floor);
  });
});
