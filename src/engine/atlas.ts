import { type Dataset, EXTRA_LISTING_UNITS } from "../data/load.ts";
import { isCounted } from "../data/pilots.ts";
import type { Pilot } from "../data/schema.ts";

/** A real administrative division: a province-level unit, a prefecture-level city or a county-level unit. */
export interface Division {
  /** Gazetteer code (2, 4 or 6 digits); 新疆生产建设兵团 uses the pseudo code `XJBT`. */
  code: string;
  name: string;
  level: "province" | "city" | "county";
  /** Name of the province-level unit it belongs to (itself for a province). */
  province: string;
  /** Name of the prefecture-level city it belongs to, if any. */
  city: string | null;
}

/** English names of the province-level units, for English answers and English questions. */
export const PROVINCE_ENGLISH: Readonly<Record<string, string>> = {
  北京市: "Beijing",
  天津市: "Tianjin",
  河北省: "Hebei",
  山西省: "Shanxi",
  内蒙古自治区: "Inner Mongolia",
  辽宁省: "Liaoning",
  吉林省: "Jilin",
  黑龙江省: "Heilongjiang",
  上海市: "Shanghai",
  江苏省: "Jiangsu",
  浙江省: "Zhejiang",
  安徽省: "Anhui",
  福建省: "Fujian",
  江西省: "Jiangxi",
  山东省: "Shandong",
  河南省: "Henan",
  湖北省: "Hubei",
  湖南省: "Hunan",
  广东省: "Guangdong",
  广西壮族自治区: "Guangxi",
  海南省: "Hainan",
  重庆市: "Chongqing",
  四川省: "Sichuan",
  贵州省: "Guizhou",
  云南省: "Yunnan",
  西藏自治区: "Tibet",
  陕西省: "Shaanxi",
  甘肃省: "Gansu",
  青海省: "Qinghai",
  宁夏回族自治区: "Ningxia",
  新疆维吾尔自治区: "Xinjiang",
  台湾省: "Taiwan",
  香港特别行政区: "Hong Kong",
  澳门特别行政区: "Macao",
  新疆生产建设兵团: "Xinjiang Production and Construction Corps",
};

/** The corps' pseudo code: it has no gazetteer code but is a listing unit of its own. */
export const CORPS_CODE = "XJBT";

/**
 * Where places are and which pilots lie in, cover or sit beside them. Built once from the dataset;
 * every lookup afterwards is a map access or a scan of the 300 records.
 */
export class Atlas {
  /** Every division by code. */
  readonly divisions = new Map<string, Division>();
  /** Province-level units by full name, in gazetteer order (新疆生产建设兵团 last). */
  readonly provinces: Division[] = [];
  /** Prefecture-level cities. */
  readonly cities: Division[] = [];
  /** Pilots by official name. */
  readonly pilotByName = new Map<string, Pilot>();

  constructor(readonly data: Dataset) {
    const { gazetteer } = data;
    const provinceName = new Map(gazetteer.provinces.map((p) => [p.code, p.name]));
    const cityName = new Map(gazetteer.cities.map((c) => [c.code, c.name]));
    for (const p of gazetteer.provinces) {
      this.add({ code: p.code, name: p.name, level: "province", province: p.name, city: null });
    }
    for (const name of Object.keys(EXTRA_LISTING_UNITS)) {
      this.add({ code: CORPS_CODE, name, level: "province", province: name, city: null });
    }
    for (const c of gazetteer.cities) {
      const province = provinceName.get(c.code.slice(0, 2)) ?? "";
      this.add({ code: c.code, name: c.name, level: "city", province, city: null });
    }
    for (const k of gazetteer.counties) {
      const province = provinceName.get(k.code.slice(0, 2)) ?? "";
      this.add({
        code: k.code,
        name: k.name,
        level: "county",
        province,
        city: (k.city && cityName.get(k.city)) ?? null,
      });
    }
    for (const p of data.pilots) this.pilotByName.set(p.name, p);
  }

  private add(d: Division): void {
    this.divisions.set(d.code, d);
    if (d.level === "province") this.provinces.push(d);
    if (d.level === "city") this.cities.push(d);
  }

  /** The province-level division a pilot is listed under. */
  provinceOf(p: Pilot): Division | undefined {
    return this.provinces.find((d) => d.name === p.province);
  }

  /**
   * Pilots that lie inside a division: by listing for province-level units (the counting convention),
   * by division code below that. Includes the uncounted 2013 expansions; filter with `isCounted`.
   */
  pilotsIn(d: Division): Pilot[] {
    if (d.level === "province") return this.data.pilots.filter((p) => p.province === d.name);
    return this.data.pilots.filter((p) => p.divisionCode?.startsWith(d.code));
  }

  /** Counted pilots inside a division (what a count answer states). */
  countedIn(d: Division): Pilot[] {
    return this.pilotsIn(d).filter(isCounted);
  }

  /**
   * Pilots that cover a county without naming it as a pilot of its own: a prefecture-level pilot
   * whose city contains it, or a pilot whose 含… list names it.
   */
  coveringPilots(d: Division): Pilot[] {
    if (d.level !== "county") return [];
    const cityCode = d.code.slice(0, 4);
    return this.data.pilots.filter(
      (p) =>
        (p.level === "地级市" && p.divisionCode === cityCode) ||
        (p.includes.includes(d.name) && p.divisionCode !== null && d.code.startsWith(p.divisionCode)),
    );
  }

  /**
   * Other pilots closely tied to one: the pilots it extends or that extend it, and the pilots that
   * contain it or lie inside it (an administrative pilot such as 昆山市 contains 昆山市张浦镇).
   */
  relatedPilots(p: Pilot): Pilot[] {
    let related = this.related.get(p);
    if (!related) {
      related = this.data.pilots.filter(
        (q) => q !== p && (q.expands === p.name || p.expands === q.name || liesIn(q, p) || liesIn(p, q)),
      );
      this.related.set(p, related);
    }
    return related;
  }

  private readonly related = new Map<Pilot, Pilot[]>();

  /** Whether division `outer` contains the place with code `code` (or is it). */
  contains(outer: Division, code: string | null, province: string): boolean {
    if (outer.level === "province") return outer.name === province;
    return code?.startsWith(outer.code) ?? false;
  }
}

const ADMINISTRATIVE = new Set(["地级市", "县级市", "区", "县"]);

/** Whether pilot `inner` lies inside the administrative pilot `outer` (a town in its county, say). */
function liesIn(inner: Pilot, outer: Pilot): boolean {
  if (!ADMINISTRATIVE.has(outer.level) || !outer.divisionCode || !inner.divisionCode) return false;
  if (!inner.divisionCode.startsWith(outer.divisionCode)) return false;
  return inner.divisionCode !== outer.divisionCode || !ADMINISTRATIVE.has(inner.level);
}
