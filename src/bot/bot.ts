import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import type { RedisType } from "@grammyjs/ratelimiter/out/typesAndDefaults.js";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, type BotError, type Context, type StorageAdapter, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Engine } from "../engine/engine.ts";
import type { Logger } from "../logger.ts";
import { type ChartDelivery, telegramCharts } from "./charts.ts";
import type { BotContext, SessionData } from "./context.ts";
import { type DocumentDelivery, telegramDocuments } from "./documents.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { commandsFeature } from "./features/commands.ts";
import { inlineFeature } from "./features/inline.ts";
import { nonTextFeature } from "./features/non-text.ts";
import { questionsFeature } from "./features/questions.ts";
import { UpdateTracker } from "./tracker.ts";

/** Options of {@link createBot}. */
export interface BotOptions {
  token: string;
  engine: Engine;
  logger: Logger;
  /** Bot API root; a local Bot API server or an emulator is pointed at with it. */
  apiRoot?: string;
  /** Known identity, which skips getMe (console mode and tests). */
  botInfo?: UserFromGetMe;
  /** Session storage; memory when absent. */
  storage?: StorageAdapter<SessionData>;
  /** Retry on 429 and 5xx and throttle outgoing calls (off for offline harnesses). */
  network?: boolean;
  /** Per-user limit on updates: at most `limit` in `windowMs`; the excess is dropped with one notice. */
  rateLimit?: { limit: number; windowMs: number };
  /** Shared counter store for the rate limit (the Redis client when scaling out); memory by default. */
  rateLimitStore?: RedisType;
  /** How charts are delivered: photos by default, files in the console, none with `false`. */
  charts?: ChartDelivery | false;
  /** How research tables are delivered: documents by default, files in the console, none with `false`. */
  documents?: DocumentDelivery | false;
}

/** Default per-user limit: far above a person's pace, well below a flood. */
export const DEFAULT_RATE_LIMIT = { limit: 20, windowMs: 60_000 };

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "my_chat_member",
] as const;

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/**
 * Wires grammY to the engine: logging, per-chat ordering, sessions for follow-ups, the features,
 * and one error boundary. No domain logic lives here.
 */
export function createBot(options: BotOptions): { bot: Bot<BotContext>; tracker: UpdateTracker } {
  const { engine, logger } = options;
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  // Failed calls are logged (the logger scrubs the token); retries and throttling wrap around this.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (!signal?.aborted) {
        logger.warn(
          { method, error: error instanceof Error ? error.message : String(error) },
          "api call failed",
        );
      }
      throw error;
    }
  });
  if (options.network ?? true) {
    bot.api.config.use(apiThrottler());
    bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  }
  const tracker = new UpdateTracker();
  bot.use(tracker.middleware);
  bot.use(async (ctx, next) => {
    const started = performance.now();
    ctx.updateLog = {};
    try {
      await next();
    } catch (error) {
      ctx.updateLog.outcome = "error";
      throw error;
    } finally {
      const kind = Object.keys(ctx.update).find((k) => k !== "update_id");
      logger.info(
        {
          update_id: ctx.update.update_id,
          kind,
          chat: ctx.chat?.type,
          intent: ctx.updateLog.intent,
          outcome: ctx.updateLog.outcome ?? "ok",
          ms: Math.round((performance.now() - started) * 100) / 100,
        },
        "update",
      );
      if (logger.isLevelEnabled("debug"))
        logger.debug(
          { update_id: ctx.update.update_id, text: ctx.msg?.text ?? ctx.inlineQuery?.query },
          "update text",
        );
    }
  });
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const notified = new Map<number, number>();
  bot.use(
    limit<BotContext, RedisType>({
      timeFrame: rate.windowMs,
      limit: rate.limit,
      alwaysReply: true,
      ...(options.rateLimitStore ? { storageClient: options.rateLimitStore } : {}),
      onLimitExceeded: async (ctx) => {
        ctx.updateLog.outcome = "rate-limited";
        // One notice per user and window; the rest of a flood is dropped silently.
        const user = ctx.from?.id ?? 0;
        const now = Date.now();
        if (now - (notified.get(user) ?? 0) < rate.windowMs) return;
        notified.set(user, now);
        if (notified.size > 10_000) {
          for (const [key, at] of notified) if (now - at >= rate.windowMs) notified.delete(key);
        }
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: "操作太频繁了，请稍等一会儿再试。" });
        else if (ctx.chat?.type === "private") await ctx.reply("你发得有点快，请稍等一分钟再问。");
      },
    }),
  );
  const charts = options.charts === undefined ? telegramCharts(engine.atlas, logger) : options.charts;
  const documents =
    options.documents === undefined ? telegramDocuments(engine.atlas.data, logger) : options.documents;
  bot.use((ctx, next) => {
    if (charts) ctx.charts = charts;
    if (documents) ctx.documents = documents;
    return next();
  });
  bot.use(sequentialize(chatKey));
  bot.use(
    session({
      initial: (): SessionData => ({ memory: {} }),
      getSessionKey: chatKey,
      ...(options.storage ? { storage: options.storage } : {}),
    }),
  );
  // One error boundary for every transport (runner, webhook, console): log, apologise, carry on.
  const onError = async (err: BotError<BotContext>) => {
    const error = err.error instanceof Error ? `${err.error.name}: ${err.error.message}` : String(err.error);
    err.ctx.updateLog.outcome = "error";
    logger.error({ update_id: err.ctx.update.update_id, error }, "update failed");
    if (!err.ctx.chat) return;
    try {
      await err.ctx.reply("抱歉，处理这条消息时出了点问题，请稍后再试。");
    } catch {
      // The apology itself failed (the chat is gone, Telegram is down): the error is logged above.
    }
  };
  bot
    .errorBoundary(onError)
    .use(
      commandsFeature(engine),
      callbacksFeature(engine),
      inlineFeature(engine),
      questionsFeature(engine),
      nonTextFeature(),
    );
  bot.catch(onError);
  return { bot, tracker };
}
