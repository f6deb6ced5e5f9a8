import Nzh from "nzh";
import * as OpenCC from "opencc-js/t2cn";

/** Questions longer than this are cut: nobody asks about a pilot in more words, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

/** How much of a long question's opening is kept; the rest of the budget goes to its end. */
const KEEP_HEAD = 150;

/** The result of {@link normalise}. */
export interface NormalisedText {
  /** Simplified, NFKC-folded, lower-cased text with noise removed and whitespace collapsed. */
  text: string;
  /** Whether the input was longer than {@link MAX_QUESTION_CHARS} and its middle was cut. */
  truncated: boolean;
  /** Whether the question is written in English (Latin letters and no Chinese characters). */
  english: boolean;
}

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** `text` in Simplified characters (a reply in Traditional, read back to check its facts). */
export function simplified(text: string): string {
  return toSimplified(text);
}

/**
 * Whether a question is written in Traditional characters (崑山是試點嗎): enough of its Chinese
 * characters change when made Simplified. One changed character decides a short question; a longer
 * one needs a tenth of them, since a few characters are written alike in both (著, 乾).
 */
export function isTraditional(input: string): boolean {
  const han = Array.from(input).filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length === 0) return false;
  const simplified = Array.from(toSimplified(han.join("")));
  if (simplified.length !== han.length) return true;
  const changed = han.filter((c, i) => c !== simplified[i]).length;
  return han.length <= 8 ? changed >= 1 : changed >= Math.max(2, han.length / 10);
}

// Invisible characters pasted inside words (zero-width spaces and joiners, word joiner, soft hyphen,
// bidi marks, variation selectors, tags) vanish: "昆\u2060山" is 昆山.
const INVISIBLE =
  /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u{E0020}-\u{E007F}]|\uFE0F|\uFE0E|[\uFE00-\uFE0D]/gu;
// Emoji, pictographs, other control characters and lone surrogates carry no meaning for a question
// about places; they separate words, so they become spaces.
const NOISE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\p{Cc}]|\p{Cs}/gu;
const REPEATED_PUNCTUATION = /([\p{P}\p{S}])\1+/gu;
const LEADING_PUNCTUATION = /^(?:(?!\/)[\p{P}\p{S}\s])+/u;
const LATIN = /[a-z]/;
/** Two or more pinyin syllables in a row, each with a tone number (wu2 xi1, kun1shan1). */
const TONE_NUMBERS = /\b(?:[a-z]{1,6}[1-5]\s*){2,}/g;

/** Written Cantonese words replaced by their Mandarin equivalents, longest first as the table lists them. */
function readDialect(text: string, dialect: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of dialect) if (out.includes(from)) out = out.replaceAll(from, to);
  return out;
}

/** Pinyin typed with tone marks (Zhūhǎi, lǜ) reads as plain pinyin; ü is written v, as pinyin keys are. */
function stripTones(s: string): string {
  if (!/[\u00C0-\u024F]/.test(s)) return s;
  return s
    .replace(/[üǖǘǚǜ]/g, "v")
    .replace(/[ÜǕǗǙǛ]/g, "V")
    .normalize("NFD")
    .replace(/(?<=[a-zA-Z])[\u0300-\u036f]+/g, "")
    .normalize("NFC");
}

/**
 * Whether a question is written in English: Latin letters and no Chinese, or English words around
 * a Chinese name or two ("coding treatment years: Luzhou 泸州 — which batch?").
 */
function isEnglish(text: string): boolean {
  if (!LATIN.test(text)) return false;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han === 0) return true;
  const words = text.match(/[a-z]{2,}/g)?.length ?? 0;
  // ("What is 国家智慧城市试点, in plain English?": asked for English, whatever name it quotes.)
  return (words >= 4 && han <= 6) || /\bin (plain |simple |easy )?english\b/.test(text);
}

