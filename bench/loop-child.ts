/**
 * The bot side of `benchLoopDelay`, a fresh process compiled like the bot: starts the webhook
 * server with outgoing calls answered locally, reports its port over IPC; on "measure" watches its
 * own event loop, and on "stop" reports the delay.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startWebhook } from "../src/bot/webhook.ts";
import { Engine } from "../src/engine/engine.ts";
import { createLogger } from "../src/logger.ts";
import { LOOP_SECRET, type LoopChildReport } from "./loop-delay.ts";
import { offlineBenchBot } from "./offline-bot.ts";
import { round } from "./stats.ts";

const engine = new Engine();
engine.warm(); // as `npm start` does
let charts = 0;
const bot = offlineBenchBot(engine, "1:loop", (call) => {
  if (call.method === "sendPhoto" || call.method === "sendMediaGroup") charts++;
});
const server = await startWebhook(
  bot,
  { url: "http://127.0.0.1/hook", secret: LOOP_SECRET, port: 0, register: false },
  createLogger("silent"),
);
const address = server.address();
const delay = monitorEventLoopDelay({ resolution: 1 });
let chartsBefore = 0;
process.on("message", (message) => {
  if (message === "measure") {
    chartsBefore = charts;
    delay.enable();
    process.send?.("measuring");
    return;
  }
  delay.disable();
  const report: LoopChildReport = {
    charts_in_warm_up: chartsBefore,
    charts: charts - chartsBefore,
    loop_delay_p99_ms: round(delay.percentile(99) / 1e6, 1),
    loop_delay_max_ms: round(delay.max / 1e6, 1),
  };
  process.send?.(report, () => process.exit(0));
});
process.send?.({
  port: typeof address === "object" && address ? address.port : 0,
  provinces: engine.atlas.provinces.map((d) => d.name),
});
