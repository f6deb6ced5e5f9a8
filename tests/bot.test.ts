import { describe, expect, it } from "vitest";
import { ALLOWED_UPDATES } from "../src/bot/bot.ts";
import { CALLBACK_DATA_LIMIT, decodeCallback, encodeCallback } from "../src/bot/callback-data.ts";
import { decodeStartPayload, encodeStartPayload } from "../src/bot/deep-link.ts";
import { COMMANDS, registerCommands } from "../src/bot/features/commands.ts";
import { MESSAGE_LIMIT, renderAnswer } from "../src/bot/format.ts";
import { provinceKeyboard, suggestionKeyboard } from "../src/bot/keyboards.ts";
import { OFFLINE_BOT_INFO } from "../src/bot/offline.ts";
import { EXAMPLE_QUESTIONS } from "../src/engine/answers/help.ts";
import type { Engine } from "../src/engine/engine.ts";
import { engine, harness, isValidTelegramHtml, memoryLogger, texts } from "./helpers/harness.ts";
import { referenceCounts } from "./helpers/reference.ts";

describe("private chat", () => {
  it("greets on /start with example buttons", async () => {
    const h = harness();
    const calls = await h.send("/start");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.payload.parse_mode).toBe("HTML");
    expect(String(calls[0]?.payload.text)).toContain("国家智慧城市试点");
    const markup = calls[0]?.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    expect(markup.inline_keyboard.flat().length).toBeGreaterThan(0);
  });

  it.each([
    ["kunshan", "Kunshan (昆山市)"],
    ["is_panyu_a_pilot", "Panyu"],
    [encodeStartPayload("江苏有多少个试点") ?? "", "江苏省共有21个"],
  ])("a deep link /start %s opens on its question", async (payload, expected) => {
    const h = harness();
    expect(texts(await h.send(`/start ${payload}`)).join("\n")).toContain(expected);
  });

  it.each(["", "a b", "!!", "x".repeat(65)])(
    "a start payload Telegram would not send (%j) is no question",
    (p) => {
      expect(decodeStartPayload(p)).toBeUndefined();
    },
  );

  it("encodes questions that fit, readable when Latin, and leaves out ones that do not", () => {
    expect(encodeStartPayload("kunshan")).toBe("kunshan");
    expect(encodeStartPayload("is kunshan a pilot")).toBe("is_kunshan_a_pilot");
    const chinese = encodeStartPayload("昆山是第几批");
    expect(chinese).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStartPayload(chinese ?? "")).toBe("昆山是第几批");
    expect(encodeStartPayload("昆".repeat(30))).toBeUndefined();
  });

  it("/start shows what can be asked and how to reach the bot; /help lists the commands", async () => {
    const h = harness();
    const start = texts(await h.send("/start")).join("\n");
    const help = texts(await h.send("/help")).join("\n");
    expect(start).toContain("可以这样问");
    expect(start).toContain(`@${OFFLINE_BOT_INFO.username}`);
    expect(start).toContain("/help");
    expect(help).not.toEqual(start);
    for (const c of COMMANDS) expect(help).toContain(`/${c.command} — ${c.description}`);
    expect(help).toContain("拉进群");
  });

  it("speaks English to an English Telegram client on /start, /help and /tiers", async () => {
    const h = harness();
    h.updates.user.language_code = "en";
    const start = texts(await h.send("/start")).join("\n");
    expect(start).toMatch(/^<b>I answer questions about China's National Smart City Pilot programme/);
    expect(start).toContain(`type @${OFFLINE_BOT_INFO.username}`);
    const help = texts(await h.send("/help")).join("\n");
    for (const c of COMMANDS) expect(help).toContain(`/${c.command} — ${c.english}`);
    expect(texts(await h.send("/tiers")).join("\n")).toContain("one star");
    expect(texts(await h.send("/pilot Kunshan")).join("\n")).toContain("Kunshan (昆山市)");
  });

  it.each(["/foo", "/cancel", "/settings@SmartCityPilotBot"])(
    "says an unknown command %s is unknown and lists the real ones",
    async (command) => {
      const h = harness();
      const [reply = ""] = texts(await h.send(command));
      expect(reply).toContain(`没有 ${command.split("@")[0]} 这个命令`);
      for (const c of COMMANDS) expect(reply).toContain(`/${c.command}`);
    },
  );

  it("registers the command menu in Chinese and, for English clients, in English", async () => {
    const h = harness();
    await registerCommands(h.bot, memoryLogger().logger);
    const menus = h.calls.filter((c) => c.method === "setMyCommands");
    expect(menus).toHaveLength(2);
    const [zh, en] = menus.map(
      (m) => m.payload as { commands: { description: string }[]; language_code?: string },
    );
    expect(zh?.language_code).toBeUndefined();
    expect(zh?.commands[0]?.description).toBe(COMMANDS[0].description);
    expect(en?.language_code).toBe("en");
    expect(en?.commands.map((c) => c.description)).toEqual(COMMANDS.map((c) => c.english));
  });

  it("answers free text in HTML with the first line bold", async () => {
    const h = harness();
    const [text] = texts(await h.send("昆山市是试点吗"));
    expect(text).toMatch(/^<b>是的，昆山市是国家智慧城市试点。<\/b>\n批次：第二批（2013年度）/);
  });

  it("ignores an answer shared through its own inline mode, and still answers one from another bot", async () => {
    const h = harness();
    const own = await h.send("昆山市：是，第二批", {
      via_bot: { id: OFFLINE_BOT_INFO.id, is_bot: true, first_name: "bot" },
    });
    expect(own).toHaveLength(0);
    const other = await h.send("昆山是试点吗", {
      via_bot: { id: 424242, is_bot: true, first_name: "other" },
    });
    expect(texts(other)[0]).toContain("昆山市是国家智慧城市试点");
  });

  it("takes a reply to an earlier answer as a follow-up of that answer, not of the latest", async () => {
    const h = harness();
    let jiangsu = 0;
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      const text = String((payload as { text?: string }).text ?? "");
      if (method === "sendMessage" && text.includes("江苏省共有"))
        jiangsu = (result as unknown as { result: { message_id: number } }).result.message_id;
      return result;
    });
    await h.send("江苏有多少个试点");
    await h.send("山东有多少个");
    expect(jiangsu).toBeGreaterThan(0);
    const bot = { id: OFFLINE_BOT_INFO.id, is_bot: true, first_name: "bot" };
    const reply = await h.send("第三批呢", {
      reply_to_message: { message_id: jiangsu, date: 0, chat: h.updates.chat, from: bot, text: "…" },
    });
    expect(texts(reply)[0]).toContain("江苏省第三批（2014年度）共有5个");
    // Without a reply, the chat's latest context (now 江苏 again, from the reply) applies.
    expect(texts(await h.send("第二批呢"))[0]).toContain("江苏省第二批");
  });

  it("answers an edited question by rewriting its earlier answer in place", async () => {
    const h = harness();
    const first = await h.send("昆山是试点吗");
    expect(texts(first)[0]).toContain("昆山市");
    const question = h.updates.text("x").message?.message_id ?? 0; // the next id; the question was the one before
    h.calls.length = 0;
    await h.bot.handleUpdate({
      update_id: 99_001,
      edited_message: {
        message_id: question - 1,
        date: 0,
        edit_date: 1,
        chat: h.updates.chat,
        from: h.updates.user,
        text: "无锡是试点吗",
      },
    } as never);
    const edits = h.calls.filter((c) => c.method === "editMessageText");
    expect(edits).toHaveLength(1);
    expect(String(edits[0]?.payload.text)).toContain("无锡市是国家智慧城市试点");
    expect(edits[0]?.payload.message_id).toBe(1001);
    expect(texts(h.calls)).toEqual([]);
    expect(ALLOWED_UPDATES).toContain("edited_message");
  });

  it("answers an edit of a question it never answered as a new question", async () => {
    const h = harness();
    await h.bot.handleUpdate({
      update_id: 99_002,
      edited_message: {
        message_id: 77,
        date: 0,
        edit_date: 1,
        chat: h.updates.chat,
        from: h.updates.user,
        text: "番禺",
      },
    } as never);
    expect(texts(h.calls)[0]).toContain("广州市番禺区");
  });

  it("follows up within a chat", async () => {
    const h = harness();
    await h.send("江苏有多少个试点");
    expect(texts(await h.send("那浙江呢"))[0]).toContain("浙江省共有14个");
    expect(texts(await h.send("第二批呢"))[0]).toContain("浙江省第二批（2013年度）共有5个");
  });

  it.each([
    ["/pilot 昆山", "昆山市是国家智慧城市试点"],
    ["/pilot", "用法：/pilot"],
    ["/province 江苏", "江苏省的21个"],
    ["/batch 2", "第二批（2013年度）国家智慧城市试点于2013年8月5日公布，共103个"],
    ["/batch 第三批", "共84个"],
    ["/tiers", "一星、二星、三星"],
    ["/about", "住建部"],
    ["/ranking", "山东省"],
    ["/help", "/pilot — 某地是不是试点"],
    ["/batch 4", "只公布过三批"],
    ["/batch 第四批", "只公布过三批"],
    ["/batch 2013", "第二批（2013年度）国家智慧城市试点于2013年8月5日公布"],
    ["/batch 2013年度", "共103个"],
    ["/batch 2016", "只公布过三批"],
    ["/batch 首批", "共90个"],
    ["/batch 随便", "没看懂“随便”"],
  ])("%s", async (command, expected) => {
    const h = harness();
    expect(texts(await h.send(command)).join("\n")).toContain(expected);
  });

  it("offers provinces and batches as keyboards without an argument", async () => {
    const h = harness();
    const [province] = await h.send("/province");
    const markup = province?.payload.reply_markup as { inline_keyboard: { text: string }[][] } | undefined;
    const rows = markup?.inline_keyboard ?? [];
    expect(rows.flat().map((b) => b.text)).toContain("北京市（11）");
    const [batch] = await h.send("/batch");
    expect(JSON.stringify(batch?.payload.reply_markup)).toContain("第二批（2013年度）");
  });

  it("gives a one-line hint for stickers, photos, voice and locations", async () => {
    const h = harness();
    for (const content of [
      { sticker: { file_id: "x" } },
      { photo: [] },
      { voice: { file_id: "v" } },
      { location: { latitude: 31, longitude: 121 } },
    ]) {
      expect(texts(await h.other(content))).toEqual(["我只看得懂文字问题，比如“昆山市是试点吗”。"]);
    }
  });

  it("reads the question in a photo's caption", async () => {
    const h = harness();
    const photo = [{ file_id: "p", file_unique_id: "u", width: 10, height: 10 }];
    const [reply = ""] = texts(await h.other({ photo, caption: "图上这个昆山是试点吗" }));
    expect(reply).toContain("昆山市是国家智慧城市试点");
  });
});

