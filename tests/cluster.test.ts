/**
 * Two webhook instances behind a real reverse proxy (nginx from Debian's packages) sharing a real
 * Redis, as README's "Scale out" section sets them up: a conversation whose follow-ups land on
 * both instances keeps its context, and when one instance is killed mid-conversation the other
 * answers, with nothing lost and nothing answered twice (Telegram's redeliveries included).
 */

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpdateFactory } from "../src/bot/offline.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { freePort, RedisServer, redisSkipReason } from "./helpers/redis-server.ts";
import { type RunningBot, spawnBot } from "./helpers/spawn-bot.ts";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const skip = redisSkipReason ?? (NGINX ? undefined : "nginx is not installed (.ci/run installs it)");
const TOKEN = "424242:cluster";
const SECRET = "cluster-secret";

/** nginx in the foreground with a configuration of its own, round-robin over the instances. */
async function startNginx(
  port: number,
  upstreams: number[],
): Promise<{ process: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "nginx-test-"));
  for (const sub of ["logs", "temp"]) mkdirSync(join(dir, sub));
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  upstream bots {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://bots;
      # An instance that refuses the connection (killed) is skipped: the other one answers.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const child = spawn(NGINX as string, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
  // Ready when its port accepts connections (no request yet: a failed one would mark an upstream down).
  const started = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return { process: child, dir };
    if (Date.now() - started > 10_000 || child.exitCode !== null) throw new Error("nginx did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip)("two webhook instances behind nginx, one Redis", () => {
  const api = new FakeBotApi();
  let redis: RedisServer;
  let nginx: { process: ChildProcess; dir: string };
  let proxyPort = 0;
  const bots: RunningBot[] = [];
  const chat = new UpdateFactory({ id: 5151, type: "private" });

  /** Delivers an update the way Telegram does: POST to the webhook URL with the secret header. */
  const deliver = (update: unknown) =>
    fetch(`http://127.0.0.1:${proxyPort}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    });
  const repliesTo = (chatId: number) =>
    api.calls
      .filter((c) => c.method === "sendMessage" && c.payload.chat_id === chatId)
      .map((c) => String(c.payload.text));

  beforeAll(async () => {
    await api.start();
    redis = await RedisServer.start();
    proxyPort = await freePort();
    const ports = [await freePort(), await freePort()];
    for (const port of ports)
      bots.push(
        await spawnBot("node", ["dist/bin/main.mjs"], {
          ...process.env,
          BOT_TOKEN: TOKEN,
          BOT_MODE: "webhook",
          WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/hook`,
          WEBHOOK_SECRET: SECRET,
          PORT: String(port),
          TELEGRAM_API_ROOT: api.url,
          REDIS_URL: redis.url,
          LOG_LEVEL: "info",
        }),
      );
    // The proxy comes up once the instances listen, as a deployment's would.
    nginx = await startNginx(proxyPort, ports);
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) bot.process.kill("SIGKILL");
    nginx?.process.kill("SIGTERM");
    await redis?.stop();
    await api.stop();
  });

  it("keeps a conversation's context across instances, and the survivor answers after a kill -9", async () => {
    // Round-robin: consecutive updates land on alternate instances; the context is in Redis.
    expect((await deliver(chat.text("昆山是试点吗"))).status).toBe(200);
    expect((await deliver(chat.text("那浙江呢"))).status).toBe(200);
    expect((await deliver(chat.text("第二批呢"))).status).toBe(200);
    const [kunshan, zhejiang, batch2] = repliesTo(5151);
    expect(kunshan).toContain("昆山市");
    expect(zhejiang).toContain("浙江省");
    expect(batch2).toContain("浙江省");
    expect(batch2).toContain("第二批");
    // Both instances answered some of them (each logs a line per update it handled).
    const handled = (bot: RunningBot) => (bot.output().match(/"update_id":\d+,"kind"/g) ?? []).length;
    // (Log lines are written asynchronously: wait for them.)
    for (let i = 0; i < 40 && bots.map(handled).reduce((a, b) => a + b, 0) < 3; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(bots.map(handled).every((n) => n > 0)).toBe(true);
    expect(bots.map(handled).reduce((a, b) => a + b, 0)).toBe(3);

    // One instance dies mid-conversation; nginx sends what it would have had to the other.
    bots[0]?.process.kill("SIGKILL");
    await new Promise((r) => bots[0]?.process.once("exit", r));
    const before = repliesTo(5151).length;
    for (const q of ["江苏呢", "江苏有多少个", "苏州工业园区是第几批", "一共有多少个试点"])
      expect((await deliver(chat.text(q))).status).toBe(200);
    const after = repliesTo(5151).slice(before);
    expect(after).toHaveLength(4);
    expect(after[0]).toContain("江苏省");
    expect(after[2]).toContain("苏州工业园区");
  }, 60_000);

  it("answers an update Telegram delivers twice only once, whichever instance gets it", async () => {
    const update = chat.text("无锡是试点吗");
    const before = repliesTo(5151).length;
    expect((await deliver(update)).status).toBe(200);
    expect((await deliver(update)).status).toBe(200);
    const after = repliesTo(5151).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain("无锡市");
  }, 30_000);
});
