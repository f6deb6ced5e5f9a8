/**
 * `npm run --silent ask -- "问题"`: answers one question on stdout.
 *
 * - `ask "昆山市是试点吗"` prints the reply text.
 * - `ask --json "…"` prints one JSON object.
 * - `ask --jsonl` reads one question per stdin line and prints one JSON object per line, in order,
 *   for every line (empty or garbage included), with no context carried between lines.
 * - `--trace` adds the engine's trace (to stderr for text, as a field for JSON).
 */
import { createInterface } from "node:readline";
import { type Answer, Engine } from "../engine/engine.ts";

/** The JSON shape of the CLI contract. */
export function toJson(a: Answer, withTrace = false): Record<string, unknown> {
  const out: Record<string, unknown> = { question: a.question, intent: a.intent, answer: a.text };
  for (const key of ["isPilot", "count", "place", "area", "winners", "programme", "pilots"] as const) {
    if (a[key] !== undefined) out[key] = a[key];
  }
  if (withTrace) {
    out.decidedBy = a.decidedBy;
    out.trace = a.trace;
  }
  return out;
}

const USAGE = `usage: npm run --silent ask -- [--json | --jsonl] [--trace] "问题"
  "昆山市是试点吗"           print the answer
  --json "…"                 print one JSON object
  --jsonl                    read questions from stdin, one JSON object per line`;

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const words = argv.filter((a) => !a.startsWith("--"));
  const unknown = [...flags].filter((f) => !["--json", "--jsonl", "--trace", "--help"].includes(f));
  if (flags.has("--help") || unknown.length > 0 || (!flags.has("--jsonl") && words.length === 0)) {
    console.error(unknown.length > 0 ? `unknown option: ${unknown.join(" ")}\n${USAGE}` : USAGE);
    return flags.has("--help") ? 0 : 2;
  }
  const engine = new Engine();
  const trace = flags.has("--trace");
  if (flags.has("--jsonl")) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const ok = process.stdout.write(`${JSON.stringify(toJson(engine.answer(line), trace))}\n`);
      if (!ok) await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
    return 0;
  }
  const answer = engine.answer(words.join(" "));
  if (flags.has("--json")) console.log(JSON.stringify(toJson(answer, trace)));
  else {
    console.log(answer.text);
    if (trace) console.error(answer.trace.join("\n"));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
