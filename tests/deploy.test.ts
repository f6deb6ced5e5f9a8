/**
 * The deployment files: the systemd unit's command line is run as systemd would run it (its working
 * directory, environment file and stop signal) against the Bot API emulator; the Dockerfile cannot
 * be built here (no Docker), so what it promises is checked in its text.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SHUTDOWN_TIMEOUT_SECONDS } from "../src/config.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { ROOT, spawnBot } from "./helpers/spawn-bot.ts";

const TOKEN = "123456:deploy-test-token";

/** A unit file's [Service] settings (the last value of each key). */
function serviceSettings(unit: string): Map<string, string> {
  const settings = new Map<string, string>();
  let inService = false;
  for (const line of unit.split("\n")) {
    const section = line.match(/^\[(\w+)\]/);
    if (section) inService = section[1] === "Service";
    const setting = line.match(/^(\w+)=(.*)$/);
    if (inService && setting?.[1] && setting[2] !== undefined) settings.set(setting[1], setting[2]);
  }
  return settings;
}

describe("systemd unit", () => {
  const service = serviceSettings(readFileSync(join(ROOT, "deploy/smart-city-pilot-bot.service"), "utf8"));
  const api = new FakeBotApi();
  let bot: ChildProcess | undefined;
  afterAll(async () => {
    if (bot && bot.exitCode === null) bot.kill("SIGKILL");
    await api.stop();
  });

  it("stops with SIGTERM and gives the bot longer than its own stop deadline", () => {
    expect(service.get("KillSignal")).toBe("SIGTERM");
    expect(Number(service.get("TimeoutStopSec"))).toBeGreaterThan(DEFAULT_SHUTDOWN_TIMEOUT_SECONDS);
    expect(service.get("User")).not.toBe("root");
  });

  it("runs its ExecStart from its working directory with its environment file: answers, then stops on SIGTERM", async () => {
    await api.start();
    const envFile = join(mkdtempSync(join(tmpdir(), "unit-")), "bot.env");
    writeFileSync(envFile, `BOT_TOKEN=${TOKEN}\nTELEGRAM_API_ROOT=${api.url}\nLOG_LEVEL=info\n`);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    for (const line of readFileSync(envFile, "utf8").split("\n")) {
      const [key, ...value] = line.split("=");
      if (key) env[key] = value.join("=");
    }
    const environment = service.get("Environment")?.match(/^(\w+)=(.*)$/);
    if (environment?.[1]) env[environment[1]] = environment[2];
    // The unit's command, with this machine's node and this checkout for /opt/smart-city-pilot-bot.
    const [command = "", ...args] = (service.get("ExecStart") ?? "").split(/\s+/);
    expect(command).toBe("/usr/bin/node");
    expect(service.get("WorkingDirectory")).toBe("/opt/smart-city-pilot-bot");
    const running = await spawnBot(process.execPath, args, env);
    bot = running.process;
    api.userSays("昆山是试点吗", 901);
    await api.until(() => api.sentTexts().length === 1);
    expect(api.sentTexts()[0]).toContain("昆山市");
    const exited = new Promise<number | null>((resolve) => bot?.once("exit", resolve));
    const started = Date.now();
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(Number(service.get("TimeoutStopSec")) * 1000);
    expect(running.output()).toContain('"msg":"stopped"');
  }, 40_000);
});

describe("Dockerfile (not buildable here; its promises checked in its text)", () => {
  const dockerfile = readFileSync(join(ROOT, "deploy/Dockerfile"), "utf8");

  it("builds in one stage and runs production dependencies only in another, as a non-root user", () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER (?!root)\w+/m);
  });

  it("checks /healthz and starts node in exec form, so that SIGTERM reaches the bot", () => {
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(dockerfile).toMatch(/^CMD \["node",/m);
  });
});
