import { spawn } from "node:child_process";
import { join } from "node:path";
import { buildEntries, ENTRY_POINTS } from "../scripts/build.mjs";
import { median, round } from "./stats.ts";

const root = join(import.meta.dirname, "..");

/** Wall time from spawning a process until its stdout contains `marker`. */
function timeUntil(
  args: string[],
  marker: string,
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    let done = false;
    child.stdout.on("data", (d) => {
      out += String(d);
      if (!done && out.includes(marker)) {
        done = true;
        resolve({ ms: performance.now() - started, out });
        child.stdin.end();
      }
    });
    child.on("exit", () => (done ? undefined : reject(new Error(`no "${marker}" in output:\n${out}`))));
    if (input !== undefined) child.stdin.write(input);
    else child.stdin.end();
  });
}

/**
 * Process start → first answer, for `ask` and for `npm start` in console mode (both as shipped:
 * compiled to `dist/` by `npm run build`, on bare Node); the engine's own part; RSS after loading.
 */
export async function benchColdStart(runs = 5) {
  await buildEntries({ ...ENTRY_POINTS, "bench/cold-child": "bench/cold-child.ts" });
  const ask: number[] = [];
  const consoleMode: number[] = [];
  const engine: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    ask.push((await timeUntil(["dist/cli/ask.mjs", "昆山市是试点吗"], "是的，昆山市")).ms);
    const env = { ...process.env, BOT_TOKEN: "" };
    consoleMode.push((await timeUntil(["dist/bin/main.mjs"], "是的，昆山市", "昆山市是试点吗\n", env)).ms);
    const child = await timeUntil(["dist/bench/cold-child.mjs"], "rss_mb");
    const report = JSON.parse(child.out) as { engine_ms: number; rss_mb: number };
    engine.push(report.engine_ms);
    rss.push(report.rss_mb);
  }
  return {
    ask_ms: round(median(ask), 1),
    console_ms: round(median(consoleMode), 1),
    engine_ms: round(median(engine), 1),
    rss_mb: round(median(rss), 1),
  };
}
