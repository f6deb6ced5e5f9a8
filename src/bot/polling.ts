import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import { DEFAULT_POLLING_CONCURRENCY } from "../config.ts";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES } from "./bot.ts";
import type { BotContext } from "./context.ts";
import { registerCommands } from "./features/commands.ts";
import type { UpdateTracker } from "./tracker.ts";

/**
 * Long polling with @grammyjs/runner (updates of one chat stay in order through sequentialize),
 * holding at most `concurrency` updates between fetching and answering.
 * Returns a stop function that finishes in-flight replies and confirms the offset, so a restart
 * neither loses an update nor answers one twice.
 */
export async function startPolling(
  bot: Bot<BotContext>,
  tracker: UpdateTracker,
  logger: Logger,
  concurrency = DEFAULT_POLLING_CONCURRENCY,
): Promise<() => Promise<void>> {
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommands(bot, logger);
  // Backpressure: the runner asks Telegram for no more updates than the sink has room for, so no
  // more than `concurrency` are ever confirmed and unanswered (all a kill -9 can lose). Its first
  // call asks for 100 whatever the sink's size, so every getUpdates is capped here too.
  bot.api.config.use((prev, method, payload, signal) =>
    method === "getUpdates"
      ? prev(
          method,
          {
            ...payload,
            limit: Math.min((payload as { limit?: number }).limit ?? 100, concurrency),
          } as typeof payload,
          signal,
        )
      : prev(method, payload, signal),
  );
  const runner = run(bot, {
    sink: { concurrency },
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES] },
      silent: true,
      maxRetryTime: Number.POSITIVE_INFINITY,
    },
  });
  logger.info({ username: bot.botInfo.username, mode: "polling" }, "bot started");
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      logger.info("stopping: finishing in-flight updates");
      await runner.stop();
      await tracker.idle();
      if (tracker.lastUpdateId !== undefined) {
        // Telegram forgets updates only when asked for the next offset.
        await bot.api.getUpdates({ offset: tracker.lastUpdateId + 1, limit: 1, timeout: 0 });
      }
      logger.info({ last_update_id: tracker.lastUpdateId }, "stopped");
    })();
    return stopping;
  };
}
