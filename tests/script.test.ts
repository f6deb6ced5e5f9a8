/** Replies in Traditional characters to questions asked in them: the same facts, converted. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { isTraditional, simplified } from "../src/engine/normalise.ts";

const engine = new Engine();

describe("isTraditional", () => {
  it.each([
    ["崑山是試點嗎", true],
    ["江蘇有多少個試點", true],
    ["臺灣讀者想問：蘇州工業園區是第幾批？", true],
    ["昆山是试点吗", false],
    ["江苏有多少个试点", false],
    ["Is Kunshan a pilot?", false],
    ["这个试点显著地推动了城市的信息化建设吗，著名的例子有哪些", false],
  ])("%s → %s", (q, traditional) => {
    expect(isTraditional(q)).toBe(traditional);
  });
});

/** Every question in Traditional characters of the hand-written sets. */
const traditionalQuestions = readdirSync(join(import.meta.dirname, "eval"))
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) =>
    readFileSync(join(import.meta.dirname, "eval", f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q),
  )
  .filter(isTraditional);

describe("replies in Traditional characters", () => {
  it("has questions to check (the sets hold many Traditional ones)", () => {
    expect(traditionalQuestions.length).toBeGreaterThan(60);
  });

  it.each(traditionalQuestions)("%s", (q) => {
    const traditional = engine.answer(q);
    const plain = engine.answer(simplified(q));
    if (/\p{Script=Han}/u.test(plain.text.slice(0, 12))) {
      expect(traditional.script).toBe("tw");
      expect(isTraditional(traditional.text)).toBe(true);
    }
    // The same answer: intent, subject and every number, and the same text read back in Simplified.
    expect(traditional.intent).toBe(plain.intent);
    expect(traditional.place).toBe(plain.place);
    expect(traditional.count).toBe(plain.count);
    expect(traditional.text.match(/\d+/g)).toEqual(plain.text.match(/\d+/g));
    // (著 read back stays 著, which Simplified also writes: the one character that does not return.)
    const same = (text: string) => simplified(text).replace(/著/g, "着");
    expect(same(traditional.text)).toBe(same(plain.text));
  });

  it("can be asked for whatever the question's script (a chat's choice)", () => {
    const a = engine.answer("昆山是试点吗", {}, { script: "hk" });
    expect(a.script).toBe("hk");
    expect(a.text).toContain("試點");
    expect(engine.answer("昆山是试点吗").script).toBeUndefined();
  });
});
