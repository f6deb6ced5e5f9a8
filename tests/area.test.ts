/**
 * What the area answers say — counts, ranks, ties, winners, differences, per-batch breakdowns — for
 * every province-level unit, with the expected values computed from the reference list
 * (`../shared/reference/pilot-list.md`), not from `data/`.
 */
import { describe, expect, it } from "vitest";
import { PROVINCE_ENGLISH } from "../src/engine/atlas.ts";
import { Engine } from "../src/engine/engine.ts";
import { referenceCounts, referenceEntries } from "./helpers/reference.ts";

const engine = new Engine();
const all = referenceCounts();
const provinces = [...all.keys()];
const entries = referenceEntries();

/** Rank with ties sharing one (1 + how many have more), and whether it is shared. */
function rankIn(counts: Map<string, number>, province: string): { rank: number; tied: boolean } {
  const n = counts.get(province) ?? 0;
  const more = [...counts.values()].filter((m) => m > n).length;
  const same = [...counts.values()].filter((m) => m === n).length;
  return { rank: more + 1, tied: same > 1 };
}

/** A province's counted pilots per batch, as the breakdown line states them. */
function perBatch(province: string): number[] {
  return [1, 2, 3].map(
    (b) =>
      entries.filter((e) => e.province === province && e.batch === b && e.kind !== "expansion2013").length,
  );
}

const short = (p: string) => p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "");

describe("a province's rank", () => {
  it.each(provinces.filter((p) => p !== "新疆生产建设兵团"))("%s排第几", (province) => {
    const { rank, tied } = rankIn(all, province);
    const a = engine.answer(`${short(province)}排第几`);
    expect(a.intent).toBe("area.ranking");
    expect(a.text.split("\n")[0]).toBe(
      `${province}有${all.get(province)}个试点，在各省级单位中排第${rank}位${tied ? "（并列）" : ""}。`,
    );
    expect(a.count).toBe(all.get(province));
  });

  it.each(["吉林省", "江苏省", "上海市"])("in English: where does %s rank", (province) => {
    const { rank, tied } = rankIn(all, province);
    const english = PROVINCE_ENGLISH[province] ?? "";
    const first = engine.answer(`where does ${english} rank`).text.split("\n")[0];
    expect(first).toBe(
      `${english} (${province}) has ${all.get(province)} pilots and ranks #${rank}${tied ? " (tied)" : ""}.`,
    );
  });
});

describe("the province at a rank (排第N的省)", () => {
  it.each([2, 3, 4, 5, 6, 7, 8, 9, 10])("排第%i的省是哪个", (position) => {
    const at = provinces.filter((p) => rankIn(all, p).rank === position);
    const a = engine.answer(`排第${position}的省是哪个`);
    expect(a.intent).toBe("area.ranking");
    expect([...(a.winners ?? [])].sort()).toEqual([...at].sort());
    const first = a.text.split("\n")[0] ?? "";
    if (at.length === 0) {
      const above = provinces.filter((p) => rankIn(all, p).rank < position);
      expect(first).toContain(`没有排第${position}位`);
      expect(first).toContain(`前面${above.length}个省份`);
    } else {
      expect(first).toContain(`排第${position}位的是`);
      for (const p of at) expect(first).toContain(p);
      expect(first).toContain(`（${all.get(at[0] ?? "")}个）`);
      expect(a.count).toBe(all.get(at[0] ?? ""));
      if (at.length === 1) expect(a.area).toBe(at[0]);
      else expect(a.area).toBeUndefined();
    }
  });
});

