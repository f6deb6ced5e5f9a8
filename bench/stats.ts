import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The benchmark's question set: the questions and labels of `tests/eval/questions.jsonl`. */
export function loadQuestions(
  file = join(import.meta.dirname, "..", "tests", "eval", "questions.jsonl"),
): { q: string; intent: string }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { q: string; intent: string });
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Median. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Rounds for display. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
