import { createServer } from "node:net";
import { Writable } from "node:stream";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { createBot } from "../src/bot/bot.ts";
import { startPolling } from "../src/bot/polling.ts";
import type { Engine } from "../src/engine/engine.ts";
import { createLogger } from "../src/logger.ts";
import { percentile, round } from "./stats.ts";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/**
 * Sustained load through telegram-test-api on loopback against the production bot (auto-retry and
 * Telegram's rate limits via the throttler included): `chats` users send `perChat` questions each,
 * all at once; it stops by itself after the last reply or a timeout.
 */
export async function benchEndToEnd(
  engine: Engine,
  questions: string[],
  chats = 50,
  perChat = 4,
  timeoutMs = 60_000,
) {
  const token = "4242:bench";
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const logger = createLogger("silent", token, sink as never);
  const { bot, tracker } = createBot({
    token,
    engine,
    logger,
    apiRoot: server.config.apiURL,
    rateLimit: false,
    // The emulator has no sendPhoto; the load test measures the text replies.
    charts: false,
  });
  const stop = await startPolling(bot, tracker, logger);

  const sentAt = new Map<number, number[]>();
  const latencies: number[] = [];
  const replies = new Map<number, number>();
  let seen = 0;
  server.on("AddedBotMessage", () => {
    const messages = server.storage.botMessages;
    for (const m of messages.slice(seen)) {
      const chat = Number(m.message.chat_id);
      replies.set(chat, (replies.get(chat) ?? 0) + 1);
      const sent = sentAt.get(chat)?.shift();
      if (sent !== undefined) latencies.push(performance.now() - sent);
    }
    seen = messages.length;
  });

  const total = chats * perChat;
  const started = performance.now();
  for (let c = 0; c < chats; c++) {
    const client = server.getClient(token, { chatId: 5000 + c, userId: 5000 + c });
    for (let k = 0; k < perChat; k++) {
      const q = questions[(c * perChat + k) % questions.length] ?? "昆山";
      sentAt.set(5000 + c, [...(sentAt.get(5000 + c) ?? []), performance.now()]);
      await server.addUserMessage(client.makeMessage(q));
    }
  }
  while (latencies.length < total && performance.now() - started < timeoutMs)
    await new Promise((r) => setTimeout(r, 20));
  const elapsed = performance.now() - started;
  await stop();
  await server.stop();
  const answered = [...replies.values()].reduce((a, b) => a + b, 0);
  const duplicated = [...replies.values()].reduce((sum, n) => sum + Math.max(0, n - perChat), 0);
  return {
    sent: total,
    replies_per_s: round(latencies.length / (elapsed / 1000), 1),
    p50_ms: round(percentile(latencies, 50), 1),
    p99_ms: round(percentile(latencies, 99), 1),
    lost: total - Math.min(total, answered - duplicated),
    duplicated,
  };
}
