/**
 * Reads a question typed wholly in toneless pinyin ("shenbao liucheng shi shenme", "di yi pi he di
 * san pi xiang ge duo jiu") back into the Chinese words the intents know, so that it is understood
 * like the same question in characters. Place names are left in pinyin: the Latin place scanner
 * reads them.
 */
import { pinyinKey, syllableOf } from "./pinyin.ts";

/** Pinyin words that say what kind of place the name before them is. */
const KIND_WORDS = new Set(["shi", "qu", "xian", "zhen", "sheng", "zhou"]);

/** 试点 in pinyin: after a place, its shi is the word's, not the kind word 市. */
const PILOT_WORD = "shidian";

/** Words of two characters or more whose pinyin is read back into characters. */
export class PinyinReader {
  private readonly words = new Map<string, string>();
  private readonly syllables = new Set<string>();
  private readonly longest: number;

  /**
   * `terms`: the Chinese words to recognise (intent cues, programme names, batch names);
   * `names`: text whose characters' syllables, with the terms', make up the syllables a pinyin
   * word may be made of (place names, so that "kunshan" reads as pinyin).
   */
  constructor(terms: Iterable<string>, names: Iterable<string>) {
    const chars = new Set<string>();
    for (const term of terms) {
      const own = Array.from(term);
      if (own.length < 2 || !own.every((c) => /\p{Script=Han}/u.test(c))) continue;
      const key = pinyinKey(term);
      // The first word seen for a sound wins: the intents' own cues come first.
      if (key && !this.words.has(key)) this.words.set(key, term);
      for (const c of own) chars.add(c);
    }
    for (const name of names) for (const c of name) if (/\p{Script=Han}/u.test(c)) chars.add(c);
    for (const c of chars) {
      const { toneless } = syllableOf(c);
      if (toneless) this.syllables.add(toneless);
    }
    this.longest = Math.max(0, ...[...this.words.values()].map((w) => Array.from(w).length));
  }

  /**
   * The question with each run of pinyin words that spells a known word replaced by that word, or
   * the question unchanged when it is not all pinyin (English: "is kunshan a pilot") or nothing
   * in it is a known word. `isPlace` tells a place name's pinyin key (kunshan), kept as typed.
   */
  read(text: string, isPlace: (key: string) => boolean): string {
    const words = text.split(" ");
    // (Numbers stay as they are: "shijian xian? 2012 dao 2015".)
    const number = (w: string) => /^\d+[?？!！。.,，]*$/.test(w);
    if (words.length < 2 || !words.every((w) => /^[a-z]+[?？!！。.,，]*$/.test(w) || number(w))) return text;
    const bare = words.map((w) => (number(w) ? w : w.replace(/[^a-z]/g, "")));
    // One word that is no pinyin among four or more that are is taken for a typo (zongong you
    // duoshao ge…) and left as typed; two or more make it English ("is kunshan a pilot").
    const unread = bare.filter((w, i) => !number(words[i] ?? "") && !this.isPinyin(w)).length;
    if (unread > (words.length >= 4 ? 1 : 0)) return text;
    // Place names stay in pinyin (beijing is 北京, not 背景), and so does the kind word after one
    // (pidu qu shi: 郫都区 + 是, not 趋势).
    const kept = new Set<number>();
    for (let i = 0; i < bare.length; i++)
      for (let j = Math.min(bare.length, i + 4); j > i; j--)
        if (isPlace(bare.slice(i, j).join(""))) {
          // A place whose last syllable begins 试点 ends before it (yan tai shi dian: 烟台 + 试点, and
          // shi shi dian is no 石狮).
          if (`${bare[j - 1]}${bare[j] ?? ""}` === PILOT_WORD) {
            if (j - 1 > i && isPlace(bare.slice(i, j - 1).join(""))) j--;
            else continue;
          }
          // …unless a known word runs into it from before (shijian xian: 时间线, not 时间 + 西安).
          const into = Array.from({ length: i }, (_, s) => s).some((s) =>
            this.words.has(bare.slice(s, j).join("")),
          );
          // …or it overlaps a known word of four syllables or more (xin xing zhi hui cheng shi he:
          // 新型智慧城市 + 和, not 新星市 + … + 石河).
          const holds = Array.from({ length: j }, (_, s) => s).some((s) =>
            Array.from({ length: this.longest + 1 }, (_, n) => s + n).some(
              (e) =>
                e > i &&
                e - s >= 4 &&
                (s < i || e > j) &&
                e <= bare.length &&
                this.words.has(bare.slice(s, e).join("")),
            ),
          );
          if (into || holds) break;
          for (let k = i; k < j; k++) kept.add(k);
          // (…but "yan tai shi dian ma" is 烟台 + 试点吗: shi dian, the word nearly every question holds.)
          if (KIND_WORDS.has(bare[j] ?? "") && `${bare[j]}${bare[j + 1] ?? ""}` !== PILOT_WORD) kept.add(j);
          break;
        }
    const out: string[] = [];
    let found = false;
    for (let i = 0; i < words.length; ) {
      let taken = 0;
      // Longest run first; a run never ends mid-word, so "jiangsu" is not read as 将 + 苏.
      for (let j = Math.min(words.length, i + this.longest); j > i && !taken; j--) {
        if (bare.slice(i, j).some((_, k) => kept.has(i + k))) continue;
        const word = this.words.get(bare.slice(i, j).join(""));
        if (word) {
          out.push(word + (words[j - 1] ?? "").replace(/[a-z]/g, ""));
          taken = j - i;
        }
      }
      if (taken) {
        found = true;
        i += taken;
      } else {
        out.push(words[i] ?? "");
        i++;
      }
    }
    return found ? out.join(" ") : text;
  }

  /** Whether a word splits wholly into pinyin syllables (kunshan, xiangge; not "pilot"). */
  private isPinyin(word: string): boolean {
    const can: boolean[] = [true];
    for (let end = 1; end <= word.length; end++) {
      can[end] = false;
      for (let start = Math.max(0, end - 6); start < end && !can[end]; start++)
        can[end] = Boolean(can[start]) && this.syllables.has(word.slice(start, end));
    }
    return Boolean(can[word.length]);
  }
}
