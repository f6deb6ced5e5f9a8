import { canonicalName } from "../lexicon.ts";
import type { Mention } from "../recognise.ts";
import type { ComposeContext } from "./format.ts";
import { batchLabel, placeName } from "./format.ts";

/** A line naming the other places the user's term can mean, or "" when it names only one. */
export function describeAlternatives(cx: ComposeContext, m: Mention): string {
  if (m.ambiguous) {
    const { term, readings } = m.ambiguous;
    const chosen = canonicalName(m.place) ?? m.ambiguous.default;
    const others = readings.filter((r) => r !== chosen);
    return cx.lang === "zh"
      ? `（“${term}”在这里按${chosen}理解；如果问的是${others.join("或")}，请写全称。）`
      : `(“${m.term}” is read as ${placeName(chosen, "en")}; for ${others.map((o) => placeName(o, "en")).join(" or ")}, name it in full.)`;
  }
  const alts = (m.alternatives ?? []).slice(0, 3).map((p) => {
    if (p.kind === "pilot") {
      return cx.lang === "zh"
        ? `${p.pilot.name}（${batchLabel(p.pilot.batch, cx.programme, "zh")}试点）`
        : `${p.pilot.name} (a batch ${p.pilot.batch} pilot)`;
    }
    const d = p.division;
    const where = d.level === "province" ? "" : `${d.province}${d.city ?? ""}`;
    return cx.lang === "zh" ? `${where}${d.name}` : `${d.name} in ${d.province}`;
  });
  if (alts.length === 0) return "";
  return cx.lang === "zh"
    ? `另：“${m.term}”也可能指${alts.join("、")}，可以写全称再问。`
    : `(“${m.term}” may also mean ${alts.join(", ")}.)`;
}
