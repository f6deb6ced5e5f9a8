/**
 * Run by `benchMemory` as a fresh process compiled like the bot: the bot's middleware (sessions in
 * memory, as without Redis) answers 200k updates from 100k chats, outgoing calls answered locally;
 * prints RSS at the start and the end (after a full GC) as JSON.
 */
import { UpdateFactory } from "../src/bot/offline.ts";
import { Engine } from "../src/engine/engine.ts";
import { offlineBenchBot } from "./offline-bot.ts";

const CHATS = 100_000;
const QUESTIONS = ["昆山是试点吗", "那浙江呢", "番禺是第几批", "江苏有多少个试点"];
const mb = () => Math.round((process.memoryUsage().rss / 1e6) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

const engine = new Engine();
engine.warm();
const bot = offlineBenchBot(engine, "1:rss");
gc?.();
const start = mb();
const heapStart = Math.round((process.memoryUsage().heapUsed / 1e6) * 10) / 10;
let updates = 0;
for (let round = 0; round < 2; round++)
  for (let chat = 0; chat < CHATS; chat++) {
    await bot.handleUpdate(
      new UpdateFactory({ id: 1_000_000 + chat, type: "private" }).text(
        QUESTIONS[(chat + round) % QUESTIONS.length] as string,
      ),
    );
    updates++;
  }
gc?.();
const heap = Math.round((process.memoryUsage().heapUsed / 1e6) * 10) / 10;
console.log(
  JSON.stringify({
    rss_start_mb: start,
    heap_start_mb: heapStart,
    rss_after_100k_chats_mb: mb(),
    heap_after_mb: heap,
    updates,
  }),
);
process.exit(0);
