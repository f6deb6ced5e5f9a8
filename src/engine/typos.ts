import type { SimilarChars } from "../data/schema.ts";
import { syllableOf } from "./pinyin.ts";

/** A name the typed one may have meant, with how likely the substitution is (1 = certain). */
export interface Correction {
  term: string;
  score: number;
  /** Which kind of slip it would be: a look-alike character (形近字) or a homophone (同音字). */
  kind: "shape" | "sound";
}

/** Suffixes tried after a typed short name (毫州 → 亳州, 郑洲 → 郑州市). */
const SUFFIXES = ["", "市", "县", "区"];
/** Administrative suffixes: a slip does not turn an ordinary character into one (房租 is not 房县). */
const SUFFIX_CHARACTER = /[市县区镇乡旗]/;

/**
 * Syllables that many speakers do not tell apart (模糊音): flat and retroflex initials (s/sh, z/zh,
 * c/ch), n/l, and front and back nasals (an/ang, en/eng, in/ing). 昆三 is then near 昆山.
 */
function fuzzy(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, "$1")
    .replace(/^l/, "n")
    .replace(/(a|e|i)ng$/, "$1n");
}

/**
 * Corrects a place name typed with one wrong character, the way Chinese typos happen: a character
 * that looks like the right one (毫州 for 亳州, from {@link SimilarChars}) or one that sounds like it
 * (郑洲 for 郑州; same pinyin, the same tone scoring higher). Only substitutions that give a known
 * term count, so two-character short names are corrected too. Best first.
 */
export class TypoCorrector {
  private readonly bySound = new Map<string, string[]>();
  private readonly byFuzzySound = new Map<string, string[]>();

  constructor(
    private readonly isTerm: (term: string) => boolean,
    nameCharacters: Iterable<string>,
    private readonly similar: SimilarChars["similar"],
  ) {
    for (const c of nameCharacters) {
      const { toneless } = syllableOf(c);
      if (!toneless) continue;
      this.bySound.set(toneless, [...(this.bySound.get(toneless) ?? []), c]);
      const near = fuzzy(toneless);
      this.byFuzzySound.set(near, [...(this.byFuzzySound.get(near) ?? []), c]);
    }
  }

  /**
   * Known terms within one likely wrong character of `name`, most likely first. 州 and 洲 sound the
   * same and are swapped so often (朱州 for 株洲) that the swap does not count as the one slip.
   */
  correct(name: string): Correction[] {
    const swapped = name.replace(/[州洲]/g, (c) => (c === "州" ? "洲" : "州"));
    if (swapped === name) return this.correctOne(name);
    const found = new Map<string, Correction>();
    for (const c of this.correctOne(name)) found.set(c.term, c);
    for (const c of this.correctOne(swapped)) {
      const score = c.score - 0.05;
      if ((found.get(c.term)?.score ?? 0) < score) found.set(c.term, { ...c, score });
    }
    if (this.isTerm(swapped)) found.set(swapped, { term: swapped, score: 0.9, kind: "sound" });
    return [...found.values()].sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  }

  private correctOne(name: string): Correction[] {
    const chars = Array.from(name);
    if (chars.length < 2 || chars.length > 8) return [];
    const found = new Map<string, Correction>();
    chars.forEach((typed, i) => {
      for (const candidate of this.candidates(typed)) {
        if (SUFFIX_CHARACTER.test(candidate.char) && !SUFFIX_CHARACTER.test(typed)) continue;
        const base = [...chars.slice(0, i), candidate.char, ...chars.slice(i + 1)].join("");
        for (const suffix of SUFFIXES) {
          const term = base + suffix;
          // A longer result is a weaker guess than an exact one.
          const score = candidate.score - (suffix ? 0.05 : 0);
          const known = found.get(term);
          if (this.isTerm(term) && (!known || known.score < score))
            found.set(term, { term, score, kind: candidate.kind });
        }
      }
    });
    return [...found.values()].sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  }

  /** Characters a typed one may stand for, with the likelihood of each slip. */
  private candidates(typed: string): { char: string; score: number; kind: Correction["kind"] }[] {
    const out: { char: string; score: number; kind: Correction["kind"] }[] = [];
    Array.from(this.similar[typed] ?? "").forEach((char, rank) => {
      out.push({ char, score: 0.9 - rank * 0.04, kind: "shape" });
    });
    const sound = syllableOf(typed);
    for (const char of this.bySound.get(sound.toneless) ?? []) {
      if (char === typed) continue;
      const sameTone = syllableOf(char).toned === sound.toned;
      out.push({ char, score: sameTone ? 0.85 : 0.7, kind: "sound" });
    }
    for (const char of this.byFuzzySound.get(fuzzy(sound.toneless)) ?? []) {
      if (char !== typed && !out.some((o) => o.char === char)) out.push({ char, score: 0.6, kind: "sound" });
    }
    // A character that both looks and sounds like the typed one (除 → 滁) is the likeliest slip.
    const both = new Map<string, { char: string; score: number; kind: Correction["kind"] }>();
    for (const o of out) {
      const seen = both.get(o.char);
      if (!seen) both.set(o.char, o);
      else
        both.set(o.char, {
          char: o.char,
          score: Math.min(0.98, Math.max(seen.score, o.score) + 0.1),
          kind: seen.kind,
        });
    }
    return [...both.values()];
  }
}
