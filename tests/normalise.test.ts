import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, normalise } from "../src/engine/normalise.ts";

describe("normalise", () => {
  it.each([
    ["崑山市是試點嗎", "昆山市是试点吗"],
    ["廣東有多少個試點", "广东有多少个试点"],
    ["ＫＵＮＳＨＡＮ", "kunshan"],
    ["🏙️昆山是试点吗？？？", "昆山是试点吗?"],
    ["昆\u200b山\u202e是试点吗", "昆 山 是试点吗"],
    ["  江苏   有多少个!!!  ", "江苏 有多少个!"],
    ["\u0000\u0007昆山", "昆山"],
    ["\ud800昆山", "昆山"],
  ])("%j → %j", (input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it("tells English questions from Chinese ones", () => {
    expect(normalise("Is Kunshan a pilot?").english).toBe(true);
    expect(normalise("kunshan 是试点吗").english).toBe(false);
    expect(normalise("昆山").english).toBe(false);
  });

  it("cuts very long input", () => {
    const long = normalise("昆".repeat(MAX_QUESTION_CHARS * 3));
    expect(long.truncated).toBe(true);
    expect(Array.from(long.text)).toHaveLength(MAX_QUESTION_CHARS);
  });
});
