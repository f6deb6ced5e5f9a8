import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import type { SessionData } from "../src/bot/context.ts";
import { CLAIM_TTL_SECONDS, DEDUPE_TTL_SECONDS, UpdateDeduplicator } from "../src/bot/dedupe.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import { parseConfig } from "../src/config.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { engine, harness, memoryLogger, texts } from "./helpers/harness.ts";
import { RedisServer, redisServerPath, redisSkipReason } from "./helpers/redis-server.ts";

const DAY = 24 * 60 * 60;

/** Resolves with `read()`'s value once `accept` holds for it, polling every 50 ms. */
async function eventually<T>(read: () => Promise<T> | T, accept: (v: T) => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in time (last: ${value})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A test's own client; its errors are expected while a server is down, and are not the bot's. */
function testClient(server: RedisServer, clients: Redis[]): Redis {
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  client.on("error", () => undefined);
  clients.push(client);
  return client;
}

describe.skipIf(!redisServerPath)(`sessions and rate limits in a real Redis${redisSkipReason}`, () => {
  let server: RedisServer;
  const clients: Redis[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.dispose();
  });

  it("lets a follow-up reach another instance of the bot", async () => {
    // Two clients of one Redis, as two bot processes behind one webhook would have.
    const ttl = parseConfig({}).sessionTtlDays * DAY;
    const storage = () => new RedisAdapter<SessionData>({ instance: testClient(server, clients), ttl });
    const chat = { id: 2001, type: "private" as const };
    const first = harness({ storage: storage(), chat });
    const second = harness({ storage: storage(), chat });
    await first.send("浙江有多少个试点");
    expect(texts(await second.send("第二批呢"))[0]).toContain("浙江省第二批（2013年度）共有5个");
    expect(texts(await first.send("它是哪一批"))[0]).toContain("浙江省");
  });

  it("stores a session under its chat with a TTL of SESSION_TTL_DAYS in seconds", async () => {
    const days = parseConfig({ SESSION_TTL_DAYS: "3" }).sessionTtlDays;
    const admin = testClient(server, clients);
    const bot = harness({
      storage: new RedisAdapter<SessionData>({ instance: testClient(server, clients), ttl: days * DAY }),
      chat: { id: 2002, type: "private" },
    });
    await bot.send("昆山是试点吗");
    expect(JSON.parse((await admin.get("2002")) ?? "null")).toHaveProperty("memory");
    const ttl = await admin.ttl("2002");
    expect(ttl).toBeGreaterThan(3 * DAY - 5);
    expect(ttl).toBeLessThanOrEqual(3 * DAY);
  });

  it("keeps the question budget in Redis, each counter expiring with its window", async () => {
    const admin = testClient(server, clients);
    const { logger } = memoryLogger();
    const rate = { points: 2, seconds: 2, burst: 1, burstSeconds: 3 };
    const instance = () =>
      createBot({
        token: "123:test",
        engine,
        logger,
        botInfo: OFFLINE_BOT_INFO,
        network: false,
        charts: false,
        rateLimit: rate,
        rateLimitStore: testClient(server, clients),
      }).bot;
    // Two instances share one budget: a person who moves between them is not counted twice over.
    const [first, second] = [instance(), instance()];
    const calls: ApiCall[] = [];
    captureApi(first, (call) => calls.push(call));
    captureApi(second, (call) => calls.push(call));
    const updates = new UpdateFactory(
      { id: 2003, type: "private" },
      { id: 2003, is_bot: false, first_name: "u", language_code: "zh-hans" },
    );
    const questions = ["昆山是试点吗", "番禺是试点吗", "江苏有多少个试点", "浙江有多少个试点"];
    for (const [i, question] of questions.entries()) {
      await (i % 2 ? second : first).handleUpdate(updates.text(question));
    }
    expect(texts(calls)).toHaveLength(4);
    expect(texts(calls)[3]).toContain("请稍等");
    for (const [key, window] of [
      ["questions:2003", 2_000],
      ["questions-burst:2003", 3_000],
    ] as const) {
      const pttl = await admin.pttl(key);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(window);
    }
    await eventually(
      () => admin.exists("questions:2003", "questions-burst:2003"),
      (n) => n === 0,
    );
    calls.length = 0;
    await first.handleUpdate(updates.text("江苏有多少个试点"));
    expect(texts(calls)[0]).toContain("江苏省共有21个");
  });
});

describe.skipIf(!redisServerPath)(
  `webhook redeliveries across instances, in a real Redis${redisSkipReason}`,
  () => {
    let server: RedisServer;
    const clients: Redis[] = [];
    beforeAll(async () => {
      server = await RedisServer.start();
    }, 30_000);
    afterAll(async () => {
      for (const client of clients) client.disconnect();
      await server?.dispose();
    });

    it("one instance answers an update; another skips it while claimed or done, and takes it if released", async () => {
      const [a, b] = [
        new UpdateDeduplicator(testClient(server, clients)),
        new UpdateDeduplicator(testClient(server, clients)),
      ];
      const admin = testClient(server, clients);
      expect(await a.claim(501)).toBe("claimed");
      expect(await b.claim(501)).toBe("in-progress");
      const claimTtl = await admin.ttl("update:501");
      expect(claimTtl).toBeGreaterThan(0);
      expect(claimTtl).toBeLessThanOrEqual(CLAIM_TTL_SECONDS);
      await a.settle(501, false);
      expect(await b.claim(501)).toBe("claimed");
      await b.settle(501, true);
      expect(await a.claim(501)).toBe("done");
      const doneTtl = await admin.ttl("update:501");
      expect(doneTtl).toBeGreaterThan(CLAIM_TTL_SECONDS);
      expect(doneTtl).toBeLessThanOrEqual(DEDUPE_TTL_SECONDS);
    });
  },
);

