import type { MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./context.ts";

/** How long an answered update_id is remembered: Telegram gives up redelivering within a day. */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

/**
 * How long an update being answered is claimed for. An instance killed mid-answer holds it no
 * longer than this, so Telegram's next redelivery is answered by another instance.
 */
export const CLAIM_TTL_SECONDS = 60;

/** Update ids remembered in memory at most (hours of a busy bot); the oldest go first. */
const REMEMBERED = 100_000;

/**
 * Answers a webhook delivery that Telegram repeats (after a timeout, a 5xx, an instance that died
 * mid-answer) once. An update is claimed while it is answered and marked done after; one that
 * failed is released, so a redelivery is answered. Shared through Redis when instances share it
 * (`SET … NX EX`, one key per update, expiring); a bounded map in memory otherwise. A Redis failure
 * falls back to memory rather than dropping the update.
 */
export class UpdateDeduplicator {
  private readonly seen = new Map<number, "claimed" | "done">();

  constructor(private readonly redis?: Redis) {}

  /** Claims an update for answering; false when it is being or has been answered. */
  async claim(updateId: number): Promise<boolean> {
    if (this.redis) {
      try {
        return (await this.redis.set(key(updateId), "claimed", "EX", CLAIM_TTL_SECONDS, "NX")) === "OK";
      } catch {
        // Redis down: this instance's memory decides.
      }
    }
    if (this.seen.has(updateId)) return false;
    this.seen.set(updateId, "claimed");
    if (this.seen.size > REMEMBERED) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  /** Marks an update answered (remembered for a day) or, when answering failed, releases it. */
  async settle(updateId: number, answered: boolean): Promise<void> {
    if (answered) this.seen.set(updateId, "done");
    else this.seen.delete(updateId);
    if (!this.redis) return;
    try {
      if (answered) await this.redis.set(key(updateId), "done", "EX", DEDUPE_TTL_SECONDS);
      else await this.redis.del(key(updateId));
    } catch {
      // Redis down: the claim expires by itself.
    }
  }

  /** Middleware that drops an update already taken on, logging it as a duplicate. */
  readonly middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!(await this.claim(id))) {
      ctx.updateLog.outcome = "duplicate";
      return;
    }
    let answered = false;
    try {
      await next();
      answered = true;
    } finally {
      await this.settle(id, answered);
    }
  };
}

const key = (updateId: number) => `update:${updateId}`;
