/**
 * The bot side of `benchWebhookFloor`, a fresh process compiled like the bot: with "full", the
 * production bot behind the production webhook server (outgoing calls answered locally, so no
 * throttler and no network; redeliveries deduplicated in memory, as without Redis); "full-reply"
 * the same with WEBHOOK_REPLY on; with "bare", grammY's floor — a bot that replies "ok" — behind
 * grammY's own webhook callback. Reports its port over IPC, its CPU time on "cpu", and exits on
 * "stop".
 */
import { createServer } from "node:http";
import { Bot, webhookCallback } from "grammy";
import { captureApi, OFFLINE_BOT_INFO } from "../src/bot/offline.ts";
import { startWebhook } from "../src/bot/webhook.ts";
import { Engine } from "../src/engine/engine.ts";
import { createLogger } from "../src/logger.ts";
import { offlineBenchBot } from "./offline-bot.ts";

/** The secret both webhooks expect. */
const SECRET = "webhook-floor-secret";

async function full(reply: boolean): Promise<number> {
  const engine = new Engine();
  engine.warm(); // as `npm start` does
  const server = await startWebhook(
    offlineBenchBot(engine, "1:full", undefined, { reply }),
    { url: "http://127.0.0.1/hook", secret: SECRET, port: 0, register: false },
    createLogger("silent"),
  );
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

async function bare(): Promise<number> {
  const bot = new Bot("1:bare", { botInfo: OFFLINE_BOT_INFO });
  bot.on("message:text", (ctx) => ctx.reply("ok"));
  captureApi(bot, () => undefined);
  const handle = webhookCallback(bot, "http", { secretToken: SECRET });
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

const kind = process.argv[2];
const port = kind === "bare" ? await bare() : await full(kind === "full-reply");
// "cpu": this process's CPU time so far (µs, every thread: the chart worker's too); anything else: stop.
process.on("message", (message) => {
  if (message !== "cpu") process.exit(0);
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
});
process.send?.({ port, secret: SECRET });
