import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { evaluate, readCases } from "../src/eval/evaluate.ts";

const engine = new Engine();

describe("question set", () => {
  it("keeps accuracy (intent and facts) at or above 97%", () => {
    const report = evaluate(engine, readCases(join(import.meta.dirname, "eval", "questions.jsonl")));
    expect(report.total).toBeGreaterThanOrEqual(300);
    const failures = report.failures.map((f) => `${f.case.q}: ${f.wrong.join("; ")}`);
    expect(report.accuracy, failures.join("\n")).toBeGreaterThanOrEqual(0.97);
  });
});