/**
 * First step of the pipeline: makes the many ways people type the same question look alike.
 * NFKC folds full-width letters and digits, OpenCC turns traditional characters into simplified
 * ones (崑山 → 昆山), Latin is lower-cased, emoji and invisible characters are dropped, and runs of
 * whitespace or repeated punctuation collapse to one.
 */
/**
 * A count of ten or more in Chinese numerals before 个 (maybe with 多/余/来): never a place name,
 * which a numeral inside a name (十堰, 三百山) is not followed by.
 */
const CHINESE_COUNT =
  /(?<![几数上])[零一二两三四五六七八九十百千]*[十百千][零一二两三四五六七八九十百千]*(?=[多余来]?个)/g;

/** The science ministry's English acronym, told from the word by its capitals. */
const ACRONYM_MOST = /\bMOST\b/g;
/** …when another ministry is named beside it ("Which province has the MOST pilots?" is emphasis). */
const MINISTRY_CONTEXT = /MOHURD|住建部|住房和城乡建设部|ministry|\b(and|&) MOST\b|\bMOST (and|&)\b/i;

/** English chat abbreviations and the words they stand for (none is a pinyin syllable). */
const CHAT_WORDS: Record<string, string> = {
  u: "you",
  r: "are",
  ur: "your",
  pls: "please",
  plz: "please",
  thx: "thanks",
  thnx: "thanks",
  yr: "year",
  yrs: "years",
  wat: "what",
  wot: "what",
  ppl: "people",
  govt: "government",
  abt: "about",
  cuz: "because",
  coz: "because",
  prov: "province",
  pref: "prefecture",
};
const CHAT_ABBREVIATION = new RegExp(
  `(?<![a-z'’&-])(${Object.keys(CHAT_WORDS).join("|")})(?![a-z'’&-])`,
  "g",
);

export function normalise(
  input: string,
  dialect: readonly (readonly [string, string])[] = [],
): NormalisedText {
  const chars = Array.from(input.replace(INVISIBLE, ""));
  const truncated = chars.length > MAX_QUESTION_CHARS;
  // A long message keeps its opening (the place is often named there) and its end (the question
  // usually comes last, after the preamble).
  const kept = truncated
    ? `${chars.slice(0, KEEP_HEAD).join("")}。${chars.slice(-(MAX_QUESTION_CHARS - KEEP_HEAD - 1)).join("")}`
    : chars.join("");
  const text = readDialect(toSimplified(stripTones(kept.replace(NOISE, " ").normalize("NFKC"))), dialect)
    .replace(NOISE, " ")
    // "MOHURD and MOST": in capitals among lower case, MOST is the science ministry, not "most".
    .replace(ACRONYM_MOST, (word, _offset, whole: string) => (MINISTRY_CONTEXT.test(whole) ? "科技部" : word))
    .toLowerCase()
    // "Shandong's second batch": the possessive is not part of the name.
    .replace(/(?<=[a-z])['’]s\b/g, "")
    // yan'an, xi’an: the apostrophe only separates syllables.
    .replace(/(?<=[a-z])['’](?=[a-z])/g, "")
    // "wu2 xi1 shi4": pinyin with tone numbers reads as plain pinyin.
    .replace(TONE_NUMBERS, (run) => run.replace(/(?<=[a-z])[1-5]/g, ""))
    .replace(REPEATED_PUNCTUATION, "$1")
    // "what can u do", "pls", "which yr": chat abbreviations read as the words they stand for.
    .replace(CHAT_ABBREVIATION, (word) => CHAT_WORDS[word] ?? word)
    // "三百多个", "二百九十个": a count in Chinese numerals reads as the figure it names.
    .replace(CHINESE_COUNT, (run) => String(Nzh.cn.decodeS(run.replace(/两/g, "二"))))
    .replace(/\s+/g, " ")
    .trim()
    // Leading punctuation carries nothing ("。为什么…", "!!昆山"); a command's slash stays.
    .replace(LEADING_PUNCTUATION, "");
  return { text, truncated, english: isEnglish(text) };
}
