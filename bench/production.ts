/**
 * The bot run as in production, against the Bot API emulator of the tests: replies lost or doubled
 * after a kill -9 under load (polling and webhook), how long SIGTERM takes while Telegram is
 * unreachable, and memory after 100k chats. Each bot is `dist/bin/main.mjs` as a process.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildEntries, ENTRY_POINTS } from "../scripts/build.mjs";
import { UpdateFactory } from "../src/bot/offline.ts";
import { FakeBotApi } from "../tests/helpers/fake-bot-api.ts";
import { freePort, RedisServer, redisSkipReason } from "../tests/helpers/redis-server.ts";
import { pollingEnv, type RunningBot, spawnBot } from "../tests/helpers/spawn-bot.ts";
import { round } from "./stats.ts";

const TOKEN = "777:bench";
const SECRET = "bench-secret";
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Questions whose answers are one text message (no chart), asked in turn. */
const QUESTIONS = ["昆山是试点吗", "番禺是第几批", "江苏有多少个试点", "宜昌是试点吗", "Is Kunshan a pilot?"];

async function killed(bot: RunningBot): Promise<void> {
  bot.process.kill("SIGKILL");
  if (bot.process.exitCode === null && bot.process.signalCode === null)
    await new Promise((r) => bot.process.once("exit", r));
}

/** Replies per chat, each chat having been sent one question. */
function tally(api: FakeBotApi, chats: number[]): { lost: number; duplicated: number } {
  const replies = new Map<number, number>();
  for (const p of api.callsOf("sendMessage")) {
    const chat = Number(p.chat_id);
    replies.set(chat, (replies.get(chat) ?? 0) + 1);
  }
  return {
    lost: chats.filter((c) => !replies.has(c)).length,
    duplicated: chats.reduce((n, c) => n + Math.max(0, (replies.get(c) ?? 0) - 1), 0),
  };
}

/**
 * Polling: `rate` questions a second from distinct chats for `seconds`; the bot is killed with
 * SIGKILL after `killAt` seconds and started again at once. Every chat should get one reply.
 */
export async function benchKill9Polling(rate = 100, seconds = 6, killAt = 3, withRedis = false) {
  const api = new FakeBotApi();
  await api.start();
  const redis = withRedis && !redisSkipReason ? await RedisServer.start() : undefined;
  const env = pollingEnv(TOKEN, api.url, { LOG_LEVEL: "info", REDIS_URL: redis?.url ?? "" });
  let bot = await spawnBot("node", ["dist/bin/main.mjs"], env);
  const chats = Array.from({ length: rate * seconds }, (_, i) => 200_000 + i);
  const started = performance.now();
  let restarted: Promise<void> | undefined;
  for (const [i, chat] of chats.entries()) {
    const due = started + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    api.userSays(QUESTIONS[i % QUESTIONS.length] as string, chat);
    if (i === rate * killAt)
      restarted = killed(bot).then(async () => {
        bot = await spawnBot("node", ["dist/bin/main.mjs"], env);
      });
  }
  await restarted;
  await api.until(() => tally(api, chats).lost === 0, 90_000).catch(() => undefined);
  const { lost, duplicated } = tally(api, chats);
  await killed(bot);
  await redis?.stop();
  await api.stop();
  return {
    sent: chats.length,
    lost,
    lost_pct: round((100 * lost) / chats.length, 2),
    duplicated,
    redis: redis !== undefined,
  };
}

/**
 * Webhook: updates delivered as Telegram delivers them (POST, again after a failure or a 5xx, every
 * half second) at `rate` a second; the bot is killed with SIGKILL after `killAt` seconds and started
 * again on the same port. With Redis, the claims of the killed instance lapse after their TTL and
 * the updates it held are then answered.
 */
export async function benchKill9Webhook(rate = 100, seconds = 6, killAt = 3) {
  const api = new FakeBotApi();
  await api.start();
  const redis = redisSkipReason ? undefined : await RedisServer.start();
  const port = await freePort();
  const env = {
    ...process.env,
    BOT_TOKEN: TOKEN,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    TELEGRAM_API_ROOT: api.url,
    REDIS_URL: redis?.url ?? "",
    LOG_LEVEL: "info",
  };
  let bot = await spawnBot("node", ["dist/bin/main.mjs"], env);
  const chats = Array.from({ length: rate * seconds }, (_, i) => 300_000 + i);
  const deliver = async (update: unknown) => {
    const until = performance.now() + 150_000;
    while (performance.now() < until) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/hook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
          body: JSON.stringify(update),
        });
        await r.arrayBuffer();
        if (r.ok) return;
      } catch {
        // refused or reset: the instance is down
      }
      await sleep(500);
    }
  };
  const deliveries: Promise<void>[] = [];
  const started = performance.now();
  let restarted: Promise<void> | undefined;
  for (const [i, chat] of chats.entries()) {
    const due = started + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    // One person per chat, as in the polling run: each has a budget of questions of their own.
    const person = { id: chat, is_bot: false, first_name: "user", language_code: "zh-hans" };
    const update = {
      ...new UpdateFactory({ id: chat, type: "private" }, person).text(
        QUESTIONS[i % QUESTIONS.length] as string,
      ),
      update_id: chat,
    };
    deliveries.push(deliver(update));
    if (i === rate * killAt)
      restarted = killed(bot).then(async () => {
        bot = await spawnBot("node", ["dist/bin/main.mjs"], env);
      });
  }
  await restarted;
  await Promise.all(deliveries);
  await sleep(1_000);
  const { lost, duplicated } = tally(api, chats);
  await killed(bot);
  await redis?.stop();
  await api.stop();
  return { sent: chats.length, lost, duplicated, redis: redis !== undefined };
}

/** Seconds from SIGTERM to exit while the Bot API is unreachable (default deadline 10 s). */
export async function benchSigtermUnreachable() {
  const api = new FakeBotApi();
  await api.start();
  const bot = await spawnBot(
    "node",
    ["dist/bin/main.mjs"],
    pollingEnv(TOKEN, api.url, { LOG_LEVEL: "info" }),
  );
  api.userSays("昆山是试点吗", 400_001);
  await api.until(() => api.sentTexts().length === 1);
  await api.down();
  const started = performance.now();
  const exited = new Promise((r) => bot.process.once("exit", r));
  bot.process.kill("SIGTERM");
  await exited;
  const seconds = (performance.now() - started) / 1000;
  await api.stop().catch(() => undefined);
  return { sigterm_unreachable_s: round(seconds, 2) };
}

/** RSS of a fresh bot process after 200k updates from 100k chats (see `bench/rss-child.ts`). */
export async function benchMemory() {
  const root = join(import.meta.dirname, "..");
  await buildEntries({ ...ENTRY_POINTS, "bench/rss-child": "bench/rss-child.ts" });
  const { stdout } = await run(
    process.execPath,
    ["--expose-gc", join(root, "dist", "bench", "rss-child.mjs")],
    {
      cwd: root,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) as string) as {
    rss_start_mb: number;
    heap_start_mb: number;
    rss_after_100k_chats_mb: number;
    heap_after_mb: number;
    updates: number;
  };
}
