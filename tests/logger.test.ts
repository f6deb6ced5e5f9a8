import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

const TOKEN = "123456789:AAExampleTokenForTheScrubbingTest_x-y";

/** A logger whose lines are collected, as pino writes them. */
function collecting(token?: string): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const log = createLogger("debug", token, { write: (line: string) => lines.push(line) });
  return { lines, log };
}

describe("createLogger: the token never reaches a log line", () => {
  it.each([
    ["a message", (log: ReturnType<typeof createLogger>) => log.info(`starting with ${TOKEN}`)],
    [
      "an error whose message quotes an API URL",
      (log: ReturnType<typeof createLogger>) =>
        log.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`) }, "boom"),
    ],
    [
      "a field",
      (log: ReturnType<typeof createLogger>) => log.warn({ url: `/bot${TOKEN}/sendMessage` }, "retry"),
    ],
    ["twice in one line", (log: ReturnType<typeof createLogger>) => log.debug(`${TOKEN} and ${TOKEN}`)],
  ])("scrubs it from %s", (_what, write) => {
    const { lines, log } = collecting(TOKEN);
    write(log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain("[token]");
    // What is left is still a JSON line.
    expect(() => JSON.parse(lines[0] ?? "")).not.toThrow();
  });

  it("leaves lines without the token alone, and works without a token", () => {
    const { lines, log } = collecting(TOKEN);
    log.info("昆山市是试点吗");
    expect(JSON.parse(lines[0] ?? "{}").msg).toBe("昆山市是试点吗");
    const bare = collecting();
    bare.log.info("no token configured");
    expect(JSON.parse(bare.lines[0] ?? "{}").msg).toBe("no token configured");
  });
});
