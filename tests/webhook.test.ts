import type { AddressInfo } from "node:net";
import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import type { BotContext } from "../src/bot/context.ts";
import { UpdateDeduplicator } from "../src/bot/dedupe.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import { startWebhook } from "../src/bot/webhook.ts";
import { engine, memoryLogger } from "./helpers/harness.ts";

describe("webhook server", () => {
  const calls: ApiCall[] = [];
  const { logger } = memoryLogger();
  let base = "";
  let close: () => Promise<void>;
  const dedupe = new UpdateDeduplicator();

  beforeAll(async () => {
    const { bot } = createBot({
      token: "123:hook",
      engine,
      logger,
      botInfo: OFFLINE_BOT_INFO,
      network: false,
      dedupe,
    });
    captureApi(bot, (c) => calls.push(c));
    const server = await startWebhook(
      bot,
      { url: "https://bot.example.org/tg/hook", secret: "s3cret", port: 0 },
      logger,
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  const post = (body: unknown, secret?: string) =>
    fetch(`${base}/tg/hook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(body),
    });

  it("registers the webhook with its secret on start", () => {
    const set = calls.find((c) => c.method === "setWebhook");
    expect(set?.payload).toMatchObject({ url: "https://bot.example.org/tg/hook", secret_token: "s3cret" });
  });

  it("answers GET /healthz", async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("ok");
  });

  it("rejects updates without the right secret and does not process them", async () => {
    const before = calls.length;
    const update = new UpdateFactory().text("昆山市是试点吗");
    expect((await post(update)).status).toBe(401);
    expect((await post(update, "wrong")).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it("processes updates with the secret", async () => {
    calls.length = 0;
    const r = await post(new UpdateFactory().text("昆山市是试点吗"), "s3cret");
    expect(r.status).toBe(200);
    expect(calls.some((c) => c.method === "sendMessage" && String(c.payload.text).includes("昆山市"))).toBe(
      true,
    );
  });

  it("answers a delivery Telegram repeats once (same update_id)", async () => {
    calls.length = 0;
    const update = {
      ...new UpdateFactory({ id: 9001, type: "private" }).text("番禺是试点吗"),
      update_id: 777_001,
    };
    for (let i = 0; i < 3; i++) expect((await post(update, "s3cret")).status).toBe(200);
    const answers = calls.filter(
      (c) => c.method === "sendMessage" && String(c.payload.text).includes("番禺"),
    );
    expect(answers).toHaveLength(1);
  });

  it("fails a delivery whose update is being answered by another one (Telegram delivers it again), answering once", async () => {
    calls.length = 0;
    const update = {
      ...new UpdateFactory({ id: 9002, type: "private" }).text("昆山是试点吗"),
      update_id: 777_002,
    };
    // Another delivery of it is being answered (here, claimed as another instance would).
    expect(await dedupe.claim(777_002)).toBe("claimed");
    expect((await post(update, "s3cret")).status).toBe(500);
    // If that one fails, its claim is released and the next delivery is answered…
    await dedupe.settle(777_002, false);
    expect((await post(update, "s3cret")).status).toBe(200);
    // …and a later one finds it done.
    expect((await post(update, "s3cret")).status).toBe(200);
    const answers = calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === 9002);
    expect(answers).toHaveLength(1);
  });

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});

describe("UpdateDeduplicator in memory", () => {
  it("claims an update once, and releases one whose answer failed", async () => {
    const d = new UpdateDeduplicator();
    expect(await d.claim(1)).toBe("claimed");
    expect(await d.claim(1)).toBe("in-progress");
    await d.settle(1, false);
    expect(await d.claim(1)).toBe("claimed");
    await d.settle(1, true);
    expect(await d.claim(1)).toBe("done");
    expect(await d.claim(2)).toBe("claimed");
  });
});

describe("UpdateDeduplicator as the only consumer (long polling with Redis)", () => {
  const ctxFor = (update_id: number) => ({ update: { update_id }, updateLog: {} }) as never;
  it("takes over an update a dead process had claimed, where a webhook instance leaves it to the next delivery", async () => {
    const shared = new UpdateDeduplicator();
    await shared.claim(42); // the process that died
    let answered = 0;
    await expect(shared.middleware(ctxFor(42), async () => void answered++)).rejects.toThrow(
      /delivered again/,
    );
    const exclusive = new UpdateDeduplicator(undefined, { exclusive: true });
    await exclusive.claim(43);
    await exclusive.middleware(ctxFor(43), async () => void answered++);
    expect(answered).toBe(1);
    expect(await exclusive.claim(43)).toBe("done");
  });
});

describe("webhook server, an update that outlasts the timeout", () => {
  it("fails the request (so Telegram delivers it again) and still finishes answering it", async () => {
    const { logger } = memoryLogger();
    const bot = new Bot<BotContext>("123:slow", { botInfo: OFFLINE_BOT_INFO });
    let finished = false;
    bot.use(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    });
    const server = await startWebhook(
      bot,
      { url: "https://bot.example.org/tg/hook", secret: "s3cret", port: 0, register: false, timeoutMs: 50 },
      logger,
    );
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const response = await fetch(`${base}/tg/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
        body: JSON.stringify(new UpdateFactory().text("昆山市是试点吗")),
      });
      // Not 200: an update acknowledged before it is answered is lost if the process dies meanwhile.
      expect(response.status).toBe(500);
      expect(finished).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(finished).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  });
});
