import pino, { type Logger } from "pino";

/**
 * Creates the structured logger: JSON lines. Log objects never carry the token by construction;
 * scrubbing it from each written line is the cheap last line of defence (an error message quoting
 * an API URL, say).
 */
export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  const scrub = (line: string) => (token && line.includes(token) ? line.split(token).join("[token]") : line);
  return pino({ level, hooks: { streamWrite: scrub } }, destination ?? pino.destination(1));
}

export type { Logger };
