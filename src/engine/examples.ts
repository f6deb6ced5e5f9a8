import MiniSearch from "minisearch";
import type { IntentId } from "./intents.ts";
import { charGrams } from "./similar.ts";

/** An intent example reduced to what the nearest-neighbour layer compares: its residual and slots. */
export interface ExampleEntry {
  intent: IntentId;
  /** The example as written, for the trace. */
  text: string;
  /** Tokens of its residual (places and batch words blanked) plus slot markers. */
  tokens: string[];
}

/** The outcome of a nearest-neighbour vote. */
export interface ExampleVote {
  intent: IntentId;
  /** The winner's share of the neighbours' summed scores, 0–1. */
  share: number;
  /** Best single neighbour's score (minisearch BM25). */
  best: number;
  /** Share of the question's own tokens (slot markers aside) that the nearest example shares. */
  coverage: number;
  /** The closest examples, for the trace. */
  neighbours: string[];
}

/** Marks in the token stream for what the recogniser found; examples with the same slots are closer. */
export const SLOT_TOKENS = { place: "⟨place⟩", places2: "⟨places2⟩", batch: "⟨batch⟩" } as const;

/**
 * Tokens of a question's residual for the example index: Chinese unigrams and bigrams inside each
 * run of Han characters (a blanked place splits a run, so no bigram spans it), Latin and digit words,
 * and one marker per filled slot.
 */
export function exampleTokens(
  residual: string,
  slots: { place: boolean; places2: boolean; batch: boolean },
): string[] {
  const tokens: string[] = [];
  for (const run of residual.match(/\p{Script=Han}+/gu) ?? []) tokens.push(...charGrams(run));
  for (const word of residual.match(/[a-z0-9]+/g) ?? []) tokens.push(word.replace(/(?<=[a-z]{3})s$/, ""));
  for (const slot of ["place", "places2", "batch"] as const) if (slots[slot]) tokens.push(SLOT_TOKENS[slot]);
  return tokens;
}

/** How many neighbours vote. */
const NEIGHBOURS = 7;

/**
 * The second, deterministic layer of intent matching: every intent's examples in a minisearch
 * index, asked for the nearest examples of a question when the cue rules are silent or unsure.
 * The neighbours vote with their scores; the caller decides whether the vote is clear enough.
 */
export class ExampleIndex {
  private readonly index = new MiniSearch<{ id: number; tokens: string[] }>({
    fields: ["tokens"],
    extractField: (doc, field) => (field === "tokens" ? doc.tokens.join(" ") : String(doc.id)),
    tokenize: (text) => text.split(" ").filter(Boolean),
    processTerm: (t) => t,
  });

  constructor(private readonly entries: ExampleEntry[]) {
    this.index.addAll(entries.map((e, id) => ({ id, tokens: e.tokens })));
  }

  /** The nearest examples' vote among the intents `allowed` admits; undefined when none is near. */
  vote(tokens: string[], allowed: (id: IntentId) => boolean): ExampleVote | undefined {
    if (tokens.length === 0) return undefined;
    const hits = this.index
      .search(tokens.join(" "), { combineWith: "OR" })
      .filter((h) => allowed((this.entries[h.id] as ExampleEntry).intent))
      .slice(0, NEIGHBOURS);
    if (hits.length === 0) return undefined;
    const sums = new Map<IntentId, number>();
    let total = 0;
    for (const h of hits) {
      const intent = (this.entries[h.id] as ExampleEntry).intent;
      sums.set(intent, (sums.get(intent) ?? 0) + h.score);
      total += h.score;
    }
    const own = new Set(tokens.filter((t) => !t.startsWith("⟨")));
    const shared = new Set((hits[0]?.queryTerms ?? []).filter((t) => own.has(t)));
    const nearest = (this.entries[(hits[0] as (typeof hits)[number]).id] as ExampleEntry).intent;
    const [intent, sum] = [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [
      IntentId,
      number,
    ];
    return {
      intent,
      // A vote the nearest example disagrees with is split, whatever the sums say.
      share: nearest === intent ? sum / total : Math.min(sum / total, 0.5),
      best: hits[0]?.score ?? 0,
      coverage: own.size ? shared.size / own.size : 0,
      neighbours: hits.slice(0, 3).map((h) => (this.entries[h.id] as ExampleEntry).text),
    };
  }
}