describe.skipIf(!redisServerPath)(`npm start with REDIS_URL${redisSkipReason}`, () => {
  const TOKEN = "123456:redis-test-token";
  const PASSWORD = "redis-pw-7f3a9c";
  let server: RedisServer;
  let api: FakeBotApi;
  let bot: ChildProcess;
  let admin: Redis;
  const clients: Redis[] = [];
  let output = "";
  const logLines = () =>
    output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; msg: string; error?: string; time: number });

  beforeAll(async () => {
    server = await RedisServer.start({ password: PASSWORD });
    admin = testClient(server, clients);
    api = new FakeBotApi();
    await api.start();
    bot = spawn(process.execPath, ["dist/bin/main.mjs"], {
      cwd: join(import.meta.dirname, ".."),
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        BOT_MODE: "polling",
        TELEGRAM_API_ROOT: api.url,
        REDIS_URL: server.url,
        SESSION_TTL_DAYS: "2",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stdout?.on("data", (d) => {
      output += String(d);
    });
    bot.stderr?.on("data", (d) => {
      output += String(d);
    });
    await eventually(
      () => output,
      (o) => o.includes("bot started") || bot.exitCode !== null,
      30_000,
    );
    if (bot.exitCode !== null) throw new Error(`bot did not start:\n${output}`);
  }, 40_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) bot.kill("SIGKILL");
    for (const client of clients) client.disconnect();
    await api?.stop();
    await server?.dispose();
  });

  it("keeps a chat's session for SESSION_TTL_DAYS and a question counter for its window", async () => {
    api.userSays("浙江有多少个试点", 3001);
    await api.until(() => api.sentTexts().length === 1);
    // The session is written back after the reply has gone out.
    const ttl = await eventually(
      () => admin.ttl("3001"),
      (t) => t > 0,
    );
    expect(ttl).toBeGreaterThan(2 * DAY - 5);
    expect(ttl).toBeLessThanOrEqual(2 * DAY);
    const pttl = await admin.pttl("questions:3001");
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(6_000);
    api.userSays("第二批呢", 3001);
    await api.until(() => api.sentTexts().length === 2);
    expect(api.sentTexts()[1]).toContain("浙江省第二批（2013年度）共有5个");
  }, 20_000);

  it("logs Redis going away instead of crashing, and carries on once it is back", async () => {
    await server.stop();
    await eventually(
      () => logLines(),
      (lines) => lines.some((l) => l.msg === "redis error"),
    );
    // A few reconnection attempts while Redis is down: repeats are not logged at info.
    await new Promise((r) => setTimeout(r, 1_000));
    const errors = logLines().filter((l) => l.msg === "redis error");
    expect(errors[0]?.level).toBe(50);
    expect(errors.some((l) => l.error?.includes("ECONNREFUSED"))).toBe(true);
    expect(errors.length).toBeLessThanOrEqual(2);
    expect(bot.exitCode).toBeNull();

    await server.start();
    await eventually(
      () => output,
      (o) => o.includes('"msg":"redis reconnected"'),
    );
    api.userSays("昆山是试点吗", 3002);
    await api.until(() => api.sentTexts().length === 3);
    expect(api.sentTexts()[2]).toContain("昆山市是国家智慧城市试点");
    const ttl = await eventually(
      () => admin.ttl("3002"),
      (t) => t > 0,
    );
    expect(ttl).toBeGreaterThan(2 * DAY - 5);
  }, 30_000);

  it("closes its Redis connection with QUIT after the bot stops on SIGTERM", async () => {
    const connected = () => admin.client("LIST").then((list) => String(list));
    expect(await connected()).toContain("name=smart-city-pilot-bot");
    const exited = new Promise<number | null>((resolve) => bot.once("exit", (code) => resolve(code)));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    // By the lines' own times: under load the two last lines have reached the pipe out of order
    // (about one run in ten), though they were logged in order.
    const at = (msg: string) => logLines().find((l) => l.msg === msg)?.time;
    const [stopped, closed] = [at("stopped"), at("redis closed")];
    expect(stopped).toBeDefined();
    expect(closed).toBeDefined();
    expect(closed).toBeGreaterThanOrEqual(stopped ?? Number.POSITIVE_INFINITY);
    expect(await connected()).not.toContain("name=smart-city-pilot-bot");
  }, 20_000);

  it("never prints the Redis password or an unhandled Redis error", () => {
    expect(output).toContain("redis error");
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain("Unhandled error event");
  });
});
