import { describe, expect, it } from "vitest";
import { isCounted } from "../src/data/pilots.ts";
import { type Context, Engine } from "../src/engine/engine.ts";

const engine = new Engine();
const { pilots, programme } = engine.atlas.data;
const label = (batch: number) => {
  const b = programme.batches.find((x) => x.batch === batch);
  return `${b?.label}（${b?.year}年度）`;
};

describe("every listed area resolves, by official name and by each alias", () => {
  const cases = pilots.flatMap((p) => [p.name, ...p.aliases].map((term) => [term, p.name] as const));
  it.each(cases)("%s → %s", (term, name) => {
    const p = engine.atlas.pilotByName.get(name);
    const a = engine.answer(`${term}是试点吗`);
    expect(a.intent).toBe("pilot.status");
    expect(a.isPilot).toBe(true);
    expect(a.place).toBe(name);
    expect(a.text).toContain(label(p?.batch ?? 0));
    expect(a.text).toContain(p?.province === "新疆生产建设兵团" ? "新疆生产建设兵团" : (p?.province ?? "?"));
  });
});

describe("answers state the right facts", () => {
  it.each([
    [
      "昆山市是试点吗",
      true,
      "昆山市",
      ["第二批（2013年度）", "2013年8月5日", "江苏省苏州市", "昆山市花桥经济技术开发区", "昆山市张浦镇"],
    ],
    ["正定县是试点吗", true, "正定县", ["第三批（2014年度）", "石家庄市", "2015年4月7日"]],
    ["南京市高淳区是试点吗", true, "南京市高淳区", ["南京河西新城", "不计入290"]],
    ["鱼峰区是试点吗", true, "柳州市", ["柳州市（含鱼峰区）", "第二批"]],
    ["大理石是试点吗", true, "大理市", ["大理石", "大理市"]],
    ["苏州市是试点吗", false, "苏州市", ["本身不是", "6个", "苏州工业园区", "常熟市"]],
    ["成都市是试点吗", false, "成都市", ["成都市温江区", "郫县", "崇州市"]],
    ["三亚是试点吗", false, "三亚市", ["不是", "万宁市"]],
    ["临沂市是试点吗", false, "临沂市", ["不是", "临沂市"]],
    ["柳南区是试点吗", false, "柳南区", ["柳州市"]],
    ["黄埔区是试点吗", false, "黄埔区", ["广州市萝岗区", "并入"]],
    ["江苏是试点吗", false, "江苏省", ["省级行政区本身不参评", "21个"]],
    ["昆三市是试点吗", true, "昆山市", ["按“昆山市”回答", "第二批"]],
    ["毫州是试点吗", true, "亳州市", ["按“亳州市”回答", "第三批"]],
    ["郑洲是智慧城市试点吗", true, "郑州市", ["按“郑州市”回答", "第一批"]],
    ["丕州是试点吗", false, "邳州市", ["按“邳州市”回答", "徐州市（第三批）"]],
    ["中土世界是不是试点", null, undefined, ["中土世界"]],
    ["霍格沃茨是试点吗", null, undefined, ["霍格沃茨"]],
  ] as const)("%s", (q, isPilot, place, phrases) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("pilot.status");
    expect(a.isPilot).toBe(isPilot);
    expect(a.place).toBe(place);
    for (const phrase of phrases) expect(a.text).toContain(phrase);
  });

  it.each([
    ["江苏有多少个试点", 21, "江苏省"],
    ["山东", 26, "山东省"],
    ["湖南省有几个", 16, "湖南省"],
    ["青海有多少个试点", 3, "青海省"],
    ["上海有几个试点", 1, "上海市"],
    ["新疆有几个试点", 7, "新疆维吾尔自治区"],
    ["兵团有几个试点", 2, "新疆生产建设兵团"],
    ["苏州有几个试点", 6, "苏州市"],
    ["江苏第二批有几个", 7, "江苏省"],
    ["吉林有多少个试点", 13, "吉林省"],
  ] as const)("%s → %i", (q, count, area) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("area.count");
    expect(a.count).toBe(count);
    expect(a.area).toBe(area);
    expect(a.text).toContain(`${count}个`);
  });

  it("sums province counts to 290 in the ranking", () => {
    const a = engine.answer("各省试点数量排名");
    expect(a.intent).toBe("area.ranking");
    const numbers = [...a.text.matchAll(/ (\d+)$/gm)].map((m) => Number(m[1]));
    expect(numbers.reduce((x, y) => x + y, 0)).toBe(pilots.filter(isCounted).length);
    expect(a.text).toMatch(/1\. 山东省 █+ 26/);
  });

  it.each([
    ["第一批有多少个", 1, 90],
    ["第二批有多少个", 2, 103],
    ["第三批有几个", 3, 84],
  ] as const)("%s → %i", (q, batch, count) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("batch.info");
    expect(a.count).toBe(count);
    expect(a.context.batch).toBe(batch);
  });

  it("states the total and the tiers", () => {
    expect(engine.answer("一共有多少个试点").count).toBe(290);
    expect(engine.answer("评定等级有哪些").text).toMatch(/一星.*二星.*三星/);
  });

  it("answers English questions in English with Chinese names in brackets", () => {
    const a = engine.answer("Is Kunshan a smart city pilot?");
    expect(a.text).toMatch(/^Yes — Kunshan \(昆山市\)/);
    expect(engine.answer("How many pilots does Guangdong have?").text).toMatch(
      /^Guangdong \(广东省\) has 10/,
    );
  });

  it("mentions the other reading of a homophone or same-named place", () => {
    expect(engine.answer("suzhou").text).toContain("宿州市");
    expect(engine.answer("朝阳区是试点吗").text).toContain("长春市");
    expect(engine.answer("城区是试点吗").text).toContain("山西省晋城市城区");
  });

  it("says how a name declared ambiguous was read, once", () => {
    const jilin = engine.answer("吉林有多少个试点").text;
    expect(jilin).toContain("“吉林”在这里按吉林省理解");
    expect(jilin).not.toContain("另：");
    expect(engine.answer("吉林市有几个试点").text).not.toContain("在这里按");
  });
});

