import type { Context, MiddlewareFn } from "grammy";

/**
 * Knows which updates are being handled and the last one seen, so that a graceful stop can wait
 * for in-flight replies and then confirm the offset: nothing lost, nothing answered twice.
 */
export class UpdateTracker {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  /** Highest update_id that reached the bot. */
  lastUpdateId: number | undefined;
  /** Called with each update_id once its handling has ended (answered, dropped or failed). */
  onDone: ((updateId: number) => void) | undefined;

  /** Middleware to install first. */
  readonly middleware: MiddlewareFn<Context> = async (ctx, next) => {
    this.lastUpdateId = Math.max(this.lastUpdateId ?? ctx.update.update_id, ctx.update.update_id);
    this.inFlight++;
    try {
      await next();
    } finally {
      this.onDone?.(ctx.update.update_id);
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  };

  /** How many updates are being handled now. */
  get inFlightCount(): number {
    return this.inFlight;
  }

  /** Resolves once no update is being handled. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
