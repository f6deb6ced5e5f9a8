import { fork } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { buildEntries, ENTRY_POINTS } from "../scripts/build.mjs";
import { UpdateFactory } from "../src/bot/offline.ts";
import { loadQuestions, round } from "./stats.ts";

/**
 * Updates a second one webhook server answers, closed loop with `inFlight` requests at a time.
 * WEBHOOK_CHILD_ARGS passes Node flags to the server's process (`--cpu-prof` to profile it).
 */
async function throughput(
  kind: "full" | "full-reply" | "bare",
  questions: string[],
  inFlight: number,
  from: number,
) {
  const root = join(import.meta.dirname, "..");
  const child = fork(join(root, "dist", "bench", "webhook-child.mjs"), [kind], {
    cwd: root,
    stdio: "inherit",
    execArgv: (process.env.WEBHOOK_CHILD_ARGS ?? "").split(" ").filter(Boolean),
  });
  const { port, secret } = await new Promise<{ port: number; secret: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { port: number; secret: string }));
    child.once("exit", (code) => reject(new Error(`webhook child exited with ${code}`)));
  });
  let next = 0;
  // Every delivery a new update: the production bot drops a repeated update_id.
  let updateId = 0;
  // node:http with kept-alive sockets: a lighter client than fetch, so that the servers are measured.
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const post = (i: number) =>
    new Promise<void>((resolve, reject) => {
      // Each update from its own chat, like real traffic.
      const body = JSON.stringify({
        ...new UpdateFactory({ id: from + i, type: "private" }).text(questions[i % questions.length] ?? ""),
        update_id: ++updateId,
      });
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/hook",
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-telegram-bot-api-secret-token": secret,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`webhook answered ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const run = async (count: number) => {
    const worker = async () => {
      while (next < count) await post(next++);
    };
    next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: inFlight }, worker));
    return count / ((performance.now() - started) / 1000);
  };
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once("message", (m) => resolve((m as { cpu: number }).cpu));
      child.send("cpu");
    });
  await run(questions.length); // warm-up: the JIT, the lazily drawn charts
  const cpuBefore = await cpu();
  const ups = Math.max(await run(questions.length * 3), await run(questions.length * 3));
  // The server's CPU time per update: unlike throughput, barely moved by what else the machine runs.
  const cpuUs = (await cpu()) - cpuBefore;
  agent.destroy();
  child.send("stop");
  await new Promise((resolve) => child.once("exit", resolve));
  return { ups, cpuUs: cpuUs / (questions.length * 6) };
}

/**
 * `webhook_vs_floor`: the production bot's webhook throughput (no throttler: outgoing calls are
 * answered locally) as a share of grammY's floor — a bot that replies "ok" behind grammY's own
 * webhook callback — measured in the same run, each server in a fresh process compiled like the
 * bot, the requests sent from this one. The share is what the engine and the wiring leave of
 * what grammY and Node's HTTP server can do at all on this machine. `webhook_reply_vs_floor` is
 * the same with WEBHOOK_REPLY on: here it saves only a locally answered call, not the HTTPS
 * request to Telegram it saves in production. The `_cpu` figures are the servers' CPU time per
 * update and the share they imply, steadier than throughput on a shared machine.
 */
export async function benchWebhookFloor(inFlight = 16) {
  await buildEntries({ ...ENTRY_POINTS, "bench/webhook-child": "bench/webhook-child.ts" });
  const questions = loadQuestions().map((q) => q.q);
  const bare = await throughput("bare", questions, inFlight, 70_000);
  const full = await throughput("full", questions, inFlight, 80_000);
  const reply = await throughput("full-reply", questions, inFlight, 90_000);
  return {
    bare_webhook_ups: Math.round(bare.ups),
    full_webhook_ups: Math.round(full.ups),
    full_reply_webhook_ups: Math.round(reply.ups),
    webhook_vs_floor: round(full.ups / bare.ups, 2),
    webhook_reply_vs_floor: round(reply.ups / bare.ups, 2),
    bare_webhook_cpu_us: Math.round(bare.cpuUs),
    full_webhook_cpu_us: Math.round(full.cpuUs),
    full_reply_webhook_cpu_us: Math.round(reply.cpuUs),
    webhook_vs_floor_cpu: round(bare.cpuUs / full.cpuUs, 2),
  };
}

// `npx tsx bench/webhook-floor.ts [inFlight]`: this measure alone, without the rest of `npm run bench`.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  console.log(JSON.stringify(await benchWebhookFloor(Number(process.argv[2] ?? 16))));
  process.exit(0);
}
