import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, type BotError, type Context, type StorageAdapter, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import { DEFAULT_SESSION_TTL_DAYS } from "../config.ts";
import type { Engine } from "../engine/engine.ts";
import type { Logger } from "../logger.ts";
import { type ChartDelivery, telegramCharts } from "./charts.ts";
import type { BotContext, SessionData } from "./context.ts";
import type { UpdateDeduplicator } from "./dedupe.ts";
import { type DocumentDelivery, telegramDocuments } from "./documents.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { commandsFeature } from "./features/commands.ts";
import { inlineFeature } from "./features/inline.ts";
import { nonTextFeature } from "./features/non-text.ts";
import { questionIn, questionsFeature } from "./features/questions.ts";
import { memorySessions } from "./memory-sessions.ts";
import { DEFAULT_QUESTION_RATE, QuestionBudget, type QuestionRate } from "./question-budget.ts";
import { spendOnArrival } from "./reply.ts";
import { UpdateTracker } from "./tracker.ts";
import { webhookReplyGate } from "./webhook-reply.ts";

/** Options of {@link createBot}. */
export interface BotOptions {
  token: string;
  engine: Engine;
  logger: Logger;
  /** Bot API root; a local Bot API server or an emulator is pointed at with it. */
  apiRoot?: string;
  /** Known identity, which skips getMe (console mode and tests). */
  botInfo?: UserFromGetMe;
  /** Session storage; memory when absent (the most recent chats, see {@link memorySessions}). */
  storage?: StorageAdapter<SessionData>;
  /** Days a chat's session is kept after its last update in memory ({@link DEFAULT_SESSION_TTL_DAYS}). */
  sessionTtlDays?: number;
  /** Retry on 429 and 5xx and throttle outgoing calls (off for offline harnesses). */
  network?: boolean;
  /** Per-person budget of answered questions ({@link DEFAULT_QUESTION_RATE}); `false` for none. */
  rateLimit?: QuestionRate | false;
  /** Shared counter store for the budget (the Redis client when scaling out); memory by default. */
  rateLimitStore?: Redis;
  /** How charts are delivered: photos by default, files in the console, none with `false`. */
  charts?: ChartDelivery | false;
  /** Drops updates already taken on (webhook redeliveries); none by default (polling needs none). */
  dedupe?: UpdateDeduplicator;
  /** How research tables are delivered: documents by default, files in the console, none with `false`. */
  documents?: DocumentDelivery | false;
  /**
   * Webhook mode: send an answer that is the update's only message in the webhook response, one API
   * call fewer, but unconfirmed (see {@link webhookReplyGate}). Off by default.
   */
  webhookReply?: boolean;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

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
  const gate = options.webhookReply ? webhookReplyGate() : undefined;
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      ...(gate ? { canUseWebhookReply: gate.canUseWebhookReply } : {}),
    },
  });
  // First, so that it wraps grammY's own call directly (see webhookReplyGate).
  if (gate) bot.api.config.use(gate.transformer);
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
  if (options.dedupe) bot.use(options.dedupe.middleware);
  const budget =
    options.rateLimit === false
      ? undefined
      : new QuestionBudget(options.rateLimit ?? DEFAULT_QUESTION_RATE, options.rateLimitStore);
  const charts = options.charts === undefined ? telegramCharts(engine.atlas, logger) : options.charts;
  const documents =
    options.documents === undefined ? telegramDocuments(engine.atlas.data, logger) : options.documents;
  bot.use((ctx, next) => {
    if (charts) ctx.charts = charts;
    if (documents) ctx.documents = documents;
    if (budget) ctx.budget = budget;
    return next();
  });
  // A question spends its share of the budget on arrival, before it queues behind its chat's earlier ones.
  bot.use((ctx, next) => {
    if (ctx.budget && ctx.message && questionIn(ctx) !== undefined) spendOnArrival(ctx);
    return next();
  });
  bot.use(sequentialize(chatKey));
  bot.use(
    session({
      initial: (): SessionData => ({ memory: {} }),
      getSessionKey: chatKey,
      storage:
        options.storage ??
        memorySessions<SessionData>((options.sessionTtlDays ?? DEFAULT_SESSION_TTL_DAYS) * MS_PER_DAY),
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
