/**
 * `npm run bench [-- --json]`: the engine against NLP.js, the bot path against grammY's floor, cold
 * start and memory, and end-to-end load through telegram-test-api — all measured in one run, so
 * the ratios compare like with like on a noisy machine. Not part of `npm test`.
 */
import { cpus } from "node:os";
import { renderAnswer } from "../src/bot/format.ts";
import { benchBotPath } from "./bot-path.ts";
import { benchColdStart } from "./cold-start.ts";
import { benchEndToEnd } from "./e2e.ts";
import { benchEngine } from "./engine.ts";
import { benchLoopDelay } from "./loop-delay.ts";
import { benchPeer } from "./peer.ts";
import { benchKill9Polling, benchKill9Webhook, benchMemory, benchSigtermUnreachable } from "./production.ts";
import { loadQuestions, round } from "./stats.ts";
import { benchWebhookFloor } from "./webhook-floor.ts";

const TARGETS = {
  speedup: 20,
  botVsFloor: 1.3,
  fullUps: 20_000,
  engineColdMs: 400,
  rssMb: 100,
  loopDelayMaxMs: 50,
  webhookVsFloor: 0.5,
};

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const questions = loadQuestions();
  const say = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
  say(
    `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  say(`questions: ${questions.length} (tests/eval/questions.jsonl)\n`);

  const engine = benchEngine(questions);
  say(
    `engine       load ${engine.load_ms} ms · p50 ${engine.p50_ms} ms · p99 ${engine.p99_ms} ms · max ${engine.max_ms} ms · ${engine.qps} q/s · intent accuracy ${engine.accuracy}`,
  );
  const loop = await benchLoopDelay();
  say(
    `event loop   ${loop.updates} webhook updates at 100/s, ${loop.charts} with a chart drawn for the first time · delay p99 ${loop.loop_delay_p99_ms} ms · max ${loop.loop_delay_max_ms} ms (target < ${TARGETS.loopDelayMaxMs})`,
  );
  const peer = await benchPeer(questions);
  const speedup = round(peer.p50_ms / engine.p50_ms, 1);
  say(
    `NLP.js peer  train ${peer.train_ms} ms · p50 ${peer.p50_ms} ms · p99 ${peer.p99_ms} ms · intent accuracy ${peer.accuracy}`,
  );
  say(
    `             → ours is ${speedup}× faster at p50, ${round(peer.p99_ms / engine.p99_ms, 1)}× at p99 (target ≥ ${TARGETS.speedup}×)`,
  );
  const path = await benchBotPath(
    engine.engine,
    questions.map((q) => q.q),
  );
  say(
    `bot path     floor ${path.floor_ups} upd/s (${path.floor_us} µs) · full ${path.full_ups} upd/s (${path.full_us} µs) · engine ${path.engine_us} µs`,
  );
  say(
    `             → bot_vs_floor ${path.bot_vs_floor} (target ≤ ${TARGETS.botVsFloor}); full path target ≥ ${TARGETS.fullUps} upd/s`,
  );
  const webhookFloor = await benchWebhookFloor();
  say(
    `webhook      grammY's floor ${webhookFloor.bare_webhook_ups} upd/s · production bot ${webhookFloor.full_webhook_ups} upd/s (16 in flight, no throttler) → webhook_vs_floor ${webhookFloor.webhook_vs_floor} (target ≥ ${TARGETS.webhookVsFloor})`,
  );
  say(
    `             with WEBHOOK_REPLY ${webhookFloor.full_reply_webhook_ups} upd/s → ${webhookFloor.webhook_reply_vs_floor} · server CPU per update: floor ${webhookFloor.bare_webhook_cpu_us} µs, bot ${webhookFloor.full_webhook_cpu_us} µs (${webhookFloor.full_reply_webhook_cpu_us} µs with WEBHOOK_REPLY) → ${webhookFloor.webhook_vs_floor_cpu}`,
  );
  const cold = await benchColdStart();
  say(
    `cold start   ask ${cold.ask_ms} ms · console ${cold.console_ms} ms · engine part ${cold.engine_ms} ms (target < ${TARGETS.engineColdMs}) · RSS ${cold.rss_mb} MB (target < ${TARGETS.rssMb})`,
  );
  const single = questions
    .map((q) => q.q)
    .filter((q) => renderAnswer(engine.engine.answer(q).text).length === 1);
  const e2e = await benchEndToEnd(engine.engine, single);
  say(
    `end to end   ${e2e.sent} questions · ${e2e.replies_per_s} replies/s · p50 ${e2e.p50_ms} ms · p99 ${e2e.p99_ms} ms · lost ${e2e.lost} · duplicated ${e2e.duplicated}`,
  );

  const polling = await benchKill9Polling();
  say(
    `kill -9      polling, ${polling.sent} updates at 100/s, killed after 3 s: ${polling.lost} lost (${polling.lost_pct}%), ${polling.duplicated} answered twice`,
  );
  const pollingRedis = await benchKill9Polling(100, 6, 3, true);
  say(
    `             polling${pollingRedis.redis ? " with Redis" : " (no redis-server: without)"}: ${pollingRedis.lost} lost, ${pollingRedis.duplicated} answered twice`,
  );
  const webhook = await benchKill9Webhook();
  say(
    `             webhook${webhook.redis ? " with Redis" : ""}, ${webhook.sent} deliveries at 100/s, killed after 3 s: ${webhook.lost} lost, ${webhook.duplicated} answered twice`,
  );
  const sigterm = await benchSigtermUnreachable();
  say(
    `SIGTERM      with the Bot API unreachable: exit after ${sigterm.sigterm_unreachable_s} s (deadline 10 s)`,
  );
  const memory = await benchMemory();
  say(
    `memory       RSS ${memory.rss_start_mb} MB at start (heap ${memory.heap_start_mb}), ${memory.rss_after_100k_chats_mb} MB after ${memory.updates} updates from 100k chats (heap ${memory.heap_after_mb}; target < 150 MB)`,
  );

  if (json) {
    console.log(
      JSON.stringify({
        engine_p50_ms: engine.p50_ms,
        engine_p99_ms: engine.p99_ms,
        engine_max_ms: engine.max_ms,
        engine_qps: engine.qps,
        load_ms: engine.load_ms,
        peer_p50_ms: peer.p50_ms,
        peer_p99_ms: peer.p99_ms,
        speedup_vs_peer: speedup,
        accuracy: engine.accuracy,
        peer_accuracy: peer.accuracy,
        floor_ups: path.floor_ups,
        full_ups: path.full_ups,
        bot_vs_floor: path.bot_vs_floor,
        webhook_vs_floor: webhookFloor.webhook_vs_floor,
        bare_webhook_ups: webhookFloor.bare_webhook_ups,
        full_webhook_ups: webhookFloor.full_webhook_ups,
        full_reply_webhook_ups: webhookFloor.full_reply_webhook_ups,
        webhook_reply_vs_floor: webhookFloor.webhook_reply_vs_floor,
        webhook_vs_floor_cpu: webhookFloor.webhook_vs_floor_cpu,
        bare_webhook_cpu_us: webhookFloor.bare_webhook_cpu_us,
        full_webhook_cpu_us: webhookFloor.full_webhook_cpu_us,
        cold_start_ms: cold.ask_ms,
        console_start_ms: cold.console_ms,
        engine_cold_ms: cold.engine_ms,
        rss_mb: cold.rss_mb,
        e2e_replies_per_s: e2e.replies_per_s,
        e2e_p99_ms: e2e.p99_ms,
        e2e_lost: e2e.lost,
        e2e_duplicated: e2e.duplicated,
        loop_delay_p99_ms: loop.loop_delay_p99_ms,
        loop_delay_max_ms: loop.loop_delay_max_ms,
        kill9_lost_polling_pct: polling.lost_pct,
        kill9_dup_polling: polling.duplicated,
        kill9_dup_polling_redis: pollingRedis.duplicated,
        kill9_lost_webhook: webhook.lost,
        kill9_dup_webhook: webhook.duplicated,
        sigterm_unreachable_s: sigterm.sigterm_unreachable_s,
        rss_after_100k_chats_mb: memory.rss_after_100k_chats_mb,
      }),
    );
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
