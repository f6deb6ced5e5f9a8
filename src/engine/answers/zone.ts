import type { NamesFile } from "../../data/schema.ts";
import { type ComposeContext, joinList, pilotWithBatch, placeName, type Reply } from "./format.ts";

/** Pilot levels that are a whole administrative unit. */
const WHOLE_UNIT = new Set(["地级市", "县级市", "区", "县"]);

/** A zone of `data/names.json` (雄安新区): not a division, so it is answered through the counties it spans. */
export type Zone = NamesFile["zones"][number];

/** The zone a question names, by name or alias (Latin aliases as typed, apostrophes dropped). */
export function findZone(text: string, zones: Zone[]): Zone | undefined {
  return findZoneAt(text, zones)?.zone;
}

/** The zone a question names and where: its longest name found. */
export function findZoneAt(
  text: string,
  zones: Zone[],
): { zone: Zone; start: number; end: number } | undefined {
  for (const zone of zones) {
    const names = [zone.name, ...zone.aliases].sort((a, b) => b.length - a.length);
    for (const name of names) {
      const start = text.indexOf(name);
      if (start >= 0) return { zone, start, end: start + name.length };
    }
  }
  return undefined;
}

/**
 * Answers "is 雄安新区 a pilot": not itself (it was set up after the last batch, when that is so),
 * and whether any county it spans is or lies in a pilot.
 */
export function composeZoneStatus(cx: ComposeContext, zone: Zone): Reply {
  const { atlas, lang } = cx;
  const lastBatch = Math.max(...cx.programme.batches.map((b) => Number(b.announced.slice(0, 4))));
  const counties = zone.counties.flatMap((name) => {
    const d = [...atlas.divisions.values()].find((x) => x.name === name && x.province === zone.province);
    if (!d) return [];
    // The pilots it lies in: ones that cover its county, or the county itself (not pilots inside it).
    const own = atlas.pilotsIn(d).filter((p) => p.divisionCode === d.code && WHOLE_UNIT.has(p.level));
    return [{ name, pilots: [...own, ...atlas.coveringPilots(d)] }];
  });
  const withPilots = counties.filter((c) => c.pilots.length > 0);
  const later = zone.established !== undefined && zone.established > lastBatch;
  const covering = [...new Set(withPilots.flatMap((c) => c.pilots))];
  const set =
    zone.established === undefined
      ? ""
      : lang === "zh"
        ? `，${zone.established}年设立`
        : `, set up in ${zone.established}`;
  const lines =
    lang === "zh"
      ? [
          `${zone.name}（${zone.province}${set}）本身不是国家智慧城市试点${later ? "：它设立时三批名单都已公布" : ""}。`,
          covering.length === 0
            ? `它所在的${joinList(zone.counties, "zh")}也都不在名单里。`
            : `它所在的${joinList(
                withPilots.map((c) => c.name),
                "zh",
              )}在试点${joinList(
                covering.map((p) => pilotWithBatch(p, cx.programme, "zh")),
                "zh",
              )}的范围内。`,
        ]
      : [
          `${zone.english} (${zone.name}; ${placeName(zone.province, "en")}${set}) is not itself a National Smart City pilot${later ? ": it was set up after the last list was published" : ""}.`,
          covering.length === 0
            ? `Nor are the counties it lies in (${joinList(zone.counties, "zh")}).`
            : `It lies in ${joinList(
                withPilots.map((c) => placeName(c.name, "en")),
                "en",
              )}, within the pilot ${joinList(
                covering.map((p) => pilotWithBatch(p, cx.programme, "en")),
                "en",
              )}.`,
        ];
  return { text: lines.join("\n"), isPilot: false, place: zone.name };
}
