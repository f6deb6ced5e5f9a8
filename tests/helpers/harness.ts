import { Writable } from "node:stream";
import type { StorageAdapter } from "grammy";
import { createBot } from "../../src/bot/bot.ts";
import type { ChartDelivery } from "../../src/bot/charts.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../../src/bot/offline.ts";
import type { QuestionRate } from "../../src/bot/question-budget.ts";
import { Engine } from "../../src/engine/engine.ts";
import { createLogger } from "../../src/logger.ts";

/** One engine for all bot tests: building it is the slow part. */
export const engine = new Engine();

/** Captured log lines, parsed. */
export interface LogSink {
  lines: Record<string, unknown>[];
  raw: string[];
}

/** A logger writing into memory. */
export function memoryLogger(level = "info", token?: string) {
  const sink: LogSink = { lines: [], raw: [] };
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        sink.raw.push(line);
        sink.lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { logger: createLogger(level, token, stream as never), sink };
}

/** A bot wired to the real engine, with every outgoing call captured instead of sent. */
export function harness(
  options: {
    chat?: ConstructorParameters<typeof UpdateFactory>[0];
    engine?: Engine;
    storage?: StorageAdapter<SessionData>;
    rateLimit?: QuestionRate | false;
    charts?: ChartDelivery | false;
  } = {},
) {
  const { logger, sink } = memoryLogger("debug");
  const { bot } = createBot({
    token: "123:test",
    engine: options.engine ?? engine,
    logger,
    botInfo: OFFLINE_BOT_INFO,
    network: false,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.charts !== undefined ? { charts: options.charts } : {}),
  });
  const calls: ApiCall[] = [];
  captureApi(bot, (c) => calls.push(c));
  const updates = new UpdateFactory(options.chat);
  const send = async (text: string, extra?: Record<string, unknown>) => {
    calls.length = 0;
    await bot.handleUpdate(updates.text(text, extra));
    return [...calls];
  };
  const press = async (data: string) => {
    calls.length = 0;
    await bot.handleUpdate(updates.callback(data));
    return [...calls];
  };
  const inline = async (query: string) => {
    calls.length = 0;
    await bot.handleUpdate(updates.inline(query));
    return [...calls];
  };
  const other = async (content: Record<string, unknown>) => {
    calls.length = 0;
    await bot.handleUpdate(updates.other(content));
    return [...calls];
  };
  return { bot, calls, send, press, inline, other, sink, updates };
}

/** Texts of the sendMessage calls. */
export const texts = (calls: ApiCall[]) =>
  calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

/** Whether a string is Telegram HTML we produce: only <b>, properly nested, entities well formed. */
export function isValidTelegramHtml(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    const [, closing, tag = ""] = m;
    if (!["b", "i", "u", "s", "code", "pre", "a", "blockquote"].includes(tag)) return false;
    if (closing) {
      if (stack.pop() !== tag) return false;
    } else stack.push(tag);
  }
  const withoutTags = html.replace(/<\/?[a-z]+[^>]*>/g, "");
  if (/[<>]/.test(withoutTags)) return false;
  if (/&(?!(amp|lt|gt|quot);)/.test(withoutTags)) return false;
  return stack.length === 0;
}
