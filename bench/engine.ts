import { Engine } from "../src/engine/engine.ts";
import { percentile, round } from "./stats.ts";

/** Engine alone, warm: per-question latency and throughput, plus the cost of loading data and index. */
export function benchEngine(questions: { q: string; intent: string }[], rounds = 30) {
  const started = performance.now();
  const engine = new Engine();
  const loadMs = performance.now() - started;
  for (let i = 0; i < 5; i++) for (const { q } of questions) engine.answer(q);
  const times: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const { q } of questions) {
      const s = performance.now();
      engine.answer(q);
      times.push(performance.now() - s);
    }
  }
  const total = performance.now() - t0;
  const correct = questions.filter(({ q, intent }) => engine.answer(q).intent === intent).length;
  return {
    engine,
    load_ms: round(loadMs, 1),
    p50_ms: round(percentile(times, 50), 4),
    p99_ms: round(percentile(times, 99), 4),
    max_ms: round(Math.max(...times), 3),
    mean_ms: round(total / times.length, 4),
    qps: Math.round(times.length / (total / 1000)),
    accuracy: round(correct / questions.length, 4),
  };
}
