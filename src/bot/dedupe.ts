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

  /**
   * `exclusive`: this is the only consumer of the updates (long polling), so an update found
   * claimed was claimed by a process that died (killed before it confirmed the update): it is
   * taken over and answered, where a webhook instance would leave it to Telegram's next delivery.
   */
  constructor(
    private readonly redis?: Redis,
    private readonly options: { exclusive?: boolean } = {},
  ) {}

  /**
   * Claims an update for answering: "claimed" when this call took it, "done" when it was answered
   * already, "in-progress" when another delivery of it is being answered right now.
   */
  async claim(updateId: number): Promise<"claimed" | "done" | "in-progress"> {
    if (this.redis) {
      try {
        if ((await this.redis.set(key(updateId), "claimed", "EX", CLAIM_TTL_SECONDS, "NX")) === "OK")
          return "claimed";
        return (await this.redis.get(key(updateId))) === "done" ? "done" : "in-progress";
      } catch {
        // Redis down: this instance's memory decides.
      }
    }
    const seen = this.seen.get(updateId);
    if (seen) return seen === "done" ? "done" : "in-progress";
    this.seen.set(updateId, "claimed");
    if (this.seen.size > REMEMBERED) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return "claimed";
  }

  /** Claims again an update a dead process had claimed (exclusive consumers only). */
  private async takeOver(updateId: number): Promise<void> {
    this.seen.set(updateId, "claimed");
    try {
      await this.redis?.set(key(updateId), "claimed", "EX", CLAIM_TTL_SECONDS);
    } catch {
      // Redis down: the claim expires by itself.
    }
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

  /**
   * Middleware that drops an update answered already, logging it as a duplicate. One being
   * answered elsewhere fails the delivery (the webhook answers 500), so that Telegram delivers it
   * again later: if the instance answering it died, the claim lapses and the next delivery is
   * answered; if it lives, the next delivery finds it done. Nothing is lost, nothing answered twice.
   */
  readonly middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const id = ctx.update.update_id;
    const state = await this.claim(id);
    if (state === "done") {
      ctx.updateLog.outcome = "duplicate";
      return;
    }
    if (state === "in-progress") {
      if (!this.options.exclusive) throw new UpdateInProgress(id);
      await this.takeOver(id);
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

/** A delivery of an update that is being answered elsewhere: Telegram is to deliver it again later. */
export class UpdateInProgress extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} is being answered by another delivery; to be delivered again`);
    this.name = "UpdateInProgress";
  }
}
