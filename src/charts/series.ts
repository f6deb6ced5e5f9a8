import { isCounted } from "../data/pilots.ts";
import type { Atlas, Division } from "../engine/atlas.ts";

/** One bar's stacks: new pilots per batch, and the counted 2014 expansions apart. */
export interface BatchStacks {
  batch1: number;
  batch2: number;
  batch3: number;
  expansion3: number;
}

/** Counted pilots of a province-level unit, split into the chart's stacks. */
export function stacksOf(atlas: Atlas, d: Division): BatchStacks {
  const pilots = atlas.countedIn(d);
  const n = (batch: number, scope: "new" | "expansion") =>
    pilots.filter((p) => p.batch === batch && p.scope === scope).length;
  return { batch1: n(1, "new"), batch2: n(2, "new"), batch3: n(3, "new"), expansion3: n(3, "expansion") };
}

/** Every province-level unit with pilots, most first (ties in gazetteer order). */
export function provinceRows(atlas: Atlas): { division: Division; stacks: BatchStacks; total: number }[] {
  return atlas.provinces
    .map((division) => {
      const stacks = stacksOf(atlas, division);
      return { division, stacks, total: stacks.batch1 + stacks.batch2 + stacks.batch3 + stacks.expansion3 };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
}

/** Per batch: announcement date, new pilots, counted and uncounted expansions, running total. */
export function batchRows(atlas: Atlas) {
  let running = 0;
  return atlas.data.programme.batches.map((b) => {
    const pilots = atlas.data.pilots.filter((p) => p.batch === b.batch);
    const fresh = pilots.filter((p) => p.scope === "new").length;
    const counted = pilots.filter((p) => p.scope === "expansion" && isCounted(p)).length;
    const uncounted = pilots.filter((p) => p.scope === "expansion" && !isCounted(p)).length;
    running += fresh + counted;
    return {
      batch: b.batch,
      label: b.label,
      year: b.year,
      announced: b.announced,
      fresh,
      counted,
      uncounted,
      running,
    };
  });
}
