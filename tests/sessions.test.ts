import { RedisAdapter } from "@grammyjs/storage-redis";
import RedisMock from "ioredis-mock";
import { describe, expect, it } from "vitest";
import type { SessionData } from "../src/bot/context.ts";
import { harness, texts } from "./helpers/harness.ts";

describe("sessions shared through Redis", () => {
  it("lets a follow-up reach another instance of the bot", async () => {
    // Two clients of one Redis, as two bot processes behind one webhook would have.
    const storage = () => new RedisAdapter<SessionData>({ instance: new RedisMock() as never, ttl: 3600 });
    const first = harness({ storage: storage() });
    const second = harness({ storage: storage() });
    await first.send("浙江有多少个试点");
    expect(texts(await second.send("第二批呢"))[0]).toContain("浙江省第二批（2013年度）共有5个");
    expect(texts(await first.send("它是哪一批"))[0]).toContain("浙江省");
  });
});
