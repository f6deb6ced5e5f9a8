/**
 * Pinyin for reading Latin input (kunshan, kun shan shi) and for English answers, plus English
 * names that are not pinyin.
 */
import { createRequire } from "node:module";
import type * as PinyinPro from "pinyin-pro";

// pinyin-pro's dictionary costs ~12 MB; it is loaded on the first Latin question, not at start.
const requireLazily = createRequire(import.meta.url);
let pinyinLibrary: typeof PinyinPro | undefined;

function pinyinPro(): typeof PinyinPro {
  if (!pinyinLibrary) {
    pinyinLibrary = requireLazily("pinyin-pro") as typeof PinyinPro;
    // It reads some place names with the everyday reading of a heteronym.
    pinyinLibrary.customPinyin({
      郫都: "pí dū",
      长乐: "cháng lè",
      长治: "cháng zhì",
      长春: "cháng chūn",
      长沙: "cháng shā",
      六安: "lù ān",
      蚌埠: "bèng bù",
    });
  }
  return pinyinLibrary;
}

/** Pinyin key of a Chinese term: tone-less, ü as v, no separators (昆山 → kunshan). */
export function pinyinKey(term: string): string {
  return pinyinPro().pinyin(term, { toneType: "none", type: "array", v: true, nonZh: "removed" }).join("");
}

/** Toneless and toned pinyin of one character (郑 → ["zheng", "zheng4"]), for homophone matching. */
export function syllableOf(char: string): { toneless: string; toned: string } {
  let syllable = SYLLABLES.get(char);
  if (!syllable) {
    const toned = pinyinPro().pinyin(char, { toneType: "num", v: true, nonZh: "removed" });
    syllable = { toneless: toned.replace(/\d/g, ""), toned };
    SYLLABLES.set(char, syllable);
  }
  return syllable;
}

// A few thousand characters at most: the name characters and what people type for them.
const SYLLABLES = new Map<string, { toneless: string; toned: string }>();
