import pino, { type Logger } from "pino";

/**
 * Creates the structured logger. Anything that could carry the bot token is redacted, and the
 * token itself is scrubbed from every line as a last line of defence (it appears in API URLs).
 */
export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  const scrub = (s: string) => (token ? s.split(token).join("[token]") : s);
  return pino(
    {
      level,
      redact: {
        paths: ["token", "*.token", "config.token", "*.headers.authorization"],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: scrub,
      },
    },
    destination ?? pino.destination(1),
  );
}

export type { Logger };