describe("follow-ups carry the chat's context", () => {
  const chat = (...questions: string[]) => {
    let context: Context = {};
    return questions.map((q) => {
      const a = engine.answer(q, context);
      context = a.context;
      return a;
    });
  };

  it("那浙江呢 and 第二批呢 after a count", () => {
    const [, zhejiang, second] = chat("江苏有多少个试点", "那浙江呢", "第二批呢");
    expect([zhejiang?.intent, zhejiang?.area, zhejiang?.count]).toEqual(["area.count", "浙江省", 14]);
    expect([second?.intent, second?.area, second?.count]).toEqual(["area.count", "浙江省", 5]);
  });

  it("它是哪一批 after a place", () => {
    const [, it2] = chat("番禺", "它是哪一批");
    expect(it2?.place).toBe("广州市番禺区");
    expect(it2?.text).toContain("第一批");
  });

  it("does not leak context into unrelated questions", () => {
    const [, weather] = chat("昆山", "今天天气怎么样");
    expect(weather?.intent).toBe("unknown");
  });
});

describe("robustness", () => {
  it.each([
    "",
    "   ",
    "\u0000",
    "🙂🙂",
    "<script>alert(1)</script>",
    "'; DROP TABLE pilots; --",
    "a".repeat(100_000),
  ])("answers %j without throwing", (q) => {
    const a = engine.answer(q);
    expect(a.text.length).toBeGreaterThan(0);
  });
});

describe("warm-up", () => {
  it("builds every lazily built index before the first question (a bot never pauses a chat for it)", () => {
    const fresh = new Engine();
    // White-box on purpose: these are the fields built on first need, and warm must reach each.
    const lazy = () => {
      const e = fresh as unknown as {
        exampleIndex?: unknown;
        pinyinReader?: unknown;
        lexicon: Record<string, unknown>;
      };
      return [e.exampleIndex, e.pinyinReader, e.lexicon.corrector, e.lexicon.similar];
    };
    expect(lazy().every((x) => x === undefined)).toBe(true);
    fresh.warm();
    expect(lazy().every((x) => x !== undefined)).toBe(true);
    expect(fresh.answer("Is Kunshan a pilot?").place).toBe("昆山市");
  });
});