describe("most and fewest, overall and by batch", () => {
  const extremes = (counts: Map<string, number>, fewest: boolean) => {
    const values = [...counts.values()];
    const n = fewest ? Math.min(...values) : Math.max(...values);
    return { n, who: [...counts].filter(([, m]) => m === n).map(([p]) => p) };
  };
  it.each([
    ["哪个省试点最多", undefined, false],
    ["试点最少的是哪个省", undefined, true],
    ["第一批哪个省最多", 1, false],
    ["第二批哪个省最少", 2, true],
    ["第三批哪个省最多", 3, false],
    ["第三批最少的省", 3, true],
  ] as const)("%s", (q, batch, fewest) => {
    const counts = referenceCounts(batch);
    // In a batch, the fewest are the provinces with pilots but none in it (blind32 found them left out).
    const none = [...all.keys()].filter(
      (p) => batch !== undefined && !counts.has(p) && p !== "新疆生产建设兵团",
    );
    if (fewest && none.length > 0) {
      const a = engine.answer(q);
      expect(a.intent).toBe("area.ranking");
      expect(a.count).toBe(0);
      const first = a.text.split("\n")[0] ?? "";
      expect(first).toContain("没有试点");
      for (const p of none) expect(first).toContain(p);
      return;
    }
    const lead = extremes(counts, fewest);
    const other = extremes(counts, !fewest);
    const a = engine.answer(q);
    expect(a.intent).toBe("area.ranking");
    expect([...(a.winners ?? [])].sort()).toEqual([...lead.who].sort());
    expect(a.count).toBe(lead.n);
    const first = a.text.split("\n")[0] ?? "";
    const [leading, trailing] = first.split("；");
    expect(leading).toContain(fewest ? "最少" : "最多");
    for (const p of lead.who) expect(leading).toContain(p);
    expect(leading).toContain(`（${lead.who.length > 1 ? "各" : ""}${lead.n}个）`);
    for (const p of other.who) expect(trailing).toContain(p);
    expect(trailing).toContain(`（${other.who.length > 1 ? "各" : ""}${other.n}个）`);
    if (lead.who.length === 1) expect(a.area).toBe(lead.who[0]);
  });

  it("in English: the fewest lead, each", () => {
    const { n, who } = extremes(all, true);
    const a = engine.answer("which province has the fewest pilots");
    const first = a.text.split("\n")[0] ?? "";
    expect(first.startsWith("fewest pilots:")).toBe(true);
    for (const p of who) expect(first.split(";")[0]).toContain(p);
    expect(first.split(";")[0]).toContain(`(${n}${who.length > 1 ? " each" : ""})`);
  });

  it("the ranking table's bars are in proportion to the counts (the longest 13 blocks)", () => {
    const lines = engine.answer("各省试点数量排名").text.split("\n").slice(2);
    const most = Math.max(...all.values());
    for (const p of provinces) {
      const line = lines.find((l) => l.includes(` ${p} `)) ?? "";
      const blocks = (line.match(/█/g) ?? []).length;
      expect(blocks, p).toBe(Math.max(1, Math.round(((all.get(p) ?? 0) / most) * 13)));
    }
  });

  it("the ranking table lists every province with its count and shared ranks", () => {
    const lines = engine.answer("各省试点数量排名").text.split("\n").slice(2);
    for (const p of provinces) {
      const line = lines.find((l) => l.includes(` ${p} `));
      expect(line, p).toBeDefined();
      expect(line?.trim().startsWith(`${rankIn(all, p).rank}.`)).toBe(true);
      expect(line?.trim().endsWith(` ${all.get(p)}`)).toBe(true);
    }
  });
});