describe("groups", () => {
  const group = { id: -100123, type: "supergroup" as const, title: "讨论组" };

  it("ignores plain messages", async () => {
    const h = harness({ chat: group });
    expect(await h.send("昆山市是试点吗")).toEqual([]);
    expect(await h.other({ sticker: { file_id: "x" } })).toEqual([]);
  });

  it("answers mentions, replies to the bot and addressed commands", async () => {
    const h = harness({ chat: group });
    const mention = await h.send("@SmartCityPilotBot 昆山是试点吗");
    expect(texts(mention)[0]).toContain("昆山市是国家智慧城市试点");
    expect(mention[0]?.payload.reply_parameters).toBeDefined();
    const reply = await h.send("番禺呢", {
      reply_to_message: {
        message_id: 5,
        date: 0,
        chat: group,
        from: { id: 42, is_bot: true, first_name: "bot" },
      },
    });
    expect(texts(reply)[0]).toContain("广州市番禺区");
    expect(texts(await h.send("/pilot@SmartCityPilotBot 昆山"))[0]).toContain("昆山市");
    expect(await h.send("/pilot@SomeOtherBot 昆山")).toEqual([]);
  });

  it("greets once when added to a group, saying how to ask there; not when removed or promoted", async () => {
    const h = harness({ chat: group });
    const member = (status: string) => ({
      user: { id: OFFLINE_BOT_INFO.id, is_bot: true, first_name: "bot" },
      status,
    });
    const change = (from: string, to: string) =>
      ({
        update_id: Math.floor(Math.random() * 1e9),
        my_chat_member: {
          chat: group,
          from: h.updates.user,
          date: 0,
          old_chat_member: member(from),
          new_chat_member: member(to),
        },
      }) as never;
    h.calls.length = 0;
    await h.bot.handleUpdate(change("left", "member"));
    const [greeting = ""] = texts(h.calls);
    expect(greeting).toContain("大家好");
    expect(greeting).toContain(`@${OFFLINE_BOT_INFO.username} 昆山是试点吗`);
    h.calls.length = 0;
    await h.bot.handleUpdate(change("member", "administrator"));
    await h.bot.handleUpdate(change("member", "left"));
    expect(texts(h.calls)).toEqual([]);
    expect(ALLOWED_UPDATES).toContain("my_chat_member");
  });

  it("/start in a group explains mentions and replies, as a reply; unknown bare commands are not its business", async () => {
    const h = harness({ chat: group });
    const start = await h.send("/start");
    expect(String(start[0]?.payload.text)).toContain(`@${OFFLINE_BOT_INFO.username} 昆山是试点吗`);
    expect(start[0]?.payload.reply_parameters).toBeDefined();
    expect(await h.send("/foo")).toEqual([]);
    expect(texts(await h.send("/foo@SmartCityPilotBot"))[0]).toContain("没有 /foo 这个命令");
    const keyboard = await h.send("/province");
    expect(keyboard[0]?.payload.reply_parameters).toBeDefined();
  });
});

