import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DataError } from "../data/load.ts";
import { pinyinKey } from "./pinyin.ts";

/** Every intent the engine can answer; part of the CLI contract. */
export const INTENT_IDS = [
  "pilot.status",
  "area.count",
  "area.list",
  "area.ranking",
  "area.compare",
  "batch.info",
  "programme.total",
  "programme.tiers",
  "programme.background",
  "programme.timeline",
  "programme.purpose",
  "programme.process",
  "programme.funding",
  "programme.documents",
  "programme.outlook",
  "help",
  "research.data",
  "other.programme",
  "unknown",
] as const;

/** One of {@link INTENT_IDS}. */
export type IntentId = (typeof INTENT_IDS)[number];

/** Slots the recogniser produces and intents may require or forbid. */
export const SLOT_NAMES = ["place", "places2", "batch"] as const;
/** A slot name. */
export type SlotName = (typeof SLOT_NAMES)[number];

/** An intent definition file in `intents/`. */
export const IntentSchema = z
  .object({
    id: z.enum(INTENT_IDS),
    description: z.string().min(10),
    /** Breaks ties between equal scores: higher wins. */
    priority: z.number().int().default(0),
    requires: z.array(z.enum(SLOT_NAMES)).default([]),
    forbids: z.array(z.enum(SLOT_NAMES)).default([]),
    /** Substrings of the question (after place names are blanked out) that point to this intent. */
    cues: z.array(z.string().min(1)).default([]),
    /** Cues too everyday to count on their own (钱, why): they count only when the question names the programme. */
    topicCues: z.array(z.string().min(1)).default([]),
    /** Regular expressions, each worth more than a cue: phrasings a substring cannot pin down. */
    patterns: z.array(z.string().min(1)).default([]),
    examples: z.array(z.string().min(1)).min(10),
    negatives: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** A cue ready to test: Chinese cues match as substrings, Latin ones as whole words. */
interface Cue {
  text: string;
  weight: number;
  /** Whether the cue needs Latin letters in the question (skipped, unmatched, when there are none). */
  latin: boolean;
  /** Whether the cue is Chinese (found through the first-character index instead of tested one by one). */
  han: boolean;
  test: (residual: string) => boolean;
}

/** Latin cues (and non-Han cues such as "290") that match; Chinese ones are found through the index. */
function matchingLatin(cues: Cue[], residual: string, latin: boolean): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    if (!cue.han && (latin || !cue.latin) && cue.test(residual)) out.push(cue);
  }
  return out;
}

/** A loaded intent with its cues and patterns compiled. */
export type Intent = z.infer<typeof IntentSchema> & {
  compiled: RegExp[];
  cueTests: Cue[];
  topicCueTests: Cue[];
};

/**
 * Whether a word is one of the intents' Chinese cues, topic cues included ("启动", "公布"): a word
 * the questions are made of, never a mistyped place name.
 */
export function isCueWord(word: string, intents: Intent[]): boolean {
  return intents.some((i) => [...i.cueTests, ...i.topicCueTests].some((c) => c.han && c.text === word));
}

/** Words that show a question is about the programme, which lets {@link IntentSchema} `topicCues` count. */
export const TOPIC =
  /试点|智慧城市|住建部|住房和城乡建设部|国开行|开发银行|这个项目|这个计划|名单|入选|申报|pilot|smart city|programme|program|\bbatch(es)?\b/;

