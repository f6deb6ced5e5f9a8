import type { Batch, Pilot, Programme } from "./schema.ts";

/**
 * Whether an area counts toward the programme's 290. The 2013 扩大范围 areas (batch 2, expansion)
 * are named in answers but not counted; the 13 扩大范围 areas of 2014 are counted.
 */
export function isCounted(p: Pilot): boolean {
  return !(p.batch === 2 && p.scope === "expansion");
}

/** The facts of batch `n`; the schema guarantees all three batches exist. */
export function batchOf(programme: Programme, n: number): Batch {
  const b = programme.batches.find((x) => x.batch === n);
  if (!b) throw new Error(`data/programme.json has no batch ${n}`);
  return b;
}
