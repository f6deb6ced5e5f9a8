/**
 * Remembers recent button taps so that an impatient double tap (or six) on the same button of the
 * same message posts its answer once. Bounded: old entries are dropped as new ones arrive.
 */
export class RepeatedTaps {
  private readonly seen = new Map<string, number>();

  /**
   * @param windowMs how long a tap of the same button counts as a repeat
   * @param capacity how many recent taps are remembered at most
   */
  constructor(
    private readonly windowMs = 5_000,
    private readonly capacity = 10_000,
  ) {}

  /** Records a tap; true when the same button of the same message was tapped within the window. */
  isRepeat(chat: number, message: number, data: string, now = Date.now()): boolean {
    const key = `${chat}:${message}:${data}`;
    const last = this.seen.get(key);
    // Re-inserted so that the map's order is the order of last use.
    this.seen.delete(key);
    this.seen.set(key, now);
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return last !== undefined && now - last < this.windowMs;
  }
}
