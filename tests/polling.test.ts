/** The offset guard of long polling: nothing confirmed to Telegram before it is answered. */
import { describe, expect, it } from "vitest";
import { OffsetGuard } from "../src/bot/polling.ts";

const ids = (...n: number[]) => n.map((update_id) => ({ update_id }));

describe("OffsetGuard", () => {
  it("holds the offset back to the oldest update not yet answered, and drops what comes back again", () => {
    const guard = new OffsetGuard();
    expect(guard.offset(undefined)).toBeUndefined();
    expect(guard.fresh(ids(1, 2, 3)).map((u) => u.update_id)).toEqual([1, 2, 3]);
    guard.done(2);
    // The runner would confirm 1–3 by asking for 4; 1 is still being answered.
    expect(guard.offset(4)).toBe(1);
    // Telegram hands out 1–3 again with the new one: only 4 is new.
    expect(guard.fresh(ids(1, 2, 3, 4)).map((u) => u.update_id)).toEqual([4]);
    guard.done(1);
    expect(guard.offset(5)).toBe(3);
    // 1 and 2 are confirmed now, and forgotten; 3 and 4 are still pending.
    expect(guard.fresh(ids(3, 4, 5)).map((u) => u.update_id)).toEqual([5]);
    for (const id of [3, 4, 5]) guard.done(id);
    expect(guard.offset(6)).toBe(6);
    expect(guard.fresh(ids(6)).map((u) => u.update_id)).toEqual([6]);
  });

  it("ignores the end of an update it never handed out", () => {
    const guard = new OffsetGuard();
    guard.done(9);
    expect(guard.offset(10)).toBe(10);
  });
});
