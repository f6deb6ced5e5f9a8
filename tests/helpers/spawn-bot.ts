import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** The project's root, where `npm start` and `dist/` are. */
export const ROOT = join(import.meta.dirname, "..", "..");

/** A bot process with everything it printed so far. */
export interface RunningBot {
  process: ChildProcess;
  output: () => string;
}

/**
 * Starts the bot as a process (`command` as a deployment would run it) and resolves once it logs
 * "bot started"; rejects with its output when it exits first or takes longer than `timeoutMs`.
 */
export async function spawnBot(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<RunningBot> {
  let output = "";
  const bot = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  bot.stdout?.on("data", (d) => {
    output += String(d);
  });
  bot.stderr?.on("data", (d) => {
    output += String(d);
  });
  const started = Date.now();
  while (!output.includes("bot started")) {
    if (bot.exitCode !== null || Date.now() - started > timeoutMs)
      throw new Error(`bot did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { process: bot, output: () => output };
}

/** The environment of a polling bot talking to `apiRoot`, without Redis. */
export function pollingEnv(
  token: string,
  apiRoot: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    BOT_TOKEN: token,
    BOT_MODE: "polling",
    TELEGRAM_API_ROOT: apiRoot,
    LOG_LEVEL: "info",
    REDIS_URL: "",
    ...extra,
  };
}
