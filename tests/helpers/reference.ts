/**
 * An oracle independent of `data/`: the pilot list parsed straight from
 * `../shared/reference/pilot-list.md`, so that a data error and an engine error cannot cancel out.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One entry of the reference list. */
export interface ReferenceEntry {
  name: string;
  province: string;
  batch: 1 | 2 | 3;
  /** new pilot, a 2014 expansion (counted) or a 2013 expansion (not counted). */
  kind: "new" | "expansion" | "expansion2013";
}

const FILE = join(import.meta.dirname, "..", "..", "..", "shared", "reference", "pilot-list.md");

/** Splits "a、b（含c、d）、e" on 、 outside parentheses. */
function splitNames(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "（" || ch === "(") depth++;
    if (ch === "）" || ch === ")") depth--;
    if (ch === "、" && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Every entry of the three batches and the 2013 expansions, as the reference lists them. */
export function referenceEntries(): ReferenceEntry[] {
  const text = readFileSync(FILE, "utf8");
  const entries: ReferenceEntry[] = [];
  let section: { batch: 1 | 2 | 3; kind: ReferenceEntry["kind"] } | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) {
      if (line.startsWith("## Batch 1")) section = { batch: 1, kind: "new" };
      else if (line.startsWith("## Batch 2")) section = { batch: 2, kind: "new" };
      else if (line.startsWith("## Batch 3") && line.includes("扩大范围"))
        section = { batch: 3, kind: "expansion" };
      else if (line.startsWith("## Batch 3")) section = { batch: 3, kind: "new" };
      else if (line.startsWith("## 2013 扩大范围")) section = { batch: 2, kind: "expansion2013" };
      else section = undefined;
      continue;
    }
    const m = line.match(/^- (\S+?)：(.+)$/);
    if (!section || !m?.[1] || !m[2]) continue;
    const province = m[1];
    const names = section.kind === "new" ? splitNames(m[2]) : [m[2].split("→")[0]?.trim() ?? ""];
    for (const name of names) entries.push({ name, province, batch: section.batch, kind: section.kind });
  }
  return entries;
}

/** Counted pilots per listing unit (province), optionally of one batch: the reference's convention. */
export function referenceCounts(batch?: 1 | 2 | 3): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of referenceEntries()) {
    if (e.kind === "expansion2013" || (batch && e.batch !== batch)) continue;
    counts.set(e.province, (counts.get(e.province) ?? 0) + 1);
  }
  return counts;
}

/**
 * The reference batch of the entry named `name`, or listed with its parts under that name
 * (泉州市 is listed as 泉州市（含德化县、安溪县蓬莱镇）).
 */
export function referenceBatch(name: string): 1 | 2 | 3 | undefined {
  return referenceEntries().find((e) => e.name === name || e.name.startsWith(`${name}（`))?.batch;
}
