import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import type { ChartDelivery } from "../src/bot/charts.ts";
import { UpdateDeduplicator } from "../src/bot/dedupe.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import { startWebhook } from "../src/bot/webhook.ts";
import { inWebhookResponse, isInWebhookResponse, webhookReplyGate } from "../src/bot/webhook-reply.ts";
import { engine, memoryLogger } from "./helpers/harness.ts";

describe("webhookReplyGate", () => {
  it("allows the webhook reply only while it passes on a marked sendMessage", async () => {
    const gate = webhookReplyGate();
    const seen: boolean[] = [];
    const base = async (method: string) => {
      seen.push(gate.canUseWebhookReply(method));
      return { ok: true as const, result: true };
    };
    const call = (method: string, payload: Record<string, unknown>) =>
      gate.transformer(base as never, method as never, payload as never);
    await call("sendMessage", inWebhookResponse({ chat_id: 1, text: "a" }));
    await call("sendMessage", { chat_id: 1, text: "b" });
    await call("sendPhoto", inWebhookResponse({ chat_id: 1, photo: "x" }));
    expect(seen).toEqual([true, false, false]);
    expect(gate.canUseWebhookReply("sendMessage")).toBe(false);
  });

  it("keeps the mark through a spread (as ctx.reply spreads its options) and out of the JSON", () => {
    const payload = { chat_id: 1, text: "a", ...inWebhookResponse({ parse_mode: "HTML" }) };
    expect(isInWebhookResponse(payload)).toBe(true);
    expect(JSON.parse(JSON.stringify(payload))).toEqual({ chat_id: 1, text: "a", parse_mode: "HTML" });
    expect(isInWebhookResponse({ chat_id: 1 })).toBe(false);
  });
});

/** A webhook server for the bot, answering API calls locally; `webhookReply` as configured. */
async function server(webhookReply: boolean) {
  const calls: ApiCall[] = [];
  const { logger, sink } = memoryLogger();
  // Charts "sent" as photos by file id, so that a question with a chart needs no renderer here.
  const charts: ChartDelivery = {
    send: async (ctx) => void (await ctx.replyWithPhoto("chart-file-id")),
    sendAlbum: async () => undefined,
  };
  const { bot } = createBot({
    token: "123:reply",
    engine,
    logger,
    botInfo: OFFLINE_BOT_INFO,
    network: false,
    dedupe: new UpdateDeduplicator(),
    charts,
    webhookReply,
  });
  captureApi(bot, (c) => calls.push(c), { webhookReplies: webhookReply });
  const http = await startWebhook(
    bot,
    { url: "https://bot.example.org/hook", secret: "s3cret", port: 0, register: false },
    logger,
  );
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  let updateId = 5000;
  const post = async (chat: number, text: string) => {
    const update = { ...new UpdateFactory({ id: chat, type: "private" }).text(text), update_id: updateId++ };
    const r = await fetch(`${base}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
      body: JSON.stringify(update),
    });
    const body = await r.text();
    return { status: r.status, body: body ? (JSON.parse(body) as Record<string, unknown>) : undefined };
  };
  const close = () => new Promise<void>((resolve) => http.close(() => resolve()));
  return { calls, sink, post, close };
}

describe("WEBHOOK_REPLY on", () => {
  let s: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    s = await server(true);
  });
  afterAll(() => s.close());

  it("sends a one-message answer in the webhook response, as grammY's webhook reply", async () => {
    const r = await s.post(3101, "昆山市是试点吗");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ method: "sendMessage", chat_id: 3101, parse_mode: "HTML" });
    expect(String(r.body?.text)).toContain("昆山市");
    // The answer is logged as any other.
    const line = s.sink.lines.findLast((l) => l.msg === "update");
    expect(line).toMatchObject({ intent: "pilot.status", outcome: "ok" });
  });

  it("sends an answer followed by a chart as requests, in order, so that the chart cannot overtake it", async () => {
    s.calls.length = 0;
    const r = await s.post(3102, "各省试点数量排名");
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    expect(s.calls.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
  });

  it("never sends a command's answers in the response (/about sends two)", async () => {
    s.calls.length = 0;
    const r = await s.post(3103, "/about");
    expect(r.body).toBeUndefined();
    expect(s.calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
  });
});

describe("WEBHOOK_REPLY off (the default)", () => {
  let s: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    s = await server(false);
  });
  afterAll(() => s.close());

  it("sends every answer as a request and acknowledges with an empty response after it", async () => {
    const r = await s.post(3201, "昆山市是试点吗");
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    expect(s.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === 3201)).toHaveLength(1);
  });
});