describe("comparisons", () => {
  const pairs: [string, string][] = [
    ["江苏省", "浙江省"],
    ["山东省", "河南省"],
    ["湖南省", "湖北省"],
    ["河北省", "吉林省"],
    ["广东省", "广西壮族自治区"],
    ["北京市", "上海市"],
    ["四川省", "重庆市"],
  ];

  it.each(pairs)("%s和%s哪个多: both counts, the winner, the difference, per-batch lines", (x, y) => {
    const [nx, ny] = [all.get(x) ?? 0, all.get(y) ?? 0];
    const a = engine.answer(`${short(x)}和${short(y)}哪个多`);
    expect(a.intent).toBe("area.compare");
    const [first, ...rest] = a.text.split("\n");
    if (nx === ny) {
      expect(a.winners).toEqual([]);
      expect(first).toBe(`${x}${nx}个，${y}${ny}个，一样多。`);
    } else {
      const [win, lose] = nx > ny ? [x, y] : [y, x];
      expect(a.winners).toEqual([win]);
      expect(a.area).toBe(win);
      expect(a.count).toBe(Math.max(nx, ny));
      const [nw, nl] = [Math.max(nx, ny), Math.min(nx, ny)];
      expect(first).toBe(`${win}${nw}个，${lose}${nl}个，${win}多${nw - nl}个。`);
    }
    for (const p of [x, y]) {
      const line = rest.find((l) => l.startsWith(`${p}：`));
      const parts = perBatch(p)
        .map((n, i) => (n > 0 ? `第${"一二三"[i]}批${n}个` : ""))
        .filter(Boolean);
      expect(line, p).toContain(`${p}：${parts.join("、")}`);
    }
  });

  it.each(pairs.filter(([x, y]) => all.get(x) !== all.get(y)))(
    "%s和%s哪个少 names the one with fewer, and by how many",
    (x, y) => {
      const [nx, ny] = [all.get(x) ?? 0, all.get(y) ?? 0];
      const [few, many] = nx < ny ? [x, y] : [y, x];
      const a = engine.answer(`${short(x)}和${short(y)}哪个少`);
      expect(a.winners).toEqual([few]);
      expect(a.count).toBe(Math.min(nx, ny));
      expect(a.text.split("\n")[0]).toBe(
        `${few}${Math.min(nx, ny)}个，${many}${Math.max(nx, ny)}个，${few}少${Math.abs(nx - ny)}个。`,
      );
    },
  );

  it("three provinces: each count, the most, and the sum", () => {
    const three = ["山东省", "江苏省", "浙江省"];
    const a = engine.answer("山东、江苏、浙江比一下");
    const counts = three.map((p) => all.get(p) ?? 0);
    const top = three[counts.indexOf(Math.max(...counts))];
    expect(a.winners).toEqual([top]);
    expect(a.text).toContain(`合计${counts.reduce((s, n) => s + n, 0)}个`);
  });

  it("a pair with equal counts says so in English too", () => {
    const equal = provinces.flatMap((x) =>
      provinces
        .filter(
          (y) => y > x && all.get(x) === all.get(y) && x !== "新疆生产建设兵团" && y !== "新疆生产建设兵团",
        )
        .map((y) => [x, y]),
    )[0];
    expect(equal).toBeDefined();
    const [x = "", y = ""] = equal ?? [];
    const a = engine.answer(`compare ${PROVINCE_ENGLISH[x]} and ${PROVINCE_ENGLISH[y]}`);
    expect(a.winners).toEqual([]);
    expect(a.text.split("\n")[0]).toContain("the same");
  });

  it("within one batch, the counts are that batch's", () => {
    const b2 = referenceCounts(2);
    const a = engine.answer("第二批江苏和山东哪个多");
    const [nj, ns] = [b2.get("江苏省") ?? 0, b2.get("山东省") ?? 0];
    expect(a.text.split("\n")[0]).toContain(`江苏省${nj}个`);
    expect(a.text.split("\n")[0]).toContain(`山东省${ns}个`);
    expect(a.winners).toEqual([nj > ns ? "江苏省" : "山东省"]);
  });
});

describe("provinces with none", () => {
  it.each([1, 2, 3] as const)(
    "第%i批哪些省一个都没有: the reference's provinces missing from that batch",
    (batch) => {
      const inBatch = referenceCounts(batch);
      const none = provinces.filter((p) => !inBatch.has(p));
      const a = engine.answer(`第${"一二三"[batch - 1]}批哪些省一个都没有`);
      expect(a.intent).toBe("area.ranking");
      expect([...(a.winners ?? [])].sort()).toEqual([...none].sort());
      expect(a.count).toBe(none.length);
      const first = a.text.split("\n")[0] ?? "";
      for (const p of none) expect(first).toContain(p);
    },
  );

  it("over the programme every mainland unit has pilots", () => {
    const a = engine.answer("哪些省没有试点");
    expect(a.winners).toEqual([]);
    expect(a.text.split("\n")[0]).toContain(`共${provinces.length}个单位`);
  });
});

