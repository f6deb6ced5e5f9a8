import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.ts";

const TOKEN = "123456:AAsecret-token_value";

describe("parseConfig", () => {
  it("runs the console without a token", () => {
    expect(parseConfig({})).toMatchObject({
      mode: "console",
      apiRoot: "https://api.telegram.org",
      logLevel: "info",
    });
    expect(parseConfig({ BOT_TOKEN: "  " }).mode).toBe("console");
  });

  it("polls with a token and honours the API root", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9000/" })).toEqual({
      mode: "polling",
      token: TOKEN,
      apiRoot: "http://127.0.0.1:9000",
      logLevel: "info",
      sessionTtlDays: 30,
      shutdownTimeoutSeconds: 10,
      pollingConcurrency: 100,
    });
  });

  it("gives a stop 10 s unless SHUTDOWN_TIMEOUT_SECONDS says otherwise, and refuses nonsense", () => {
    expect(parseConfig({}).shutdownTimeoutSeconds).toBe(10);
    expect(parseConfig({ SHUTDOWN_TIMEOUT_SECONDS: "2.5" }).shutdownTimeoutSeconds).toBe(2.5);
    for (const bad of ["0", "-1", "never", "601"])
      expect(() => parseConfig({ SHUTDOWN_TIMEOUT_SECONDS: bad })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
  });

  it("keeps sessions 30 days unless SESSION_TTL_DAYS says otherwise", () => {
    expect(parseConfig({}).sessionTtlDays).toBe(30);
    expect(parseConfig({ SESSION_TTL_DAYS: " " }).sessionTtlDays).toBe(30);
    expect(parseConfig({ SESSION_TTL_DAYS: "7" }).sessionTtlDays).toBe(7);
    expect(parseConfig({ BOT_TOKEN: TOKEN, SESSION_TTL_DAYS: "1" })).toMatchObject({
      mode: "polling",
      sessionTtlDays: 1,
    });
    expect(parseConfig({ SESSION_TTL_DAYS: "3650" }).sessionTtlDays).toBe(3650);
  });

  it("needs the webhook fields only in webhook mode", () => {
    const env = {
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://example.org/tg",
      WEBHOOK_SECRET: "s3cret",
    };
    expect(parseConfig(env)).toMatchObject({
      mode: "webhook",
      port: 8080,
      webhookUrl: "https://example.org/tg",
    });
    expect(() => parseConfig({ ...env, WEBHOOK_URL: "" })).toThrow(/WEBHOOK_URL is required/);
    expect(() => parseConfig({ ...env, WEBHOOK_SECRET: undefined })).toThrow(/WEBHOOK_SECRET is required/);
  });

  it("sends answers in the webhook response only when WEBHOOK_REPLY asks for it", () => {
    const env = {
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://example.org/tg",
      WEBHOOK_SECRET: "s3cret",
    };
    expect(parseConfig(env)).toMatchObject({ webhookReply: false });
    expect(parseConfig({ ...env, WEBHOOK_REPLY: "" })).toMatchObject({ webhookReply: false });
    expect(parseConfig({ ...env, WEBHOOK_REPLY: "true" })).toMatchObject({ webhookReply: true });
    expect(parseConfig({ ...env, WEBHOOK_REPLY: "1" })).toMatchObject({ webhookReply: true });
    expect(parseConfig({ ...env, WEBHOOK_REPLY: "false" })).toMatchObject({ webhookReply: false });
    expect(parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_REPLY: "true" })).not.toHaveProperty("webhookReply");
  });

  it.each([
    [{ BOT_TOKEN: "not a token" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "carrier-pigeon" }, "BOT_MODE"],
    [{ BOT_TOKEN: TOKEN, PORT: "eighty" }, "PORT"],
    [{ BOT_TOKEN: TOKEN, PORT: "70000" }, "PORT"],
    [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ REDIS_URL: "http://localhost" }, "REDIS_URL"],
    [{ SESSION_TTL_DAYS: "0" }, "SESSION_TTL_DAYS"],
    [{ SESSION_TTL_DAYS: "-3" }, "SESSION_TTL_DAYS"],
    [{ SESSION_TTL_DAYS: "1.5" }, "SESSION_TTL_DAYS"],
    [{ SESSION_TTL_DAYS: "thirty" }, "SESSION_TTL_DAYS"],
    [{ SESSION_TTL_DAYS: "3651" }, "SESSION_TTL_DAYS"],
    [{ WEBHOOK_REPLY: "sometimes" }, "WEBHOOK_REPLY"],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org", WEBHOOK_SECRET: "bad secret!" },
      "WEBHOOK_SECRET",
    ],
  ])("names the variable in %j", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid config: ${variable} `));
  });

  it.each([
    [{ BOT_TOKEN: "123:has spaces secret" }, "secret"],
    [{ SESSION_TTL_DAYS: "9999999" }, "9999999"],
  ])("never echoes the value of %j", (env, value) => {
    const error = (() => {
      try {
        parseConfig(env);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).not.toContain(value);
  });
});

describe("npm start with bad config", () => {
  it("prints one line naming the variable and exits 1, without the token", () => {
    const r = spawnSync(process.execPath, ["dist/bin/main.mjs"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "", WEBHOOK_SECRET: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "Invalid config: WEBHOOK_URL is required when BOT_MODE=webhook",
    ]);
    expect(r.stdout + r.stderr).not.toContain("secret-token");
  });
});
