import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES } from "./bot.ts";
import type { BotContext } from "./context.ts";
import { registerCommands } from "./features/commands.ts";
import type { UpdateTracker } from "./tracker.ts";

/**
 * Long polling with @grammyjs/runner (updates of one chat stay in order through sequentialize).
 * Returns a stop function that finishes in-flight replies and confirms the offset, so a restart
 * neither loses an update nor answers one twice.
 */
export async function startPolling(
  bot: Bot<BotContext>,
  tracker: UpdateTracker,
  logger: Logger,
): Promise<() => Promise<void>> {
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommands(bot, logger);
  const runner = run(bot, {
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
