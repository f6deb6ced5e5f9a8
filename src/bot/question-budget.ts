import type { Redis } from "ioredis";
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

/**
 * How many answered questions a person gets: a steady pace (`points` per `seconds`) plus a burst
 * allowance (`burst` more per `burstSeconds`) for a quick run of taps.
 */
export interface QuestionRate {
  points: number;
  seconds: number;
  burst: number;
  burstSeconds: number;
}

/**
 * One question every 1.5 s for as long as anyone likes, plus 12 more in any minute: no human pace is
 * refused, while a script sending 30 messages in 2 s gets 16 answers.
 */
export const DEFAULT_QUESTION_RATE: QuestionRate = { points: 4, seconds: 6, burst: 12, burstSeconds: 60 };

/** What to do with a question: answer it, refuse it with the one notice, or refuse it silently. */
export type Verdict = "answer" | "notify" | "drop";

/** Refusals remembered at most; past it the memory starts over (at worst, one more notice each). */
const NOTICES_KEPT = 10_000;

/**
 * Per-person budget of answered questions. Only questions spend it — group chatter the bot ignores,
 * inline queries and page turns cost nothing — and the counters live in Redis when instances share
 * it, each key expiring with its window. A refused run of questions gets one notice, after the
 * answers that were allowed.
 */
export class QuestionBudget {
  private readonly limiter: BurstyRateLimiter;
  private readonly notified = new Set<string>();

  constructor(rate: QuestionRate = DEFAULT_QUESTION_RATE, redis?: Redis) {
    const steady = { keyPrefix: "questions", points: rate.points, duration: rate.seconds };
    const burst = { keyPrefix: "questions-burst", points: rate.burst, duration: rate.burstSeconds };
    // Should Redis fail, each instance counts in memory rather than refusing or letting floods through.
    this.limiter = redis
      ? new BurstyRateLimiter(
          new RateLimiterRedis({
            ...steady,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(steady),
          }),
          new RateLimiterRedis({
            ...burst,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(burst),
          }),
        )
      : new BurstyRateLimiter(new RateLimiterMemory(steady), new RateLimiterMemory(burst));
  }

  /** Spends one question of `person`'s budget. */
  async spend(person: string): Promise<Verdict> {
    try {
      await this.limiter.consume(person);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      if (this.notified.has(person)) return "drop";
      if (this.notified.size >= NOTICES_KEPT) this.notified.clear();
      this.notified.add(person);
      return "notify";
    }
    this.notified.delete(person);
    return "answer";
  }
}