describe("callbacks", () => {
  it("pages the province picker and lists a province", async () => {
    const h = harness();
    const page = await h.press("pp:1");
    expect(page.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageReplyMarkup"]);
    const list = await h.press("pv:32");
    expect(texts(list)[0]).toContain("江苏省的21个");
  });

  it("posts a suggestion's answer once however often it is tapped, and stops every spinner", async () => {
    const h = harness();
    const first = await h.press("q:江苏有多少个试点");
    expect(texts(first)).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      const again = await h.press("q:江苏有多少个试点");
      expect(again.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    }
    // Another button of the same message still answers.
    expect(texts(await h.press("q:哪个省试点最多"))).toHaveLength(1);
  });

  it("takes a second tap on the same page as no error (Telegram: message is not modified)", async () => {
    const h = harness();
    let shown = "";
    // Faithful to Telegram: an edit that changes nothing is a 400.
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== "editMessageReplyMarkup") return prev(method, payload, signal);
      const markup = JSON.stringify((payload as { reply_markup?: unknown }).reply_markup);
      if (markup === shown)
        return {
          ok: false,
          error_code: 400,
          description:
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        } as never;
      shown = markup;
      return prev(method, payload, signal);
    });
    await h.press("pp:1");
    const second = await h.press("pp:1");
    expect(second.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(texts(second)).toEqual([]);
    expect(h.sink.lines.some((l) => l.outcome === "not-modified")).toBe(true);
  });

  it("shows which page of the province picker is open", () => {
    const pages = Math.ceil(
      engine.atlas.provinces.filter((d) => engine.atlas.countedIn(d).length > 0).length / 8,
    );
    const labels = (page: number) =>
      provinceKeyboard(engine.atlas, page)
        .inline_keyboard.flat()
        .map((b) => b.text);
    expect(labels(0)).toContain(`1/${pages}`);
    expect(labels(1)).toContain(`2/${pages}`);
    expect(labels(pages - 1)).toContain(`${pages}/${pages}`);
  });

  it("answers a suggested question", async () => {
    const h = harness();
    expect(texts(await h.press("q:哪个省试点最多"))[0]).toContain("山东省");
  });

  it.each(["", "zz", "pv:99", "pv:3205", "pp:x", "b:4", "q:", `q:${"长".repeat(30)}`, "q:\u0000"])(
    "answers stale or forged data %j with a notice and nothing else",
    async (data) => {
      const h = harness();
      const calls = await h.press(data);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.method).toBe("answerCallbackQuery");
      expect(String(calls[0]?.payload.text)).toMatch(/失效|重新/);
    },
  );

  it("keeps every button's data within 64 bytes and parseable", () => {
    const keyboards = [0, 1, 2, 3].map((p) => provinceKeyboard(engine.atlas, p));
    const suggestions = suggestionKeyboard(engine.answer("帮助").suggestions);
    for (const kb of [...keyboards, suggestions]) {
      for (const button of kb?.inline_keyboard.flat() ?? []) {
        const data = "callback_data" in button ? button.callback_data : "";
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
        expect(decodeCallback(data)).not.toBeNull();
      }
    }
    expect(encodeCallback({ kind: "ask", question: "长".repeat(30) })).toBeUndefined();
  });
});

