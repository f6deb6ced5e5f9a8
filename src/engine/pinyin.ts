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
  const toned = pinyinPro().pinyin(char, { toneType: "num", v: true, nonZh: "removed" });
  return { toneless: toned.replace(/\d/g, ""), toned };
}

/** English names that are not pinyin, used both to read English questions and to write English answers. */
export const EXONYMS: Readonly<Record<string, string>> = {
  nyingchi: "林芝市",
  ordos: "鄂尔多斯市",
  hulunbuir: "呼伦贝尔市",
  korla: "库尔勒市",
  karamay: "克拉玛依市",
  lhasa: "拉萨市",
  urumqi: "乌鲁木齐市",
  hohhot: "呼和浩特市",
  harbin: "哈尔滨市",
  canton: "广州市",
  peking: "北京市",
  amoy: "厦门市",
};

/** Old exonyms understood in questions but not used in answers. */
export const ARCHAIC_EXONYMS: ReadonlySet<string> = new Set(["canton", "peking", "amoy"]);
