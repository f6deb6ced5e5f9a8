import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { InlineKeyboardButton } from "grammy/types";
import type { Engine } from "../engine/engine.ts";
import type { Logger } from "../logger.ts";
import { createBot } from "./bot.ts";
import { fileCharts } from "./charts.ts";
import { fileDocuments } from "./documents.ts";
import { htmlToPlain } from "./format.ts";
import { type ApiCall, captureApi, OFFLINE_BOT_INFO, UpdateFactory } from "./offline.ts";

const BANNER = [
  "国家智慧城市试点问答 · 控制台模式",
  "没有设置 BOT_TOKEN，所以就在这里对话：输入问题回车；输入按钮前的数字即可点按钮；Ctrl+D 退出。",
  "连接 Telegram：在 @BotFather 创建机器人，把 token 写进 .env（BOT_TOKEN=…），再运行 npm start。",
  "",
].join("\n");

/**
 * The chat a newcomer sees without a token: stdin/stdout driven through the bot's real grammY
 * middleware. Updates go in through `bot.handleUpdate`, outgoing calls are captured by an API
 * transformer and printed; buttons become numbered choices.
 */
export async function runConsole(
  engine: Engine,
  logger: Logger,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const charts = fileCharts(engine.atlas, join(tmpdir(), "smart-city-pilot-charts"), logger);
  const { bot } = createBot({
    token: "0:console",
    engine,
    logger,
    botInfo: OFFLINE_BOT_INFO,
    network: false,
    charts,
    documents: fileDocuments(engine.atlas.data, join(tmpdir(), "smart-city-pilot-export"), logger),
  });
  let buttons: InlineKeyboardButton[] = [];
  const print = (s: string) => output.write(`${s}\n`);
  captureApi(bot, (call: ApiCall) => {
    const { method, payload } = call;
    if (typeof payload.text === "string" && (method === "sendMessage" || method === "editMessageText")) {
      print(htmlToPlain(payload.text));
    }
    if (method === "answerCallbackQuery" && typeof payload.text === "string") print(`（${payload.text}）`);
    const markup = payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    if (markup?.inline_keyboard) {
      buttons = markup.inline_keyboard.flat();
      print(buttons.map((b, i) => `  [${i + 1}] ${b.text}`).join("\n"));
    }
    if (method === "sendMessage") print("");
  });
  const updates = new UpdateFactory({ id: 1, type: "private" });
  print(BANNER);
  await bot.handleUpdate(updates.text("/start"));
  const lines = createInterface({ input, terminal: false });
  const interactive = "isTTY" in input && Boolean(input.isTTY);
  if (interactive) output.write("> ");
  for await (const raw of lines) {
    const line = raw.trim();
    const choice = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
    if (choice && "callback_data" in choice) await bot.handleUpdate(updates.callback(choice.callback_data));
    else if (line) {
      if (!interactive) print(`你：${line}`);
      await bot.handleUpdate(updates.text(line));
    }
    if (interactive) output.write("> ");
  }
}
