/** Questions typed wholly in pinyin, read back into the words the intents know. */
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { PinyinReader } from "../src/engine/pinyin-reader.ts";

const reader = new PinyinReader(
  ["申报", "流程", "什么", "智慧城市", "试点", "趋势", "背景", "第一批"],
  // Where the syllables of other words come from (the engine gives every place name it knows).
  ["北京", "郫都区", "度", "是吗呢", "今天下雨", "也"],
);
const places = new Set(["beijing", "pidu"]);
const isPlace = (key: string) => places.has(key);

describe("PinyinReader", () => {
  it.each([
    ["shenbao liucheng shi shenme", "申报 流程 shi 什么"],
    ["zhihui chengshi shidian", "智慧城市 试点"],
    ["di yi pi ne", "第一批 ne"],
    // Place names stay as typed, and so does the kind word after one.
    ["jintian beijing xia yu ma", "jintian beijing xia yu ma"],
    ["pidu qu shi shidian ma", "pidu qu shi 试点 ma"],
    // English is left alone: "pilot" is no pinyin.
    ["is beijing a pilot", "is beijing a pilot"],
    // One word that is no pinyin among four or more is a typo, left as typed; two make it English.
    ["zongong shenbao liucheng shi shenme", "zongong 申报 流程 shi 什么"],
    ["what is the shenbao liucheng", "what is the shenbao liucheng"],
    ["pilot zhihui chengshi", "pilot zhihui chengshi"],
    ["background", "background"],
  ])("%s → %s", (typed, read) => {
    expect(reader.read(typed, isPlace)).toBe(read);
  });
});

describe("pinyin questions in the engine (English replies, Chinese understanding)", () => {
  const engine = new Engine();
  it.each([
    ["shenbao liucheng shi shenme", "programme.process"],
    ["xianzai hai you zhe ge xiangmu ma", "programme.outlook"],
    ["haimian chengshi shidian you naxie", "other.programme"],
    ["zhihui chengshi shidian shi shenme", "programme.background"],
    ["ni hao, jintian Beijing xia yu ma", "unknown"],
  ])("%s → %s", (q, intent) => {
    const a = engine.answer(q);
    expect(a.intent).toBe(intent);
    // The reply is in English, as for any question typed in Latin letters.
    expect(a.text).not.toMatch(/^\p{Script=Han}/u);
  });

  it("zongong you duoshao ge zhihui chengshi shidian: a typo in one word, the total still read", () => {
    const a = engine.answer("zongong you duoshao ge zhihui chengshi shidian");
    expect(a).toMatchObject({ intent: "programme.total", count: 290 });
  });

  it("di yi pi he di san pi xiang ge duo jiu: the interval, with both dates", () => {
    const a = engine.answer("di yi pi he di san pi xiang ge duo jiu");
    expect(a.intent).toBe("programme.timeline");
    const days = Math.round((Date.parse("2015-04-07") - Date.parse("2013-01-29")) / 86_400_000);
    expect(a.text).toContain(`${days} days`);
  });
});
