import type { Pilot } from "./schema.ts";

/**
 * Whether an area counts toward the programme's 290. The 2013 扩大范围 areas (batch 2, expansion)
 * are named in answers but not counted; the 13 扩大范围 areas of 2014 are counted.
 */
export function isCounted(p: Pilot): boolean {
  return !(p.batch === 2 && p.scope === "expansion");
}
