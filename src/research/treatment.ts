import { type Dataset, EXTRA_LISTING_UNITS } from "../data/load.ts";
import { batchOf, isCounted } from "../data/pilots.ts";
import type { Batch, Pilot } from "../data/schema.ts";

/**
 * Tables researchers code the programme with (difference-in-differences). Everything here is derived
 * from `data/pilots.json`, `data/programme.json` and today's divisions in `data/gazetteer.json`; nothing
 * is typed in. Pure: the same dataset always gives the same rows, in gazetteer order.
 */

/** The tables a researcher can download. */
export const TABLES = ["prefectures", "pilots"] as const;
/** One of {@link TABLES}. */
export type TableName = (typeof TABLES)[number];

/** Province-level units whose districts are listed directly under them: no prefecture level between. */
const MUNICIPALITY_CODES = new Set(["11", "12", "31", "50"]);

/** One prefecture-level unit of today's divisions and when it was treated under each convention. */
export interface PrefectureRow {
  /** Gazetteer code: 4 digits for a prefecture, 2 for a 直辖市, 6 for a 省直辖县级 unit. */
  code: string;
  name: string;
  province: string;
  /** Batch in which the prefecture-level unit itself became a pilot (whole-city rule). */
  whole_city_batch: number | null;
  /** Programme year (年度) of that batch: 2012, 2013 or 2014. */
  whole_city_year: number | null;
  /** Year the batch was announced: 2013, 2013 or 2015. */
  whole_city_announced: number | null;
  /** Earliest batch of any counted pilot inside the unit (any-pilot rule). */
  any_pilot_batch: number | null;
  any_pilot_year: number | null;
  any_pilot_announced: number | null;
  /** Counted pilots inside (the 290 convention: the 2013 expansions are not counted). */
  n_pilots: number;
  /** Their official names, in batch order, joined with 、. */
  pilot_names: string;
  /** Special cases: 直辖市, 省直辖 units, merged prefectures, the corps, 2013 expansions inside. */
  note: string;
}

/** One listed pilot area (the 290 plus the ten 2013 expansions), with its prefecture and notice. */
export interface PilotRow {
  id: string;
  name: string;
  province: string;
  /** Code and name of today's prefecture-level unit it lies in (see {@link PrefectureRow}). */
  prefecture_code: string;
  prefecture: string;
  level: string;
  batch: number;
  /** Programme year of the batch (2012/2013/2014). */
  programme_year: number;
  /** Date the batch was announced (ISO). */
  announced: string;
  /** `new`, or `expansion` for a 扩大范围 area. */
  scope: string;
  /** The earlier pilot an expansion extends. */
  expands: string;
  /** 1 when the area counts toward the 290, 0 for the 2013 expansions. */
  counted: number;
  /** True when the pilot is the prefecture-level unit itself. */
  whole_prefecture: number;
  /** Places named inside the listing's 含… parenthesis. */
  includes: string;
  /** Title of the notice that published the batch, where known. */
  notice: string;
  /** Its document number; empty when the number is unconfirmed. */
  notice_number: string;
  note: string;
}

/** A prefecture-level unit before its pilots are attached. */
export interface Unit {
  code: string;
  name: string;
  province: string;
  notes: string[];
}

/** The prefecture-level units of today's divisions and the unit each pilot lies in. */
export class PrefectureUnits {
  /** Every unit in gazetteer order. */
  readonly units: Unit[] = [];
  private readonly byCode = new Map<string, Unit>();
  private readonly countyCity = new Map<string, string | null>();

  constructor(private readonly data: Dataset) {
    const { provinces, cities, counties } = data.gazetteer;
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    for (const k of counties) this.countyCity.set(k.code, k.city);
    for (const p of provinces) {
      if (MUNICIPALITY_CODES.has(p.code))
        this.add({ code: p.code, name: p.name, province: p.name, notes: [] });
      for (const c of cities.filter((c) => c.code.startsWith(p.code))) {
        this.add({ code: c.code, name: c.name, province: p.name, notes: [] });
      }
      const direct = counties.filter((k) => k.city === null && k.code.startsWith(p.code));
      if (MUNICIPALITY_CODES.has(p.code)) continue;
      for (const k of direct) {
        this.add({ code: k.code, name: k.name, province: provinceName.get(p.code) ?? "", notes: [] });
      }
    }
  }

  private add(u: Unit): void {
    this.units.push(u);
    this.byCode.set(u.code, u);
  }

  /** The unit a pilot lies in, by its division code; undefined when the code is missing or unknown. */
  unitOf(p: Pilot): Unit | undefined {
    return p.divisionCode === null ? undefined : this.unitOfCode(p.divisionCode);
  }

  /** The unit a division lies in (itself for a prefecture); undefined for a province other than a 直辖市. */
  unitOfCode(code: string): Unit | undefined {
    if (MUNICIPALITY_CODES.has(code.slice(0, 2))) return this.byCode.get(code.slice(0, 2));
    if (code.length === 4) return this.byCode.get(code);
    if (code.length === 6) return this.byCode.get(this.countyCity.get(code) ?? code);
    return undefined;
  }

