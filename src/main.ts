/**
 * `npm start`: reads the configuration and runs the bot — long polling or a webhook server with a
 * token, an interactive console chat without one.
 */
import { config as loadEnv } from "dotenv";
import { createBot } from "./bot/bot.ts";
import { runConsole } from "./bot/console.ts";
import type { SessionData } from "./bot/context.ts";
import { startPolling } from "./bot/polling.ts";
import { startWebhook } from "./bot/webhook.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { Engine } from "./engine/engine.ts";
import { createLogger } from "./logger.ts";

async function main(): Promise<void> {
  loadEnv({ quiet: true });
  const config = parseConfig(process.env);
  const engine = new Engine();
  if (config.mode === "console") {
    // The console is for people: logs only when something goes wrong.
    await runConsole(engine, createLogger("error", undefined, process.stderr as never));
    return;
  }
  const logger = createLogger(config.logLevel, config.token);
  // Redis clients load only when configured: most deployments never need them.
  const redis = config.redisUrl ? new (await import("ioredis")).Redis(config.redisUrl) : undefined;
  const storage = redis
    ? new (await import("@grammyjs/storage-redis")).RedisAdapter<SessionData>({ instance: redis })
    : undefined;
  const { bot, tracker } = createBot({
    token: config.token,
    engine,
    logger,
    apiRoot: config.apiRoot,
    ...(storage ? { storage } : {}),
    ...(redis ? { rateLimitStore: redis } : {}),
  });
  if (config.mode === "polling") {
    const stop = await startPolling(bot, tracker, logger);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
    return;
  }
  const server = await startWebhook(
    bot,
    { url: config.webhookUrl, secret: config.webhookSecret, port: config.port },
    logger,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => server.close(() => tracker.idle().then(() => process.exit(0))));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
