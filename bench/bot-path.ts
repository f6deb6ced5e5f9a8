import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import type { Engine } from "../src/engine/engine.ts";
import { offlineBenchBot } from "./offline-bot.ts";
import { round } from "./stats.ts";

/** Best of three timed passes after three warm-up passes: the JIT and the machine's noise settle. */
async function updatesPerSecond(handle: (u: Update) => Promise<void>, updates: Update[], rounds: number) {
  for (let w = 0; w < 3; w++) for (const u of updates) await handle(u);
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const u of updates) await handle(u);
    best = Math.min(best, performance.now() - started);
  }
  return {
    perUpdateMs: best / (updates.length * rounds),
    ups: Math.round((updates.length * rounds) / (best / 1000)),
  };
}

/**
 * grammY's floor (a handler that only replies "ok", outgoing calls captured) against the full bot
 * middleware answering the same questions, one update after another on one core. `bot_vs_floor` is
 * what the wiring adds per update, in units of the engine's own time per update.
 */
export async function benchBotPath(engine: Engine, questions: string[], rounds = 10) {
  // Each update from its own chat, like real traffic; a fresh factory per round keeps ids rising.
  const updates = questions.map((q, i) => new UpdateFactory({ id: 10_000 + i, type: "private" }).text(q));

  const floor = new Bot("1:floor", { botInfo: OFFLINE_BOT_INFO });
  floor.on("message:text", (ctx) => ctx.reply("ok"));
  captureApi(floor, () => undefined);
  const floorRun = await updatesPerSecond((u) => floor.handleUpdate(u), updates, rounds);

  // Logs go where production's go, through pino's own fast destination, only to /dev/null.
  const bot = offlineBenchBot(engine, "1:full");
  const fullRun = await updatesPerSecond((u) => bot.handleUpdate(u), updates, rounds);

  let engineBest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const q of questions) engine.answer(q);
    engineBest = Math.min(engineBest, performance.now() - started);
  }
  const enginePerUpdate = engineBest / (questions.length * rounds);

  return {
    floor_ups: floorRun.ups,
    full_ups: fullRun.ups,
    floor_us: round(floorRun.perUpdateMs * 1000, 2),
    full_us: round(fullRun.perUpdateMs * 1000, 2),
    engine_us: round(enginePerUpdate * 1000, 2),
    bot_vs_floor: round((fullRun.perUpdateMs - floorRun.perUpdateMs) / enginePerUpdate, 3),
  };
}
