import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_DIR, DataError, EXTRA_LISTING_UNITS, loadDataset } from "../src/data/load.ts";
import { isCounted } from "../src/data/pilots.ts";

const data = loadDataset();
const { pilots, programme, gazetteer, ambiguous } = data;
const byName = new Map(pilots.map((p) => [p.name, p]));
const count = (pred: (p: (typeof pilots)[number]) => boolean) => pilots.filter(pred).length;

describe("batch totals", () => {
  it.each([
    ["batch 1", 1, "new", 90],
    ["batch 2", 2, "new", 103],
    ["batch 3 new", 3, "new", 84],
    ["batch 3 扩大范围", 3, "expansion", 13],
    ["2013 扩大范围 (not counted)", 2, "expansion", 10],
  ] as const)("%s has %i records", (_label, batch, scope, expected) => {
    expect(count((p) => p.batch === batch && p.scope === scope)).toBe(expected);
  });

  it("counts 290 areas and 300 records in all", () => {
    expect(count(isCounted)).toBe(290);
    expect(pilots).toHaveLength(300);
    expect(programme.total).toBe(290);
  });

  it("agrees with the programme's batch table", () => {
    for (const b of programme.batches) {
      expect(count((p) => p.batch === b.batch && p.scope === "new")).toBe(b.count);
      expect(count((p) => p.batch === b.batch && p.scope === "expansion")).toBe(b.expansions);
    }
    const first = programme.batches[0]?.composition ?? {};
    expect(Object.values(first).reduce((a, b) => a + b, 0)).toBe(90);
  });
});

describe("per-province counts (the reference's convention: they sum to 290)", () => {
  const expected: Record<string, number> = {
    北京市: 11,
    天津市: 6,
    河北省: 13,
    山西省: 10,
    内蒙古自治区: 5,
    辽宁省: 7,
    吉林省: 13,
    黑龙江省: 9,
    上海市: 1,
    江苏省: 21,
    浙江省: 14,
    安徽省: 15,
    福建省: 8,
    江西省: 11,
    山东省: 26,
    河南省: 11,
    湖北省: 11,
    湖南省: 16,
    广东省: 10,
    广西壮族自治区: 7,
    海南省: 1,
    重庆市: 5,
    四川省: 12,
    贵州省: 9,
    云南省: 6,
    西藏自治区: 2,
    陕西省: 6,
    甘肃省: 7,
    青海省: 3,
    宁夏回族自治区: 5,
    新疆维吾尔自治区: 7,
    新疆生产建设兵团: 2,
  };
  it.each(Object.entries(expected))("%s has %i", (province, n) => {
    expect(count((p) => isCounted(p) && p.province === province)).toBe(n);
  });
  it("sums to 290 and covers every listed province", () => {
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(290);
    expect(new Set(pilots.map((p) => p.province))).toEqual(new Set(Object.keys(expected)));
  });
});

describe("integrity", () => {
  it("gives each document and batch note the same figures in English as in Chinese", () => {
    // Figures of two or more digits; the Chinese 8月5日 has no English twin digit for digit.
    const figures = (text: string) => [...(text.match(/\d{2,}/g) ?? [])].sort();
    for (const d of programme.documents) expect(figures(d.aboutEn), d.title).toEqual(figures(d.about));
    for (const b of programme.batches)
      expect(figures(b.expansionsNoteEn ?? ""), b.label).toEqual(figures(b.expansionsNote ?? ""));
    const indicators = programme.documents.find((d) => d.title.includes("指标体系"));
    expect(indicators?.aboutEn).toMatch(/4 first-level, 11 second-level and 57 third-level/);
  });

  it("has unique ids and names", () => {
    expect(new Set(pilots.map((p) => p.id)).size).toBe(pilots.length);
    expect(new Set(pilots.map((p) => p.name)).size).toBe(pilots.length);
  });

  it("resolves every expands to an earlier new pilot of the same province", () => {
    for (const p of pilots.filter((q) => q.scope === "expansion")) {
      const target = byName.get(p.expands ?? "");
      expect(target, p.name).toBeDefined();
      expect(target?.scope).toBe("new");
      expect(target?.batch).toBeLessThan(p.batch);
      expect(target?.province).toBe(p.province);
    }
  });

  it("maps every alias to exactly one area, and never to another area's name", () => {
    const owner = new Map<string, string>();
    for (const p of pilots) {
      for (const term of new Set([p.name, ...p.aliases])) {
        expect(owner.get(term), `${term} claimed by ${owner.get(term)} and ${p.name}`).toBeUndefined();
        owner.set(term, p.name);
      }
    }
  });

  it("declares ambiguous terms on purpose, with readings that exist", () => {
    const places = new Set([
      ...gazetteer.provinces.map((p) => p.name),
      ...gazetteer.cities.map((c) => c.name),
      ...gazetteer.counties.map((c) => c.name),
    ]);
    const aliases = new Set(pilots.flatMap((p) => [p.name, ...p.aliases]));
    expect(ambiguous.map((a) => a.term)).toEqual(["吉林", "海南"]);
    for (const a of ambiguous) {
      expect(aliases.has(a.term)).toBe(false);
      for (const r of a.readings) expect(places.has(r), r).toBe(true);
    }
  });

  it("places every pilot's province and parent in the gazetteer, consistent with its division code", () => {
    const provinceCode = new Map(gazetteer.provinces.map((p) => [p.name, p.code]));
    const cityCode = new Map(gazetteer.cities.map((c) => [c.name, c.code]));
    for (const p of pilots) {
      const realProvince = EXTRA_LISTING_UNITS[p.province] ?? p.province;
      const pc = provinceCode.get(realProvince);
      expect(pc, p.name).toBeDefined();
      if (p.divisionCode) expect(p.divisionCode.slice(0, 2), p.name).toBe(pc);
      if (p.parent) {
        expect(cityCode.has(p.parent), `${p.name} → ${p.parent}`).toBe(true);
        expect(p.divisionCode?.startsWith(cityCode.get(p.parent) ?? "?"), p.name).toBe(true);
      }
    }
  });

  it("gives every area outside a municipality and the 兵团 a division code", () => {
    const missing = pilots.filter((p) => p.divisionCode === null).map((p) => p.name);
    expect(missing).toEqual([]);
  });
});

