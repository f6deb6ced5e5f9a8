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
    // Its document's number names it too ("国科办高〔2013〕52号"), by the issuer's prefix.
    const issuer = programme.document?.split("〔")[0];
    for (const term of issuer && issuer.length >= 3 ? [...programme.terms, issuer] : programme.terms) {
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
  // A Latin term needs Latin text; most questions are Chinese and skip the pattern.
  if (!text.includes(term.slice(0, 4))) return -1;
  const at = text.search(latinPattern(term));
  // ("84 new smart city pilots" are new pilots of this programme, not the new-type smart cities.)
  if (at >= 0 && term.startsWith("new ") && /^\w*\s+pilots?\b/.test(text.slice(at + term.length))) return -1;
  return at;
}

const LATIN_PATTERNS = new Map<string, RegExp>();

/** A Latin term as a whole-word pattern, plurals included (cities for city), compiled once. */
function latinPattern(term: string): RegExp {
  let re = LATIN_PATTERNS.get(term);
  if (!re) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const stem = escaped.endsWith("y") ? `${escaped.slice(0, -1)}(?:y|ies)` : `${escaped}(?:s|es)?`;
    re = new RegExp(`(?<![a-z])${stem}(?![a-z])`);
    LATIN_PATTERNS.set(term, re);
  }
  return re;
}
