import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { TypoCorrector } from "../src/engine/typos.ts";

const engine = new Engine();

describe("TypoCorrector", () => {
  const terms = new Set(["亳州", "高州", "郑州", "昆山", "邳州"]);
  const corrector = new TypoCorrector(
    (t) => terms.has(t),
    new Set([...terms].flatMap((t) => Array.from(t))),
    { 毫: "亳高", 丕: "邳" },
  );

  it.each([
    ["毫州", "亳州", "shape"],
    ["丕州", "邳州", "shape"],
    ["郑洲", "郑州", "sound"],
    ["昆三", "昆山", "sound"],
  ])("%s → %s (%s)", (typed, term, kind) => {
    const [best] = corrector.correct(typed);
    expect(best?.term).toBe(term);
    expect(best?.kind).toBe(kind);
  });

  it("ranks a closer look-alike first, a same-tone homophone above another tone, 模糊音 last", () => {
    const shape = corrector.correct("毫州");
    expect(shape.map((c) => c.term)).toEqual(["亳州", "高州"]);
    expect(shape[0]?.score).toBeGreaterThan(shape[1]?.score ?? 1);
    const sameTone = corrector.correct("郑洲")[0]?.score ?? 0; // zhou1 = zhou1
    const fuzzy = corrector.correct("昆三")[0]?.score ?? 1; // san1 ~ shan1
    expect(sameTone).toBeGreaterThan(fuzzy);
  });

  it("never turns an ordinary character into an administrative suffix, nor corrects single characters", () => {
    const withCounty = new TypoCorrector((t) => t === "房县", ["房", "县"], { 租: "县" });
    expect(withCounty.correct("房租")).toEqual([]);
    expect(corrector.correct("州")).toEqual([]);
  });
});

describe("mistyped places in questions", () => {
  it.each([
    ["毫州是智慧城市试点不", "亳州市", true],
    ["郑洲是智慧城市试点吗", "郑州市", true],
    ["蒲田", "莆田市", true],
    ["昆三是试点吗", "昆山市", true],
    ["鹤璧市是智慧城市试点吗", "鹤壁市", true],
    ["乌鲁木其是不是智慧城市试点", "乌鲁木齐市", true],
    ["丕州是试点吗", "邳州市", false],
  ])("%s is read as %s, and says so", (q, place, isPilot) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("pilot.status");
    expect(a.place).toBe(place);
    expect(a.isPilot).toBe(isPilot);
    expect(a.text.split("\n")[0]).toContain(`按“${place}”回答`);
  });

  it("corrects a province in a count question (江书有几个试点 → 江苏省, 21)", () => {
    const a = engine.answer("江书有几个试点");
    expect(a).toMatchObject({ intent: "area.count", area: "江苏省", count: 21 });
  });

  it.each(["当年为什么启动这个项目", "试点的历程", "资金多少", "中土世界是不是试点"])(
    "leaves ordinary words alone: %s",
    (q) => {
      const a = engine.answer(q);
      expect(a.text).not.toContain("这个地名");
      expect(a.trace.join(" ")).not.toContain("typo:");
    },
  );

  it("offers look-alike names for a two-character name it cannot settle", () => {
    expect(engine.lexicon.suggest("毫州")).toEqual(["亳州市", "高州市"]);
  });

  it("reads a zone named with words left out, and the start of a zone's name over a county", () => {
    expect(engine.answer("招商局开发区是试点吗").place).toBe("漳州招商局经济技术开发区");
    expect(engine.answer("港口生态工业园是试点吗").place).toBe("宁国港口生态工业园区");
    expect(engine.answer("港口区是试点吗").isPilot).toBe(false);
  });
});

describe("a mistyped name right after the area it lies in", () => {
  it.each([
    ["我家在浙江义务，我们那算不算智慧城市", "义乌市"],
    ["广东深证是试点吗", "深圳市"],
  ])("%s → %s, and says so", (q, place) => {
    const a = engine.answer(q);
    expect(a.place).toBe(place);
    expect(a.text.split("\n")[0]).toContain(`按“${place}”回答`);
  });

  it("leaves the area's own question alone", () => {
    expect(engine.answer("江苏有几个试点")).toMatchObject({ intent: "area.count", area: "江苏省" });
  });
});
