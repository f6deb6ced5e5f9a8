/**
 * Telegram as people use it, end to end: `npm start` (its build, its config, long polling) against
 * the Bot API emulator in `helpers/fake-bot-api.ts`, which answers as Telegram does where the bot's
 * behaviour depends on it (offsets, "message is not modified", a callback answered twice, photo and
 * album uploads, group chats).
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeStartPayload } from "../src/bot/deep-link.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { referenceCounts } from "./helpers/reference.ts";
import { pollingEnv, spawnBot } from "./helpers/spawn-bot.ts";

const TOKEN = "123456:telegram-e2e-token";
const BOT = "FakeBot";

type Payload = Record<string, unknown>;
type Keyboard = { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };

describe("Telegram end to end through npm start", () => {
  const api = new FakeBotApi();
  let bot: ChildProcess;
  let output = () => "";

  /** Calls of `method` made since `from` (an index into the call log). */
  const since = (from: number, method?: string) =>
    api.calls.slice(from).filter((c) => !method || c.method === method);
  const sentTo = (chat: number, from: number) =>
    since(from, "sendMessage")
      .filter((c) => c.payload.chat_id === chat)
      .map((c) => String(c.payload.text));
  /** Waits until no call has been made for a moment: the bot has finished with what it was sent. */
  const settled = async () => {
    let n = -1;
    while (n !== api.calls.length) {
      n = api.calls.length;
      await new Promise((r) => setTimeout(r, 400));
    }
  };

  beforeAll(async () => {
    await api.start();
    const running = await spawnBot("npm", ["start"], pollingEnv(TOKEN, api.url), 40_000);
    bot = running.process;
    output = running.output;
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot.once("exit", resolve));
      bot.kill("SIGTERM");
      await exited;
    }
    await api.stop();
    expect(output()).not.toContain(TOKEN);
  }, 30_000);

  it("answers with buttons; a double tap posts one answer and every tap is answered once", async () => {
    const from = api.calls.length;
    api.userSays("昆山是试点吗", 701);
    await api.until(() => sentTo(701, from).length === 1);
    const [answer] = since(from, "sendMessage");
    expect(String(answer?.payload.text)).toContain("第二批");
    const keyboard = answer?.payload.reply_markup as Keyboard;
    const button = keyboard.inline_keyboard.flat()[0];
    const answerId = api.lastSentMessageId(701);
    api.userPresses(button?.callback_data ?? "", answerId, 701);
    api.userPresses(button?.callback_data ?? "", answerId, 701);
    await api.until(() => since(from, "answerCallbackQuery").length === 2);
    await settled();
    expect(sentTo(701, from)).toHaveLength(2);
    expect(output()).not.toContain("query is too old");
  }, 30_000);

  it("turns the province picker's pages; a second tap on the same page is no error and no apology", async () => {
    const from = api.calls.length;
    api.userSays("/province", 702);
    await api.until(() => sentTo(702, from).length === 1);
    const picker = since(from, "sendMessage").find((c) => c.payload.chat_id === 702);
    const next = ((picker?.payload.reply_markup ?? {}) as Keyboard).inline_keyboard
      .flat()
      .find((b) => b.text.includes("下一页"));
    expect(next?.callback_data).toBe("pp:1");
    const messageId = api.lastSentMessageId(702);
    api.userPresses(next?.callback_data ?? "", messageId, 702);
    await api.until(() => since(from, "editMessageReplyMarkup").length === 1);
    api.userPresses(next?.callback_data ?? "", messageId, 702);
    await api.until(() => since(from, "answerCallbackQuery").length === 2);
    await settled();
    expect(sentTo(702, from).join("\n")).not.toContain("抱歉");
    expect(output()).not.toContain('"msg":"update failed"');
  }, 30_000);

  it("rewrites its answer when the question is edited", async () => {
    const from = api.calls.length;
    const question = api.userSays("江苏有多少个试点", 703);
    await api.until(() => sentTo(703, from).length === 1);
    const answerId = api.lastSentMessageId(703);
    api.userEdits(question, "浙江有多少个试点", 703);
    await api.until(() => since(from, "editMessageText").length === 1);
    const [edit] = since(from, "editMessageText");
    expect(edit?.payload.message_id).toBe(answerId);
    expect(String(edit?.payload.text)).toContain(`浙江省共有${referenceCounts().get("浙江省")}个`);
    expect(sentTo(703, from)).toHaveLength(1);
  }, 30_000);

  it("follows up on the answer replied to, not the chat's latest", async () => {
    const from = api.calls.length;
    api.userSays("江苏有多少个试点", 704);
    await api.until(() => sentTo(704, from).length === 1);
    const jiangsu = api.lastSentMessageId(704);
    api.userSays("山东有多少个试点", 704);
    await api.until(() => sentTo(704, from).length === 2);
    api.userSays("第三批呢", 704, { replyTo: jiangsu });
    await api.until(() => sentTo(704, from).length === 3);
    expect(sentTo(704, from)[2]).toContain("江苏省第三批");
  }, 30_000);

  it("inline: examples for an empty query, an article with a deep link, nothing to send for noise", async () => {
    const from = api.calls.length;
    api.userTypesInline("", 705);
    api.userTypesInline("昆山", 705);
    api.userTypesInline("qwertyuiop", 705);
    await api.until(() => since(from, "answerInlineQuery").length === 3);
    const [empty, kunshan, noise] = since(from, "answerInlineQuery").map((c) => c.payload);
    expect(((empty?.results ?? []) as Payload[]).length).toBeGreaterThan(2);
    const [article] = (kunshan?.results ?? []) as {
      input_message_content: { message_text: string };
      reply_markup: Keyboard;
    }[];
    expect(article?.input_message_content.message_text).toContain("昆山市");
    const url = article?.reply_markup.inline_keyboard[0]?.[0]?.url ?? "";
    expect(url.startsWith(`https://t.me/${BOT}?start=`)).toBe(true);
    expect(decodeStartPayload(url.split("start=")[1] ?? "")).toBe("昆山");
    expect(noise?.results).toEqual([]);
    expect(((noise?.button ?? {}) as Payload).start_parameter).toBeTruthy();
  }, 30_000);

  it("opens a deep link on its question", async () => {
    const from = api.calls.length;
    api.userSays("/start kunshan", 706);
    await api.until(() => sentTo(706, from).length >= 1);
    expect(sentTo(706, from)[0]).toContain("昆山市");
  }, 30_000);

  it("in a group: greets once when added, ignores chatter, answers a mention as a reply", async () => {
    const group = { id: -100706, type: "supergroup", title: "讨论组" };
    const from = api.calls.length;
    api.botAddedTo(group, 707);
    await api.until(() => sentTo(group.id, from).length === 1);
    expect(sentTo(group.id, from)[0]).toContain(`@${BOT}`);
    api.userSays("今天中午吃什么", group.id, { chat: group, userId: 707 });
    const mention = api.userSays(`@${BOT} 昆山是试点吗`, group.id, { chat: group, userId: 707 });
    await api.until(() => sentTo(group.id, from).length === 2);
    await settled();
    expect(sentTo(group.id, from)).toHaveLength(2);
    const reply = since(from, "sendMessage").filter((c) => c.payload.chat_id === group.id)[1];
    expect(String(reply?.payload.text)).toContain("昆山市");
    expect(((reply?.payload.reply_parameters ?? {}) as Payload).message_id).toBe(mention);
  }, 30_000);

  it("/stats: the totals, then both charts uploaded as one album", async () => {
    const from = api.calls.length;
    api.userSays("/stats", 708);
    await api.until(() => since(from, "sendMediaGroup").length === 1, 30_000);
    const total = [...referenceCounts().values()].reduce((n, c) => n + c, 0);
    expect(sentTo(708, from)[0]).toContain(String(total));
    const index = api.calls.indexOf(since(from, "sendMediaGroup")[0] as never);
    const files = api.uploads.get(index) ?? [];
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.content.subarray(1, 4).toString()).toBe("PNG");
  }, 60_000);

  it("says there is no fourth batch, and lists the commands for an unknown one", async () => {
    const from = api.calls.length;
    api.userSays("/batch 4", 709);
    api.userSays("/foo", 709);
    await api.until(() => sentTo(709, from).length === 2);
    const [batch, unknown] = sentTo(709, from);
    expect(batch).toContain("只公布过三批");
    expect(unknown).toContain("没有 /foo 这个命令");
    expect(unknown).toContain("/pilot");
  }, 30_000);

  it("reads a photo's caption as the question", async () => {
    const from = api.calls.length;
    api.userSays("番禺是试点吗", 710, { asPhotoCaption: true });
    await api.until(() => sentTo(710, from).length === 1);
    expect(sentTo(710, from)[0]).toContain("番禺");
  }, 30_000);

  it("answers a person's quick run, and stops a flood with one notice after the answers", async () => {
    const from = api.calls.length;
    for (let i = 0; i < 30; i++) api.userSays(i % 2 ? "昆山是试点吗" : "番禺是试点吗", 711);
    await api.until(() => sentTo(711, from).some((t) => t.includes("稍等")), 30_000);
    await settled();
    const replies = sentTo(711, from);
    const notice = replies.findIndex((t) => t.includes("稍等"));
    expect(notice).toBeGreaterThanOrEqual(10);
    expect(replies.filter((t) => t.includes("稍等"))).toHaveLength(1);
    expect(notice).toBe(replies.length - 1);
  }, 60_000);
});
