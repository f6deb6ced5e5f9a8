import MiniSearch from "minisearch";

/**
 * Names within one edit of a string, for "did you mean": candidates come from a minisearch index
 * over character unigrams and bigrams (which works for unspaced Chinese, where the default
 * whitespace tokenizer would not), then each is checked character by character.
 */
export class SimilarNames {
  private readonly index = new MiniSearch<{ id: number; term: string }>({
    fields: ["term"],
    tokenize: charGrams,
    processTerm: (t) => t,
  });

  constructor(private readonly terms: string[]) {
    this.index.addAll(terms.map((term, id) => ({ id, term })));
  }

  /** Terms within one wrong, missing or extra character of `query` (or contained in it so), best first. */
  find(query: string): string[] {
    // Suffix characters (市, 区…) occur in thousands of names and only slow the search down.
    // Single characters are needed only for short names (昆三市 shares no bigram with 昆山市).
    const short = query.length <= 3;
    const hits = this.index.search(query, {
      combineWith: "OR",
      processTerm: (t) => (SUFFIX_CHARACTERS.has(t) || (!short && t.length === 1) ? null : t),
    });
    const out: string[] = [];
    for (const hit of hits.slice(0, 50)) {
      const term = this.terms[hit.id] ?? "";
      const extra = query.length - term.length;
      if (withinOneEdit(query, term) || (extra > 0 && extra <= 2 && containsWithinOneEdit(query, term))) {
        out.push(term);
      }
    }
    return out;
  }
}

const SUFFIX_CHARACTERS = new Set(["市", "区", "县", "镇", "省", "州", "旗", "乡", "盟"]);

/** Character unigrams and bigrams: the tokens a Chinese name is searched by. */
export function charGrams(text: string): string[] {
  const chars = Array.from(text);
  const grams = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + (chars[i + 1] ?? ""));
  return grams;
}

/** Whether two strings differ by at most one substitution, insertion or deletion. */
export function withinOneEdit(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const tail = (m: number, n: number) => x.slice(m).join("") === y.slice(n).join("");
  return tail(i + 1, i + 1) || tail(i + 1, i) || tail(i, i + 1);
}

/** Whether `term` (3+ characters) occurs in `text` with exactly one wrong character. */
function containsWithinOneEdit(text: string, term: string): boolean {
  const t = Array.from(text);
  const n = Array.from(term).length;
  for (let i = 0; i + n <= t.length; i++) {
    if (withinOneEdit(t.slice(i, i + n).join(""), term)) return true;
  }
  return false;
}