describe("the seed article's errors and renames", () => {
  const resolve = (term: string) => pilots.filter((p) => p.name === term || p.aliases.includes(term));

  it.each([
    ["北京经济技术开发区", 2],
    ["北京市房山区长阳镇", 2],
    ["秦皇岛市", 1],
    ["北戴河新区", 1],
    ["成都市温江区", 1],
    ["六安市霍山县", 2],
    ["亳州市", 3],
    ["河源市江东新区", 3],
    ["大理市", 3],
  ] as const)("%s is a batch-%i pilot", (name, batch) => {
    expect(byName.get(name)?.batch).toBe(batch);
  });

  it("does not list 临沂市 or 成都市 as pilots and explains both", () => {
    expect(resolve("临沂市")).toEqual([]);
    expect(resolve("成都市")).toEqual([]);
    const corrected = programme.seedCorrections.map((c) => c.term);
    expect(corrected).toEqual(expect.arrayContaining(["临沂市", "成都市"]));
  });

  it.each([
    ["大理石", "大理市"],
    ["平潭市", "平潭"],
    ["温江区", "成都市温江区"],
    ["河源江东新区", "河源市江东新区"],
    ["郫都区", "郫县"],
    ["林芝市", "林芝地区"],
    ["盘州市", "六盘水市盘县"],
    ["坪山区", "深圳市坪山新区"],
    ["临安区昌化镇", "临安市昌化镇"],
    ["长乐区", "长乐市"],
    ["章丘区", "章丘市"],
    ["洪泽区", "淮安市洪泽县"],
    ["静海区", "天津市静海县"],
    ["怀仁市", "怀仁县"],
    ["祁阳市", "永州市祁阳县"],
    ["黄岛区", "青岛西海岸新区"],
    ["昆山", "昆山市"],
    ["番禺", "广州市番禺区"],
    ["两江新区", "重庆市两江新区"],
    ["梅溪湖", "长沙市梅溪湖国际服务区"],
  ])("%s resolves to %s", (term, name) => {
    expect(resolve(term).map((p) => p.name)).toEqual([name]);
  });

  it("keeps 含… places as includes of one pilot", () => {
    expect(byName.get("宁波市")?.includes).toEqual(["海曙区", "梅山保税港区", "鄞州区咸祥镇"]);
    expect(byName.get("常德市")?.includes).toEqual(["津市市", "澧县", "汉寿县"]);
    expect(byName.get("柳州市")?.includes).toEqual(["鱼峰区"]);
  });

  it("records a note for every rename and every seed error", () => {
    for (const name of [
      "广州市萝岗区",
      "郫县",
      "林芝地区",
      "莱芜市",
      "大理市",
      "平潭",
      "亳州市",
      "成都市温江区",
    ]) {
      expect(byName.get(name)?.note, name).toBeTruthy();
    }
  });
});

/** Copies every data file but pilots.json into `dir`, for a test to write a broken pilots.json beside them. */
function copyDataExceptPilots(dir: string): void {
  for (const f of readdirSync(DATA_DIR).filter((n) => n.endsWith(".json") && n !== "pilots.json"))
    writeFileSync(join(dir, f), readFileSync(join(DATA_DIR, f)));
}

describe("loading", () => {
  it("names file, record and field when a record is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilots-data-"));
    copyDataExceptPilots(dir);
    const broken = JSON.parse(readFileSync(join(DATA_DIR, "pilots.json"), "utf8"));
    broken[5].batch = 4;
    writeFileSync(join(dir, "pilots.json"), JSON.stringify(broken));
    expect(() => loadDataset(dir)).toThrow(DataError);
    expect(() => loadDataset(dir)).toThrow(/pilots\.json record #5 \(.+\) field batch/);
  });

  it("reports a broken reference", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilots-data-"));
    copyDataExceptPilots(dir);
    const broken = JSON.parse(readFileSync(join(DATA_DIR, "pilots.json"), "utf8"));
    const i = broken.findIndex((p: { scope: string }) => p.scope === "expansion");
    broken[i].expands = "不存在市";
    writeFileSync(join(dir, "pilots.json"), JSON.stringify(broken));
    expect(() => loadDataset(dir)).toThrow(/field expands: 不存在市/);
  });
});