function compileCue(text: string): Cue {
  if (HAN.test(text))
    return { text, weight: cueWeight(text), latin: false, han: true, test: (r) => r.includes(text) };
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(?<![a-z])${escaped}(?:s|es)?(?![a-z])`);
  return { text, weight: cueWeight(text), latin: /[a-z]/.test(text), han: false, test: (r) => re.test(r) };
}

/** The project's `intents/` folder. */
export const INTENTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "intents");

/**
 * Loads every `*.yaml` in the folder, validates it, and cross-checks the set as Rasa's validator
 * does: every intent id defined exactly once (unknown included), no example listed under two
 * intents, every pattern a valid regular expression.
 */
export function loadIntents(dir: string = INTENTS_DIR): Intent[] {
  const intents: Intent[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const shown = `intents/${file}`;
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(join(dir, file), "utf8"));
    } catch (cause) {
      throw new DataError(`${shown}: not valid YAML (${(cause as Error).message})`, { cause });
    }
    const result = IntentSchema.safeParse(raw);
    if (!result.success) {
      const issues = result.error.issues.map(
        (i) => `${shown} field ${i.path.join(".") || "(root)"}: ${i.message}`,
      );
      throw new DataError(issues.join("\n"));
    }
    const compiled = result.data.patterns.map((p) => {
      try {
        return new RegExp(p, "u");
      } catch (cause) {
        throw new DataError(`${shown} field patterns: ${p} is not a valid regular expression`, { cause });
      }
    });
    intents.push({
      ...result.data,
      compiled,
      cueTests: result.data.cues.map(compileCue),
      topicCueTests: result.data.topicCues.map(compileCue),
    });
  }
  const problems: string[] = [];
  for (const id of INTENT_IDS) {
    const n = intents.filter((i) => i.id === id).length;
    if (n !== 1) problems.push(`intents/: ${id} is defined ${n} times`);
  }
  const owner = new Map<string, string>();
  for (const intent of intents) {
    for (const example of intent.examples) {
      const other = owner.get(example);
      if (other && other !== intent.id)
        problems.push(`intents/: example "${example}" is under ${other} and ${intent.id}`);
      owner.set(example, intent.id);
    }
  }
  if (problems.length > 0) throw new DataError(problems.join("\n"));
  return intents;
}

/** The slots a question fills, as far as intent matching cares. */
export interface SlotPresence {
  place: boolean;
  places2: boolean;
  batch: boolean;
}

/** Whether a question's slots meet an intent's `requires` and `forbids`. */
export function admits(intent: Intent, slots: SlotPresence): boolean {
  return !intent.requires.some((s) => !slots[s]) && !intent.forbids.some((s) => slots[s]);
}

/** One intent's score for a question, kept for the trace. */
export interface IntentScore {
  id: IntentId;
  score: number;
  cues: string[];
}

const HAN = /\p{Script=Han}/u;

/** Pinyin syllables (tone-less, ü as v): an initial or none, then a final. */
const SYLLABLE_SET = new Set(
  ["", "zh", "ch", "sh", ..."bpmfdtnlgkhjqxrzcsyw"].flatMap((initial) =>
    "iang iong uang ueng ang eng ing ong uai uan ian iao van ai ei ao ou an en in un vn ua uo ue ve ui ia ie iu er a o e i u v"
      .split(" ")
      .map((final) => initial + final),
  ),
);

/**
 * Whether a word is made of pinyin syllables, found by dynamic programming over its positions (a
 * regular expression with nested repetition backtracks exponentially on "euapeuap…").
 */
function isPinyinWord(word: string): boolean {
  if (word.length > 40) return false;
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < word.length; i++) {
    if (!reachable[i]) continue;
    for (let n = 1; n <= 6 && i + n <= word.length; n++)
      if (SYLLABLE_SET.has(word.slice(i, i + n))) reachable[i + n] = true;
  }
  return reachable[word.length] === true;
}

/** A run of pinyin words joined ("you duo shao ge" → "youduoshaoge") with the offsets where words begin and end. */
interface PinyinRun {
  text: string;
  bounds: Set<number>;
}

/**
 * The pinyin in a Latin question as runs of joined words, when most of its words are pinyin;
 * undefined for English, whose short words only happen to be syllables.
 */
function pinyinText(residual: string): PinyinRun[] | undefined {
  const words = residual.match(/[a-z]+/g) ?? [];
  const pinyin = words.filter(isPinyinWord);
  if (words.length < 2 || pinyin.length / words.length < 0.7) return undefined;
  return residual
    .split(/[^a-z ]+/)
    .map((run) => {
      const bounds = new Set([0]);
      let text = "";
      for (const w of run.split(" ").filter(Boolean)) {
        text += w;
        bounds.add(text.length);
      }
      return { text, bounds };
    })
    .filter((r) => r.text);
}

/** Whether a cue's key stands in a run on word boundaries ("shidian" in "chengshi shidian", not "shishidian"). */
function inRun(run: PinyinRun, key: string): boolean {
  for (let i = run.text.indexOf(key); i >= 0; i = run.text.indexOf(key, i + 1)) {
    if (run.bounds.has(i) && run.bounds.has(i + key.length)) return true;
  }
  return false;
}

/** Pinyin keys of each intent's Chinese cues (多少 → duoshao), computed on the first pinyin question. */
const PINYIN_CUES = new WeakMap<Intent, Cue[]>();

/** Chinese cues of an intent typed in pinyin: whole-cue keys of four letters or more found in the runs. */
function matchingPinyin(intent: Intent, runs: PinyinRun[], already: Cue[]): Cue[] {
  let cues = PINYIN_CUES.get(intent);
  if (!cues) {
    cues = intent.cueTests
      .filter((c) => c.han)
      .map((c) => ({ ...c, text: pinyinKey(c.text) }))
      .filter((c) => c.text.length >= 4);
    PINYIN_CUES.set(intent, cues);
  }
  const seen = new Set(already.map((c) => c.text));
  const out: Cue[] = [];
  for (const cue of cues) {
    if (!seen.has(cue.text) && runs.some((r) => inRun(r, cue.text))) {
      seen.add(cue.text);
      out.push(cue);
    }
  }
  return out;
}

/** What one cue is worth: longer cues are more specific; Latin letters count a third of a character. */
function cueWeight(cue: string): number {
  return HAN.test(cue) ? Math.min(Array.from(cue).length, 4) : Math.min(Math.ceil(cue.length / 3), 4);
}

/** Worth of a matched pattern. */
const PATTERN_WEIGHT = 4;

/**
 * Scores every intent whose slot rules the question meets: the sum of its matched cues' weights
 * plus {@link PATTERN_WEIGHT} per matched pattern. Sorted best first; ties go to the higher
 * `priority`, then to the id in alphabetical order, so the outcome never depends on file order.
 */
export function scoreIntents(residual: string, slots: SlotPresence, intents: Intent[]): IntentScore[] {
  const { byFirstCharacter, priority } = indexOf(intents);
  const onTopic = TOPIC.test(residual);
  const latin = /[a-z]/.test(residual);
  const pinyinRuns = latin ? pinyinText(residual) : undefined;
  // Chinese cues: look only at the cues that start with each character of the question.
  const found = new Map<Intent, Cue[]>();
  for (let i = 0; i < residual.length; i++) {
    for (const { intent, cue, topic } of byFirstCharacter.get(residual.charAt(i)) ?? []) {
      if ((topic && !onTopic) || !residual.startsWith(cue.text, i)) continue;
      const list = found.get(intent) ?? [];
      if (!list.includes(cue)) list.push(cue);
      found.set(intent, list);
    }
  }
  const out: IntentScore[] = [];
  for (const intent of intents) {
    if (!admits(intent, slots)) continue;
    const cues = found.get(intent) ?? [];
    cues.push(...matchingLatin(intent.cueTests, residual, latin));
    if (pinyinRuns) cues.push(...matchingPinyin(intent, pinyinRuns, cues));
    if (onTopic) cues.push(...matchingLatin(intent.topicCueTests, residual, latin));
    const patterns = intent.compiled.filter((p) => p.test(residual));
    const score = cues.reduce((sum, c) => sum + c.weight, 0) + patterns.length * PATTERN_WEIGHT;
    if (score > 0) {
      out.push({
        id: intent.id,
        score,
        cues: [...cues.map((c) => c.text), ...patterns.map((p) => `/${p.source}/`)],
      });
    }
  }
  return out.sort(
    (a, b) =>
      b.score - a.score || (priority.get(b.id) ?? 0) - (priority.get(a.id) ?? 0) || a.id.localeCompare(b.id),
  );
}

interface IntentIndex {
  byFirstCharacter: Map<string, { intent: Intent; cue: Cue; topic: boolean }[]>;
  priority: Map<IntentId, number>;
}

const INDEXES = new WeakMap<Intent[], IntentIndex>();

/** Chinese cues grouped by first character, built once per set of intents. */
function indexOf(intents: Intent[]): IntentIndex {
  let index = INDEXES.get(intents);
  if (!index) {
    const byFirstCharacter: IntentIndex["byFirstCharacter"] = new Map();
    for (const intent of intents) {
      for (const [cues, topic] of [
        [intent.cueTests, false],
        [intent.topicCueTests, true],
      ] as const) {
        for (const cue of cues.filter((c) => c.han)) {
          const key = cue.text.charAt(0);
          byFirstCharacter.set(key, [...(byFirstCharacter.get(key) ?? []), { intent, cue, topic }]);
        }
      }
    }
    index = { byFirstCharacter, priority: new Map(intents.map((i) => [i.id, i.priority])) };
    INDEXES.set(intents, index);
  }
  return index;
}
