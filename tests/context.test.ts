/**
 * Follow-ups: which slots a question inherits from the chat. A new place keeps the batch only when
 * the batch was asked together with the place before; a batch added by a follow-up belongs to its
 * place; a bare "有哪些" asks of the place and batch the chat is on. Counts come from the reference.
 */
import { describe, expect, it } from "vitest";
import { type Context, Engine } from "../src/engine/engine.ts";
import { referenceCounts, referenceEntries } from "./helpers/reference.ts";

const engine = new Engine();
const entries = referenceEntries();
const inProvince = (province: string, batch?: number) =>
  entries.filter(
    (e) => e.province === province && e.kind !== "expansion2013" && (!batch || e.batch === batch),
  ).length;

/** Asks the questions in turn in one chat; the answers. */
function chat(...questions: string[]) {
  let memory: Context = {};
  return questions.map((q) => {
    const a = engine.answer(q, memory);
    memory = a.context;
    return a;
  });
}

describe("follow-ups", () => {
  it("a batch added by a follow-up stays with its place: 江苏 → 第三批呢 → 那浙江呢 is all of 浙江", () => {
    const [, third, zhejiang] = chat("江苏有多少个试点", "第三批呢", "那浙江呢");
    expect(third?.count).toBe(inProvince("江苏省", 3));
    expect(zhejiang?.count).toBe(inProvince("浙江省"));
    expect(zhejiang?.context.batch).toBeUndefined();
  });

  it("a batch asked with the place carries over to the next place: 江苏第三批有哪些 → 浙江呢 → 那山东呢", () => {
    const answers = chat("江苏第三批有哪些", "浙江呢", "那山东呢");
    expect(answers.map((a) => a.count)).toEqual([
      inProvince("江苏省", 3),
      inProvince("浙江省", 3),
      inProvince("山东省", 3),
    ]);
  });

  it("a batch named again is taken, and then dropped by a new place named without one", () => {
    const answers = chat("山东有多少个", "第一批呢", "那河南呢");
    expect(answers.map((a) => a.count)).toEqual([
      referenceCounts().get("山东省"),
      inProvince("山东省", 1),
      inProvince("河南省"),
    ]);
  });

  it.each(["有哪些", "都是哪几个", "分别是哪些？"])(
    "a bare %s lists the place and batch the chat is on",
    (bare) => {
      const [, , list] = chat("江苏有多少个", "第二批呢", bare);
      expect(list?.intent).toBe("area.list");
      expect(list?.count).toBe(inProvince("江苏省", 2));
      for (const e of entries.filter((x) => x.province === "江苏省" && x.batch === 2 && x.kind === "new"))
        expect(list?.text).toContain(e.name);
    },
  );

  it("a bare 有哪些 with nothing before it is no follow-up", () => {
    expect(engine.answer("有哪些").intent).not.toBe("area.list");
  });

  it.each(["山东有几个？都是哪些", "江苏有多少个 有哪些"])(
    "a count and a bare 都是哪些 in one message get the list, which states the count: %s",
    (q) => {
      const a = engine.answer(q);
      const province = q.startsWith("山东") ? "山东省" : "江苏省";
      expect(a.intent).toBe("area.list");
      expect(a.count).toBe(inProvince(province));
      for (const e of entries.filter((x) => x.province === province && x.kind === "new"))
        expect(a.text).toContain(e.name.replace(/（.*?）/g, ""));
    },
  );
});
