/**
 * `npm run eval [-- FILE]`: runs the question set (default `tests/eval/questions.jsonl`) through the
 * engine and prints accuracy, per-intent precision/recall, the confusion list and every failure.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Engine } from "../engine/engine.ts";
import { evaluate, readCases, readKnownFailures } from "../eval/evaluate.ts";

// Piped into `head`, the rest of the report is not wanted: stop quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
const file = process.argv[2] ?? join(import.meta.dirname, "..", "..", "tests", "eval", "questions.jsonl");
const report = evaluate(new Engine(), readCases(file));
// Failures already listed (with their reason) beside the set are marked, so a new one stands out.
const knownFile = join(dirname(file), "known-failures.yaml");
const set = basename(file, ".jsonl");
const known = new Map(
  (existsSync(knownFile) ? readKnownFailures(knownFile) : [])
    .filter((k) => k.set === set)
    .map((k) => [k.q, k.reason]),
);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`questions: ${report.total}`);
console.log(
  `accuracy (intent and facts): ${pct(report.accuracy)}  (${report.passed} passed, ${report.total - report.passed} failed)`,
);
console.log(`intent accuracy: ${pct(report.intentAccuracy)}`);
console.log("\ndecided by     answers  right");
for (const l of report.layers) {
  console.log(
    `${l.layer.padEnd(14)} ${String(l.decided).padStart(7)}  ${pct(l.passed / l.decided).padStart(6)}`,
  );
}
console.log("\nintent                 support  precision  recall");
for (const s of report.perIntent) {
  console.log(
    `${s.intent.padEnd(22)} ${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
  );
}
if (report.confusions.length > 0) {
  console.log("\nconfusions (expected → got):");
  for (const c of report.confusions.sort((a, b) => b.n - a.n))
    console.log(`  ${c.expected} → ${c.got}: ${c.n}`);
}
if (report.failures.length > 0) {
  const fresh = report.failures.filter((f) => !known.has(f.case.q)).length;
  console.log(`\nfailures (${fresh} not in known-failures.yaml):`);
  for (const f of report.failures) {
    const reason = known.get(f.case.q);
    console.log(`  ${reason ? "[known] " : "[NEW] "}${JSON.stringify(f.case.q)}: ${f.wrong.join("; ")}`);
    if (reason) console.log(`    known: ${reason}`);
    console.log(`    ${f.got.trace.join(" | ")}`);
  }
}