describe("inline mode", () => {
  it("puts a deep link back to the bot under the shared answer, which opens on the same question", async () => {
    const h = harness();
    const [call] = await h.inline("昆山是第几批");
    const [article] = (call?.payload.results ?? []) as {
      reply_markup?: { inline_keyboard: { text: string; url: string }[][] };
    }[];
    const url = article?.reply_markup?.inline_keyboard[0]?.[0]?.url ?? "";
    expect(url.startsWith(`https://t.me/${OFFLINE_BOT_INFO.username}?start=`)).toBe(true);
    const payload = url.split("start=")[1] ?? "";
    const [reply = ""] = texts(await h.send(`/start ${payload}`));
    expect(reply).toContain("昆山市是国家智慧城市试点");
    expect(reply).toContain("第二批");
  });

  it("offers the answer as an article", async () => {
    const h = harness();
    const [call] = await h.inline("昆山");
    expect(call?.method).toBe("answerInlineQuery");
    const [article] = (call?.payload.results ?? []) as {
      type: string;
      title: string;
      input_message_content: { message_text: string; parse_mode: string };
    }[];
    expect(article?.type).toBe("article");
    expect(article?.title).toContain("昆山市");
    expect(article?.input_message_content.parse_mode).toBe("HTML");
    expect(isValidTelegramHtml(article?.input_message_content.message_text ?? "")).toBe(true);
  });

  it("offers the example questions, each with its answer, for an empty query", async () => {
    const h = harness();
    const [call] = await h.inline("   ");
    const results = (call?.payload.results ?? []) as {
      id: string;
      title: string;
      input_message_content: { message_text: string };
    }[];
    expect(results.map((r) => r.title)).toEqual(EXAMPLE_QUESTIONS);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    const kunshan = results.find((r) => r.title === "昆山市是试点吗");
    expect(kunshan?.input_message_content.message_text).toContain("第二批");
    const jiangsu = results.find((r) => r.title === "江苏有多少个试点");
    expect(jiangsu?.input_message_content.message_text).toContain(`${referenceCounts().get("江苏省")}个`);
  });

  it("offers English examples to an English client", async () => {
    const h = harness();
    h.updates.user.language_code = "en";
    const [call] = await h.inline("");
    const titles = ((call?.payload.results ?? []) as { title: string }[]).map((r) => r.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/^[\x20-\x7e]+$/);
  });

  it.each(["asdfghjkl", "😀😀😀", "今天天气怎么样"])(
    "offers nothing to send for %j, only a button into the bot",
    async (q) => {
      const h = harness();
      const [call] = await h.inline(q);
      expect(call?.payload.results).toEqual([]);
      const button = call?.payload.button as { text: string; start_parameter: string };
      expect(button.start_parameter).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(texts(await h.send(`/start ${button.start_parameter}`)).join("\n")).toContain("可以这样问");
    },
  );
});

