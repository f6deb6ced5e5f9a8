import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import { startWebhook } from "../src/bot/webhook.ts";
import { engine, memoryLogger } from "./helpers/harness.ts";

describe("webhook server", () => {
  const calls: ApiCall[] = [];
  const { logger } = memoryLogger();
  let base = "";
  let close: () => Promise<void>;

  beforeAll(async () => {
    const { bot } = createBot({
      token: "123:hook",
      engine,
      logger,
      botInfo: OFFLINE_BOT_INFO,
      network: false,
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

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
