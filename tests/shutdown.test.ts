/**
 * Stops that finish: `SIGTERM` ends the bot within SHUTDOWN_TIMEOUT_SECONDS whatever state Telegram
 * is in, and says what it could not answer. Run against the built bot (what `npm start` runs).
 */
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { pollingEnv, spawnBot } from "./helpers/spawn-bot.ts";

const TOKEN = "123456:shutdown-test-token";
const DEADLINE_S = 2;

async function startBot(
  api: FakeBotApi,
  extraEnv: Record<string, string> = {},
): Promise<{ bot: ChildProcess; output: () => string }> {
  const { process: bot, output } = await spawnBot(
    process.execPath,
    ["dist/bin/main.mjs"],
    pollingEnv(TOKEN, api.url, { SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_S), ...extraEnv }),
  );
  return { bot, output };
}

/** Sends SIGTERM; resolves with the exit code and how long the process took to go. */
async function terminate(bot: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => bot.once("exit", (code) => resolve(code)));
  bot.kill("SIGTERM");
  const code = await exited;
  return { code, ms: Date.now() - started };
}

describe("SIGTERM within the deadline", () => {
  let api: FakeBotApi | undefined;
  let running: ChildProcess | undefined;
  afterEach(async () => {
    if (running && running.exitCode === null) running.kill("SIGKILL");
    await api?.stop().catch(() => {});
  });

  it("with Telegram up: answers what it has, confirms the offset and exits 0 at once", async () => {
    api = new FakeBotApi();
    await api.start();
    const { bot, output } = await startBot(api);
    running = bot;
    api.userSays("昆山是试点吗", 801);
    await api.until(() => api?.sentTexts().length === 1);
    const { code, ms } = await terminate(bot);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(DEADLINE_S * 1000);
    expect(output()).toContain('"msg":"stopped"');
    expect(output()).not.toContain(TOKEN);
  }, 40_000);

  it("with Telegram unreachable: exits by the deadline instead of retrying for ever", async () => {
    api = new FakeBotApi();
    await api.start();
    const { bot } = await startBot(api);
    running = bot;
    api.userSays("昆山是试点吗", 802);
    await api.until(() => api?.sentTexts().length === 1);
    await api.down();
    const { ms } = await terminate(bot);
    expect(ms).toBeLessThan(DEADLINE_S * 1000 + 1_500);
  }, 40_000);

  it("with a send that hangs: exits 1 at the deadline, logging how many updates were left unanswered", async () => {
    api = new FakeBotApi();
    await api.start();
    const { bot, output } = await startBot(api);
    running = bot;
    api.stall("sendMessage");
    api.userSays("昆山是试点吗", 803);
    await api.until(() => (api?.attempts.sendMessage ?? 0) >= 1);
    const { code, ms } = await terminate(bot);
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_S * 1000 - 100);
    expect(ms).toBeLessThan(DEADLINE_S * 1000 + 1_500);
    const line = output()
      .split("\n")
      .find((l) => l.includes("stop deadline passed"));
    expect(JSON.parse(line ?? "{}")).toMatchObject({ unanswered: 1, deadline_ms: DEADLINE_S * 1000 });
  }, 40_000);
});

describe("polling backpressure", () => {
  let api: FakeBotApi | undefined;
  const running: ChildProcess[] = [];
  afterEach(async () => {
    for (const bot of running) if (bot.exitCode === null) bot.kill("SIGKILL");
    await api?.stop().catch(() => {});
  });

  it("fetches no more than POLLING_CONCURRENCY unanswered updates; a kill -9 then loses none of 40", async () => {
    api = new FakeBotApi();
    await api.start();
    api.stall("sendMessage");
    const first = await startBot(api, { POLLING_CONCURRENCY: "4" });
    running.push(first.bot);
    for (let chat = 1; chat <= 40; chat++) api.userSays("昆山是试点吗", 1000 + chat);
    await api.until(() => (api?.delivered.size ?? 0) >= 4);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(api.delivered.size).toBeLessThanOrEqual(4);
    // The process dies with four answers in flight; none of them was confirmed to Telegram.
    first.bot.kill("SIGKILL");
    await new Promise((resolve) => first.bot.once("exit", resolve));
    api.unstall("sendMessage");
    const second = await startBot(api, { POLLING_CONCURRENCY: "4" });
    running.push(second.bot);
    const answered = () => new Set(api?.callsOf("sendMessage").map((p) => p.chat_id));
    await api.until(() => answered().size === 40, 30_000);
    expect(api.callsOf("sendMessage")).toHaveLength(40);
  }, 60_000);
});