describe("formatting", () => {
  it.each(["<b>昆山</b>", "<script>alert(1)</script>是试点吗", 'A & B < C > D "E"', "</b><i>", "&amp;&lt;"])(
    "escapes hostile input %j",
    async (q) => {
      const h = harness();
      for (const text of texts(await h.send(q))) {
        expect(isValidTelegramHtml(text), text).toBe(true);
        expect(text).not.toContain("<script>");
      }
    },
  );

  it("splits long answers on line boundaries under Telegram's limit", () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i}行：${"试点".repeat(10)}`).join("\n");
    const parts = renderAnswer(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(isValidTelegramHtml(p)).toBe(true);
    }
    const oneLine = renderAnswer("&".repeat(10_000));
    for (const p of oneLine) expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(oneLine.join("").replace(/<\/?b>/g, "")).toBe("&amp;".repeat(10_000));
  });

  it("keeps every answer of a batch list valid and under the limit", async () => {
    const h = harness();
    const parts = texts(await h.send("第二批有哪些"));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(isValidTelegramHtml(p)).toBe(true);
    }
  });
});

describe("errors and logs", () => {
  it("apologises when a handler throws, and keeps running", async () => {
    const broken = {
      atlas: engine.atlas,
      answer: () => {
        throw new Error("boom");
      },
    } as unknown as Engine;
    const h = harness({ engine: broken });
    expect(texts(await h.send("昆山"))).toEqual(["抱歉，处理这条消息时出了点问题，请稍后再试。"]);
    expect(h.sink.lines.some((l) => l.msg === "update failed" && String(l.error).includes("boom"))).toBe(
      true,
    );
    expect(texts(await h.send("/pilot"))[0]).toContain("用法");
  });

  it("logs one line per update with intent and latency, and the text only at debug level", async () => {
    const h = harness();
    await h.send("昆山市是试点吗");
    const info = h.sink.lines.filter((l) => l.msg === "update");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ intent: "pilot.status", outcome: "ok", kind: "message" });
    expect(typeof info[0]?.ms).toBe("number");
    expect(JSON.stringify(info[0])).not.toContain("昆山");
    const debug = h.sink.lines.filter((l) => l.msg === "update text");
    expect(debug[0]?.level).toBe(20);
  });
});

describe("/about", () => {
  it("gives the background, then names the data's sources: each batch's notice and the check against the totals", async () => {
    const h = harness();
    const [background = "", sources = ""] = texts(await h.send("/about"));
    expect(background).toContain("住建部");
    expect(sources).toContain("数据来源");
    expect(sources).toContain("建办科〔2013〕22号");
    expect(sources).toContain("关于公布国家智慧城市2014年度试点名单的通知");
    const total = [...referenceCounts().values()].reduce((n, c) => n + c, 0);
    expect(sources).toContain(`= ${total}`);
  });

  it("in English for an English client", async () => {
    const h = harness();
    h.updates.user.language_code = "en";
    const replies = texts(await h.send("/about"));
    expect(replies[1]).toContain("Where the data comes from");
  });
});

describe("English readers get English buttons and lists", () => {
  it.each([
    ["Is Kunshan a pilot?", "Which pilots are in Jiangsu?", "江苏省"],
    ["Which pilots are in batch 2?", "Which pilots are in batch 3?", undefined],
  ])("%s offers %s, and the button answers it", async (q, suggestion, area) => {
    const h = harness();
    const [reply] = await h.send(q);
    const markup = reply?.payload.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const button = markup.inline_keyboard.flat().find((b) => b.text === suggestion);
    expect(button).toBeDefined();
    const [answer = ""] = texts(await h.press(button?.callback_data ?? ""));
    expect(answer).toMatch(/^[\x20-\x7e]/);
    if (area) expect(answer).toContain(`${referenceCounts().get(area)} pilots`);
  });

  it("an English batch list heads each province in English", () => {
    const text = engine.answer("which pilots are in batch 2").text;
    expect(text).toContain("Beijing (北京市): ");
    expect(text).not.toMatch(/^北京市：/m);
  });
});

describe("keyboards for English readers", () => {
  it("/province: English prompt and names; a province tap and a page turn stay in English", async () => {
    const h = harness();
    h.updates.user.language_code = "en";
    const [picker] = await h.send("/province");
    expect(String(picker?.payload.text)).toMatch(/^Choose a province/);
    const buttons = (
      (picker?.payload.reply_markup ?? {}) as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    const beijing = buttons.find((b) => b.text.startsWith("Beijing"));
    expect(beijing?.text).toBe(`Beijing (${referenceCounts().get("北京市")})`);
    expect(buttons.some((b) => b.text === "Next ›")).toBe(true);
    const [answer = ""] = texts(await h.press(beijing?.callback_data ?? ""));
    expect(answer).toContain(`${referenceCounts().get("北京市")} pilots`);
    const page = await h.press("pp:1");
    const edited = (
      (page[1]?.payload.reply_markup ?? {}) as { inline_keyboard: { text: string }[][] }
    ).inline_keyboard.flat();
    expect(edited.some((b) => b.text === "‹ Back")).toBe(true);
  });

  it("/batch: English labels, and a tap answers in English", async () => {
    const h = harness();
    h.updates.user.language_code = "en";
    const [picker] = await h.send("/batch");
    const buttons = (
      (picker?.payload.reply_markup ?? {}) as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["batch 1 (2012)", "batch 2 (2013)", "batch 3 (2014)"]);
    const [answer = ""] = texts(await h.press(buttons[1]?.callback_data ?? ""));
    expect(answer).toMatch(/^<b>Batch 2 \(2013\)/);
  });
});
