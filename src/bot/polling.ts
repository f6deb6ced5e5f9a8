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
  // Backpressure: the runner asks Telegram for no more updates than the sink has room for. Its
  // first call asks for 100 whatever the sink's size, so every getUpdates is capped here too.
  // And no update is confirmed before it is answered: see OffsetGuard.
  const guard = new OffsetGuard();
  tracker.onDone = (id) => guard.done(id);
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const asked = payload as { offset?: number; limit?: number };
    const result = await prev(
      method,
      {
        ...payload,
        offset: guard.offset(asked.offset),
        limit: Math.min(asked.limit ?? 100, concurrency),
      } as typeof payload,
      signal,
    );
    if (!result.ok) return result;
    const fresh = guard.fresh(result.result as { update_id: number }[]);
    // Only updates already taken came back (the oldest is still being answered): wait a little
    // rather than ask again at once.
    if (fresh.length === 0 && (result.result as unknown[]).length > 0)
      await new Promise((r) => setTimeout(r, 200));
    return { ...result, result: fresh as typeof result.result };
  });
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

/**
 * Confirms to Telegram only updates that have been answered. The runner would confirm every update
 * it fetched with its next getUpdates, answered or not, so a kill -9 lost all of those in flight
 * (95 of 600 at 100 updates/s). Here the offset sent never passes the oldest update still being
 * answered; what Telegram then hands out again (being answered, or answered after it) is dropped.
 * A kill -9 loses nothing; what it can repeat is an answer sent after the oldest unanswered one.
 */
export class OffsetGuard {
  /** Fetched and not yet done. */
  private readonly pending = new Set<number>();
  /** Done, but not yet confirmed (above the oldest pending one). */
  private readonly answered = new Set<number>();

  /** The offset to send: the runner's, held back to the oldest update not yet answered. */
  offset(requested: number | undefined): number | undefined {
    const oldest = Math.min(...this.pending);
    if (!Number.isFinite(oldest)) {
      this.answered.clear();
      return requested;
    }
    // What lies below the confirmed offset Telegram forgets: so does this guard.
    for (const id of this.answered) if (id < oldest) this.answered.delete(id);
    return requested === undefined ? oldest : Math.min(requested, oldest);
  }

  /** The updates of a getUpdates result not handed out before, now marked pending. */
  fresh<U extends { update_id: number }>(updates: U[]): U[] {
    const fresh = updates.filter((u) => !this.pending.has(u.update_id) && !this.answered.has(u.update_id));
    for (const u of fresh) this.pending.add(u.update_id);
    return fresh;
  }

  /** Marks an update's handling ended. */
  done(updateId: number): void {
    if (this.pending.delete(updateId)) this.answered.add(updateId);
  }
}
