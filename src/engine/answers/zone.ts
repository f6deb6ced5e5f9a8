import type { NamesFile } from "../../data/schema.ts";
import { type ComposeContext, joinList, placeName, type Reply } from "./format.ts";

/** A zone of `data/names.json` (雄安新区): not a division, so it is answered through the counties it spans. */
export type Zone = NamesFile["zones"][number];

/** The zone a question names, by name or alias (Latin aliases as typed, apostrophes dropped). */
export function findZone(text: string, zones: Zone[]): Zone | undefined {
  return zones.find((z) => [z.name, ...z.aliases].some((n) => text.includes(n)));
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
    return d ? [{ name, pilots: [...atlas.pilotsIn(d), ...atlas.coveringPilots(d)] }] : [];
  });
  const withPilots = counties.filter((c) => c.pilots.length > 0);
  const later = zone.established > lastBatch;
  const lines =
    lang === "zh"
      ? [
          `${zone.name}（${zone.province}，${zone.established}年设立）不是国家智慧城市试点${later ? "：它设立时三批名单都已公布" : ""}。`,
          withPilots.length === 0
            ? `它所辖的${joinList(zone.counties, "zh")}也都不在名单里。`
            : `其中${joinList(
                withPilots.map((c) => `${c.name}（在试点${c.pilots.map((p) => p.name).join("、")}范围内）`),
                "zh",
              )}。`,
        ]
      : [
          `${zone.english} (${zone.name}; ${placeName(zone.province, "en")}, set up in ${zone.established}) is not a National Smart City pilot${later ? ": it was set up after the last list was published" : ""}.`,
          withPilots.length === 0
            ? `Nor are the counties it spans (${joinList(zone.counties, "zh")}).`
            : `Of its counties, ${joinList(
                withPilots.map((c) => c.name),
                "en",
              )} lie in a pilot.`,
        ];
  return { text: lines.join("\n"), isPilot: false, place: zone.name };
}
