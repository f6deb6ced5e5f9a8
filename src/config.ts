import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Seconds a stop may take without SHUTDOWN_TIMEOUT_SECONDS: a supervisor's usual grace period. */
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;

/**
 * Updates polling may hold at once without POLLING_CONCURRENCY: fetched but not yet answered, which
 * bounds what a kill -9 can lose. Lower bounds the loss further, but the question budget then sees a
 * flood only as fast as it is answered, so one getUpdates batch (100) is the default.
 */
export const DEFAULT_POLLING_CONCURRENCY = 100;

/** Days a session is kept without SESSION_TTL_DAYS. */
export const DEFAULT_SESSION_TTL_DAYS = 30;

/** Environment variables the bot reads; see `.env.example`. */
const EnvSchema = z.object({
  BOT_TOKEN: optional(
    z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "must look like 123456789:AA… (the token from @BotFather)"),
  ),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  BOT_MODE: optional(z.enum(["polling", "webhook"], { error: "must be polling or webhook" })),
  WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters of A–Z, a–z, 0–9, _ and -"),
  ),
  PORT: optional(z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535)),
  WEBHOOK_REPLY: optional(z.stringbool({ error: "must be true or false" })),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })),
  SHUTDOWN_TIMEOUT_SECONDS: optional(
    z.coerce
      .number({ error: "must be a number of seconds" })
      .min(1, "must be at least 1 second")
      .max(600, "must be at most 600 seconds"),
  ),
  POLLING_CONCURRENCY: optional(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(500, "must be at most 500"),
  ),
  SESSION_TTL_DAYS: optional(
    z.coerce
      .number({ error: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(3650, "must be at most 3650 days"),
  ),
});

/** Settings shared by every mode. */
interface Common {
  apiRoot: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  redisUrl?: string;
  /** Days a chat's session (follow-up context) lives in Redis after its last update; default 30. */
  sessionTtlDays: number;
  /** Seconds a stop (SIGTERM, SIGINT) may take before the process exits anyway; default 10. */
  shutdownTimeoutSeconds: number;
  /** Polling: updates fetched but not yet answered at most; default 100. */
  pollingConcurrency: number;
}

/**
 * The bot's configuration, discriminated on mode: webhook fields exist only in webhook mode, and
 * without a token the bot runs as a console chat.
 */
export type Config =
  | (Common & { mode: "console" })
  | (Common & { mode: "polling"; token: string })
  | (Common & {
      mode: "webhook";
      token: string;
      webhookUrl: string;
      webhookSecret: string;
      port: number;
      /** A one-message answer goes in the webhook response (unconfirmed); default false. */
      webhookReply: boolean;
    });

/** A configuration problem, worded for one line of output; it never contains a variable's value. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the environment once at start-up. Throws a {@link ConfigError} naming the variable and
 * what is wrong with it — never echoing the value, so a token cannot leak into a log.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `Invalid config: ${String(issue?.path[0] ?? "environment")} ${issue?.message ?? ""}`.trim(),
    );
  }
  const e = parsed.data;
  const common: Common = {
    apiRoot: (e.TELEGRAM_API_ROOT ?? "https://api.telegram.org").replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL ?? "info",
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    sessionTtlDays: e.SESSION_TTL_DAYS ?? DEFAULT_SESSION_TTL_DAYS,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS,
    pollingConcurrency: e.POLLING_CONCURRENCY ?? DEFAULT_POLLING_CONCURRENCY,
  };
  if (!e.BOT_TOKEN) {
    if (e.BOT_MODE === "webhook")
      throw new ConfigError("Invalid config: BOT_TOKEN is required when BOT_MODE=webhook");
    return { ...common, mode: "console" };
  }
  if (e.BOT_MODE !== "webhook") return { ...common, mode: "polling", token: e.BOT_TOKEN };
  if (!e.WEBHOOK_URL) throw new ConfigError("Invalid config: WEBHOOK_URL is required when BOT_MODE=webhook");
  if (!e.WEBHOOK_SECRET)
    throw new ConfigError("Invalid config: WEBHOOK_SECRET is required when BOT_MODE=webhook");
  return {
    ...common,
    mode: "webhook",
    token: e.BOT_TOKEN,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    port: e.PORT ?? 8080,
    webhookReply: e.WEBHOOK_REPLY ?? false,
  };
}