  /**
   * Whether the pilot is the unit itself: a prefecture-level city pilot in its own city, or a 省直辖
   * county-level city such as 济源市. A city abolished since (莱芜市) is not the unit it merged into.
   */
  isWholeUnit(p: Pilot, u: Unit): boolean {
    if (p.covers?.length) return false;
    return p.divisionCode === u.code && (p.level === "地级市" || u.code.length === 6);
  }

  /** Batch facts by number. */
  batch(n: number): Batch {
    return batchOf(this.data.programme, n);
  }
}

const announcedYear = (b: Batch): number => Number(b.announced.slice(0, 4));

function earliest(pilots: readonly Pilot[]): number | null {
  return pilots.length ? Math.min(...pilots.map((p) => p.batch)) : null;
}

/** Why a unit's row needs reading with care, worded from the data (no facts typed in). */
function unitNotes(u: Unit, inside: readonly Pilot[], uncounted: readonly Pilot[], data: Dataset): string[] {
  const notes: string[] = [];
  if (u.code.length === 2)
    notes.push("直辖市：试点都是区、功能区或镇，市本身不是试点；整市规则下通常不算处理组");
  if (u.code.length === 6) notes.push("省直辖县级行政单位，按地级单位单列");
  for (const p of inside) {
    if (p.covers?.length) {
      notes.push(
        `原地级市${p.name}（第${p.batch}批试点）已并入${u.name}，今为${p.covers.join("、")}；按当年区划编码时应单列`,
      );
    }
    const corps = Object.keys(EXTRA_LISTING_UNITS).find((k) => k === p.province);
    if (corps) notes.push(`${p.name}在名单中列于${corps}之下`);
  }
  if (uncounted.length) {
    const year = batchOf(data.programme, uncounted[0]?.batch ?? 2).year;
    notes.push(
      `另有${year}年扩大范围区域（不计入${data.programme.total}）：${uncounted.map((p) => p.name).join("、")}`,
    );
  }
  return notes;
}

/**
 * One row per prefecture-level unit of today's divisions (直辖市, 地级市/地区/自治州/盟, 省直辖县级 units),
 * with the first batch under the whole-city rule and under the any-pilot rule.
 */
export function prefectureTable(data: Dataset): PrefectureRow[] {
  const units = new PrefectureUnits(data);
  const inside = new Map<Unit, Pilot[]>();
  for (const p of data.pilots) {
    const u = units.unitOf(p);
    if (!u) throw new Error(`treatment: no prefecture-level unit for ${p.name} (${p.divisionCode})`);
    inside.set(u, [...(inside.get(u) ?? []), p]);
  }
  return units.units.map((u) => {
    const all = (inside.get(u) ?? []).sort((a, b) => a.batch - b.batch);
    const counted = all.filter(isCounted);
    const whole = earliest(counted.filter((p) => units.isWholeUnit(p, u)));
    const any = earliest(counted);
    const wb = whole === null ? null : units.batch(whole);
    const ab = any === null ? null : units.batch(any);
    return {
      code: u.code,
      name: u.name,
      province: u.province,
      whole_city_batch: whole,
      whole_city_year: wb?.year ?? null,
      whole_city_announced: wb ? announcedYear(wb) : null,
      any_pilot_batch: any,
      any_pilot_year: ab?.year ?? null,
      any_pilot_announced: ab ? announcedYear(ab) : null,
      n_pilots: counted.length,
      pilot_names: counted.map((p) => p.name).join("、"),
      note: unitNotes(
        u,
        all,
        all.filter((p) => !isCounted(p)),
        data,
      ).join("；"),
    };
  });
}

/** One row per listed pilot area, in the dataset's order (batch by batch). */
export function pilotTable(data: Dataset): PilotRow[] {
  const units = new PrefectureUnits(data);
  const notice = (n: number) => {
    const title = units.batch(n).notice;
    const doc = data.programme.documents.find((d) => d.title === title);
    return { title: title ?? "", number: doc?.numberConfirmed ? (doc.number ?? "") : "" };
  };
  return data.pilots.map((p) => {
    const u = units.unitOf(p);
    const b = units.batch(p.batch);
    return {
      id: p.id,
      name: p.name,
      province: p.province,
      prefecture_code: u?.code ?? "",
      prefecture: u?.name ?? "",
      level: p.level,
      batch: p.batch,
      programme_year: b.year,
      announced: b.announced,
      scope: p.scope,
      expands: p.expands ?? "",
      counted: isCounted(p) ? 1 : 0,
      whole_prefecture: u && units.isWholeUnit(p, u) ? 1 : 0,
      includes: p.includes.join("、"),
      notice: notice(p.batch).title,
      notice_number: notice(p.batch).number,
      note: p.note ?? "",
    };
  });
}
