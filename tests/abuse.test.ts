import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_QUESTION_RATE } from "../src/bot/question-budget.ts";
import { harness, texts } from "./helpers/harness.ts";

const NOTICE = "你问得有点快，请稍等一分钟再问。";
const group = { id: -100777, type: "supergroup" as const, title: "讨论组" };

/** Questions that each get one text answer, none of them a chart. */
const QUESTIONS = ["昆山是试点吗", "番禺是试点吗", "江苏有多少个试点", "第一批有多少个", "评定等级有哪些"];

describe("the budget of answered questions (token bucket with a burst allowance)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());
  const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it("never refuses a person exploring at one action every 1.5–2.5 s for ten minutes", async () => {
    const h = harness({ rateLimit: DEFAULT_QUESTION_RATE });
    let answered = 0;
    for (let i = 0; i < 300; i++) {
      const reply = texts(await h.send(QUESTIONS[i % QUESTIONS.length] ?? ""));
      expect(reply).not.toContain(NOTICE);
      answered += reply.length > 0 ? 1 : 0;
      wait(1_500 + ((i * 7919) % 1_000));
    }
    expect(answered).toBe(300);
  });

  it("lets a quick run of a dozen taps through, then still answers at a person's pace", async () => {
    const h = harness({ rateLimit: DEFAULT_QUESTION_RATE });
    for (let i = 0; i < 14; i++) {
      expect(texts(await h.press(`q:${QUESTIONS[i % QUESTIONS.length]}${"？".repeat(i)}`))).toHaveLength(1);
      wait(200);
    }
    for (let i = 0; i < 20; i++) {
      wait(2_000);
      expect(texts(await h.send(QUESTIONS[i % QUESTIONS.length] ?? ""))).toHaveLength(1);
    }
  });

  it("stops a script sending 30 messages in 2 s after 16 answers, with one notice after them", async () => {
    const h = harness({ rateLimit: DEFAULT_QUESTION_RATE });
    const replies: string[] = [];
    for (let i = 0; i < 30; i++) {
      replies.push(...texts(await h.send(QUESTIONS[i % QUESTIONS.length] ?? "")));
      wait(66);
    }
    expect(replies.filter((t) => t === NOTICE)).toHaveLength(1);
    expect(replies.indexOf(NOTICE)).toBe(16);
    expect(replies).toHaveLength(17);
    const outcomes = h.sink.lines.filter((l) => l.msg === "update").map((l) => l.outcome);
    expect(outcomes.filter((o) => o === "rate-limited")).toHaveLength(14);
    // Once the window has passed, the same person is answered again, and a new refusal gets a new notice.
    wait(60_000);
    expect(texts(await h.send("昆山是试点吗"))[0]).toContain("第一批");
  });

  it("answers again after the steady window and notices a later flood once more", async () => {
    const h = harness({ rateLimit: { points: 1, seconds: 10, burst: 1, burstSeconds: 10 } });
    expect(texts(await h.send("昆山是试点吗"))).toHaveLength(1);
    expect(texts(await h.send("番禺是试点吗"))).toHaveLength(1);
    expect(texts(await h.send("江苏有多少个试点"))).toEqual([NOTICE]);
    expect(texts(await h.send("浙江有多少个试点"))).toEqual([]);
    wait(10_001);
    expect(texts(await h.send("浙江有多少个试点"))[0]).toContain("浙江省");
    expect(texts(await h.send("江苏有多少个试点"))).toHaveLength(1);
    expect(texts(await h.send("广东有多少个试点"))).toEqual([NOTICE]);
  });

  it("spends nothing on group chatter the bot does not answer", async () => {
    const h = harness({ chat: group, rateLimit: { points: 1, seconds: 60, burst: 0, burstSeconds: 60 } });
    for (let i = 0; i < 40; i++) expect(await h.send(`今天中午吃什么 ${i}`)).toEqual([]);
    const reply = texts(await h.send(`@${h.bot.botInfo.username} 昆山是试点吗`));
    expect(reply).toHaveLength(1);
    expect(reply[0]).toContain("昆山市");
  });

  it("never limits inline queries: each keystroke is a query and the last one gets its answer", async () => {
    const h = harness({ rateLimit: { points: 1, seconds: 60, burst: 0, burstSeconds: 60 } });
    const typed = "昆山是试点吗";
    let last: unknown[] = [];
    for (let i = 1; i <= typed.length; i++) {
      const calls = await h.inline(typed.slice(0, i));
      expect(calls.map((c) => c.method)).toEqual(["answerInlineQuery"]);
      last = calls[0]?.payload.results as unknown[];
    }
    expect(JSON.stringify(last)).toContain("第一批");
    expect(texts(await h.send("番禺是试点吗"))).toHaveLength(1);
  });

  it("turning pages of the province picker costs nothing; a refused button gets a toast, once", async () => {
    const h = harness({ rateLimit: { points: 1, seconds: 60, burst: 0, burstSeconds: 60 } });
    for (const page of [1, 2, 3, 0, 1]) {
      const calls = await h.press(`pp:${page}`);
      expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageReplyMarkup"]);
    }
    expect(texts(await h.press("q:昆山是试点吗"))).toHaveLength(1);
    const refused = await h.press("q:番禺是试点吗");
    expect(refused.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(String(refused[0]?.payload.text)).toContain("稍等");
    const silent = await h.press("q:江苏有多少个试点");
    expect(silent.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(silent[0]?.payload.text).toBeUndefined();
  });

  it("speaks English to an English client when refusing", async () => {
    const h = harness({ rateLimit: { points: 1, seconds: 60, burst: 0, burstSeconds: 60 } });
    h.updates.user.language_code = "en";
    await h.send("is kunshan a pilot");
    expect(texts(await h.send("is panyu a pilot"))[0]).toMatch(/wait a minute/);
  });
});
