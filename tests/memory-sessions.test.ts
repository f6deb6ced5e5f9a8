/** Sessions in memory without Redis: bounded by chats and by time. */
import { describe, expect, it } from "vitest";
import { memorySessions } from "../src/bot/memory-sessions.ts";

describe("memorySessions", () => {
  it("keeps the most recent chats only: the least recently used goes first", async () => {
    const store = memorySessions<{ n: number }>(60_000, 3);
    for (const n of [1, 2, 3]) await store.write(`chat${n}`, { n });
    expect(await store.read("chat1")).toEqual({ n: 1 }); // used: now the most recent
    await store.write("chat4", { n: 4 });
    expect(await store.read("chat2")).toBeUndefined();
    expect(await store.read("chat1")).toEqual({ n: 1 });
    expect(await store.read("chat4")).toEqual({ n: 4 });
  });

  it("forgets a chat its time-to-live after its last update", async () => {
    const store = memorySessions<{ n: number }>(40);
    await store.write("chat", { n: 1 });
    expect(await store.read("chat")).toEqual({ n: 1 });
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.read("chat")).toBeUndefined();
  });

  it("deletes on request", async () => {
    const store = memorySessions<{ n: number }>(60_000);
    await store.write("chat", { n: 1 });
    await store.delete("chat");
    expect(await store.read("chat")).toBeUndefined();
  });
});
