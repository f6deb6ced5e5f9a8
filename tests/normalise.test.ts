import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, normalise } from "../src/engine/normalise.ts";

describe("normalise", () => {
  it.each([
    ["崑山市是試點嗎", "昆山市是试点吗"],
    ["廣東有多少個試點", "广东有多少个试点"],
    ["ＫＵＮＳＨＡＮ", "kunshan"],
    ["🏙️昆山是试点吗？？？", "昆山是试点吗?"],
    // Invisible characters pasted inside a name vanish instead of splitting it.
    ["昆\u200b山\u202e是试点吗", "昆山是试点吗"],
    ["昆\u2060山是试点吗", "昆山是试点吗"],
    ["昆\u2063山\u00ad市\ufeff", "昆山市"],
    ["江\u200d苏\u200c有几个", "江苏有几个"],
    ["  江苏   有多少个!!!  ", "江苏 有多少个!"],
    ["\u0000\u0007昆山", "昆山"],
    ["\ud800昆山", "昆山"],
  ])("%j → %j", (input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it("reads MOST in capitals beside another ministry as the science ministry, and emphasis as the word", () => {
    expect(normalise("MOHURD and MOST named 84 pilots").text).toBe("mohurd and 科技部 named 84 pilots");
    expect(normalise("Which province has the MOST pilots?").text).toBe("which province has the most pilots?");
    expect(normalise("the most pilots, per MOHURD").text).toBe("the most pilots, per mohurd");
  });

  it("tells English questions from Chinese ones", () => {
    expect(normalise("Is Kunshan a pilot?").english).toBe(true);
    expect(normalise("kunshan 是试点吗").english).toBe(false);
    expect(normalise("昆山").english).toBe(false);
  });

  it("cuts very long input to a bounded length", () => {
    const long = normalise("昆".repeat(MAX_QUESTION_CHARS * 3));
    expect(long.truncated).toBe(true);
    expect(Array.from(long.text)).toHaveLength(MAX_QUESTION_CHARS);
  });

  it("keeps the opening and the end of a long message: the question after a long preamble survives", () => {
    const preamble = "我是一名研究生，最近在整理城市政策的资料，".repeat(40);
    const long = normalise(`${preamble}请问第二批一共有多少个试点`);
    expect(long.truncated).toBe(true);
    expect(long.text.startsWith("我是一名研究生")).toBe(true);
    expect(long.text.endsWith("请问第二批一共有多少个试点")).toBe(true);
  });
});
