import { describe, expect, it } from "vitest";
import { REPLY_CONTEXTS } from "../src/bot/context.ts";
import { newest } from "../src/bot/reply.ts";

describe("newest", () => {
  it("keeps the newest REPLY_CONTEXTS entries by message id, whatever order they came in", () => {
    let record: Record<string, number> | undefined;
    // Ids above 9 and below: a text sort would put "10" before "9".
    for (const id of [9, 11, 3, 120, 7, 10]) record = newest(record, [[id, id * 2]]);
    for (let id = 200; id < 200 + REPLY_CONTEXTS - 2; id++) record = newest(record, [[id, id * 2]]);
    const ids = Object.keys(record ?? {}).map(Number);
    expect(ids).toHaveLength(REPLY_CONTEXTS);
    expect(ids.slice(0, 2)).toEqual([11, 120]);
    expect(record?.[120]).toBe(240);
    expect(record?.[10]).toBeUndefined();
  });

  it("adds several entries at once, and nothing when there is nothing to add", () => {
    const record = newest(undefined, [
      [5, "a"],
      [6, "b"],
    ]);
    expect(newest(record, [])).toEqual({ 5: "a", 6: "b" });
  });

  it("reads a record that came back from JSON (Redis) the same way", () => {
    const stored = JSON.parse(JSON.stringify(newest(undefined, [[100, "x"]]))) as Record<string, string>;
    const many = Array.from({ length: REPLY_CONTEXTS }, (_, i) => [101 + i, "y"] as [number, string]);
    expect(Object.keys(newest(stored, many))).not.toContain("100");
  });
});