describe("a region's total (its members' counts summed)", () => {
  const members: Record<string, string[]> = {
    京津冀: ["北京市", "天津市", "河北省"],
    东北三省: ["辽宁省", "吉林省", "黑龙江省"],
    长三角: ["上海市", "江苏省", "浙江省", "安徽省"],
    华东六省一市: ["上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省"],
  };
  it.each([
    ["京津冀加起来多少个试点", "京津冀", null],
    ["东北三省总共有多少个智慧城市试点", "东北三省", null],
    ["长三角三省一市（沪苏浙皖）一共几个", "长三角", null],
    ["华东六省一市加起来几个", "华东六省一市", null],
    ["东北三省第一批有几个", "东北三省", 1],
    ["How many pilots in the Yangtze River Delta?", "长三角", null],
  ] as const)("%s", (q, region, batch) => {
    const counts = referenceCounts(batch ?? undefined);
    const sum = members[region]?.reduce((n, p) => n + (counts.get(p) ?? 0), 0);
    const a = engine.answer(q);
    expect(a.intent).toBe("area.count");
    expect(a.count).toBe(sum);
    const first = a.text.split("\n")[0] ?? "";
    expect(first).toContain(String(sum));
    // Each member's own count is stated beside its name.
    const listed = first.slice(Math.max(first.indexOf("："), first.indexOf(": "))).split(/[，,]/);
    for (const p of members[region] ?? []) {
      const item = listed.find((x) => x.includes(p)) ?? "";
      expect(item.match(/\d+(?=个|\.?$)/)?.[0], p).toBe(String(counts.get(p) ?? 0));
    }
  });

  it("ranks the members when asked which has most (东北三省哪个最多), no total leading", () => {
    const a = engine.answer("东北三省哪个最多");
    expect(a.intent).not.toBe("area.count");
    const top = ["辽宁省", "吉林省", "黑龙江省"].sort((x, y) => (all.get(y) ?? 0) - (all.get(x) ?? 0))[0];
    expect(a.winners).toEqual([top]);
  });
});

describe("an area's pilots of one kind of unit", () => {
  // Counted by hand from the reference list by a writer who never saw the engine (blind20).
  it.each([
    ["湖北有几个地级市是整个市入选的", "湖北省", 6],
    ["广东有几个地级市是整个市入选", "广东省", 1],
  ])("%s → %i", (q, province, n) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("area.count");
    expect(a.count).toBe(n);
    // Each one named is a pilot of that province in the reference list, and the whole is stated.
    const named = a.pilots?.map((p) => p.name) ?? [];
    expect(named).toHaveLength(n);
    for (const name of named)
      expect(
        entries.some((e) => e.name.startsWith(name) && e.province === province),
        name,
      ).toBe(true);
    expect(a.text).toContain(`${all.get(province)}个试点中`);
  });

  it.each([
    "杭州下面有几个试点（区县镇都算）",
    "苏州一共有几个智慧城市试点（包括下面的区县镇）",
    "杭州有几个试点区县",
  ])("%s counts every unit (the levels are included, not filtered)", (q) => {
    const a = engine.answer(q);
    const city = a.area ?? "";
    expect(a.text).not.toContain("个试点中");
    expect(a.count).toBeGreaterThan(1);
    expect(city).toMatch(/杭州市|苏州市/);
  });
});

describe("a province asked with a batch", () => {
  it.each([
    ["第一批里有没有广西的", "广西壮族自治区", 1],
    ["第二批有广西吗", "广西壮族自治区", 2],
  ] as const)("%s: its count in that batch", (q, province, batch) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("area.count");
    expect(a.count).toBe(referenceCounts(batch).get(province) ?? 0);
  });
});

