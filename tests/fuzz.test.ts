import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, renderAnswer } from "../src/bot/format.ts";
import { Engine } from "../src/engine/engine.ts";
import { INTENT_IDS } from "../src/engine/intents.ts";
import { check, readCases } from "../src/eval/evaluate.ts";
import { isValidTelegramHtml } from "./helpers/harness.ts";

/** `npm run fuzz` raises this; the suite keeps to a few thousand runs. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const engine = new Engine();

const hostile = fc.constantFrom(
  "<b>",
  "</b>",
  "<script>alert(1)</script>",
  "&amp;",
  "&",
  "<a href='x'>",
  "*bold*",
  "_it_",
  "`code`",
  "[x](http://e)",
  "@SmartCityPilotBot",
  "/start",
  "'; DROP TABLE pilots; --",
  "\u0024{process.exit()}",
  "\u0000",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udfff",
  "🏙️",
  "👨‍👩‍👧",
  "昆山",
  "江苏",
  "是试点吗",
  "有多少个",
  "第二批",
  "kunshan",
);
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.array(hostile, { maxLength: 40 }).map((parts) => parts.join("")),
  fc
    .tuple(fc.oneof(hostile, fc.string({ maxLength: 8 })), fc.integer({ min: 1, max: 100_000 }))
    .map(([s, n]) => s.repeat(n).slice(0, 100_000)),
);

describe("engine properties", () => {
  it("answers any input: no throw, a known intent, non-empty text, bounded time, valid Telegram HTML", () => {
    fc.assert(
      fc.property(text, (q) => {
        const started = performance.now();
        const a = engine.answer(q);
        // Generous: only catastrophic backtracking or a quadratic blow-up would come near it.
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(INTENT_IDS).toContain(a.intent);
        expect(a.text.trim().length).toBeGreaterThan(0);
        for (const part of renderAnswer(a.text)) {
          expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expect(isValidTelegramHtml(part)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  const cases = readCases(join(import.meta.dirname, "eval", "questions.jsonl")).filter(
    (c) => check(c, engine.answer(c.q)).length === 0,
  );
  const noise = fc.constantFrom(" ", "  ", "？", "!!", "。", "…", "🙂", "🏙️", "\u200b", "，");
  const particle = fc.constantFrom("吗", "呢", "啊", "呀");

  it("keeps intent and facts when noise is added around a question", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.array(noise, { maxLength: 3 }),
        fc.array(noise, { maxLength: 3 }),
        fc.option(particle, { nil: undefined }),
        (c, before, after, tail) => {
          const suffix = c.lang === "en" ? "" : (tail ?? "");
          const q = `${before.join("")}${c.q}${suffix}${after.join("")}`;
          expect(check(c, engine.answer(q)), q).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("renders every reply of the question set as valid Telegram HTML", () => {
    for (const file of ["questions.jsonl", "holdout.jsonl", "holdout2.jsonl"]) {
      for (const c of readCases(join(import.meta.dirname, "eval", file))) {
        for (const part of renderAnswer(engine.answer(c.q).text)) {
          expect(isValidTelegramHtml(part), c.q).toBe(true);
          expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        }
      }
    }
  });
});

describe("inputs that once took exponential time", () => {
  it.each(["euaP".repeat(80), "aeiou".repeat(60), "shishishi ".repeat(40)])("%#: answered promptly", (q) => {
    const started = performance.now();
    engine.answer(q);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
