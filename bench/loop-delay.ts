import { fork } from "node:child_process";
import { join } from "node:path";
import { buildEntries, ENTRY_POINTS } from "../scripts/build.mjs";
import { UpdateFactory } from "../src/bot/offline.ts";
import { loadQuestions, round } from "./stats.ts";

/** Intents whose answers may come with a chart (kept out of the warm-up). */
const CHART_INTENTS = new Set([
  "area.ranking",
  "area.list",
  "area.count",
  "programme.total",
  "batch.info",
  "area.compare",
]);

/** The secret the loop-delay child's webhook expects. */
export const LOOP_SECRET = "loop-delay-secret";

/** What the child reports when told to stop. */
export interface LoopChildReport {
  /** Charts sent during the warm-up (0: every chart measured is drawn for the first time). */
  charts_in_warm_up: number;
  charts: number;
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
}

/**
 * Every chart the data allows, each asked for once, spread among the text questions: the first
 * chart of the process is among them, and no chart is drawn twice.
 */
export function loopDelayMix(provinces: string[], textQuestions: string[]): string[] {
  const chartQuestions = [
    "哪个省试点最多",
    "Which province has the most pilots?",
    "一共有多少个试点",
    "How many pilots are there in total?",
    ...provinces.flatMap((name) => [`${name}有哪些试点`, `Which pilots are in ${name}?`]),
  ];
  const mix: string[] = [];
  const every = Math.max(1, Math.floor(textQuestions.length / chartQuestions.length));
  for (const [i, q] of textQuestions.entries()) {
    mix.push(q);
    if (i % every === 0 && chartQuestions.length) mix.push(chartQuestions.shift() as string);
  }
  return [...mix, ...chartQuestions];
}

/**
 * The bot's event-loop delay while its webhook server answers text questions mixed with questions
 * whose answers come with a chart never drawn before, `rate` updates a second. The bot
 * runs in a fresh process, compiled as in production and warmed as `npm start` warms it, and is
 * measured after a warm-up of chartless questions; the requests come from this process, so the
 * load generator's own work is not counted. (A closed loop of many requests at once would measure
 * queueing instead: a saturated loop is busy by definition.) A stall here
 * is what every other chat waits; the target is a maximum under 50 ms.
 */
export async function benchLoopDelay(rate = 100) {
  const root = join(import.meta.dirname, "..");
  await buildEntries({ ...ENTRY_POINTS, "bench/loop-child": "bench/loop-child.ts" });
  const child = fork(join(root, "dist", "bench", "loop-child.mjs"), [], { cwd: root, stdio: "inherit" });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`loop-delay child exited with ${code}`)));
    });
  const { port, provinces } = (await next()) as { port: number; provinces: string[] };
  const questions = loadQuestions();
  const mix = loopDelayMix(
    provinces,
    questions.map((q) => q.q),
  );
  // Warm-up: questions whose answers carry no chart, so the bot's own code is compiled (a cold
  // process is slow for its first second whatever it does) and no chart is drawn yet.
  const warmUp = questions.filter((q) => !CHART_INTENTS.has(q.intent)).map((q) => q.q);
  // Open loop: one update every 1/rate s whatever the bot's pace, as Telegram delivers them.
  const send = async (questions: string[], from: number) => {
    const sent: Promise<ArrayBuffer>[] = [];
    const started = performance.now();
    for (const [i, q] of questions.entries()) {
      const due = started + (i * 1000) / rate;
      if (due > performance.now())
        await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      sent.push(post(q, from + i));
    }
    await Promise.all(sent);
  };
  const post = (q: string, i: number) =>
    fetch(`http://127.0.0.1:${port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": LOOP_SECRET },
      body: JSON.stringify(new UpdateFactory({ id: 50_000 + i, type: "private" }).text(q)),
    }).then((r) => r.arrayBuffer());
  await send(warmUp, 0);
  const measuring = next();
  child.send("measure");
  await measuring;
  const started = performance.now();
  await send(mix, warmUp.length);
  const seconds = (performance.now() - started) / 1000;
  const report = next();
  child.send("stop");
  const figures = (await report) as LoopChildReport;
  return { updates: mix.length, seconds: round(seconds, 2), ...figures };
}
