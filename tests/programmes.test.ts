import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { findOtherProgramme } from "../src/engine/programmes.ts";

const engine = new Engine();
const { related } = engine.atlas.data;

/** The complete member lists of related-programmes.md, read from the reference itself. */
function referenceMembers(): Map<string, string[]> {
  const text = readFileSync(
    join(import.meta.dirname, "..", "..", "shared", "reference", "related-programmes.md"),
    "utf8",
  );
  const lists = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const members = cells[3]?.match(/^(.+?)\s*\((\d+)\)$/);
    if (cells[1] && members?.[1]) lists.set(cells[1], members[1].split("、"));
  }
  return lists;
}

describe("data/related.json", () => {
  it("holds exactly the complete lists the reference gives, no more", () => {
    const reference = referenceMembers();
    const withLists = related.programmes.filter((p) => p.members);
    expect(withLists).toHaveLength(reference.size);
    for (const p of withLists) {
      const key = [...reference.keys()].find((k) => k.startsWith(p.name));
      expect(key, p.name).toBeDefined();
      const expected = reference.get(key ?? "") ?? [];
      expect(p.members?.names.map((n) => n.replace(/市$/, ""))).toEqual(
        expected.map((n) => n.replace(/市$/, "")),
      );
    }
  });

  it("names every member as a place the engine knows", () => {
    for (const p of related.programmes)
      for (const name of p.members?.names ?? []) expect(engine.lexicon.lookup(name), name).toBeDefined();
  });
});

describe("findOtherProgramme", () => {
  it.each([
    ["国家园林城市有哪些", "国家园林城市"],
    ["信息惠民试点有哪些城市", "信息惠民国家试点城市"],
    ["新型智慧城市评价是什么", "新型智慧城市（评价指标与评价工作）"],
    ["Which Chinese cities are National Forest Cities?", "国家森林城市"],
    ["is suzhou a sponge city", "海绵城市建设试点"],
  ])("%s → %s", (q, name) => {
    expect(findOtherProgramme(q.toLowerCase(), related.programmes)?.programme.name).toBe(name);
  });

  it.each(["昆山是试点吗", "智慧城市试点是什么", "惠民县是试点吗", "national smart city pilots"])(
    "%s names none",
    (q) => {
      expect(findOtherProgramme(q, related.programmes)).toBeNull();
    },
  );
});

describe("questions about other programmes", () => {
  it.each([
    // question, programme named, must include, must not include
    [
      "临沂是时空信息云平台试点吗",
      "智慧城市时空信息云平台建设试点",
      ["临沂市在这份名单里", "临沂市不是国家智慧城市试点", "9个"],
      [],
    ],
    [
      "南京是智慧城市技术和标准试点吗",
      "智慧城市技术和标准试点",
      ["南京市在这份名单里", "只见于这一处来源", "境内有3个试点"],
      [],
    ],
    [
      "苏州是国家园林城市吗",
      "国家园林城市",
      ["我没有这个项目的名单", "无法确认苏州市是否入选"],
      ["在这份名单里"],
    ],
    [
      "信息惠民国家试点城市有哪些",
      "信息惠民国家试点城市",
      ["发改高技〔2014〕1274号", "我没有这个项目的名单"],
      ["290"],
    ],
    ["昆山是文明城市吗", "全国文明城市", ["昆山市是国家智慧城市试点，第二批"], []],
  ])("%s", (q, programme, include, exclude) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("other.programme");
    expect(a.programme).toBe(programme);
    expect(a.count).toBeUndefined();
    expect(a.pilots ?? []).toHaveLength(0);
    for (const s of include) expect(a.text).toContain(s);
    for (const s of exclude) expect(a.text).not.toContain(s);
    expect(a.decidedBy).toBe("entity");
  });

  it("reads a programme's name before places: 信息惠民 is not 惠民县", () => {
    const a = engine.answer("惠民是信息惠民试点吗");
    expect(a.intent).toBe("other.programme");
    expect(a.text).not.toContain("惠民县（");
  });

  it("lists the programmes it knows when asked in general, with no count", () => {
    const a = engine.answer("除了智慧城市试点，还有哪些类似的项目");
    expect(a.intent).toBe("other.programme");
    expect(a.count).toBeUndefined();
    for (const p of related.programmes.filter((x) => x.members)) expect(a.text).toContain(p.name);
  });

  it("adds the other programme to a negative answer about this one (临沂)", () => {
    const a = engine.answer("临沂是智慧城市试点吗");
    expect(a.intent).toBe("pilot.status");
    expect(a.isPilot).toBe(false);
    expect(a.text).toContain("时空信息云平台");
    expect(a.text).toContain("宽带中国");
    expect(a.text).toContain("2014");
  });

  it("answers in English", () => {
    const a = engine.answer("Is Linyi a spatio-temporal cloud platform pilot?");
    expect(a.intent).toBe("other.programme");
    expect(a.text).toMatch(/^You are asking about the Smart City Spatio-temporal/);
    expect(a.text).toContain("Linyi (临沂市) is on that list");
  });
});
