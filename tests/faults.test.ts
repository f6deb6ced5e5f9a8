import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import { startPolling } from "../src/bot/polling.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { engine, memoryLogger } from "./helpers/harness.ts";

const TOKEN = "777:fault-test-token";
let api: FakeBotApi;
const stops: (() => Promise<void>)[] = [];

async function startBot() {
  const { logger, sink } = memoryLogger("info", TOKEN);
  const { bot, tracker } = createBot({ token: TOKEN, engine, logger, apiRoot: api.url });
  const stop = await startPolling(bot, tracker, logger);
  stops.push(stop);
  return { stop, sink };
}

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined);
  await api.stop().catch(() => undefined);
});

describe("Telegram faults", () => {
  it("retries a 429 after retry_after and delivers once", async () => {
    api = new FakeBotApi();
    await api.start();
    api.fail("sendMessage", 429, {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    await startBot();
    api.userSays("昆山是试点吗");
    await api.until(() => api.sentTexts().length === 1);
    expect(api.attempts.sendMessage).toBe(2);
    expect(api.sentTexts()[0]).toContain("昆山市");
  }, 20_000);

  it("retries 500 and 502", async () => {
    api = new FakeBotApi();
    await api.start();
    api.fail("sendMessage", 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    api.fail("sendMessage", 502, { ok: false, error_code: 502, description: "Bad Gateway" });
    await startBot();
    api.userSays("江苏有多少个试点");
    await api.until(() => api.sentTexts().length === 1);
    expect(api.attempts.sendMessage).toBe(3);
    expect(api.sentTexts()[0]).toContain("21个");
  }, 20_000);

  it("recovers by itself after the API is unreachable for a few seconds", async () => {
    api = new FakeBotApi();
    await api.start();
    await startBot();
    await api.down();
    api.userSays("番禺是试点吗");
    await new Promise((r) => setTimeout(r, 2_500));
    await api.up();
    await api.until(() => api.sentTexts().length === 1, 20_000);
    expect(api.sentTexts()[0]).toContain("广州市番禺区");
  }, 30_000);

  it("logs a message the API rejects and goes on", async () => {
    api = new FakeBotApi();
    await api.start();
    api.fail("sendMessage", 400, {
      ok: false,
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    const { sink } = await startBot();
    api.userSays("昆山");
    api.userSays("江苏有多少个试点");
    await api.until(() => api.sentTexts().some((t) => t.includes("21个")));
    expect(
      sink.lines.some((l) => l.msg === "update failed" && String(l.error).includes("message is too long")),
    ).toBe(true);
    expect(sink.raw.join("\n")).not.toContain(TOKEN);
  }, 20_000);

  it("loses nothing and answers nothing twice across a restart", async () => {
    api = new FakeBotApi();
    await api.start();
    const first = await startBot();
    for (const q of ["昆山", "番禺", "江苏"]) api.userSays(q);
    await api.until(() => api.sentTexts().length === 3);
    api.userSays("浙江");
    await first.stop();
    // Whatever was handled is confirmed; whatever was not stays pending for the next instance.
    expect(api.confirmed).toBeGreaterThanOrEqual(4);
    api.userSays("山东");
    api.userSays("评定等级有哪些");
    await startBot();
    await api.until(() => api.sentTexts().length === 6);
    await new Promise((r) => setTimeout(r, 600));
    const texts = api.sentTexts();
    expect(texts).toHaveLength(6);
    for (const fragment of [
      "是的，昆山市",
      "是的，广州市番禺区",
      "江苏省共有",
      "浙江省共有",
      "山东省共有",
      "一星",
    ]) {
      expect(texts.filter((t) => t.includes(fragment)).length, fragment).toBe(1);
    }
  }, 30_000);
});
