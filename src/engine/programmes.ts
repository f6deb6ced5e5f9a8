import type { RelatedProgramme } from "../data/schema.ts";

/** Another programme named in a question, with where its name stands (blanked before places are read). */
export interface ProgrammeMention {
  programme: RelatedProgramme;
  term: string;
  start: number;
  end: number;
}

/**
 * Finds the first other programme a question names (园林城市, 信息惠民, sponge city), longest term
 * first so that 新型智慧城市 wins over shorter terms. Latin terms match as whole words.
 */
export function findOtherProgramme(text: string, programmes: RelatedProgramme[]): ProgrammeMention | null {
  let best: ProgrammeMention | null = null;
  for (const programme of programmes) {
    for (const term of programme.terms) {
      const start = indexOfTerm(text, term);
      if (start < 0) continue;
      const better = !best || start < best.start || (start === best.start && term.length > best.term.length);
      if (better) best = { programme, term, start, end: start + term.length };
    }
  }
  return best;
}

function indexOfTerm(text: string, term: string): number {
  if (!/^[a-z0-9 .-]+$/.test(term)) return text.indexOf(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Plurals: cities for city, programmes for programme.
  const stem = escaped.endsWith("y") ? `${escaped.slice(0, -1)}(?:y|ies)` : `${escaped}(?:s|es)?`;
  return text.search(new RegExp(`(?<![a-z])${stem}(?![a-z])`));
}
