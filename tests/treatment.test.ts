import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../src/data/load.ts";
import { Engine } from "../src/engine/engine.ts";
import { exportTable } from "../src/research/export.ts";
import { type PrefectureRow, pilotTable, prefectureTable } from "../src/research/treatment.ts";
import { referenceEntries } from "./helpers/reference.ts";

const data = loadDataset();
const rows = prefectureTable(data);
const row = (name: string): PrefectureRow => {
  const r = rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

describe("prefectureTable: invariants", () => {
  it("has one row per prefecture-level unit: 333 prefectures, 4 municipalities and the 省直辖 county-level units", () => {
    const direct = data.gazetteer.counties.filter((k) => k.city === null && !/^(11|12|31|50)/.test(k.code));
    expect(rows).toHaveLength(data.gazetteer.cities.length + 4 + direct.length);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it("puts every counted pilot of the reference in exactly one row", () => {
    const counted = referenceEntries().filter((e) => e.kind !== "expansion2013");
    expect(rows.reduce((s, r) => s + r.n_pilots, 0)).toBe(counted.length);
    const names = rows.flatMap((r) => (r.pilot_names ? r.pilot_names.split("、") : []));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(counted.length);
  });

  const wholeUnits = new Map(
    pilotTable(data)
      .filter((p) => p.whole_prefecture === 1 && p.counted === 1)
      .map((p) => [p.prefecture_code, p.batch]),
  );
  it("fills whole_city only where the unit itself is a pilot, and never later than any_pilot", () => {
    for (const r of rows) {
      if (r.whole_city_batch !== null) {
        expect(wholeUnits.get(r.code), r.name).toBe(r.whole_city_batch);
        expect(r.any_pilot_batch, r.name).not.toBeNull();
        expect(r.any_pilot_batch as number, r.name).toBeLessThanOrEqual(r.whole_city_batch);
      }
      expect(r.n_pilots === 0, r.name).toBe(r.any_pilot_batch === null);
    }
    expect(rows.filter((r) => r.whole_city_batch !== null)).toHaveLength(wholeUnits.size);
  });

  it("maps batches to programme years 2012/2013/2014 and announcement years 2013/2013/2015", () => {
    const years = { 1: [2012, 2013], 2: [2013, 2013], 3: [2014, 2015] } as Record<number, number[]>;
    for (const r of rows) {
      if (r.any_pilot_batch)
        expect([r.any_pilot_year, r.any_pilot_announced]).toEqual(years[r.any_pilot_batch]);
      if (r.whole_city_batch)
        expect([r.whole_city_year, r.whole_city_announced]).toEqual(years[r.whole_city_batch]);
    }
  });

  it("counts 37 whole prefecture-level units in batch 1, the official 37 地级市 (35 cities with 济源 and 万宁)", () => {
    const batch1 = rows.filter((r) => r.whole_city_batch === 1);
    expect(batch1).toHaveLength(37);
    expect(batch1.map((r) => r.name)).toEqual(expect.arrayContaining(["济源市", "万宁市", "无锡市"]));
  });
});

describe("prefectureTable: spot checks written from the reference", () => {
  it.each([
    // name, whole batch, any batch, pilots inside
    ["苏州市", null, 1, 6],
    ["无锡市", 1, 1, 1],
    ["临沂市", null, null, 0],
    ["北京市", null, 1, 11],
    ["宁波市", 2, 1, 4],
    ["杭州市", null, 1, 5],
    ["林芝市", 2, 2, 1],
    ["成都市", null, 1, 3],
    ["济源市", 1, 1, 1],
    ["石河子市", 3, 3, 1],
  ] as const)("%s: whole_city_batch %s, any_pilot_batch %s, %s pilots", (name, whole, any, n) => {
    const r = row(name);
    expect([r.whole_city_batch, r.any_pilot_batch, r.n_pilots]).toEqual([whole, any, n]);
  });

  it("says why 北京市 is empty under the whole-city rule and that 莱芜 merged into 济南", () => {
    expect(row("北京市").note).toContain("直辖市");
    expect(row("济南市").note).toMatch(/莱芜市.*并入济南市/);
    expect(row("济南市").whole_city_batch).toBeNull();
    expect(row("济南市").pilot_names).toContain("莱芜市");
  });

  it("names the 2013 expansions inside a prefecture without counting them", () => {
    expect(row("常州市").n_pilots).toBe(1);
    expect(row("常州市").note).toContain("常州市新北区");
  });
});

describe("pilotTable", () => {
  const pilots = pilotTable(data);
  it("lists the 290 counted pilots and the ten 2013 expansions, each with its prefecture", () => {
    expect(pilots.filter((p) => p.counted === 1)).toHaveLength(290);
    expect(pilots.filter((p) => p.counted === 0)).toHaveLength(10);
    for (const p of pilots) expect(p.prefecture, p.name).not.toBe("");
  });
  it("cites the notice of the batch, and no unconfirmed number", () => {
    const kunshan = pilots.find((p) => p.name === "昆山市");
    expect(kunshan?.notice_number).toBe("建办科〔2013〕22号");
    expect(kunshan?.prefecture).toBe("苏州市");
    expect(pilots.find((p) => p.batch === 3)?.notice_number).toBe("");
  });
});

describe("exportTable", () => {
  it("writes CSV in UTF-8 with a byte-order mark and a header row", async () => {
    const file = await exportTable(data, "prefectures", "csv");
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.content.toString("utf8").slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "code,name,province,whole_city_batch,whole_city_year,whole_city_announced,any_pilot_batch,any_pilot_year,any_pilot_announced,n_pilots,pilot_names,note",
    );
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.find((l) => l.startsWith("3202,"))).toBe(
      "3202,无锡市,江苏省,1,2012,2013,1,2012,2013,1,无锡市,",
    );
    expect(file.filename).toBe("smart-city-pilot-prefectures.csv");
  });

  it("writes an XLSX that reads back with the same rows and a README sheet", async () => {
    const file = await exportTable(data, "prefectures", "xlsx");
    expect(file.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.content as unknown as ArrayBuffer);
    const [sheet] = book.worksheets;
    if (!sheet) throw new Error("no sheet");
    expect(sheet.rowCount).toBe(rows.length + 1);
    const suzhou = sheet.getRows(2, rows.length)?.find((r) => r.getCell(2).value === "苏州市");
    expect(suzhou?.getCell(4).value ?? null).toBeNull();
    expect(suzhou?.getCell(7).value).toBe(1);
    expect(suzhou?.getCell(10).value).toBe(6);
    const readme = book.getWorksheet("说明 README");
    const text = readme?.getSheetValues().flat().join("\n") ?? "";
    expect(text).toContain("whole_city_batch");
    expect(text).toContain("建办科〔2013〕22号");
    expect(text).toContain("290");
  });

  it("writes the pilot list in XLSX with one row per pilot", async () => {
    const file = await exportTable(data, "pilots", "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.content as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(301);
  });
});

describe("research answers in the engine", () => {
  const engine = new Engine(data);
  it("counts prefecture-level units under both rules, from the same table as the export", () => {
    const a = engine.answer("地级市层面有多少个试点");
    expect(a.intent).toBe("research.data");
    const whole = rows.filter((r) => r.whole_city_batch !== null).length;
    const any = rows.filter((r) => r.any_pilot_batch !== null).length;
    expect(a.count).toBe(whole);
    expect(a.text).toContain(`共${whole}个`);
    expect(a.text).toContain(`共${any}个`);
    expect(a.attachments).toEqual(["prefectures", "pilots"]);
  });

  it("says how 苏州 is coded when asked whether it counts as a pilot city", () => {
    const text = engine.answer("苏州算不算试点城市").text;
    expect(text).toContain("整市规则下不算处理组");
    expect(text).toMatch(/任一试点规则下从第一批/);
  });

  it("cites the notice of a pilot's batch, with the number only where it is confirmed", () => {
    expect(engine.answer("昆山是试点吗").text).toContain("依据：建办科〔2013〕22号。");
    const third = engine.answer("亳州是试点吗").text;
    expect(third).toContain("依据：《关于公布国家智慧城市2014年度试点名单的通知》。");
    expect(third).not.toContain("380号");
    expect(engine.answer("无锡是试点吗").text).not.toContain("依据");
  });

  it("names all ten 2013 expansions and says the official figure is nine", () => {
    const text = engine.answer("2013年的扩大范围有哪些").text;
    expect(text).toContain("官方数字是9个");
    for (const n of ["常州市新北区", "佛山市南海区", "长沙滨江商务新城"]) expect(text).toContain(n);
  });
});
