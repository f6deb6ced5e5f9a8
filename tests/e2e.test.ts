import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "123456:e2e-secret-token";
const root = join(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The bot's texts that arrived since the last call, for this client's chat. */
async function nextReplies(client: ReturnType<TelegramServer["getClient"]>): Promise<string[]> {
  const updates = (await client.getUpdates()) as { result: { message: { text: string } }[] };
  return updates.result.map((u) => u.message.text);
}

describe("end to end over HTTP against telegram-test-api", () => {
  let server: TelegramServer;
  let bot: ChildProcess;
  let output = "";

  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    bot = spawn(process.execPath, ["dist/bin/main.mjs"], {
      cwd: root,
      env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stdout?.on("data", (d) => {
      output += String(d);
    });
    bot.stderr?.on("data", (d) => {
      output += String(d);
    });
    const started = Date.now();
    while (!output.includes("bot started")) {
      if (Date.now() - started > 30_000) throw new Error(`bot did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 40_000);

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await server.stop();
  });

  it("answers a pilot question, a province question, a follow-up and a button", async () => {
    const client = server.getClient(TOKEN, { timeout: 15_000, chatId: 501, userId: 501 });
    await client.sendMessage(client.makeMessage("昆山市是试点吗"));
    expect((await nextReplies(client))[0]).toContain("昆山市是国家智慧城市试点");

    await client.sendMessage(client.makeMessage("江苏有多少个试点"));
    expect((await nextReplies(client))[0]).toContain("江苏省共有21个");

    await client.sendMessage(client.makeMessage("那浙江呢"));
    expect((await nextReplies(client))[0]).toContain("浙江省共有14个");

    await client.sendCallback(client.makeCallbackQuery("q:哪个省试点最多", { message: { message_id: 1 } }));
    expect((await nextReplies(client)).join("\n")).toContain("山东省");
  }, 60_000);

  it("stops gracefully on SIGTERM and never prints the token", async () => {
    const exited = new Promise<number | null>((resolve) => bot.once("exit", (code) => resolve(code)));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("e2e-secret-token");
  }, 30_000);
});

describe("npm start under a process manager", () => {
  it("passes SIGTERM on to the bot, which stops gracefully: no node left running", async () => {
    const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    try {
      // What a process manager runs and signals: npm, not node.
      const npm = spawn("npm", ["start"], {
        cwd: root,
        env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      npm.stdout?.on("data", (d) => {
        output += String(d);
      });
      npm.stderr?.on("data", (d) => {
        output += String(d);
      });
      const started = Date.now();
      while (!output.includes("bot started")) {
        if (Date.now() - started > 30_000) throw new Error(`bot did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const pid = Number(output.match(/"pid":(\d+)[^\n]*"msg":"bot started"/)?.[1]);
      expect(pid).toBeGreaterThan(0);
      const exited = new Promise((resolve) => npm.once("exit", resolve));
      npm.kill("SIGTERM");
      await exited;
      // The bot itself received the signal and shut down in order…
      const deadline = Date.now() + 15_000;
      while (!output.includes('"msg":"stopped"') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('"msg":"stopped"');
      // …and is gone, not orphaned.
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive()).toBe(false);
      expect(output).not.toContain(TOKEN);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