describe("a province asked to be confirmed as the most", () => {
  it.each([
    ["第一批哪个省最多 是山东不", 1, "山东省"],
    ["吉林是全国最多的吗", undefined, "吉林省"],
  ] as const)("%s: says which is, then where it stands", (q, batch, named) => {
    const counts = referenceCounts(batch);
    const most = Math.max(...counts.values());
    const leaders = [...counts].filter(([, n]) => n === most).map(([p]) => p);
    const a = engine.answer(q);
    expect(leaders).not.toContain(named);
    expect(a.text.split("\n")[0]).toMatch(/^不是/);
    for (const p of leaders) expect(a.text.split("\n")[0]).toContain(p);
    expect(a.count).toBe(most);
    expect(a.text.split("\n")[1]).toContain(
      `${named}${batch ? "第一批（2012年度）" : ""}有${counts.get(named)}个`,
    );
  });

  it("山东是不是最多的: yes, no correction", () => {
    const a = engine.answer("山东是不是最多的");
    expect(a.text).not.toMatch(/^不是/);
    expect(a.count).toBe(all.get("山东省"));
  });
});

describe("groups compared by their sums", () => {
  const sum = (ps: string[]) => ps.reduce((n, p) => n + (all.get(p) ?? 0), 0);
  it("京津冀和长三角比哪个试点多: two regions", () => {
    const jjj = sum(["北京市", "天津市", "河北省"]);
    const csj = sum(["上海市", "江苏省", "浙江省", "安徽省"]);
    const a = engine.answer("京津冀和长三角比哪个试点多");
    expect(a.intent).toBe("area.compare");
    const first = a.text.split("\n")[0] ?? "";
    expect(first).toContain(`京津冀${jjj}个`);
    expect(first).toContain(`长三角${csj}个`);
    expect(first).toContain(`${csj > jjj ? "长三角" : "京津冀"}多${Math.abs(csj - jjj)}个`);
  });

  it("甘肃宁夏青海三省区加起来有江苏多吗: places summed against one", () => {
    const three = sum(["甘肃省", "宁夏回族自治区", "青海省"]);
    const js = all.get("江苏省") ?? 0;
    const a = engine.answer("甘肃宁夏青海三省区加起来有江苏多吗");
    expect(a.intent).toBe("area.compare");
    expect(a.winners).toEqual([js > three ? "江苏省" : "甘肃、宁夏、青海"]);
    expect(a.text.split("\n")[0]).toContain(`${three}个`);
    expect(a.text.split("\n")[0]).toContain(`江苏省${js}个`);
  });
});

describe("rankings without the expansion areas", () => {
  it.each([
    ["不算扩大范围的话哪个省最多", "不含扩大范围的"],
    ["Which province has the most pilots without the expansions?", "without its expansion areas"],
  ])("%s: the new pilots of all batches ranked", (q, scope) => {
    const entries = referenceEntries();
    const fresh = new Map<string, number>();
    for (const e of entries.filter((x) => x.kind === "new"))
      fresh.set(e.province, (fresh.get(e.province) ?? 0) + 1);
    const most = Math.max(...fresh.values());
    const a = engine.answer(q);
    expect(a.intent).toBe("area.ranking");
    expect(a.count).toBe(most);
    expect(a.winners).toEqual([...fresh].filter(([, n]) => n === most).map(([p]) => p));
    expect(a.text).toContain(scope);
    expect(a.text).toContain(String([...fresh.values()].reduce((x, y) => x + y, 0)));
  });
});

describe("provinces with exactly n pilots (blind38)", () => {
  // Whether the number is typed in digits or characters, the provinces named are the reference's.
  it.each([
    ["哪些省份只有1个国家智慧城市试点", 1],
    ["哪些省只有2个试点", 2],
    ["哪些省只有两个试点", 2],
    ["哪几个省只有六个试点", 6],
  ])("%s", (q, n) => {
    const expected = provinces.filter((p) => all.get(p) === n);
    expect(expected.length).toBeGreaterThan(0);
    const a = engine.answer(q);
    expect(a.text).toContain(`只有${n}个试点的省级单位有${expected.length}个`);
    for (const p of expected) expect(a.text).toContain(p);
    expect(a.winners).toEqual(expect.arrayContaining(expected));
  });
});
