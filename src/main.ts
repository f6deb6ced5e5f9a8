/**
 * `npm start`: reads the configuration and runs the bot — long polling or a webhook server with a
 * token, an interactive console chat without one.
 */
import { config as loadEnv } from "dotenv";
import type { Redis } from "ioredis";
import { createBot } from "./bot/bot.ts";
import { runConsole } from "./bot/console.ts";
import type { SessionData } from "./bot/context.ts";
import { startPolling } from "./bot/polling.ts";
import type { UpdateTracker } from "./bot/tracker.ts";
import { startWebhook } from "./bot/webhook.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { Engine } from "./engine/engine.ts";
import { createLogger, type Logger } from "./logger.ts";

const SECONDS_PER_DAY = 24 * 60 * 60;

/** How long shutdown waits for Redis to answer QUIT before dropping the connection. */
const REDIS_QUIT_TIMEOUT_MS = 2_000;

/** The name the bot's connection has in Redis' CLIENT LIST. */
const REDIS_CONNECTION_NAME = "smart-city-pilot-bot";

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
  // A bot serving many chats builds its lazy indexes before the first update, not during one.
  engine.warm();
  // Redis clients load only when configured: most deployments never need them.
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : undefined;
  const storage = redis
    ? new (await import("@grammyjs/storage-redis")).RedisAdapter<SessionData>({
        instance: redis,
        // SET … EX on every write, and grammY writes the session back after each update that reads
        // it: a chat's context expires this long after its last update.
        ttl: config.sessionTtlDays * SECONDS_PER_DAY,
      })
    : undefined;
  // A webhook delivery Telegram repeats (after a timeout or an instance that died) is answered once.
  // In polling, a restarted process gets again what was answered but not yet confirmed (see
  // OffsetGuard): with Redis it knows those, and answers only the ones a killed process left.
  const { UpdateDeduplicator } = await import("./bot/dedupe.ts");
  const dedupe =
    config.mode === "webhook"
      ? new UpdateDeduplicator(redis)
      : redis
        ? new UpdateDeduplicator(redis, { exclusive: true })
        : undefined;
  const { bot, tracker } = createBot({
    token: config.token,
    engine,
    logger,
    apiRoot: config.apiRoot,
    ...(storage ? { storage } : {}),
    sessionTtlDays: config.sessionTtlDays,
    ...(dedupe ? { dedupe } : {}),
    webhookReply: config.mode === "webhook" && config.webhookReply,
    // The question budget's counters are shared by every instance; rate-limiter-flexible sets each
    // key's expiry in the same Lua call that counts, so a counter lives no longer than its window.
    ...(redis ? { rateLimitStore: redis } : {}),
  });
  if (config.mode === "polling") {
    const stop = await startPolling(bot, tracker, logger, config.pollingConcurrency);
    exitOnSignal(stop, redis, logger, config.shutdownTimeoutSeconds * 1000, tracker);
    return;
  }
  const server = await startWebhook(
    bot,
    { url: config.webhookUrl, secret: config.webhookSecret, port: config.port },
    logger,
  );
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => tracker.idle());
  exitOnSignal(stop, redis, logger, config.shutdownTimeoutSeconds * 1000, tracker);
}

/**
 * Connects to Redis (ioredis reconnects by itself). Connection errors are logged, never thrown: the
 * first of each kind at `error`, repeats while Redis stays down at `debug`. Only the message is
 * logged, with the URL's password scrubbed — never the error object, whose `command.args` would
 * carry the password after a failed AUTH.
 */
async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new (await import("ioredis")).Redis(url, { connectionName: REDIS_CONNECTION_NAME });
  const password = new URL(url).password;
  const secrets = [password, safeDecode(password)].filter((s) => s.length > 0);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join("[password]"), text);
  let lastError: string | undefined;
  redis.on("error", (error: unknown) => {
    const message = scrub(error instanceof Error ? error.message : String(error));
    if (message === lastError) logger.debug({ error: message }, "redis error");
    else logger.error({ error: message }, "redis error");
    lastError = message;
  });
  redis.on("ready", () => {
    if (lastError !== undefined) logger.info("redis reconnected");
    lastError = undefined;
  });
  return redis;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Sends QUIT, so that Redis answers what is pending and closes the connection; drops the connection
 * instead when Redis does not answer in time (it is down), so that shutdown never hangs on it.
 */
async function closeRedis(redis: Redis, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(resolve, REDIS_QUIT_TIMEOUT_MS, "timeout");
  });
  const result = await Promise.race([redis.quit().catch((error: unknown) => error), timeout]);
  clearTimeout(timer);
  if (result === "OK") {
    logger.info("redis closed");
    return;
  }
  redis.disconnect();
  logger.warn({ error: result instanceof Error ? result.message : String(result) }, "redis dropped");
}

/**
 * On SIGINT or SIGTERM: stops the bot, then closes Redis, then exits (1 when stopping failed). A stop
 * that has not finished by the deadline (Telegram unreachable, a send that hangs) ends the process
 * anyway, logging how many updates were left unanswered, so a supervisor never has to kill it.
 */
function exitOnSignal(
  stopBot: () => Promise<void>,
  redis: Redis | undefined,
  logger: Logger,
  deadlineMs: number,
  tracker: UpdateTracker,
): void {
  const stop = async () => {
    try {
      await stopBot();
    } finally {
      if (redis) await closeRedis(redis, logger);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const deadline = setTimeout(() => {
        logger.error(
          { unanswered: tracker.inFlightCount, deadline_ms: deadlineMs },
          "stop deadline passed; exiting with updates unanswered",
        );
        if (redis) redis.disconnect();
        process.exit(1);
      }, deadlineMs);
      deadline.unref();
      // The log is written asynchronously: flushed before exiting, or its last lines could land out
      // of order (a write still in flight overtaken by the one exit forces synchronously).
      const exit = (code: number) => logger.flush(() => process.exit(code));
      stop().then(
        () => exit(0),
        () => exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
