import { importTool } from "../scripts/tools.mjs";
import { loadIntents } from "../src/engine/intents.ts";
import { percentile, round } from "./stats.ts";

/**
 * The peer: NLP.js (node-nlp) trained in this run on exactly the examples in `intents/`, asked the
 * same questions. Its "None" answer counts as `unknown`.
 */
export async function benchPeer(questions: { q: string; intent: string }[], rounds = 3) {
  // node-nlp lives in the tools package (installed on first use): the bot's own install stays small.
  const { NlpManager } = await importTool<typeof import("node-nlp")>("node-nlp");
  const manager = new NlpManager({
    languages: ["zh"],
    forceNER: true,
    nlu: { log: false },
    autoSave: false,
    autoLoad: false,
  });
  for (const intent of loadIntents()) {
    for (const example of intent.examples) manager.addDocument("zh", example, intent.id);
  }
  const started = performance.now();
  const log = console.log;
  console.log = () => undefined; // the zh tokenizer announces "Compiling dictionary"
  try {
    await manager.train();
  } finally {
    console.log = log;
  }
  const trainMs = performance.now() - started;
  for (const { q } of questions) await manager.process("zh", q);
  const times: number[] = [];
  let correct = 0;
  for (let r = 0; r < rounds; r++) {
    for (const { q, intent } of questions) {
      const s = performance.now();
      const result = await manager.process("zh", q);
      times.push(performance.now() - s);
      if (r === 0 && (result.intent === "None" ? "unknown" : result.intent) === intent) correct++;
    }
  }
  return {
    train_ms: round(trainMs, 1),
    p50_ms: round(percentile(times, 50), 4),
    p99_ms: round(percentile(times, 99), 4),
    accuracy: round(correct / questions.length, 4),
  };
}
