import pino from "pino";
import { createBot } from "../src/bot/bot.ts";
import { UpdateDeduplicator } from "../src/bot/dedupe.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO } from "../src/bot/offline.ts";
import type { Engine } from "../src/engine/engine.ts";
import { createLogger } from "../src/logger.ts";

/**
 * The production bot for a benchmark: full middleware, logs through pino's fast destination to
 * /dev/null, no question budget, every outgoing call answered locally (and passed to `onCall`).
 * `webhook` adds what webhook mode adds: the deduplicator of redeliveries (in memory, as without
 * Redis) and, with `reply`, answers in the webhook response (WEBHOOK_REPLY).
 */
export function offlineBenchBot(
  engine: Engine,
  token: string,
  onCall: (call: ApiCall) => void = () => undefined,
  webhook?: { reply: boolean },
) {
  const { bot } = createBot({
    token,
    engine,
    logger: createLogger("info", undefined, pino.destination({ dest: "/dev/null", sync: false })),
    botInfo: OFFLINE_BOT_INFO,
    network: false,
    rateLimit: false,
    ...(webhook ? { dedupe: new UpdateDeduplicator(), webhookReply: webhook.reply } : {}),
  });
  captureApi(bot, onCall, { webhookReplies: webhook?.reply ?? false });
  return bot;
}
