import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES } from "./bot.ts";
import type { BotContext } from "./context.ts";
import { registerCommands } from "./features/commands.ts";

/**
 * Webhook mode: an HTTP server that answers `GET /healthz`, passes `POST` on the webhook's path to
 * grammY (which rejects a missing or wrong `X-Telegram-Bot-Api-Secret-Token` with 401), and
 * registers the webhook with Telegram on start.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  options: {
    url: string;
    secret: string;
    port: number;
    register?: boolean;
    /** How long an update may take before its request fails and Telegram delivers it again (grammY's 10 s). */
    timeoutMs?: number;
  },
  logger: Logger,
): Promise<Server> {
  await bot.init();
  const path = new URL(options.url).pathname || "/";
  // An update still being answered after grammY's 10 s is not acknowledged: the request fails with
  // 500, so Telegram delivers it again (the deduplicator drops the copy once it is answered). With
  // "return" it was acknowledged unanswered, and lost if the process then died.
  const handle = webhookCallback(bot, "http", {
    secretToken: options.secret,
    onTimeout: "throw",
    timeoutMilliseconds: options.timeoutMs ?? 10_000,
  });
  const server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method === "POST" && url === path) {
      handle(req, res).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // (A slow answer is still being sent; Telegram's next delivery is dropped as a duplicate.)
        if (/timed out/.test(message))
          logger.warn({ error: message }, "webhook update outlasted the timeout");
        else logger.error({ error: message }, "webhook failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  if (options.register ?? true) {
    await bot.api.setWebhook(options.url, {
      secret_token: options.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    await registerCommands(bot, logger);
  }
  logger.info({ username: bot.botInfo.username, mode: "webhook", port: options.port }, "bot started");
  return server;
}
