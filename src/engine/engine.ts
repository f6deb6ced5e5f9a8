import { type Dataset, loadDataset } from "../data/load.ts";
import { batchOf, isCounted } from "../data/pilots.ts";
import type { NamesFile, Programme } from "../data/schema.ts";
import type { TableName } from "../research/treatment.ts";
import { describeAlternatives } from "./answers/alternatives.ts";
import {
  areaOf,
  type CountScope,
  composeAreaCount,
  composeAreaCountThrough,
  composeAreaExpansions,
  composeAreaLevelCount,
  composeAreaList,
  composeAreaSum,
  composeCompare,
  composeCountedIn,
  composeGroupCompare,
  composeNationalPrefectureRanking,
  composePrefectureRanking,
  composeRanking,
  composeRegionTotal,
  composeShare,
  EXCLUDES_EXPANSIONS,
  explainQuotedCount,
  FEWER,
  FEWEST,
  levelAsked,
  NEW_ONLY,
  oneBatchOf,
} from "./answers/area.ts";
import {
  composeBatch,
  composeBatchCompare,
  composeBatchShare,
  composeBatchSizes,
  composeFirstExtended,
  composeInterval,
  composeNoSuchBatch,
} from "./answers/batch.ts";
import { explainFigure, totalWithUncounted } from "./answers/figures.ts";
import { type ComposeContext, placeName, type Reply, useExonyms } from "./answers/format.ts";
import {
  composeCorrection,
  composeHelp,
  composeMisplaced,
  composeSources,
  composeUnknown,
} from "./answers/help.ts";
import { composeOtherProgramme } from "./answers/other.ts";
import { composePilotStatus, composeStatusList, composeWhichFirst } from "./answers/pilot.ts";
import { composeProgramme, type ProgrammeTopic } from "./answers/programme.ts";
import {
  composeBatchResearchNote,
  composeExpansionCoding,
  composeResearch,
  composeResearchNote,
  RESEARCH_WORDS,
} from "./answers/research.ts";
import { composeZoneStatus, findZone, findZoneAt, type Zone } from "./answers/zone.ts";
import { Atlas, type Division } from "./atlas.ts";
import { type ChartSpec, chartFor } from "./chart-spec.ts";
import { type Context, FOLLOW_UP, fromRef, PRONOUN, toRef } from "./context.ts";
import { ExampleIndex, type ExampleVote, exampleTokens } from "./examples.ts";
import {
  AFTERWARDS,
  ASKS_COUNT_OR_LIST,
  ASKS_EXPANSIONS,
  BARE_BATCH,
  BARE_COUNT,
  BARE_FOLLOW_UP,
  CLAIMED_COUNT,
  CLAUSE_END,
  COMPARES,
  CONFIDENT_SCORE,
  COUNTS_TOWARD,
  CUMULATIVE,
  DOCUMENT_WORDS,
  EXPANSION_WORDS,
  EXPANSIONS_COUNTED,
  FILLER_PREFIX,
  GREETING_EMOJI,
  INCLUDING,
  INTERVAL,
  introducesAsker,
  LAUNCH,
  listsSeveral,
  OPENERS,
  OTHER_BATCHES,
  onlyQuestionWords,
  QUALIFIER,
  RANKS,
  splitQuestions,
  THIS_OR_OTHER,
  THROUGH_TWO,
  WHY_FIGURE,
} from "./forms.ts";

import {
  admits,
  type Intent,
  type IntentId,
  type IntentScore,
  isCueWord,
  loadIntents,
  type SlotPresence,
  scoreIntents,
  TOPIC,
} from "./intents.ts";
import { canonicalName, formerShortForm, Lexicon, type Place, shortForms } from "./lexicon.ts";
import { isTraditional, normalise, simplified } from "./normalise.ts";
import { PinyinReader } from "./pinyin-reader.ts";
import { findOtherProgramme } from "./programmes.ts";
import {
  type BatchNumber,
  ENGLISH_STOPWORDS,
  encloses,
  leftoverName,
  leftoverRuns,
  type Mention,
  QUOTED_SUBJECT,
  type Recognised,
  recognise,
} from "./recognise.ts";
import { offTopicAsked, offTopicObject } from "./scope.ts";
import { type TraditionalVariant, toTraditional } from "./script.ts";

export type { Context } from "./context.ts";

/** A pilot as named in an answer. */
export interface PilotSummary {
  name: string;
  province: string;
  batch: BatchNumber;
  scope: "new" | "expansion";
}

/** Everything the engine says about one question. */
export interface Answer {
  question: string;
  intent: IntentId;
  /** Plain text as the user sees it (the bot escapes and formats it). */
  text: string;
  isPilot?: boolean | null;
  count?: number;
  /** The batch the answer is about, when it is about one (asked, carried over, or shared by what it lists). */
  batch?: BatchNumber;
  place?: string;
  area?: string;
  pilots?: PilotSummary[];
  /** Natural next questions. */
  suggestions: string[];
  /** Set when the reply is in Traditional characters (the question was, or the chat asked for it). */
  script?: TraditionalVariant;
  /** Rankings and comparisons: the area(s) with the most (or, when asked, the fewest); empty for a tie. */
  winners?: string[];
  /** Another programme the question is about (`other.programme`), by its name in `data/related.json`. */
  programme?: string;
  /** A chart that illustrates the answer (rankings, the overview, a province's list). */
  chart?: ChartSpec;
  /** Research tables to send as files with the answer (`/export`, "给我一份Excel"). */
  attachments?: TableName[];
  /** Why the engine answered as it did: normalised text, places, scores, context used. */
  trace: string[];
  /**
   * Which layer chose the intent: `rules` (cues and patterns), `examples` (nearest intent examples),
   * `entity` (another programme named), `context` (a follow-up) or `fallback` (bare place or batch, nothing understood).
   */
  decidedBy: DecisionLayer;
  /** The context to pass with the chat's next question. */
  context: Context;
}

/** The layer of intent matching that decided an answer. */
export type DecisionLayer = "rules" | "examples" | "entity" | "context" | "fallback";

/** A vote of the example layer counts when its winner holds this share of the neighbours' scores… */
const VOTE_SHARE = 0.6;
/** …and its nearest example shares at least this share of the question's tokens. */
const VOTE_COVERAGE = 0.4;

/** Programme-wide topics that, asked of one named batch, are that batch's facts. */
const BATCH_FACTS: IntentId[] = ["programme.timeline", "programme.total", "programme.documents"];

/** "算一个还是两个": whether names are one pilot or several. */
const ONE_OR_TWO = /一个(试点)?还是两个|两个还是一个|one or two|two or one/;
/** Asks how many an entry counts as: 算1个还是4个, 算几个. */
const COUNTED_AS = /算\s*(\d+|[一二三四五六七八九十两几])\s*个|(\d+|[一二三四五六七八九十两])\s*个还是/;

/** A remark about what the asker read or heard elsewhere. */
const REMEMBERED = /记得|听说|新闻|报道|据说|看到|看过|网上|百科|文章|数出来|对不上|不一致|有出入/;

/** Words about applying to the programme. */
const APPLYING = /申报|申请|报名|apply|application/;
/** Words that say one thing turned into another. */
const BECAME =
  /后来|变成|变为|转为|转成|演变|取代|接替|改成|改叫|改名|升级|衔接|接续|过渡到|turned into|replaced|became/;
/** "是不是后来变成新型智慧城市了": the subject left unsaid is the programme asked about. */
const BECAME_UNSAID =
  /^(是不是|是否|它|这|那|所以|那么|听说|好像|后来|之后|现在|就|都|已经|全|\s)*(变成|变为|转为|转成|演变|改成|改名|改叫|升级)/;
/** A comparison with nothing named: "哪个多？", "谁更少". */
const BARE_COMPARISON = /^(那|那么)?(哪个|谁|哪边|哪一个|哪个省)(更|比较)?(多|少)(一些|一点)?[?？吗呢啊]*$/;
/** The same in English: "how do they compare", "which has more". */
const BARE_COMPARISON_EN =
  /^(so\s+|and\s+)?(how do (they|the two|both|these|those) compare|which (one )?(has|got|had) more|who (has|got|had) more)\s*[?!.]*$/i;
/** Which prefecture of a province has the most or fewest: "哪个地级市的试点最多", "试点最多的城市". */
/** Asks a region's total (京津冀有多少个, 东北三省加起来几个). */
/** Pilot levels that are whole administrative units (a city, a county), which can hold a zone. */
const ADMIN_PILOT_LEVELS = new Set(["地级市", "县级市", "区", "县"]);
/** The asker's own word before a name (咱杜丹江市, 俺们肇源区). */
const ASKER_PREFIX = /^(咱们|俺们|我们|咱|俺|我)/;
/** A question of Latin letters only (pinyin or English). */
const ALL_LATIN = /^[a-z][a-z0-9\s?!.,，？！。]*$/;
/** Everyday words of questions typed in pinyin that are no intent's cue ("xianzai hai you zhe ge xiangmu ma"). */
const PINYIN_WORDS = [
  "现在",
  "还有",
  "这个",
  "项目",
  "什么",
  "哪些",
  "哪个",
  "首批",
  "新增",
  "第一批",
  "第二批",
  "第三批",
  "智慧城市",
  "试点",
  "国家",
];
/** Where a batch is named: 第三批, 首批, batch, round two, the second cohort. */
const BATCH_WORD =
  /第\s*[一二三123]\s*批|首批|batch|\b(?:round|cohort|wave|tranche)[\s-]*(?:one|two|three|[123])\b|(first|second|third)[\s-]+(batch|round|cohort|wave)/;
/** Asks for a share of the whole: 占全国的百分之几, 占比, what percentage. */
const SHARE = /百分之几|百分比|占比|比例|占全国|占了?多少|几成|percent|percentage|share|proportion/;
/** Asks whether something is in a total: 包不包括, 算不算在内. */
const TOTAL_INCLUDES = /包不包括|包括|包含|含不含|算不算|算在|算进|计入|included|include/;
/** The script of a reply: Simplified, or Traditional in Taiwan's or Hong Kong's standard. */
export type ReplyScript = "simplified" | TraditionalVariant;
const REGION_TOTAL =
  /多少|几个|几家|有几|总数|一共|总共|合计|加起来|how many|in total|altogether|count|number/i;
/** Compares a region's members or ranks them (东北三省哪个最多, 分别几个) instead. */
const REGION_COMPARED =
  /哪个|哪一个|哪些省|谁|比|排|分别|各|最多|最少|多几|差|which|compare|most|fewest|each/i;
const PREFECTURE_RANKING =
  /(哪个|哪些|哪一个|什么)(地级)?(市|城市)[^，。？?]{0,6}(最多|最少)|(最多|最少)的(是)?(哪个)?(地级)?(市|城市)|which (city|prefecture)|地级市[^。？?]{0,12}(有没有|哪个|哪些)[^。？?]{0,8}(试点都没有|没有试点|没试点)/;
/** Which of several was chosen first (or last). */
const WHICH_FIRST =
  /(哪个|哪一个|谁)\s*(先|早|更早|最早|在前)|(先|早)\s*(入选|选上|获批|成为)的?是(哪个|谁)|which (one )?(came|was (chosen|selected|named|picked)) (first|earlier)|which (is|was) (older|earlier)/;
/** Whether it is a pilot, and nothing else: the place is missing. */
const BARE_STATUS =
  /^\s*(这|它|那)?个?\s*(是不是|是否|算不算|是|算)\s*(国家)?(智慧城市)?\s*试点\s*(吗|么|嘛|呢)?\s*[?？]?\s*$/;
/** A pilot called its province's only one. */
const ONLY_ONE = /\bonly\b|\bsole\b|\bjust one\b|唯一|独一/;
/** Prefectures that hold no pilot: the fewest, at zero. */
const NO_PILOT = /试点都没有|没有试点|没试点|no pilots?\b/;
/** Which years a researcher should use: programme years or announcement years. */
const WHICH_YEARS = /(年份|年度|时间|时点|year).{0,30}(还是|或者|or)|(还是|或者).{0,12}(年度|公布|年份)/;
/** A stretch of the programme's history ("从启动到第三批公布", "前后多长时间"), not one batch's dates. */
const TIMELINE_SPAN =
  /从|到|至|之间|节点|前后|多长|多久|历程|时间线|大事记|过程|经过|since|until|between|timeline|key dates|from (the )?(launch|start|beginning)/;
/** Kinds of zone named in English right after a city, and the words of a pilot's name that say that kind. */
const ENGLISH_ZONE_KINDS: [RegExp, RegExp][] = [
  [
    /^\s*(hi-?tech|high-?tech|high technology)( industrial)?( development)? (zone|park|district|area)/,
    /高新/,
  ],
  [
    /^\s*(economic(al)? (and|&) technological|economic|etdz|technological) development (zone|area)/,
    /经济技术开发区|经济开发区/,
  ],
  [/^\s*industrial park/, /工业园/],
  [/^\s*new (area|district|town)/, /新区|新城/],
  [/^\s*eco-?city/, /生态城/],
];
/** Words that compare two batches ("第二批比第一批多了几个", "哪批的镇更多"). */
const BATCHES_COMPARED =
  /比|多几|少几|多多少|少多少|差多少|相差|哪一?批.{0,8}(多|少)|更多|更少|which batch.{0,30}(more|fewer|most)|more than|fewer than/;
/** Asks which batch was the biggest or smallest: 哪一批最多, which batch was the largest. */
const BATCHES_RANKED =
  /(哪一?批|哪次)[^，。？?]{0,8}(最多|最大|最少|最小)|which (batch|round) (was|is|had|has)?\s*(the )?(biggest|largest|smallest|most|fewest)/;
const FEWEST_BATCH = /最少|最小|smallest|fewest/;
/** Words that ask how far apart two counts are (差多少, 多几个). */
const DIFFERENCE =
  /差多少|差几个|相差|差距|多几个|多多少|少几个|少多少|how many more|how many fewer|by how many|difference/;
/** Words that ask for everything added up. */
/** Words for the programme's total. */
const TOTAL_WORDS = /总数|总量|一共|总共|合计|总计|\btotal\b|altogether|in all\b/i;
/** Words that take something into a count ("算上", "also count"). */
const ALSO_COUNTED =
  /算上|加上|也算|算进|计入|包括|\balso count|\bcount(ing)? in\b|\binclud(e|ing)\b|\bplus\b|\badd(ing)? (in )?the\b/i;
const ALTOGETHER = /一共|总共|总数|合计|总计|加起来|全部加|多算|算多|少算|算少|重复算/;
/** A question about where the bot's data comes from. */
const DATA_SOURCE =
  /(数据|名单|资料|信息)(的)?(来源|从哪|哪来|出处|是从哪|可靠|准不准|靠谱)|你的来源|where (does|do) (your|the|this) (data|list|information) come from|\b(data|information) sources?\b|\byour sources?\b/;
/** A piece that asks for a list or a number itself, so it is no remark after a question. */
const OWN_QUESTION = /哪些|哪几|几个|多少|有几|名单|列出|是不是|how many|which/;
/** This programme by a name of its own: 智慧城市试点, 住建部的试点. */
const THIS_NAMED =
  /智慧城市试点|住建部的?(国家)?(智慧城市)?试点|住建部那个|住建部(的|那)?[三几]批|mohurd|national smart city pilots?/g;
/** Words that set another programme aside before it is named ("除了信息惠民那种", "不是问省里的…"). */
const SET_ASIDE =
  /(除了|除开|不是问|不问|不包括|不包含|不含|不要|不算|排除|而不是|并非|other than|apart from|excluding|not counting|not the)[^，。？?；;!！]{0,8}$/;
/**
 * Asks whether something is to be coded as something ("要不要当成新的处理", "papers code Hangzhou as
 * treated…is that a mistake").
 */
const CODED_AS =
  /(要不要|该不该|能不能|是否|可不可以)\s*(当成|当作|算成|算作|视为|作为)\S{0,8}(处理|编码|对待)|\bcoded?s?\b.{0,40}\bas (treated|control)\b/;
/** Two places said to have come together ("跟霍山县一起批的"), not counted together ("一起算"). */
const CAME_TOGETHER = /(跟|和|与|同)[^，。？?]{1,12}(一起|一块儿?|一同|同一批|同批|同时)(?!\S{0,2}算)/;
/** Asks how something is to be defined or coded ("该怎么定", "如何界定"). */
const HOW_TO_CODE =
  /(该|应该|要|到底)?\s*(怎么|如何|咋)\s*(定|划|界定|认定|设定|编码|赋值|处理|算)(?!\S{0,2}(吗|么))/;
/** A message that opens with this programme as its subject ("智慧城市试点…", "这个试点…"). */
const PROGRAMME_FIRST = /^\s*(国家|住建部的?)?(智慧城市)?试点|^\s*这个(试点|项目)/;
/** The programme said to be something else ("是不是就是", "跟…是不是一回事", "等于"). */
const LIKENED = /(是不是|是否|不)?就是|(是不是|是)一回事|一码事|等于|等同/;
/** Work said of the programme ("到处装5G基站", "建大屏"): what it does is its purpose. */
const DOING = /就是\S{0,3}(装|建|搞|修|做|弄|花钱|上马)/;
/** The programme said to have started ("the programme started in…", "试点是…启动的"). */
const PROGRAMME_STARTED =
  /\b(programme|program|scheme|initiative)\b.{0,12}\b(started|began|launched|kicked off)\b|(试点|项目|这个计划)(工作)?[^，。？?]{0,6}(启动|开始)(于|的|是)/;
/** Asks whether a place by that name exists at all ("有这个地方吗"). */
const EXISTENCE_ASKED =
  /有这个地方|有没有这个地方|有这地方|有这个地名|这个地方存在|真的有这个|是否存在|存不存在|is there (such|a) place|does (it|that|this place) (even )?exist/;
/** Words that give what follows as an example ("比如苏州", "such as Suzhou"). */
const EXAMPLE_BEFORE = /(比如|例如|譬如|比方说|像是?|such as|e\.g\.|for example|like)\s*$/;
/** A piece that says which place was meant ("就是以前萝岗那块"). */
const CLARIFIES = /^\s*(就是|即|也就是|指的是|我说的是|我是说)/;
/** Between a place and a pilot it is said to be, or to have been ("是不是就是", "就是以前"). */
const SAME_PLACE = /就是|也就是|即|以前|原来|原先|之前|前身/;
/** A request to have something checked, opening the last piece of a message ("帮我确认一下…"). */
const CHECK_REQUEST = /^\s*(帮我|请|麻烦你?|能不能|可以)?\s*(帮忙|帮我)?\s*(确认|核实|核对|查|看|说)一下/;
/** Words that ask whether one thing counts as another ("算不算", "能说是", "当成"), before this programme's name. */
const EQUATED =
  /(算不算|算是|算|说是|说成|当成|当作|看作|视为|视作|等于|等同于?|属于|冒充|自称|叫做?)\s*(国家|住建部的?)?\s*$/;
/** Words that set two programmes side by side. */
const SIDE_BY_SIDE =
  /一回事|区别|不同|差别|关系|一样|搞混|混淆|重叠|重合|交叉|difference|differ|overlap|same (thing|programme|program)|confus/;
/** Where a message's clauses end, commas and brackets included. */
const CLAUSE_BREAK = /[，,。？?！!；;（）()]/;
/** Words that name this programme itself. */
const THIS_PROGRAMME =
  /^试点|这个试点|这个项目|这些试点|智慧城市试点|国家智慧城市试点|this program(me)?|the pilots?\b(?! (city|cities|list))/;

/** A year named only to leave its expansion areas out (算不算 asks; it leaves nothing out). */
const EXCLUDED_YEAR =
  /20\d\d\s*年?度?的?\s*扩大范围[^，。,]{0,12}((?<!算)不算|除外|(?<!计)不计|去掉)|((?<!算)不算|不含|不包括|除去|去掉|除了)\s*20\d\d\s*年?度?的?\s*扩大范围/;

/** To overrule unsure rules, the example vote must be clearer than when the rules are silent. */
const OVERRULE_SHARE = 0.75;
const OVERRULE_COVERAGE = 0.5;

/** A rule score this low rests on a single short cue. */
const UNSURE_SCORE = 2;

/** At most this many places are compared in one answer. */
const MAX_COMPARED = 12;

const INTENTS_THAT_FOLLOW_PLACES: IntentId[] = ["area.count", "area.list", "pilot.status"];
/** Questions about which batch or when, rather than whether. */
const ASKS_WHICH = /还是|哪一批|哪批|第几批|几批|什么时候|何时|哪年|哪一年|几几年|which batch|when/;
const PLACE_INTENTS: IntentId[] = ["pilot.status", "area.count", "area.list"];
const ADMIN_SUFFIX = /(省|市|区|县|镇|乡|州|旗|街道)$/;

/** Questions that between them reach every structure the engine builds lazily (see `warm`). */
const WARM_UP_QUESTIONS = [
  "kunshan shi shidian ma",
  "Which pilots are in Jiangsu?",
  "坤山是试点吗",
  "昆山东是试点吗",
  // (A question no rule decides: the example vote and its index.)
  "给我讲讲呗",
];

/**
 * The question-answering engine: normalise → recognise places → match intent → compose answer.
 * Pure after construction: no I/O, no randomness, same question and context → same answer.
 *
 * @example
 * const engine = new Engine();
 * engine.answer("昆山市是试点吗").text; // "是的，昆山市是国家智慧城市试点。…"
 */
export class Engine {
  readonly atlas: Atlas;
  readonly lexicon: Lexicon;
  readonly intents: Intent[];

  constructor(data: Dataset = loadDataset(), intents: Intent[] = loadIntents()) {
    this.atlas = new Atlas(data);
    useExonyms(data.names.exonyms);
    this.lexicon = new Lexicon(this.atlas);
    this.intents = intents;
  }

  /**
   * Builds now what is otherwise built on first need: pinyin's dictionary and the Latin names (the
   * first English or pinyin question), the typo and "did you mean" indexes, the example index. A
   * bot serving many chats calls it at start, so that no chat's answer waits ~0.5 s behind
   * another's first English question; the console and `ask` skip it and start sooner.
   */
  warm(): void {
    for (const question of WARM_UP_QUESTIONS) this.answer(question);
  }

  /**
   * Answers a message; pass the previous answer's `context` for follow-ups in a chat. A message of
   * several questions ("昆山是第几批？苏州工业园区呢？") gets each answered in turn, the later ones
   * with the earlier ones' context; the answer's fields are the first question's.
   */
  answer(question: string, context: Context = {}, options: { script?: ReplyScript } = {}): Answer {
    // A question in Traditional characters is answered as its Simplified reading (split into pieces
    // the same way), and gets its reply in Traditional characters: the same reply, converted.
    const traditional = isTraditional(String(question ?? ""));
    const read = traditional ? this.answerMessage(simplified(String(question)), context) : undefined;
    const answer = read ? { ...read, question } : this.answerMessage(question, context);
    const script = options.script ?? (traditional ? "tw" : "simplified");
    if (script === "simplified") return answer;
    return {
      ...answer,
      text: toTraditional(answer.text, script),
      suggestions: answer.suggestions.map((s) => toTraditional(s, script)),
      script,
    };
  }

  private answerMessage(question: string, context: Context): Answer {
    const { pieces, asking, marked } = splitQuestions(String(question ?? ""));
    // "Beijing has loads of pilots but Shanghai only one? how do they compare": a bare comparison
    // after a piece that names the places compares them.
    const lastPiece = pieces.at(-1) ?? "";
    if (pieces.length === 2 && (BARE_COMPARISON.test(lastPiece) || BARE_COMPARISON_EN.test(lastPiece))) {
      const joined = this.answerOne(pieces.join(" ").replace(/[？?]/g, " "), context);
      if (joined.intent === "area.compare") return { ...joined, question };
    }
    // "黄埔区是不是首批智慧城市试点？就是以前萝岗那块": a piece that says which place was meant makes
    // the message one question.
    if (pieces.length === 2 && CLARIFIES.test(lastPiece)) {
      const whole = this.answerOne(pieces.join("，").replace(/[？?]/g, "，"), context);
      if (PLACE_INTENTS.includes(whole.intent) && (whole.place || whole.area)) return { ...whole, question };
    }
    // "唐山：迁安第一批…唐山市本身是第三批？帮我确认一下唐山市整体是哪批": a last piece that asks to
    // have something checked is the question; what comes before is what the asker has.
    if (pieces.length > 1 && CHECK_REQUEST.test(lastPiece)) {
      const alone = this.answerOne(lastPiece, context);
      if (PLACE_INTENTS.includes(alone.intent) && (alone.place || alone.area)) return { ...alone, question };
    }
    // "亳州是第二批的吧？名单上写着…": one question with a remark after it is that question, when it names its place.
    // (Not when what follows is a bare follow-up of it: "山东有几个？都是哪些" asks twice.)
    const followedUp = asking.slice(1).some((p) => BARE_FOLLOW_UP.test(p));
    // (Not when the rest asks a question of its own: "海南州是海南省吗？海南州有哪些试点".)
    // (Nor when it names another programme: "哈尔滨…是哪个智慧城市试点？技术和标准那个吗".)
    // (Nor when it asks again without the expansions: "湖北总共几个？要是不算扩大范围呢".)
    const restAsks =
      asking.slice(1).some((p) => OWN_QUESTION.test(p)) ||
      pieces.slice(1).some((p) => EXCLUDES_EXPANSIONS.test(p) && FOLLOW_UP.test(p)) ||
      pieces.slice(1).some((p) => findOtherProgramme(p, this.atlas.data.related.programmes) !== null);
    if (
      marked.length === 1 &&
      pieces.length > 1 &&
      asking[0] &&
      marked[0] === asking[0] &&
      !followedUp &&
      !restAsks
    ) {
      const alone = this.answerOne(asking[0], context);
      // ("山东是不是全国第一？我一直以为是江苏": a place's rank, too.)
      const ranksItsPlace = alone.intent === "area.ranking" && alone.context.place !== undefined;
      if ((PLACE_INTENTS.includes(alone.intent) && (alone.place || alone.area)) || ranksItsPlace)
        return { ...alone, question };
    }
    // "广西有几个试点 我记得新闻说第二批是四市一区": a question, then what the asker remembers reading —
    // the remark's batch does not narrow the question.
    const [head, ...after] = pieces;
    if (
      head &&
      asking.length === 1 &&
      asking[0] === head &&
      after.length > 0 &&
      after.every((p) => REMEMBERED.test(p))
    ) {
      const alone = this.answerOne(head, context);
      // ("到底是290还是300个啊 我数表格数出来不一样": a total asked, and the asker's own count.)
      const total = alone.intent === "programme.total" && alone.decidedBy === "rules";
      // (Unless the remark quotes a figure to explain: "总共几个试点城市 我看有的文章说277个".)
      const figureQuoted =
        total && after.some((p) => explainFigure(this.atlas.data.programme, p, "zh") !== undefined);
      if ((PLACE_INTENTS.includes(alone.intent) && (alone.place || alone.area)) || (total && !figureQuoted))
        return { ...alone, question };
    }
    if (asking.length < 2) return this.answerOne(question, context);
    // "山东几个？江苏几个？哪个多？": a bare comparison after questions about places compares those places.
    const last = asking.at(-1) ?? "";
    if (asking.length >= 3 && BARE_COMPARISON.test(last)) {
      const named = asking.slice(0, -1).map((p) => this.answerOne(p, context));
      const areas = named.map((a) => a.area ?? a.place);
      if (areas.every((a) => a !== undefined) && new Set(areas).size === areas.length)
        return { ...this.answerOne(`${areas.join("和")}${last}`, context), question };
    }
    const answers: Answer[] = [];
    let memory = context;
    for (const piece of asking) {
      // "重庆的试点是不是全是区？一共几个，都是哪几个": bare counts and lists after a piece about a
      // place ask about that place, not about the programme.
      const before = answers.at(-1);
      const subject = before?.area ?? before?.place;
      const bare = piece
        .split(/[，,]/)
        .every((c) => BARE_COUNT.test(c.trim()) || BARE_FOLLOW_UP.test(c.trim()));
      const a = this.answerOne(subject && bare ? `${subject}${piece}` : piece, memory);
      memory = a.context;
      // A piece that leans on the one before ("…？共多少个？") makes the message one question.
      const ownSubject = a.place !== undefined || a.area !== undefined;
      const independent =
        a.intent !== "unknown" && (ownSubject || a.decidedBy === "rules" || a.decidedBy === "entity");
      if (independent && !answers.some((b) => b.text === a.text)) answers.push(a);
    }
    const [first, ...rest] = answers;
    if (!first) return this.answerOne(question, context);
    if (rest.length === 0) {
      // "how many pilots in xinjiang? does that include the bingtuan?": when the whole message reads
      // as nothing in particular, the one piece the rules understood is the question.
      const whole = this.answerOne(question, context);
      const wholeUnsure = whole.decidedBy === "fallback" || whole.intent === "unknown";
      return wholeUnsure && first.decidedBy === "rules" ? { ...first, question } : whole;
    }
    // Pieces about one and the same place ("临沂明明在名单上 临沂到底是不是") are one question.
    const subject = (a: Answer) => a.place ?? a.area;
    // (Not counts of it that differ: "广西第一批有没有试点？一共几个？" asks for 0 and for 7.)
    const countsDiffer =
      first.intent === "area.count" &&
      answers.some((a) => a.intent === "area.count" && a.count !== first.count);
    if (subject(first) && answers.every((a) => subject(a) === subject(first)) && !countsDiffer) {
      // "山东有几个？都是哪些": the list answers both (it states the count too).
      const list = answers.find((a) => a.intent === "area.list");
      if (list && answers.every((a) => a.intent === "area.count" || a.intent === "area.list"))
        return { ...list, question, context: memory };
      // "名单里的“海南州”是海南省的吗？海南州有哪些试点": when the status of the place already names
      // every pilot listed, it answers both; the list's facts go with it.
      const status = answers.find((a) => a.intent === "pilot.status" && a.isPilot !== true);
      if (
        list &&
        status &&
        answers.length === 2 &&
        (list.pilots ?? []).every((p) => status.text.includes(p.name))
      )
        return { ...list, question, text: status.text, context: memory };
      // "广西第一批有没有试点？一共几个？": the count, by batch, answers whether a batch has any too.
      const count = answers.find((a) => a.intent === "area.count");
      if (
        count &&
        answers.every((a) => a.intent === "area.count" || (a.intent === "pilot.status" && a.isPilot !== true))
      )
        return { ...count, question, context: memory };
      return this.answerOne(question, context);
    }
    return {
      ...first,
      question,
      text: answers.map((a) => a.text).join("\n\n"),
      pilots: answers.flatMap((a) => a.pilots ?? []),
      suggestions: rest.at(-1)?.suggestions ?? first.suggestions,
      trace: answers.flatMap((a, i) => [`question ${i + 1}: ${a.question}`, ...a.trace]),
      context: memory,
    };
  }

  private pinyinReader?: PinyinReader;

  /** A question typed wholly in pinyin, its known words read back into characters. */
  private readPinyin(text: string): string {
    if (!ALL_LATIN.test(text)) return text;
    this.pinyinReader ??= new PinyinReader(
      [
        ...this.intents.flatMap((i) => [...i.cues, ...i.topicCues]),
        ...this.atlas.data.programme.batches.map((b) => b.label),
        ...this.atlas.data.related.programmes.flatMap((p) => [p.name, ...p.terms]),
        ...PINYIN_WORDS,
      ],
      this.lexicon.names(),
    );
    // (A word the questions are made of is no place, whatever it spells: shidian is 试点, not 施甸.)
    return this.pinyinReader.read(
      text,
      (key) => !ENGLISH_STOPWORDS.has(key) && this.lexicon.lookupPinyin(key) !== undefined,
    );
  }

  /** Answers one question. */
  private answerOne(question: string, context: Context = {}): Answer {
    const typed = normalise(String(question ?? ""), this.atlas.data.dialect.replacements);
    // The reply to pinyin stays English (`english` is the typed text's); the words are read as Chinese.
    const normalised = { ...typed, text: this.readPinyin(typed.text) };
    const cx: ComposeContext = {
      atlas: this.atlas,
      programme: this.atlas.data.programme,
      lang: normalised.english ? "en" : "zh",
    };
    const trace = [`text: ${normalised.text}${normalised.truncated ? " (truncated)" : ""}`];
    if (!/[\p{L}\p{N}]/u.test(normalised.text)) {
      // 👋 or 👍 alone is a greeting or a thanks: the help answer, not "I did not understand".
      if (GREETING_EMOJI.test(String(question ?? "")))
        return this.finish(question, "help", composeHelp(cx), [], null, trace, context, "fallback");
      return this.finish(
        question,
        "unknown",
        composeUnknown(cx, normalised.text === ""),
        [],
        null,
        trace,
        context,
        "fallback",
      );
    }
    let rec = recognise(normalised, this.lexicon, this.atlas);
    const zoneAt = findZoneAt(rec.text, this.atlas.data.names.zones);
    const zoned = zoneAt !== undefined;
    // A zone's name is not read for the places inside it (安新 in 雄安新区), and a place named only
    // to locate the zone (珠海横琴, 武汉光谷) is not the subject.
    if (zoneAt) rec = { ...rec, mentions: rec.mentions.filter((m) => !this.locatesZone(m, zoneAt)) };
    const container = rec.mentions.length === 1 ? rec.mentions[0] : undefined;
    const corrected =
      rec.otherProgramme || zoned
        ? undefined
        : rec.mentions.length === 0
          ? this.correctTypo(rec, trace)
          : container &&
            (this.correctInside(rec, container, trace) ??
              this.correctBefore(rec, container, trace) ??
              this.correctEnclosing(rec, container, trace));
    if (corrected)
      rec = { ...rec, residual: rec.residual.replace(corrected.typed, " ".repeat(corrected.typed.length)) };
    // "萧山市" read as 萧山区: said like a correction.
    const respelled = rec.mentions.find((m) => m.respelled);
    const noted =
      corrected ??
      (respelled
        ? { typed: respelled.term, name: canonicalName(respelled.place) ?? respelled.term }
        : undefined);
    const mentions = corrected ? [corrected.mention] : [...rec.mentions];
    const previous = fromRef(context.place, this.atlas);
    const followUp = FOLLOW_UP.test(rec.text);
    const bareFollowUp =
      mentions.length === 0 &&
      previous !== undefined &&
      (((context.intent === "area.count" || context.intent === "area.list") &&
        BARE_FOLLOW_UP.test(rec.text)) ||
        // "广西第一批有没有试点？一共几个？": a bare count after a question about a place counts that place.
        // (Of a province or city only: after "昆山是试点吗", "一共有多少个试点" asks the programme's total.)
        (context.intent !== undefined &&
          PLACE_INTENTS.includes(context.intent) &&
          previous.place.kind === "division" &&
          BARE_COUNT.test(rec.text)) ||
        // "长乐是国家智慧城市试点吗 第几批": a bare batch question after a pilot asks that pilot's batch.
        (context.intent === "pilot.status" && previous.place.kind === "pilot" && BARE_BATCH.test(rec.text)));
    if (mentions.length === 0 && previous && (PRONOUN.test(rec.text) || followUp || bareFollowUp)) {
      mentions.push(previous);
      trace.push(`context place: ${previous.term}`);
    }
    // "新疆有几个试点（兵团的先不算）": a place named only to be left out is not asked about.
    const leftOut = (m: Mention) =>
      m.start >= 0 &&
      (/^的?\s*(先|暂时?|都)?\s*(不算|除外|不计|不包括|不含)\s*(在内|进去|进来)?\s*([)）,，。?？!！\s]|$)/.test(
        rec.text.slice(m.end, m.end + 12),
      ) ||
        /(不算|不含|不包括|除了|除去|去掉|排除)\s*$/.test(rec.text.slice(Math.max(0, m.start - 4), m.start)));
    // "除了荆州、仙桃": the places listed after the one left out are left out with it.
    const out = new Set(mentions.filter(leftOut));
    for (const [i, m] of mentions.entries()) {
      const before = mentions[i - 1];
      if (
        before &&
        out.has(before) &&
        m.start >= 0 &&
        /^\s*[、和及与]\s*$/.test(rec.text.slice(before.end, m.start))
      )
        out.add(m);
    }
    const kept = mentions.filter((m) => !out.has(m));
    // "除了上海，还有哪个省只有一个试点": everything named is left out, and the others are asked for.
    const othersAsked = kept.length === 0 && out.size > 0 && /还有(哪|什么|啥)|其他|其余|别的/.test(rec.text);
    if (othersAsked) trace.push("places left out, the others asked for");
    const places = othersAsked ? [] : distinct(kept.length > 0 ? kept : mentions);
    // "Hefei high-tech zone": a city named in English with a kind of zone is the one pilot of that kind in it.
    const zoneOfCity = this.englishZone(rec, places);
    if (zoneOfCity) {
      places.splice(places.indexOf(zoneOfCity.city), 1, zoneOfCity.zone);
      trace.push(`English zone: ${zoneOfCity.zone.term} → ${canonicalName(zoneOfCity.zone.place)}`);
    }
    // "上海是不是就浦东一个试点": one pilot named as its province's only one asks that province's count.
    const sole = places.length === 1 && places[0]?.place.kind === "pilot" ? places[0] : undefined;
    const soleProvince =
      sole?.place.kind === "pilot" &&
      /(就|只有|仅有?|只)\s*$/.test(rec.text.slice(0, sole.start)) &&
      /^\s*(这)?一个/.test(rec.text.slice(sole.end))
        ? this.atlas.provinceOf(sole.place.pilot)
        : undefined;
    const provincePlace = soleProvince && this.lexicon.lookup(soleProvince.name)?.[0];
    if (sole && provincePlace) {
      places.splice(0, 1, { ...sole, place: provincePlace });
      trace.push(`the only one of ${soleProvince.name}`);
    }
    // "同在山东，青岛和济南谁的试点多", "我是贵州大学的学生…比较贵阳和遵义": a province named before two or
    // more places inside it only says where they are.
    const provinces = places.filter(
      (m) => m.place.kind === "division" && m.place.division.level === "province",
    );
    const provinceOf = (p: Place) => (p.kind === "pilot" ? p.pilot.province : p.division.province);
    const [locating] = provinces;
    if (
      provinces.length === 1 &&
      locating &&
      places.length >= 3 &&
      places.every(
        (m) =>
          m === locating || (provinceOf(m.place) === provinceOf(locating.place) && m.start > locating.end),
      )
    ) {
      places.splice(places.indexOf(locating), 1);
      trace.push(`${locating.term} only locates the others`);
    }
    // "Tibet only has Lhasa as a pilot, yes?", "拉萨是西藏唯一的试点吗": a province and one of its pilots
    // called its only one ask for the province's list, when it has others. (万宁 is 海南's only one: its
    // own answer says so.)
    if (places.length === 2 && !rec.otherProgramme && ONLY_ONE.test(rec.text)) {
      const province = places.find(
        (m) => m.place.kind === "division" && m.place.division.level === "province",
      );
      const pilot = places.find((m) => m.place.kind === "pilot");
      const division = province?.place.kind === "division" ? province.place.division : undefined;
      const others =
        division &&
        this.atlas.countedIn(division).filter((p) => rec.batch === null || p.batch === rec.batch).length > 1;
      if (
        province &&
        division &&
        others &&
        pilot?.place.kind === "pilot" &&
        pilot.place.pilot.province === division.name
      ) {
        trace.push(`the only one of ${division.name}?`);
        const reply = composeAreaList(cx, division, rec.batch, { onlyOne: pilot.place.pilot });
        return this.finish(question, "area.list", reply, [province], rec.batch, trace, context, "rules");
      }
    }
    // "看到名单里有“北京经济技术开发区房山区长阳镇”的写法，请问房山区长阳镇是单独的试点吗": after a quotation,
    // the place named again in the question is the subject.
    // "平城区是不是就是第二批里那个“大同市城区”", "黄埔区…就是以前萝岗那块": a pilot said to be (or have
    // been) a place that now holds it is the subject.
    const [outer, inner] = places;
    if (
      places.length === 2 &&
      outer?.place.kind === "division" &&
      inner?.place.kind === "pilot" &&
      encloses(outer.place, inner.place, this.atlas) &&
      SAME_PLACE.test(rec.text.slice(outer.end, inner.start)) &&
      // (Not "佛山那边就是哪些地方是…顺德算不算": 就是 as a filler before the question.)
      !/哪|几|多少|什么|啥/.test(rec.text.slice(outer.end, inner.start))
    ) {
      places.splice(0, 2, inner);
      trace.push(`said to be ${inner.term}`);
    }
    const quoteEnd = Math.max(rec.text.lastIndexOf("”"), rec.text.lastIndexOf("」"));
    const namedAgain =
      quoteEnd > 0 && places.length >= 2
        ? places.filter((m) => m.start < quoteEnd && rec.text.slice(quoteEnd).includes(m.term))
        : [];
    const again = namedAgain.length === 1 ? namedAgain[0] : undefined;
    if (again && places[0] !== again) {
      places.splice(places.indexOf(again), 1);
      places.unshift(again);
      trace.push(`named again after the quotation: ${again.term}`);
    }
    // "大同市城区2013年度，大同市呢？": the place asked with 呢 is the subject; the one before it was told,
    // not asked ("宜昌是第几批，襄阳呢" asks both).
    const asked = places.findIndex((m, i) => i > 0 && m.end > 0 && /^\s*呢/.test(rec.text.slice(m.end)));
    const told = places[0] && places[asked] ? rec.text.slice(places[0].start, places[asked].start) : "";
    if (asked > 0 && !/[吗么几哪?？]|是不是|有没有|算不算|多少|什么|怎么/.test(told))
      places.unshift(...places.splice(asked, 1));
    // "广东的桂林是第几批": a place put in the wrong province is asked about, and the slip is said.
    // "Suzhou in Anhui province (not the Jiangsu one!)", "Taizhou, Jiangsu (not Taizhou in Zhejiang)": what
    // is said not to be meant is left out, and the province named after a name picks its reading there.
    // ("(Qinghai – not Hainan island)": from the "not" to the bracket's end.)
    // ("是不是" asks, it does not deny.)
    const denied = [
      ...rec.text.matchAll(/\([^)]*?(\bnot\b|(?<!是)不是)[^)]*\)|（[^）]*?(?<!是)不是[^）]*）/g),
    ].map((m) => [m.index + m[0].search(/\bnot\b|(?<!是)不是/), m.index + m[0].length] as const);
    // "…, leaving out the Bingtuan", "(…; Bingtuan left out)": a place said to be left out.
    const saidLeftOut = (m: Mention) =>
      rec.english &&
      (/(leaving out|excluding|except(?: for)?|not counting|without)\s+(the\s+)?$/.test(
        rec.text.slice(Math.max(0, m.start - 30), m.start),
      ) ||
        /^\s*(left out|excluded|not counted|aside)\b/.test(rec.text.slice(m.end)));
    for (const m of [...places])
      if ((denied.some(([a, b]) => m.start >= a && m.start < b) || saidLeftOut(m)) && places.length > 1)
        places.splice(places.indexOf(m), 1);
    // "Is 'Goldbay New City' in Jiangsu province a pilot?": a quoted name that is no place we know is
    // the subject; the province after it only says where the asker thinks it is.
    const quoted = rec.english ? rec.text.match(QUOTED_SUBJECT) : null;
    const quotedEnd = quoted ? (quoted.index ?? 0) + quoted[0].length : 0;
    if (
      quoted &&
      places.length === 1 &&
      places[0]?.place.kind === "division" &&
      places[0].place.division.level === "province" &&
      places[0].start >= quotedEnd
    ) {
      trace.push(`quoted name unknown: ${quoted[3]}`);
      places.splice(0, 1);
    }
    // (English only: in Chinese, "昆山，江苏有几个" asks about both.)
    for (const m of rec.english ? [...places] : []) {
      const province = places.find(
        (p) =>
          p !== m &&
          p.place.kind === "division" &&
          p.place.division.level === "province" &&
          p.start > m.end &&
          /^\s*(,|，|in|in the|of)\s*$/.test(rec.text.slice(m.end, p.start)),
      );
      if (province?.place.kind !== "division") continue;
      const readings =
        m.via === "pinyin"
          ? (this.lexicon.lookupPinyin(m.key ?? m.term.replace(/[^a-z]/g, "")) ?? [])
          : (this.lexicon.lookup(m.term) ?? []);
      const reading = [m.place, ...(m.alternatives ?? []), ...readings].find(
        (r) =>
          provinceNameOf(r) === canonicalName(province.place) &&
          !(r.kind === "division" && r.division.level === "province"),
      );
      if (!reading) continue;
      places.splice(places.indexOf(m), 1, {
        ...m,
        place: reading,
        alternatives: undefined,
        ambiguous: undefined,
      });
      places.splice(places.indexOf(province), 1);
      trace.push(`read in ${province.term}: ${m.term} → ${canonicalName(reading)}`);
    }
    const slipped = misplacedIn(places, rec.text);
    // "北京朝阳": no slip when the name has a reading inside the province named (北京市朝阳区).
    const inside = slipped
      ? ["", "区", "县", "市", "旗"]
          .flatMap((suffix) => this.lexicon.lookup(`${slipped.place.term}${suffix}`) ?? [])
          .find((p) => provinceNameOf(p) === canonicalName(slipped.province.place))
      : undefined;
    if (slipped && inside) {
      places.splice(places.indexOf(slipped.place), 1, {
        ...slipped.place,
        place: inside,
        alternatives: undefined,
      });
      places.splice(places.indexOf(slipped.province), 1);
      trace.push(`inside ${slipped.province.term}: ${slipped.place.term} → ${canonicalName(inside)}`);
    }
    const misplaced = inside ? undefined : slipped;
    if (misplaced) places.splice(places.indexOf(misplaced.province), 1);
    const independent = places.filter(
      (m) => !places.some((o) => o !== m && encloses(o.place, m.place, this.atlas)),
    );
    // A zone that is no division (雄安新区) fills the place slot: questions about it are place questions.
    const slots = {
      place: places.length > 0 || zoned,
      places2: independent.length > 1,
      batch: rec.batch !== null,
    };
    trace.push(
      `places: ${places.map((m) => `${m.term}→${canonicalName(m.place)}`).join(", ") || "-"}; batch: ${rec.batch ?? "-"}`,
    );
    let scores = scoreIntents(rec.residual, slots, this.intents);
    // "仇保兴在2013年那个创建工作会议上讲了啥": a bare year is a date, not a batch, when nothing about a
    // batch is asked; the question is then read without one.
    if (scores.length === 0 && rec.batch !== null && !BATCH_WORD.test(rec.text) && !/年度/.test(rec.text)) {
      const yearless = scoreIntents(rec.residual, { ...slots, batch: false }, this.intents);
      if (yearless.length > 0) {
        scores = yearless;
        rec = { ...rec, batch: null, batches: [] };
        trace.push("a year, not a batch");
      }
    }
    trace.push(`scores: ${scores.map((s) => `${s.id}=${s.score}[${s.cues.join(",")}]`).join(" ") || "-"}`);

    let intent = scores[0]?.id;
    // "第二批呢" → "有哪些": a bare follow-up asks of the place and the batch the chat is on.
    // ("一共几个" asks for everything: no batch carried over.)
    let batch = rec.batch ?? (bareFollowUp && !ALTOGETHER.test(rec.text) ? (context.batch ?? null) : null);
    // "沈阳有几个（2013年扩大范围那几个区不算）": a year named only to leave its expansions out is no batch asked.
    if (rec.batches.length === 1 && EXCLUDED_YEAR.test(rec.text)) batch = null;
    let layer: DecisionLayer = "rules";
    // Rules that rest on one short cue, or that barely separate two intents, are unsure: the
    // nearest examples decide when they clearly point elsewhere ("对城市发展有什么帮助" is not help).
    // So is a pilot question with no place in it ("智慧城市试点是不是就是贴个标签").
    const placeless =
      intent === "pilot.status" && places.length === 0 && !this.looksLikePlace(leftoverName(rec.residual));
    const unsure =
      scores[0] &&
      (placeless || scores[0].score <= UNSURE_SCORE || scores[0].score - (scores[1]?.score ?? 0) < 1);
    // A question naming a listed pilot is about that pilot unless the rules say otherwise.
    const aboutPilot = intent === "pilot.status" && places[0]?.place.kind === "pilot";
    if (unsure && !rec.otherProgramme && !aboutPilot) {
      const vote = this.voteByExamples(rec, slots, trace);
      if (
        vote &&
        vote.intent !== intent &&
        vote.share >= OVERRULE_SHARE &&
        vote.coverage >= OVERRULE_COVERAGE
      ) {
        intent = vote.intent;
        layer = "examples";
      }
    }
    // "Is Karamay a pilot of this programme or of the other one?": this programme, with the other noted.
    // So is "深圳入选过国家智慧城市试点没 不是说它是新型智慧城市标杆吗": this programme is named apart from the other.
    const other = rec.otherProgramme;
    // (Not "科技部和标准委的智慧城市试点": the smart-city pilots of the other programme's agency are its own.)
    const thisMentions = other
      ? [...rec.text.matchAll(THIS_NAMED)].filter(
          (m) =>
            (m.index < other.start || m.index >= other.end) &&
            !(
              m.index >= other.end &&
              /^\s*(的|之|搞的|那个|的那个)?\s*$/.test(rec.text.slice(other.end, m.index))
            ),
        )
      : [];
    const thisNamedApart = thisMentions.length > 0;
    // "我们市数字城管验收通过了，算不算智慧城市试点": whether the other counts as this one.
    const equated = thisMentions.some((m) => EQUATED.test(rec.text.slice(Math.max(0, m.index - 8), m.index)));
    // "除了信息惠民那种，住建部的国家智慧城市试点一共多少个", "宽带中国示范城市有政策支持，那国家智慧城市试点
    // 有没有资金支持": the other programme set aside, or named only in a clause before the one that asks
    // about this programme, leaves the question this programme's.
    const clauseOf = (at: number) => rec.text.slice(0, at).split(CLAUSE_BREAK).length;
    const lastClause = rec.text
      .replace(/[，,。？?！!；;（）()\s哈啊呀吧呢]+$/, "")
      .split(CLAUSE_BREAK).length;
    const otherSetAside =
      other !== null &&
      thisNamedApart &&
      // (Not the two set side by side: "信息惠民…是干嘛的，跟智慧城市试点不是一回事吧".)
      !SIDE_BY_SIDE.test(rec.text) &&
      !equated &&
      (SET_ASIDE.test(rec.text.slice(0, other.start)) ||
        (thisMentions.some((m) => clauseOf(m.index) === lastClause) &&
          clauseOf(other.start) < lastClause &&
          !findOtherProgramme(rec.text.slice(other.end), this.atlas.data.related.programmes)));
    if (otherSetAside) trace.push(`another programme set aside: ${other?.term}`);
    // ("山东省新型智慧城市试点": a place just before the other's name is part of that name.)
    const ownPlaces = other
      ? places.filter(
          (m) => !(m.end <= other.start && /^\s*的?\s*$/.test(rec.text.slice(m.end, other.start))),
        )
      : places;
    const thisOrOther =
      other &&
      ownPlaces.length > 0 &&
      ((THIS_OR_OTHER.test(rec.text) && intent === "pilot.status") ||
        (thisNamedApart && (intent === "pilot.status" || intent === undefined)));
    // "第二批为什么说是基于数字化城管系统申报的": a programme that is part of a named batch's own story
    // (batch 2 was applied for through 数字化城管 systems) is asked about as that batch's process.
    // With no batch named, a question about applying ("申报是不是要基于数字化城管系统") finds the batch
    // whose story holds it.
    const terms = rec.otherProgramme?.programme.terms ?? [];
    const storyBatch =
      rec.batch ??
      (APPLYING.test(rec.text)
        ? (this.atlas.data.programme.batches.find((b) => terms.some((t) => b.summary.includes(t)))?.batch as
            | BatchNumber
            | undefined)
        : undefined) ??
      null;
    const batchStory = storyBatch === null ? "" : batchOf(this.atlas.data.programme, storyBatch).summary;
    const partOfBatch = terms.some((t) => batchStory.includes(t));
    if (partOfBatch) {
      trace.push(`part of the batch: ${rec.otherProgramme?.term}`);
      if (rec.batch === null) {
        batch = storyBatch;
        intent = "programme.process";
      }
    }
    // "后来这个试点怎么就变成新型智慧城市那套了": how this programme turned into the other one is its outlook.
    const evolved =
      rec.otherProgramme !== null &&
      BECAME.test(rec.text) &&
      (THIS_PROGRAMME.test(rec.text) || BECAME_UNSAID.test(rec.text)) &&
      !partOfBatch;
    if (evolved) {
      trace.push(`became: ${rec.otherProgramme?.term}`);
      intent = "programme.outlook";
    }
    // "《关于公布2013年度国家智慧城市试点名单的通知》的印发日期…": a document named by its title is
    // asked about as a document, whatever its title says (公布, 名单, 2013年度).
    const titled = this.atlas.data.programme.documents.find((d) => rec.text.includes(d.title));
    if (titled && places.length === 0 && intent !== "programme.documents") {
      trace.push(`document named: ${titled.title}`);
      intent = "programme.documents";
    }
    // "…有说是科技部的有说是住建部的，还有说测绘局的，想请教一下所谓“国家智慧城市试点”最早是怎么来的":
    // another programme's agency mentioned in passing, this programme named and asked about.
    const agencyInPassing =
      other !== null &&
      thisNamedApart &&
      /[局部委办]$/.test(other.term) &&
      // (Said as hearsay, "有说是…的", not "测绘局的智慧城市试点", which names the other programme.)
      /(说是|有说|有人说|听说是?)\s*$/.test(rec.text.slice(Math.max(0, other.start - 4), other.start)) &&
      (intent?.startsWith("programme.") ?? false);
    if (agencyInPassing) trace.push(`another programme's agency in passing: ${other?.term}`);
    if (
      rec.otherProgramme &&
      !thisOrOther &&
      !partOfBatch &&
      !evolved &&
      !agencyInPassing &&
      !otherSetAside
    ) {
      layer = "entity";
      // A question that names another programme is about that programme, whatever else it asks.
      intent = "other.programme";
      trace.push(`other programme: ${rec.otherProgramme.programme.name} (${rec.otherProgramme.term})`);
      // (Not the place in its name: "山东省新型智慧城市试点" is asked about as a programme, not 山东省.)
      places.splice(0, places.length, ...ownPlaces);
    }
    // "智慧城市试点是不是就是政务一网通办那个东西", "…跟杭州那个城市大脑是不是一回事": the programme said
    // to be something else asks what it is (what it does, when the something is work: 到处装5G基站).
    const likened =
      !rec.otherProgramme &&
      PROGRAMME_FIRST.test(rec.text) &&
      LIKENED.test(rec.text) &&
      places.every((m) => /^\s*(的|那个|那边的?)/.test(rec.text.slice(m.end)));
    if (likened && (intent === undefined || intent === "pilot.status" || intent === "unknown")) {
      intent = DOING.test(rec.text) ? "programme.purpose" : "programme.background";
      places.splice(0, places.length);
      trace.push("the programme likened to something else");
    }
    // "是不是试点", "shi bu shi shi dian": whether something is a pilot, with nothing named: which place?
    if (places.length === 0 && BARE_STATUS.test(rec.text)) {
      intent = "pilot.status";
      trace.push("a pilot asked of no place");
    }
    // "你的数据从哪来的": about the bot's sources, not a topic of the programme.
    if (places.length === 0 && DATA_SOURCE.test(rec.text)) {
      trace.push("data source");
      return this.finish(question, "help", composeSources(cx), [], null, trace, context, "rules");
    }
    const form = this.readForm(cx, rec, places, slots, intent, layer, trace, scores[0]);
    // "三批之后还有第四批吗" asks what came after: the outlook, with the no-fourth-batch line added.
    if (form.noSuchBatch && AFTERWARDS.test(rec.residual)) form.intent = "programme.outlook";
    if (
      form.noSuchBatch &&
      (!form.intent || ["batch.info", "programme.timeline", "programme.total"].includes(form.intent))
    ) {
      trace.push("no such batch");
      return this.finish(question, "batch.info", composeNoSuchBatch(cx), [], null, trace, context, layer);
    }
    intent = form.intent;
    // "Gansu got zero pilots in the first batch and five in the second, so Gansu has 5 in total?": a
    // total claimed is checked over all batches, whatever batches the story names.
    if (
      intent === "area.count" &&
      rec.english &&
      CLAIMED_COUNT.test(rec.text) &&
      /\b(in total|altogether|overall|all told)\b/.test(rec.text)
    ) {
      batch = null;
      trace.push("a total claimed, over all batches");
    }
    // "DID里处理年份是用2012/2013/2014年度，还是用公布时间": which years to code is the researchers' answer.
    // Asked of one batch ("第一批的政策冲击年份用2012还是2013"), it is that batch's answer with its coding.
    if (places.length === 0 && RESEARCH_WORDS.test(rec.residual)) {
      // (A batch with its two years, 2014年度 and 2015, is one batch; 2012/2013/2014 are all three.)
      const oneBatch = rec.batches.length === 1 && new Set(rec.text.match(/20\d\d/g)).size <= 2;
      if (oneBatch && (WHICH_YEARS.test(rec.text) || intent !== "batch.info")) {
        intent = "batch.info";
        trace.push("a batch's coding");
      } else if (!oneBatch && WHICH_YEARS.test(rec.text)) {
        intent = "research.data";
        trace.push("which years to code");
      }
    }
    // "第二批是8月1日印发还是8月5日公布": the dates of one named batch are that batch's facts.
    if (
      intent === "programme.timeline" &&
      rec.batches.length === 1 &&
      places.length === 0 &&
      !form.interval &&
      !TIMELINE_SPAN.test(rec.text)
    ) {
      intent = "batch.info";
      trace.push("one batch's dates");
    }
    // "Is it true the programme started in January 2013 with the first list?": when the programme began
    // is the timeline's, whatever batch it is said to have begun with.
    if (intent === "batch.info" && places.length === 0 && PROGRAMME_STARTED.test(rec.text)) {
      intent = "programme.timeline";
      trace.push("when the programme began");
    }
    // "2012年度、2013年度、2014年度分别对应哪一年公布": the dates of all three batches are the timeline.
    if (
      intent === "batch.info" &&
      new Set(rec.batches).size >= 3 &&
      places.length === 0 &&
      /公布|发布|哪一?年|时间|日期|什么时候|\bwhen\b|\bdates?\b/.test(rec.residual)
    ) {
      intent = "programme.timeline";
      trace.push("all three batches' dates");
    }
    // "2013年的扩大范围和2014年的扩大范围有什么区别": the two years' expansions, and which count, are the total's story.
    const yearsExpanded = rec.text.match(/20\d\d\s*年度?的?\s*(扩大|扩容)/g)?.length ?? 0;
    if (
      // (Batches 1 and 2 together are the 2013 expansions alone: batch 1's pilots extended with batch 2.)
      ((rec.batches.includes(3) && rec.batches.length >= 2) || yearsExpanded >= 2) &&
      places.length === 0 &&
      EXPANSION_WORDS.test(rec.residual) &&
      !form.interval
    ) {
      intent = "programme.total";
      trace.push("expansions of two years");
    }
    if (sole && provincePlace) intent = "area.count";
    // "很多论文把杭州深圳成都算成试点城市了 处理组到底该怎么定": how to code treatment, with places as
    // examples, is the researchers' answer.
    // (Not "莱芜那个试点是第几批的、怎么处理": one place's batch, and how to code it.)
    // ("完全试点和非完全试点在回归里一般怎么处理", "扩大范围的地区要不要当成新的处理": with no place, too.)
    // (Not one batch's coding, "第二批的处理年份怎么定": the batch's answer gives it.)
    if (
      !rec.otherProgramme &&
      (places.length >= 2 ||
        (places.length === 0 && rec.batches.length === 0) ||
        // ("非完全试点的城市比如苏州在回归里咋处理": a place given as an example.)
        (places.length > 0 && places.every((m) => EXAMPLE_BEFORE.test(rec.text.slice(0, m.start))))) &&
      (RESEARCH_WORDS.test(rec.residual) || CODED_AS.test(rec.text)) &&
      (HOW_TO_CODE.test(rec.text) || CODED_AS.test(rec.text)) &&
      !ASKS_WHICH.test(rec.residual)
    ) {
      intent = "research.data";
      trace.push("how to code treatment");
    }
    // "扩大范围的要不要算进样本？比如正定县": a researcher's question about a place is that place's answer.
    if (!intent && places.length > 0 && RESEARCH_WORDS.test(rec.residual)) {
      intent = "pilot.status";
      trace.push("a researcher asks about a place");
    }
    // "江苏省内哪个市的试点最多": a province's prefectures ranked, whatever cue 哪个市的 would say.
    if (
      PREFECTURE_RANKING.test(rec.residual) &&
      places.some((m) => m.place.kind === "division" && m.place.division.level === "province")
    ) {
      intent = "area.ranking";
      trace.push("prefectures ranked");
    }
    // "第一批里有没有广西的": a province is no pilot; asked with a batch, it is its count in that batch.
    if (
      intent === "pilot.status" &&
      rec.batch !== null &&
      places.length === 1 &&
      places[0]?.place.kind === "division" &&
      places[0].place.division.level === "province"
    ) {
      intent = "area.count";
      trace.push("a province in a batch");
    }
    // "山东的试点占全国的百分之几": a share is worked out from the area's count.
    if (
      SHARE.test(rec.text) &&
      places.length === 1 &&
      places[0] &&
      areaOf(cx, places[0].place) &&
      (intent === undefined || intent === "area.list" || intent === "pilot.status")
    ) {
      intent = "area.count";
      trace.push("a share");
    }
    // "首批试点扩大范围9个还是10个": batch 1's pilots were extended in 2013, with batch 2's list.
    const firstExtended =
      intent === "batch.info" && rec.batch === 1 && places.length === 0 && EXPANSION_WORDS.test(rec.residual);
    if (firstExtended) {
      batch = 2;
      trace.push("batch 1's expansions, announced with batch 2");
    }
    // "京津冀加起来多少个": a region's total is counted, unless its members are compared.
    if (
      places.length >= 2 &&
      places.every((m) => m.term === places[0]?.term) &&
      REGION_TOTAL.test(rec.residual) &&
      !REGION_COMPARED.test(rec.residual)
    ) {
      intent = "area.count";
      trace.push("region's total");
    }
    const { noSuchBatch, interval, fromLaunch, figure } = form;
    if (!intent) {
      ({ intent, batch, layer } = this.fallback(rec, places, slots, context, followUp, trace));
    }
    if (intent === "pilot.status" && places[0]) places[0] = this.seatPilot(places[0], trace);
    // "第二批比第三批新增的多几个", "哪批的镇更多": two batches compared.
    const [batchA, batchB] = rec.batches;
    const batchesCompared =
      !interval &&
      places.length === 0 &&
      rec.batches.length === 2 &&
      batchA !== undefined &&
      batchB !== undefined &&
      BATCHES_COMPARED.test(rec.residual);
    if (batchesCompared) trace.push("two batches compared");
    // "哪一批最多", "Which batch was the biggest?": the three batches by size.
    const batchesRanked =
      !interval &&
      !batchesCompared &&
      places.length === 0 &&
      rec.batches.length === 0 &&
      BATCHES_RANKED.test(rec.text);
    if (batchesRanked) trace.push("batches ranked");
    const composed = interval
      ? { intent, reply: composeInterval(cx, rec.batches, fromLaunch) }
      : batchesRanked
        ? (() => {
            const reply = composeBatchSizes(cx, FEWEST_BATCH.test(rec.text));
            return { intent: "batch.info" as const, reply, batch: reply.batch };
          })()
        : batchesCompared
          ? (() => {
              const reply = composeBatchCompare(cx, [batchA, batchB], rec.residual);
              return { intent: "batch.info" as const, reply, batch: reply.batch };
            })()
          : this.compose(cx, intent, places, batch, rec);
    const { intent: answered, reply } = composed;
    // An answer about one batch though none was asked ("河北的扩大范围" all lie in batch 3) is about that batch.
    if ("batch" in composed && composed.batch) batch = composed.batch;
    const research = RESEARCH_WORDS.test(rec.residual);
    const quotedCounts = (
      rec.text.match(/\d{1,3}(?=\s*个)|(?<=是|数的是|应该是)\s*\d{1,3}(?!\d)/g) ?? []
    ).map(Number);
    if (misplaced)
      reply.text = `${composeMisplaced(cx, misplaced.place.place, misplaced.province.place)}\n${reply.text}`;
    if (firstExtended) reply.text = `${composeFirstExtended(cx)}\n${reply.text}`;
    this.annotate(
      cx,
      reply,
      answered,
      places,
      {
        corrected: noted,
        question: rec.text,
        figure,
        noSuchBatch,
        research,
        expansionsAsked: EXPANSION_WORDS.test(rec.residual),
        quotedCounts,
        batch,
        share: SHARE.test(rec.text),
        includesAsked: namesTotal(cx, rec.text) && TOTAL_INCLUDES.test(rec.text),
        expansionsLeftOut: EXCLUDES_EXPANSIONS.test(rec.text),
      },
      trace,
    );
    // "北戴河新区跟秦皇岛算一个试点还是两个": the number asked is how many pilots the names are.
    const pilotsNamed = new Set(
      rec.mentions.flatMap((m) => {
        const name = m.place.kind === "pilot" ? m.place.pilot.name : m.place.division.name;
        return this.atlas.pilotByName.has(name) ? [name] : [];
      }),
    );
    if (ONE_OR_TWO.test(rec.text) && pilotsNamed.size >= 2 && reply.count === undefined)
      reply.count = pilotsNamed.size;
    // "海南是全国最少的吧？还是有跟它一样少的": among tied winners, the one the question names.
    if (answered === "area.ranking" && !reply.area && reply.winners && reply.winners.length > 1) {
      const named = places.map((m) => canonicalName(m.place)).find((n) => n && reply.winners?.includes(n));
      if (named) reply.area = named;
    }
    const chart = chartFor(answered, reply, cx, batch);
    if (chart) reply.chart = chart;
    trace.push(`decided by: ${layer}`);
    // Whether the batch goes with the place named here (asked together, or carried over with it).
    const placeFromText = rec.mentions.length > 0 || corrected !== undefined;
    const batchWithPlace =
      placeFromText && batch !== null && (rec.batch !== null || context.batchWithPlace === true);
    const answer = this.finish(
      question,
      answered,
      reply,
      places,
      batch,
      trace,
      context,
      layer,
      batchWithPlace,
    );
    // "青海有哪些试点": all its pilots lie in one batch, which the answer is about; a follow-up
    // about another place does not inherit it.
    if (answer.batch === undefined && (answered === "area.count" || answered === "area.list")) {
      const only = oneBatchOf(reply.pilots?.filter(isCounted) ?? []);
      if (only) answer.batch = only;
    }
    return answer;
  }

  /**
   * Question forms that settle the intent whatever the cues say: off-topic words about a place,
   * "第二批还是第三批" about one place, a batch's document number, a batch that does not exist, the
   * interval between batches, a running total, a total quoted from elsewhere.
   */
  private readForm(
    cx: ComposeContext,
    rec: Recognised,
    places: Mention[],
    slots: SlotPresence,
    chosen: IntentId | undefined,
    layer: DecisionLayer,
    trace: string[],
    top?: IntentScore,
  ): {
    intent: IntentId | undefined;
    noSuchBatch: boolean;
    interval: boolean;
    fromLaunch: boolean;
    figure: ReturnType<typeof explainFigure>;
  } {
    let intent = chosen;
    const offTopic =
      intent && places.length > 0 && PLACE_INTENTS.includes(intent) && !TOPIC.test(rec.residual)
        ? offTopicObject(rec.residual)
        : intent?.startsWith("programme.") &&
            ((rec.mentions.some((m) => !introducesAsker(rec.text, m)) &&
              (top?.score ?? 0) < CONFIDENT_SCORE) ||
              (cx.lang === "en" && onlyQuestionWords(top))) &&
            !TOPIC.test(rec.residual) &&
            layer === "rules"
          ? this.unconfirmedTopic(intent, rec, slots, trace)
          : undefined;
    // "中国人口最多的城市是哪个", "iphone16多少钱": what is asked is not what the programme deals in.
    const offTopicThing =
      !offTopic && intent !== "other.programme" && !TOPIC.test(rec.residual)
        ? offTopicAsked(rec.residual)
        : undefined;
    if (offTopic || offTopicThing) {
      // "西安有什么景点": a place, but not a question about its pilots.
      trace.push(`off topic: ${offTopic ?? offTopicThing}`);
      intent = "unknown";
    }
    // "那亳州到底是第二批还是第三批": which batch a place is in; the place is the one just before.
    const which =
      places.length > 0 && rec.batches.length >= 2 ? placeBeforeBatches(rec.text, places) : undefined;
    // "名单里写着六安市霍山县亳州市，亳州是第二批的吗": a claimed batch is about the place just before it.
    const claimed =
      intent === "pilot.status" && places.length >= 2 && rec.batch !== null
        ? placeBeforeBatches(rec.text, places)
        : undefined;
    // Only when the claim stands in a clause of its own ("北戴河新区是不是跟秦皇岛一起算的第一批" is about 北戴河新区).
    const ownClause = claimed !== undefined && this.claimInOwnClause(rec, claimed);
    if (claimed && ownClause && claimed !== places[0]) {
      places.splice(0, places.length, claimed);
      trace.push(`batch claimed of ${claimed.term}`);
    }
    if (which && /还是|或者|or\b/.test(rec.text) && !INTERVAL.test(rec.residual)) {
      places.splice(0, places.length, which);
      intent = "pilot.status";
      trace.push(`which batch: ${which.term}`);
    }
    // "亳州市是2013年跟霍山县一起批的？": a place said to have come with another asks about the first.
    if (intent === "area.compare" && places.length === 2 && CAME_TOGETHER.test(rec.text)) {
      places.splice(1);
      intent = "pilot.status";
      trace.push("said to have come with another place");
    }
    // "新疆有几个？兵团算不算在里面": a count or list, then a clause on what it counts, is the count.
    // (Not a question found off topic: "去番禺出差…有啥好吃的推荐吗".)
    const head =
      intent === "pilot.status" || (intent === "unknown" && !offTopic && !offTopicThing) || !intent
        ? this.headClause(rec, places)
        : undefined;
    if (head) {
      places.splice(0, places.length, ...head.places);
      intent = head.intent;
      trace.push(`first clause: ${head.intent}`);
    }
    // "中部六省按试点数量排个序": a group of provinces ranked is a ranking, compared pair by pair a comparison.
    // Only a group of provinces (西部): cities named as a set (北上广深) are compared.
    const group =
      places.length >= 3 &&
      places.every(
        (m) =>
          m.term === places[0]?.term && m.place.kind === "division" && m.place.division.level === "province",
      );
    if (group && RANKS.test(rec.residual) && !COMPARES.test(rec.residual) && intent !== "area.ranking") {
      intent = "area.ranking";
      trace.push("ranking within a group");
    }
    // "你说的不对 山东应该是16个才对": a number claimed for an area is a count question about it.
    // With several places, the claim is about the one named last before the number ("那广西不就是8个").
    const claimedAt = rec.english ? rec.text.search(CLAIMED_COUNT) : rec.text.search(/\d{1,3}\s*个/);
    const claimant =
      places.length === 1
        ? places[0]
        : places.filter((m) => m.start >= 0 && m.start < claimedAt).sort((a, b) => b.start - a.start)[0];
    const area = claimant ? areaOf(cx, claimant.place) : undefined;
    // (Not a figure about another programme: "技术和标准试点是20个吗 南京在不在".)
    if (
      area &&
      area.level !== "county" &&
      CLAIMED_COUNT.test(rec.text) &&
      intent !== "area.count" &&
      intent !== "other.programme" &&
      // (Not "山东是不是最多的 好像有30个": whether it is the most is asked, the count comes with it.)
      !(intent === "area.ranking" && /最(多|少)|第几|排第|倒数/.test(rec.residual))
    ) {
      intent = "area.count";
      if (claimant && claimant !== places[0]) places.splice(0, places.length, claimant);
      trace.push("a count claimed");
    }
    // (Not "…第一、二批合并名单里。请问亳州市究竟是哪一批": which batch a place is in.)
    if (
      area &&
      THROUGH_TWO.test(rec.text) &&
      intent !== "area.count" &&
      !(intent === "pilot.status" && ASKS_WHICH.test(rec.residual))
    )
      intent = "area.count";
    if (this.addsUp(rec, places) && /几|多少|how many/.test(rec.residual)) intent = "area.count";
    // "第二批名单的文号是多少": a batch's document is a question about documents.
    if (intent === "batch.info" && places.length === 0 && DOCUMENT_WORDS.test(rec.residual)) {
      intent = "programme.documents";
      trace.push("a batch's document");
    }
    const noSuchBatch = (rec.unknownBatch || OTHER_BATCHES.test(rec.text)) && places.length === 0;
    // "第二批和第三批相隔多久": the interval between the batches named.
    const fromLaunch = LAUNCH.test(rec.residual);
    const interval = rec.batches.length + (fromLaunch ? 1 : 0) >= 2 && INTERVAL.test(rec.residual);
    if (interval) {
      intent = "programme.timeline";
      trace.push(`interval between batches ${rec.batches.join(", ")}`);
    }
    let figure = explainFigure(cx.programme, rec.text, cx.lang);
    // "If I also count the 2013 expansion areas, what's the grand total?": the total with the areas
    // left out by convention is the figure asked for.
    if (
      !figure &&
      places.length === 0 &&
      TOTAL_WORDS.test(rec.text) &&
      EXPANSION_WORDS.test(rec.text) &&
      ALSO_COUNTED.test(rec.text) &&
      !EXCLUDES_EXPANSIONS.test(rec.text) &&
      this.neverCountedYears().some((year) => rec.text.includes(year))
    ) {
      figure = totalWithUncounted(cx.programme, cx.lang);
      intent = "programme.total";
      trace.push("total with the uncounted expansions");
    }
    // "Official total after the third batch: 290 or 287?": the total is one of the figures offered.
    const quotesTotal = (rec.text.match(/\d+/g) ?? []).map(Number).includes(cx.programme.total);
    if (
      quotesTotal &&
      places.length === 0 &&
      /还是|或者|\bor\b/.test(rec.text) &&
      TOTAL_WORDS.test(rec.text)
    ) {
      intent = "programme.total";
      trace.push("the total, or another figure");
    }
    // "2013年扩大范围的那10个算进290里吗": whether something counts toward the total is a total question.
    if (
      quotesTotal &&
      COUNTS_TOWARD.test(rec.residual) &&
      (places.length === 0 || EXPANSION_WORDS.test(rec.text)) &&
      // (Not a batch's special projects, "第三批…41个专项试点…是否计入290个": the batch's answer says.)
      !(rec.batch !== null && /专项/.test(rec.text))
    ) {
      intent = "programme.total";
      trace.push("counts toward the total");
    }
    // "Report: 290 Chinese cities in MOHURD smart city scheme", "听说国家智慧城市试点有500多个？": a total
    // quoted or claimed for the programme, with no place, is a question about the total.
    // (Not money: "800个亿".)
    const claimedTotal = (rec.text.match(/(\d{3,})\s*多?\s*个(?!\s*(亿|万|千|百|元|块|人))/) ?? [])[1];
    if (
      places.length === 0 &&
      (quotesTotal || (claimedTotal !== undefined && Number(claimedTotal) > cx.programme.total)) &&
      (intent === undefined ||
        intent === "unknown" ||
        intent === "pilot.status" ||
        intent === "programme.background" ||
        intent === "programme.outlook")
    ) {
      intent = "programme.total";
      trace.push("a total quoted or claimed");
    }
    // "截至第三批总量是多少": the running total after a batch.
    if (rec.batch === 3 && places.length === 0 && CUMULATIVE.test(rec.residual)) {
      intent = "programme.total";
      trace.push("total up to batch 3");
    }
    // "为什么第三批是97个？新闻说84个": asked why a figure circulates, the totals explain it.
    if (figure && places.length === 0 && WHY_FIGURE.test(rec.residual) && !/还是|or\b/.test(rec.text)) {
      intent = "programme.total";
      trace.push("why a figure");
    } else if (
      figure &&
      places.length === 0 &&
      (ALTOGETHER.test(rec.residual) || /加上|算上/.test(rec.residual)) &&
      figure.value > Math.max(...cx.programme.batches.map((b) => b.count + b.expansions))
    ) {
      // "算上2013年扩大范围那10个，是不是一共300个": a claimed total larger than any batch is about
      // the programme, whatever batch the question names on the way.
      intent = "programme.total";
      trace.push("total claimed");
    } else if (places.length > 0 && quotesTotal && TOTAL_INCLUDES.test(rec.text)) {
      // "总数290个包不包括新疆兵团的": whether a place is in the total is the total's question.
      intent = "programme.total";
      trace.push("a place in the total");
    } else if (
      figure &&
      !figure.asked &&
      places.length === 0 &&
      (!intent || intent === "unknown" || intent.startsWith("programme."))
    ) {
      // "我看到的是277个": a total seen elsewhere, to be explained.
      intent = rec.batch === null ? "programme.total" : "batch.info";
      trace.push("figure quoted");
    }
    return { intent, noSuchBatch, interval, fromLaunch, figure };
  }

  /**
   * Lines an answer gets around its text: which name a typed one was read as, what a quoted total
   * counts, other places the name can mean, the story of a former name, that no fourth batch exists.
   */
  private annotate(
    cx: ComposeContext,
    reply: Reply,
    answered: IntentId,
    places: Mention[],
    notes: {
      corrected: { typed: string; name: string; abbreviated?: boolean } | undefined;
      /** The question's text as read. */
      question: string;
      figure: ReturnType<typeof explainFigure>;
      noSuchBatch: boolean;
      /** The question is a researcher's (DID, treatment): add how the place's prefecture is coded. */
      research: boolean;
      /** The question names expansion areas (扩大范围). */
      expansionsAsked: boolean;
      /** Numbers of pilots the question quotes ("我数的是20个"), to be explained. */
      quotedCounts: number[];
      /** The batch the answer is about, if one. */
      batch: BatchNumber | null;
      /** The question asks for a share of the whole ("占全国的百分之几"). */
      share: boolean;
      /** The question asks whether something is included ("包不包括"). */
      includesAsked: boolean;
      /** The question leaves the expansion areas out ("不算扩大范围"). */
      expansionsLeftOut: boolean;
    },
    trace: string[],
  ): void {
    const { corrected, figure, noSuchBatch, research } = notes;
    if (corrected) {
      reply.text = `${composeCorrection(cx, corrected.typed, corrected.name, corrected.abbreviated)}\n${reply.text}`;
      // "“华阳市”…有这个地方吗": asked whether the name exists, the place asked about is none; the
      // answer is about the nearest name, not a yes or no on the one typed.
      if (!corrected.abbreviated && answered === "pilot.status" && EXISTENCE_ASKED.test(notes.question))
        reply.isPilot = null;
    }
    // "我数的是20": what the quoted number counts, before our count.
    const quotedArea = answered === "area.count" && places[0] ? areaOf(cx, places[0].place) : undefined;
    const quoted =
      quotedArea && notes.quotedCounts.map((n) => explainQuotedCount(cx, quotedArea, n)).find(Boolean);
    if (quoted) reply.text = `${quoted}\n${reply.text}`;
    // "总数290个包不包括新疆兵团的": the place's own count, counted in the total.
    const inTotal = places[0] ? areaOf(cx, places[0].place) : undefined;
    if (answered === "programme.total" && inTotal && notes.includesAsked) {
      const own = composeAreaCount(cx, inTotal, null).text.split("\n")[0] ?? "";
      reply.text = `${composeCountedIn(cx, own, cx.programme.total)}\n${reply.text}`;
    }
    // "山东的试点占全国的百分之几": the area's count as a share of the programme's (or its batch's).
    if (notes.share && answered === "area.count" && reply.count !== undefined && reply.area) {
      const whole =
        notes.batch === null
          ? cx.programme.total
          : cx.atlas.data.pilots.filter((p) => p.batch === notes.batch && isCounted(p)).length;
      reply.text = `${reply.text}\n${composeShare(cx, reply.area, reply.count, whole, notes.batch)}`;
    }
    // "What share of all pilots came in batch 1?": the batch's part of the total.
    if (notes.share && answered === "batch.info" && notes.batch !== null && !figure)
      reply.text = `${composeBatchShare(cx, notes.batch)}\n${reply.text}`;
    if (figure && (answered === "programme.total" || answered === "batch.info")) {
      trace.push("figure explained");
      reply.text = `${figure.text}\n${reply.text}`;
      // The answer to a quoted total ("是不是就300个了") is the programme's own total, whatever part it
      // lists; to a total asked for ("算上2013年的扩大范围一共多少"), that total.
      if (answered === "programme.total") reply.count = figure.asked ? figure.value : cx.programme.total;
      // …and to a figure quoted for one batch ("第二批是103个还是113个"), that batch's own count.
      const asked = notes.batch === null ? undefined : batchOf(cx.programme, notes.batch);
      if (answered === "batch.info" && asked && figure.value !== asked.count) reply.count = asked.count;
    }
    // "不算扩大范围的话全国一共多少个": the total less the expansion areas it counts.
    if (answered === "programme.total" && !figure && notes.expansionsLeftOut && !notes.includesAsked) {
      const counted = cx.atlas.data.pilots.filter((p) => p.scope === "expansion" && isCounted(p)).length;
      const fresh = cx.programme.total - counted;
      reply.text = `${
        cx.lang === "zh"
          ? `不算扩大范围区域：${fresh}个（${cx.programme.total}个减去计入总数的${counted}个扩大范围区域）。`
          : `Without the expansion areas: ${fresh} (the ${cx.programme.total} less the ${counted} expansion areas counted in it).`
      }\n${reply.text}`;
      reply.count = fresh;
    }
    const alternatives =
      places[0] && PLACE_INTENTS.includes(answered) ? describeAlternatives(cx, places[0]) : "";
    if (alternatives) reply.text = `${reply.text}\n${alternatives}`;
    // A name of before (思茅, 襄樊, 巢湖) gets its story, with the year.
    const former =
      places[0] && PLACE_INTENTS.includes(answered) ? this.formerName(places[0].term) : undefined;
    if (former)
      reply.text = `${reply.text}\n${cx.lang === "zh" ? `说明：${former.note}` : `Note: ${former.old} became ${placeName(former.today, "en")} in ${former.year}.`}`;
    // Asked what came after ("三批之后还有第四批吗"), the answer opens with the fact asked for.
    // (The outlook opens with it already.)
    if (noSuchBatch && answered !== "programme.outlook")
      reply.text = `${reply.text}\n${composeNoSuchBatch(cx).text}`;
    const coding =
      research && places[0] && answered === "pilot.status" ? composeResearchNote(cx, places[0].place) : "";
    if (coding) reply.text = `${reply.text}\n${coding}`;
    if (research && answered === "batch.info" && notes.batch !== null)
      reply.text = `${composeBatchResearchNote(cx, notes.batch, notes.expansionsAsked)}\n${reply.text}`;
    // An expansion area asked about by a researcher: how such areas are coded.
    const extended = places[0]?.place.kind === "pilot" ? places[0].place.pilot : undefined;
    if (research && answered === "pilot.status" && extended?.expands)
      reply.text = `${reply.text}\n${composeExpansionCoding(cx, extended.batch)}`;
    if (research && answered === "research.data" && notes.expansionsAsked)
      reply.text = `${reply.text}\n${composeExpansionCoding(cx, null)}`;
  }

  /**
   * A question in two clauses whose first asks for a count or a list about a place and whose second
   * only qualifies what is counted ("…兵团算不算在里面", "…江夏蔡甸都算吗", "…不是青海那个海南州"): the
   * first clause's intent, with its place first. Undefined for any other question.
   */
  private headClause(
    rec: Recognised,
    places: Mention[],
  ): { intent: IntentId; places: Mention[] } | undefined {
    const end = rec.text.search(CLAUSE_END);
    if (end <= 0 || !QUALIFIER.test(rec.text.slice(end)) || !ASKS_COUNT_OR_LIST.test(rec.text.slice(0, end)))
      return undefined;
    const inHead = places.filter((m) => m.start >= 0 && m.start < end);
    if (inHead.length !== 1) return undefined;
    const slots = { place: true, places2: false, batch: rec.batch !== null };
    const [top, second] = scoreIntents(rec.residual.slice(0, end), slots, this.intents);
    if (!top || (top.id !== "area.count" && top.id !== "area.list") || top.score <= (second?.score ?? 0))
      return undefined;
    return { intent: top.id, places: [...inHead, ...places.filter((m) => !inHead.includes(m))] };
  }

  /**
   * Whether the clause that names the batch ("…，亳州是第二批的吗") names `place` and no other place:
   * the claim is then about that place, whatever the earlier clauses mention.
   */
  private claimInOwnClause(rec: Recognised, place: Mention): boolean {
    const at = rec.text.search(BATCH_WORD);
    const start = Math.max(
      ...[...rec.text.slice(0, Math.max(at, 0)).matchAll(/[，。？！,.?!;；]/g)].map((m) => m.index ?? -1),
      -1,
    );
    if (at < 0 || start < 0) return false;
    const inClause = rec.mentions.filter((m) => m.start > start && m.start < at);
    return (
      inClause.length > 0 && inClause.every((m) => canonicalName(m.place) === canonicalName(place.place))
    );
  }

  /** Whether a question counts one province-level area together with another ("包括兵团在内"). */
  private addsUp(rec: Recognised, places: Mention[]): boolean {
    const [a, b] = places;
    return (
      places.length === 2 &&
      a !== undefined &&
      b !== undefined &&
      [a, b].every((m) => m.place.kind === "division" && m.place.division.level === "province") &&
      /(包括|包含|连同|加上|算上|含)\s*$/.test(rec.text.slice(a.end, b.start))
    );
  }

  /** The example layer's vote for a question, built on first use (most questions never need it). */
  private voteByExamples(rec: Recognised, slots: SlotPresence, trace: string[]): ExampleVote | undefined {
    // One question may ask twice (unsure rules, then an unconfirmed topic): vote once.
    if (this.lastVote?.rec === rec) return this.lastVote.vote;
    const vote = this.freshVote(rec, slots, trace);
    this.lastVote = { rec, vote };
    return vote;
  }

  private lastVote?: { rec: Recognised; vote: ExampleVote | undefined };

  private freshVote(rec: Recognised, slots: SlotPresence, trace: string[]): ExampleVote | undefined {
    // Slot markers and particles alone ("昆山", "吉林吗", "那浙江呢") say nothing about what is asked.
    if (!hasContent(rec.residual)) return undefined;
    const tokens = exampleTokens(rec.residual, slots);
    this.exampleIndex ??= this.buildExampleIndex();
    const vote = this.exampleIndex.vote(tokens, (id) => {
      const intent = this.intents.find((i) => i.id === id);
      // An English question naming a place but no programme ("weather in kunming") is not settled by examples.
      const named = rec.mentions.length > 0;
      if (rec.english && named && PLACE_INTENTS.includes(id) && !TOPIC.test(rec.residual)) return false;
      return Boolean(intent && admits(intent, slots));
    });
    if (vote)
      trace.push(
        `examples: ${vote.intent} share ${vote.share.toFixed(2)} coverage ${vote.coverage.toFixed(2)} [${vote.neighbours.join(" / ")}]`,
      );
    return vote && vote.share >= VOTE_SHARE && vote.coverage >= VOTE_COVERAGE ? vote : undefined;
  }

  private exampleIndex?: ExampleIndex;

  /** Every intent example as the engine reads it: residual tokens and slots. */
  private buildExampleIndex(): ExampleIndex {
    const entries = [];
    for (const intent of this.intents) {
      for (const text of intent.examples) {
        const rec = recognise(
          normalise(text, this.atlas.data.dialect.replacements),
          this.lexicon,
          this.atlas,
        );
        // Examples that name another programme are decided by that name, not by their other words.
        if (rec.otherProgramme) continue;
        const places = distinct(rec.mentions);
        const slots = { place: places.length > 0, places2: places.length > 1, batch: rec.batch !== null };
        entries.push({ intent: intent.id, text, tokens: exampleTokens(rec.residual, slots) });
      }
    }
    // The programme's own texts are examples too: a phrase quoted back finds its topic.
    for (const [intent, texts] of programmeTexts(this.atlas.data.programme)) {
      for (const text of texts.flatMap((t) => t.split(/[。；！？]/)).filter((t) => t.length >= 6)) {
        const rec = recognise(
          normalise(text, this.atlas.data.dialect.replacements),
          this.lexicon,
          this.atlas,
        );
        const slots = { place: false, places2: false, batch: rec.batch !== null };
        entries.push({ intent, text, tokens: exampleTokens(rec.residual, slots) });
      }
    }
    return new ExampleIndex(entries);
  }

  /** Chooses an intent when no cue matched: follow-ups, then the bare-place and bare-batch rules. */
  private fallback(
    rec: Recognised,
    places: Mention[],
    slots: SlotPresence,
    context: Context,
    followUp: boolean,
    trace: string[],
  ): { intent: IntentId; batch: BatchNumber | null; layer: DecisionLayer } {
    const last = context.intent;
    if (
      places.length === 0 &&
      rec.batch !== null &&
      context.place &&
      (last === "area.count" || last === "area.list")
    ) {
      const previous = fromRef(context.place, this.atlas);
      if (previous) {
        places.push(previous);
        trace.push(`follow-up: ${last} with batch ${rec.batch}`);
        return { intent: last, batch: rec.batch, layer: "context" };
      }
    }
    const onlyPlace = places.length === 1 ? places[0] : undefined;
    const isProvince = onlyPlace?.place.kind === "division" && onlyPlace.place.division.level === "province";
    if (
      onlyPlace &&
      followUp &&
      last &&
      INTENTS_THAT_FOLLOW_PLACES.includes(last) &&
      !(isProvince && last === "pilot.status")
    ) {
      trace.push(`follow-up: ${last}`);
      // A new place keeps the batch only when it was asked with the last place ("江苏第三批有哪些" → "浙江呢").
      const batch =
        rec.batch ?? (last === "pilot.status" || !context.batchWithPlace ? null : (context.batch ?? null));
      return { intent: last, batch, layer: "context" };
    }
    // A name that looks like a place we do not know (鹤璧市, 乌鲁木其), or that opens a pilot question
    // (纽约是试点吗), is asked about as a place.
    const name = leftoverName(rec.residual);
    if (
      places.length === 0 &&
      name &&
      (this.looksLikePlace(name) || this.opensPlaceQuestion(rec.residual, name))
    ) {
      trace.push(`unknown place: ${name}`);
      return { intent: "pilot.status", batch: null, layer: "fallback" };
    }
    if (places.length === 0 && rec.batch !== null && !hasContent(rec.residual)) {
      return { intent: "batch.info", batch: rec.batch, layer: "fallback" };
    }
    const vote = this.voteByExamples(rec, slots, trace);
    if (vote) {
      // The dates or the size of one named batch are that batch's facts, not the programme's.
      const ofBatch = rec.batch !== null && places.length === 0 && BATCH_FACTS.includes(vote.intent);
      return { intent: ofBatch ? "batch.info" : vote.intent, batch: rec.batch, layer: "examples" };
    }
    return { ...this.bareFallback(rec, places, trace), layer: "fallback" };
  }

  /** Nothing understood: a bare place is asked about, a bare batch described, anything else unknown. */
  private bareFallback(
    rec: Recognised,
    places: Mention[],
    trace: string[],
  ): { intent: IntentId; batch: BatchNumber | null } {
    const first = places[0];
    // A place with unrelated words around it ("明天北京下雨吗") is not a question about the place.
    // …unless it mentions the programme ("汶川也在试点里头吗"): then it is about the place.
    // …or names a batch ("江东新区是第二批还是第三批").
    if (
      first &&
      leftoverName(rec.residual).length > 1 &&
      !TOPIC.test(rec.residual) &&
      rec.batches.length === 0
    ) {
      return { intent: "unknown", batch: null };
    }
    // Several places with no word of comparison: a region is compared, otherwise the first place is
    // asked about and the others are its context ("韶山也是？韶山不是湘潭的么").
    if (places.length >= 2 && places.every((m) => m.term === first?.term))
      return { intent: "area.compare", batch: rec.batch };
    // With a batch named, the subject is the place just before it ("…这一条怎么理解，亳州是第二批的吗").
    if (places.length >= 2 && first) {
      const subject = placeBeforeBatches(rec.text, places) ?? first;
      places.splice(0, places.length, subject);
      return { intent: "pilot.status", batch: null };
    }
    // A province alone is counted; a province and a batch ("山西第二批") is listed.
    if (first) {
      const isProvince = first.place.kind === "division" && first.place.division.level === "province";
      const intent = isProvince ? (rec.batch === null ? "area.count" : "area.list") : "pilot.status";
      return { intent, batch: rec.batch };
    }
    if (rec.batch !== null) return { intent: "batch.info", batch: rec.batch };
    // "有几个" with nothing before it: the programme's total.
    if (BARE_COUNT.test(rec.text)) return { intent: "programme.total", batch: null };
    // A question about a place we do not know ("霍格沃茨是试点吗") still gets a place answer.
    const asIfPlace = scoreIntents(
      rec.residual,
      { place: true, places2: false, batch: false },
      this.intents,
    )[0];
    const name = leftoverName(rec.residual);
    const placeLike = this.looksLikePlace(name);
    const asksAboutPlace =
      asIfPlace?.id === "pilot.status" ||
      (asIfPlace && PLACE_INTENTS.includes(asIfPlace.id) && TOPIC.test(rec.residual));
    if (name && (placeLike || asksAboutPlace)) {
      trace.push(`unknown place: ${name}`);
      return { intent: "pilot.status", batch: null };
    }
    return { intent: "unknown", batch: null };
  }

  /**
   * "大理是试点吗": a prefecture that is not a pilot, named by a short form that is also the name of
   * a pilot city inside it (大理市, 文山市), is asked about as that pilot; the prefecture stays as the
   * alternative reading.
   */
  private seatPilot(m: Mention, trace: string[]): Mention {
    if (m.place.kind !== "division" || m.place.division.level !== "city") return m;
    const d = m.place.division;
    const names = shortForms(d).flatMap((s) => [`${s}市`, `${s}县`]);
    const pilot = this.atlas.pilotsIn(d).find((p) => names.includes(p.name));
    if (!pilot) return m;
    trace.push(`same-named pilot: ${pilot.name}`);
    return { ...m, place: { kind: "pilot", pilot }, alternatives: [m.place], ambiguous: undefined };
  }

  /**
   * A place name typed with one wrong character (毫州, 郑洲, 昆三), read as the name it most likely
   * stands for when one reading clearly leads: a look-alike or same-sounding character (see
   * {@link Lexicon.corrections}). Words the intents use (资金, 流程) are never corrected into places.
   */
  private correctTypo(
    rec: Recognised,
    trace: string[],
  ): { mention: Mention; typed: string; name: string; abbreviated?: boolean } | undefined {
    const run = leftoverName(rec.residual);
    // "shougunag shi bu shi zhihui chengshi shidian": a pinyin name with a slip, opening the question.
    const latin = rec.english ? this.correctLatin(rec, trace) : undefined;
    if (latin) return latin;
    // A zone named with words left out (招商局开发区) is the one pilot whose name holds it in order.
    const abbreviated = this.lexicon.pilotAbbreviated(run);
    if (abbreviated) {
      const start = rec.text.indexOf(run);
      trace.push(`abbreviated: ${run} → ${abbreviated.name}`);
      const place = { kind: "pilot" as const, pilot: abbreviated };
      const mention: Mention = { place, term: run, start, end: start + run.length, via: "name" };
      return { mention, typed: run, name: abbreviated.name, abbreviated: true };
    }
    // (A batch named is as good as the programme named: "沪州是不是第三批".)
    const floor = TOPIC.test(rec.residual) || rec.batch !== null ? 0.6 : 0.8;
    // The name is the whole run or how it begins ("江书有几个" → 江书); the longest run first, then
    // the others in order ("毫州…第几匹的": the slip in the question words is not the name).
    // Other runs only where a name opens the question: "区县几个" is not a mistyped 义县.
    const opening = (r: string) => !rec.text.slice(0, rec.text.indexOf(r)).replace(OPENERS, "");
    const runs = [run, ...leftoverRuns(rec.residual).filter((r) => r !== run && opening(r))].flatMap((r) => {
      // "咱杜丹江市": the asker's word before the name is not part of it.
      const bare = r.replace(FILLER_PREFIX, "").replace(ASKER_PREFIX, "");
      return bare !== r && bare.length >= 2 ? [r, bare] : [r];
    });
    const tries = runs
      .flatMap((r) => [r, ...[4, 3, 2].map((n) => Array.from(r).slice(0, n).join(""))])
      .filter((t, i, all) => t.length >= 2 && all.indexOf(t) === i);
    const typed = tries.find((t) => {
      // Words made of kinds of division (区县, 乡镇, 地市) name levels, never a place.
      if (/^[区县市镇乡街道州省旗盟地级]+$/.test(t)) return false;
      const runOf = runs.find((r) => r.startsWith(t)) ?? run;
      // Only where a place name would stand: first in the question, or ending like one (毫州, 鹤璧市);
      // "为什么启动这个项目" holds no mistyped 启东.
      const before = rec.text.slice(0, Math.max(0, rec.text.indexOf(t))).replace(OPENERS, "");
      if (/[\p{Script=Han}a-z]/u.test(before) && !/[市县区州省镇旗盟]$/.test(t)) return false;
      // A name cut from a longer run must be followed by the question, not by more name (中土世界).
      if (
        t !== runOf &&
        !/^(有|是|的|哪|几|多|算|在|入|属|还|都|也|啥|什|怎|咋|能|第|呢|吗|智|试|国|上|进)/.test(
          runOf.slice(t.length),
        )
      )
        return false;
      if (scoreIntents(t, { place: true, places2: true, batch: true }, this.intents).length > 0) return false;
      // "启动试点的那个通知…": a word the questions are made of is no mistyped 启东.
      if (isCueWord(t, this.intents)) return false;
      const chosen = this.clearCorrection(t, floor, rec.batch);
      return chosen !== undefined;
    });
    if (!typed) return this.correctOneCharacter(rec, runs, trace);
    const best = this.clearCorrection(typed, floor, rec.batch);
    if (!best) return undefined;
    const place = this.lexicon.lookup(best.term)?.[0];
    if (!place) return undefined;
    const start = rec.text.indexOf(typed);
    trace.push(`typo: ${typed} → ${best.name} (${best.kind} ${best.score.toFixed(2)})`);
    return {
      mention: { place, term: typed, start, end: start + typed.length, via: "name" },
      typed,
      name: best.name,
    };
  }

  /** The first word of an English or pinyin question, one slip from a place's pinyin name. */
  private correctLatin(
    rec: Recognised,
    trace: string[],
  ): { mention: Mention; typed: string; name: string } | undefined {
    const first = rec.text.match(/^[a-z]+/)?.[0];
    if (!first || ENGLISH_STOPWORDS.has(first)) return undefined;
    const found = this.lexicon.correctPinyin(first);
    const place = found?.places[0];
    if (!found || !place) return undefined;
    const name = canonicalName(place) ?? found.key;
    trace.push(`typo: ${first} → ${found.key} (${name})`);
    return {
      mention: { place, term: first, start: 0, end: first.length, via: "pinyin", key: found.key },
      typed: first,
      name,
    };
  }

  /**
   * A city named in English and followed by a kind of zone ("Hefei high-tech zone", "Nanjing
   * economic development zone"): the one pilot inside the city whose name holds that kind.
   */
  private englishZone(rec: Recognised, places: Mention[]): { city: Mention; zone: Mention } | undefined {
    if (!rec.english) return undefined;
    for (const city of places) {
      if (city.place.kind !== "division" || city.end <= 0) continue;
      const after = rec.text.slice(city.end);
      const kind = ENGLISH_ZONE_KINDS.find(([pattern]) => pattern.test(after));
      if (!kind) continue;
      const inside = this.atlas.pilotsIn(city.place.division).filter((p) => kind[1].test(p.name));
      const [only, other] = inside;
      if (!only || other) continue;
      const end = city.end + (after.match(kind[0])?.[0].length ?? 0);
      const zone: Mention = {
        place: { kind: "pilot", pilot: only },
        term: rec.text.slice(city.start, end),
        start: city.start,
        end,
        via: city.via,
      };
      return { city, zone };
    }
    return undefined;
  }

  /**
   * The correction of `typed` that clearly leads (likely enough, and ahead of the next), or, among
   * corrections that tie, the only pilot of the batch the question names ("沪州是不是第三批": 泸州市,
   * batch 3, not 湖州市, which sounds as close).
   */
  private clearCorrection(typed: string, floor: number, batch: BatchNumber | null) {
    const ranked = this.lexicon.corrections(typed);
    const [first, next] = ranked;
    if (!first || first.score < floor) return undefined;
    if (!next || next.score <= first.score - 0.05) return first;
    if (batch === null) return undefined;
    const inBatch = ranked
      .filter((c) => c.score > first.score - 0.05)
      .filter((c) => {
        const place = this.lexicon.lookup(c.term)?.[0];
        return place?.kind === "pilot" && place.pilot.batch === batch;
      });
    return inBatch.length === 1 ? inBatch[0] : undefined;
  }

  /**
   * A longer name with one character wrong that no look-alike or homophone explains (杜丹江市 for
   * 牡丹江市): read as the one name it fits, when exactly one does.
   */
  private correctOneCharacter(
    rec: Recognised,
    runs: string[],
    trace: string[],
  ): { mention: Mention; typed: string; name: string } | undefined {
    for (const typed of runs) {
      const fit = this.lexicon.oneSubstitution(typed);
      const place = fit && this.lexicon.lookup(fit.term)?.[0];
      if (!fit || !place) continue;
      const start = rec.text.indexOf(typed);
      trace.push(`one character: ${typed} → ${fit.name}`);
      return {
        mention: { place, term: typed, start, end: start + typed.length, via: "name" },
        typed,
        name: fit.name,
      };
    }
    return undefined;
  }

  /**
   * A mistyped name right after the province or city it lies in ("浙江义务" → 义乌市): corrected only
   * to a place inside that area, so the area narrows the guess.
   */
  private correctInside(
    rec: Recognised,
    container: Mention,
    trace: string[],
  ): { mention: Mention; typed: string; name: string; abbreviated?: boolean } | undefined {
    const area = container.place;
    // (A county-level pilot holds zones and towns that are pilots too: "昆山花乔开发区" → 花桥.)
    if (area.kind === "division" && area.division.level === "county") return undefined;
    // "我是漳州开发区管委会的，招商局经济技术开发区…": a zone named with words left out, inside the area.
    const run = leftoverName(rec.residual);
    const abbreviated = area.kind === "division" ? this.lexicon.pilotAbbreviated(run) : undefined;
    if (abbreviated && area.kind === "division" && this.atlas.pilotsIn(area.division).includes(abbreviated)) {
      const start = rec.text.indexOf(run);
      trace.push(`abbreviated inside ${area.division.name}: ${run} → ${abbreviated.name}`);
      const place = { kind: "pilot" as const, pilot: abbreviated };
      return {
        mention: { place, term: run, start, end: start + run.length, via: "name" },
        typed: run,
        name: abbreviated.name,
        abbreviated: true,
      };
    }
    // "六安那个火山县": a word pointing into the area may stand between it and the name.
    const gap =
      rec.text.slice(container.end).match(/^(的那个|那个|这个|下面的|下属的|里的|的|那|这)?/u)?.[0] ?? "";
    const after = rec.text.slice(container.end + gap.length).match(/^\p{Script=Han}{2,8}/u)?.[0] ?? "";
    // ("江苏有几个试点": what follows is the question, not a mistyped name; the search is costly.)
    if (/^(有|是|的|几|多|哪|在|算|吗|呢|啥|什|怎|咋|入|属|还|都|也|第|一|共|总|和|跟|与|比)/.test(after))
      return undefined;
    for (const n of [6, 5, 4, 3, 2]) {
      const typed = Array.from(after).slice(0, n).join("");
      if (
        typed.length < 2 ||
        scoreIntents(typed, { place: true, places2: true, batch: true }, this.intents).length > 0
      )
        continue;
      const found = this.correctWithin(container, typed, container.end + gap.length, "inside", trace);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A mistyped name that opens the question, with the province or city it lies in named after it as
   * a remark ("沪州是智慧城市试点吗，四川那个" → 泸州市): corrected only to a place inside that area.
   */
  private correctBefore(
    rec: Recognised,
    container: Mention,
    trace: string[],
  ): { mention: Mention; typed: string; name: string } | undefined {
    const area = container.place;
    if (area.kind !== "division" || area.division.level === "county") return undefined;
    const opening = this.openingName(rec);
    if (!opening || rec.text.indexOf(opening) >= container.start) return undefined;
    return this.correctWithin(container, opening, rec.text.indexOf(opening), "before", trace);
  }

  /** The name that opens a question ("那个苏洲有几个…" → 苏洲), if one does. */
  private openingName(rec: Recognised): string | undefined {
    return rec.text
      .replace(OPENERS, " ")
      .match(/^\s*(\p{Script=Han}{2,4}?)(?=是|算|有|在|属|入|的|吗|呢|，|,|\s)/u)?.[1];
  }

  /**
   * "苏洲有几个试点…包括昆山那些一起算": a mistyped name that opens the question, with the place it
   * includes named later, is corrected only to a place that encloses that one.
   */
  private correctEnclosing(
    rec: Recognised,
    container: Mention,
    trace: string[],
  ): { mention: Mention; typed: string; name: string } | undefined {
    const typed = this.openingName(rec);
    const start = typed ? rec.text.indexOf(typed) : -1;
    if (!typed || start < 0 || start >= container.start) return undefined;
    if (!INCLUDING.test(rec.text.slice(start + typed.length, container.start))) return undefined;
    const enclosing = this.lexicon
      .corrections(typed)
      .map((c) => ({ c, place: this.lexicon.lookup(c.term)?.[0] }))
      .filter(
        (x): x is { c: (typeof x)["c"]; place: Place } =>
          x.place !== undefined &&
          x.place.kind === "division" &&
          encloses(x.place, container.place, this.atlas),
      );
    const [best, next] = enclosing;
    if (!best || best.c.score < 0.6 || (next && next.c.score > best.c.score - 0.05)) return undefined;
    trace.push(`typo enclosing ${container.term}: ${typed} → ${best.c.name}`);
    return {
      mention: { place: best.place, term: typed, start, end: start + typed.length, via: "name" },
      typed,
      name: best.c.name,
    };
  }

  /**
   * The one clear correction of `typed` to a place inside the container's area (`correctInside` and
   * `correctBefore`): the best must be likely and clearly ahead of the next.
   */
  private correctWithin(
    container: Mention,
    typed: string,
    start: number,
    where: "inside" | "before",
    trace: string[],
  ): { mention: Mention; typed: string; name: string } | undefined {
    const area = container.place;
    const inside = this.lexicon
      .corrections(typed)
      .map((c) => ({ c, place: this.lexicon.lookup(c.term)?.[0] }))
      .filter(
        (x): x is { c: (typeof x)["c"]; place: Place } =>
          x.place !== undefined && encloses(area, x.place, this.atlas),
      );
    const [best, next] = inside;
    if (!best || best.c.score < 0.6 || (next && next.c.score > best.c.score - 0.05)) return undefined;
    trace.push(`typo ${where} ${container.term}: ${typed} → ${best.c.name}`);
    return {
      mention: { place: best.place, term: typed, start, end: start + typed.length, via: "name" },
      typed,
      name: best.c.name,
    };
  }

  /** Whether an unknown name stands first in a question that would be a pilot question about a place. */
  private opensPlaceQuestion(residual: string, name: string): boolean {
    if (!residual.trimStart().startsWith(name)) return false;
    const asIfPlace = scoreIntents(residual, { place: true, places2: false, batch: false }, this.intents)[0];
    return asIfPlace?.id === "pilot.status";
  }

  /** The rename a term names by its former name (思茅 for 思茅市, 襄樊), if any. */
  private formerName(term: string): NamesFile["renames"][number] | undefined {
    return this.atlas.data.names.renames.find((r) => r.old === term || formerShortForm(r.old) === term);
  }

  /** The distinct areas several places name, at most {@link MAX_COMPARED}. */
  private areasOf(cx: ComposeContext, places: Mention[]): Division[] {
    return places
      .map((m) => areaOf(cx, m.place))
      .filter((d, i, all): d is Division => d !== undefined && all.indexOf(d) === i)
      .slice(0, MAX_COMPARED);
  }

  /**
   * A programme topic picked by an everyday word in a question about places that never mentions
   * the programme ("成都到重庆高铁要多久": 多久) is off topic unless the nearest examples agree.
   */
  private unconfirmedTopic(
    intent: IntentId,
    rec: Recognised,
    slots: SlotPresence,
    trace: string[],
  ): string | undefined {
    const vote = this.voteByExamples(rec, slots, trace);
    return vote?.intent === intent ? undefined : leftoverName(rec.residual) || intent;
  }

  /**
   * Which pilots a comparison or ranking counts: the batch asked (or the first two together), and
   * new pilots or expansion areas only when the question says so.
   */
  private countScope(rec: Recognised, batch: BatchNumber | null): CountScope {
    const through = batch === null && THROUGH_TWO.test(rec.text) ? 2 : undefined;
    const only = this.asksNewOnly(rec) ? "new" : EXPANSIONS_COUNTED.test(rec.text) ? "expansion" : undefined;
    return { batch, ...(through ? { through } : {}), ...(only ? { only } : {}) };
  }

  /**
   * "山东第三批新增试点几个（不算扩大范围）": the new pilots only. Leaving out the expansions of a year
   * whose expansions are never counted ("2013年扩大范围的不算") changes nothing, so it is not this.
   */
  private asksNewOnly(rec: Recognised): boolean {
    if (NEW_ONLY.test(rec.text)) return true;
    const excluded = rec.text.match(EXCLUDES_EXPANSIONS)?.[0];
    if (!excluded) return false;
    return !this.neverCountedYears().some((year) => rec.text.includes(year));
  }

  /** The years of the batches whose expansion areas are by convention not counted ("2013"). */
  private neverCountedYears(): string[] {
    const { pilots, programme } = this.atlas.data;
    return programme.batches
      .filter((b) => pilots.some((p) => p.batch === b.batch && p.scope === "expansion" && !isCounted(p)))
      .map((b) => String(b.year));
  }

  /** Whether an unrecognised name looks like a place: an administrative suffix, or a near known name. */
  /** Whether a mention lies within a zone's name, or is a place that holds the zone (its province or city). */
  private locatesZone(m: Mention, at: { zone: Zone; start: number; end: number }): boolean {
    if (m.start >= at.start && m.end <= at.end) return true;
    if (m.place.kind === "division" && m.place.division.level === "province")
      return m.place.division.name === at.zone.province;
    const counties = [...this.atlas.divisions.values()].filter(
      (d) => at.zone.counties.includes(d.name) && d.province === at.zone.province,
    );
    const code = m.place.kind === "pilot" ? m.place.pilot.divisionCode : m.place.division.code;
    return (
      (m.place.kind !== "pilot" || ADMIN_PILOT_LEVELS.has(m.place.pilot.level)) &&
      counties.length > 0 &&
      counties.every((d) => code !== null && d.code.startsWith(code))
    );
  }

  private looksLikePlace(name: string): boolean {
    return name.length <= 12 && (ADMIN_SUFFIX.test(name) || this.lexicon.suggest(name).length > 0);
  }

  private compose(
    cx: ComposeContext,
    intent: IntentId,
    places: Mention[],
    batch: BatchNumber | null,
    rec: Recognised,
  ): { intent: IntentId; reply: Reply; batch?: BatchNumber } {
    const first = places[0];
    const area = first ? areaOf(cx, first.place) : undefined;
    const asStatus = () => {
      const name = leftoverName(rec.residual);
      // A zone that is no division (雄安新区) is answered through the counties it spans.
      const zone = first ? undefined : findZone(rec.text, this.atlas.data.names.zones);
      if (zone) return { intent: "pilot.status" as const, reply: composeZoneStatus(cx, zone) };
      return {
        intent: "pilot.status" as const,
        reply: composePilotStatus(
          cx,
          first,
          name,
          first ? [] : this.lexicon.suggest(name),
          ASKS_WHICH.test(rec.residual),
          // (Only one batch asked: "是第一批还是第二批" asks which.)
          rec.batches.length === 1 ? rec.batch : null,
        ),
      };
    };
    switch (intent) {
      case "pilot.status":
        // "昆山、苏州、无锡、常州、南通是试点吗": several places listed, each answered on its line.
        if (listsSeveral(rec.text, places))
          return {
            intent,
            reply: composeStatusList(
              cx,
              places.map((m) => m.place),
            ),
          };
        return asStatus();
      case "area.count":
      case "area.list": {
        // "宁波市（含海曙区…）在统计时算1个还是4个": an entry with its parts is one pilot.
        const entry =
          first?.place.kind === "pilot" &&
          first.place.pilot.includes.length > 0 &&
          /^\s*[（(]含/.test(rec.text.slice(first.end))
            ? first.place.pilot
            : undefined;
        if (entry && places.length === 1 && COUNTED_AS.test(rec.text)) {
          const { reply } = asStatus();
          const parts = entry.includes.join("、");
          const line =
            cx.lang === "zh"
              ? `名单上这一条只算一个试点：括号里的${parts}是${entry.name}这个试点的范围，不另计。`
              : `This entry is one pilot: ${parts} in brackets are parts of ${entry.name}, not counted apart.`;
          return { intent: "pilot.status", reply: { ...reply, text: `${line}\n${reply.text}`, count: 1 } };
        }
        // "山东前两批加起来几个": the first two batches together.
        if (intent === "area.count" && area && THROUGH_TWO.test(rec.text))
          return { intent, reply: composeAreaCountThrough(cx, area, 2) };
        // "新疆包括兵团在内一共有几个": two areas added up.
        if (intent === "area.count" && this.addsUp(rec, places))
          return { intent, reply: composeAreaSum(cx, this.areasOf(cx, places)) };
        // "河北的扩大范围是哪几个": the area's expansion areas.
        if (
          area &&
          (batch === null || batch === 3) &&
          ASKS_EXPANSIONS.test(rec.residual) &&
          !INCLUDING.test(rec.residual) &&
          !EXCLUDES_EXPANSIONS.test(rec.text)
        ) {
          const { batch: shared, ...reply } = composeAreaExpansions(cx, area);
          // ("湖北扩大范围的那几个是啥": which they are, asked with 几个, is a list.)
          const which = /是啥|是什么|是哪|哪些|哪几|\bwhich\b|\bwhat are\b/.test(rec.residual);
          return { intent: which ? "area.list" : intent, reply, batch: shared };
        }
        // A region (东北三省有多少个): its total, and each member's count.
        if (places.length >= 2 && first && places.every((m) => m.term === first.term))
          return {
            intent,
            reply: composeRegionTotal(cx, first.term, this.areasOf(cx, places), batch, this.asksNewOnly(rec)),
          };
        if (!area) return asStatus();
        // "湖北有几个地级市是整个市入选的": the area's pilots of one kind of unit.
        // ("按整市口径，江苏哪些地级市本身就是试点": the same, listed.)
        const level = area.level !== "county" ? levelAsked(rec.residual) : undefined;
        if (level) return { intent, reply: composeAreaLevelCount(cx, area, batch, level) };
        return {
          intent,
          reply: (intent === "area.count" ? composeAreaCount : composeAreaList)(cx, area, batch, {
            newOnly: this.asksNewOnly(rec),
          }),
        };
      }
      case "area.compare": {
        // Regions or places summed, compared as groups: "京津冀和长三角", "甘肃宁夏青海加起来有江苏多吗".
        const groups = groupsOf(places, rec.text);
        if (groups)
          return {
            intent,
            reply: composeGroupCompare(
              cx,
              groups.map((g) => ({ label: g.label, areas: this.areasOf(cx, g.mentions) })),
              this.countScope(rec, batch),
              FEWER.test(rec.residual),
              DIFFERENCE.test(rec.residual),
            ),
          };
        // "珠海和中山翠亨新区，哪个先入选": which pilot was chosen first.
        if (WHICH_FIRST.test(rec.residual) && places.filter((m) => m.place.kind === "pilot").length >= 2)
          return {
            intent,
            reply: composeWhichFirst(
              cx,
              places.map((m) => m.place),
            ),
          };
        const areas = this.areasOf(cx, places);
        if (areas.length < 2) return asStatus();
        // "江苏和浙江哪个少": the verdict and the winner are the one with fewer.
        // "北京和上海的试点数量差多少": the number asked is the difference.
        return {
          intent,
          reply: composeCompare(
            cx,
            areas,
            this.countScope(rec, batch),
            FEWER.test(rec.residual),
            DIFFERENCE.test(rec.residual),
          ),
        };
      }
      case "area.ranking": {
        // "山东省内哪个地级市的试点最多": the province's prefectures ranked.
        const province = places.find(
          (m) => m.place.kind === "division" && m.place.division.level === "province",
        );
        if (province?.place.kind === "division" && PREFECTURE_RANKING.test(rec.residual))
          return {
            intent,
            reply: composePrefectureRanking(
              cx,
              province.place.division,
              FEWEST.test(rec.residual) || NO_PILOT.test(rec.residual),
              batch,
            ),
          };
        // "全国哪个地级市的试点最多": no place named, so the country's prefectures are ranked.
        if (places.length === 0 && PREFECTURE_RANKING.test(rec.residual))
          return {
            intent,
            reply: composeNationalPrefectureRanking(
              cx,
              FEWEST.test(rec.residual) || NO_PILOT.test(rec.residual),
              batch,
            ),
          };
        // "西部省份里谁的试点最多": a ranking within a group of provinces.
        if (places.length >= 2 && places.every((m) => m.term === first?.term))
          return {
            intent,
            reply: composeCompare(
              cx,
              this.areasOf(cx, places),
              this.countScope(rec, batch),
              FEWEST.test(rec.residual),
            ),
          };
        return {
          intent,
          reply: composeRanking(
            cx,
            rec.residual,
            area?.level === "province" ? area : undefined,
            this.countScope(rec, batch),
            // ("除了上海，还有哪个省…": the places left out.)
            places.length === 0 ? rec.mentions.map((m) => canonicalName(m.place) ?? m.term) : [],
          ),
        };
      }
      case "batch.info":
        return { intent, reply: composeBatch(cx, batch ?? 1, rec.residual) };
      case "help":
        return { intent, reply: composeHelp(cx) };
      case "research.data":
        return { intent, reply: composeResearch(cx, rec.residual, batch) };
      case "other.programme":
        return { intent, reply: composeOtherProgramme(cx, rec.otherProgramme?.programme, first?.place) };
      case "unknown":
        return { intent, reply: composeUnknown(cx, false, first?.place) };
      default: {
        const reply = composeProgramme(cx, intent satisfies ProgrammeTopic, rec.residual, batch);
        // "前两批加起来是193吗": the first two batches' sum, then the whole.
        if (intent === "programme.total" && THROUGH_TWO.test(rec.text))
          return { intent, reply: throughTwo(cx, reply, rec.text) };
        return { intent, reply };
      }
    }
  }

  private finish(
    question: string,
    intent: IntentId,
    reply: Reply,
    places: Mention[],
    batch: BatchNumber | null,
    trace: string[],
    previous: Context,
    decidedBy: DecisionLayer,
    batchWithPlace = false,
  ): Answer {
    const first = places[0];
    const context: Context = { intent };
    const place = first ? toRef(first.place) : previous.place;
    if (place) context.place = place;
    // A batch carries over to the next question, but not across a change of place made without it.
    const movedOn = place !== undefined && JSON.stringify(place) !== JSON.stringify(previous.place);
    const keptBatch = batch ?? (intent === "batch.info" || movedOn ? undefined : previous.batch);
    if (keptBatch) context.batch = keptBatch;
    if (keptBatch && batchWithPlace) context.batchWithPlace = true;
    const answer: Answer = {
      question,
      intent,
      text: reply.text,
      suggestions: reply.suggestions ?? [],
      trace,
      context,
      decidedBy,
    };
    if (reply.chart) answer.chart = reply.chart;
    if (reply.attachments?.length) answer.attachments = reply.attachments;
    if (reply.isPilot !== undefined) answer.isPilot = reply.isPilot;
    if (reply.count !== undefined) answer.count = reply.count;
    if (batch !== null) answer.batch = batch;
    if (reply.place !== undefined) answer.place = reply.place;
    if (reply.area !== undefined) answer.area = reply.area;
    if (reply.winners !== undefined) answer.winners = reply.winners;
    if (reply.programme !== undefined) answer.programme = reply.programme;
    if (reply.pilots)
      answer.pilots = reply.pilots.map((p) => ({
        name: p.name,
        province: p.province,
        batch: p.batch,
        scope: p.scope,
      }));
    return answer;
  }
}

/** Each programme topic's texts in `data/programme.json`, by the intent that answers from them. */
function programmeTexts(p: Programme): [IntentId, string[]][] {
  return [
    ["programme.background", p.background],
    ["programme.purpose", Object.values(p.purpose)],
    ["programme.process", [...p.process.steps, p.process.evaluation]],
    ["programme.funding", [p.funding.text]],
    ["programme.outlook", [p.outlook.text, ...p.outlook.criticisms]],
  ];
}

/** The programme's total answer led by the sum of its first two batches. */
function throughTwo(cx: ComposeContext, reply: Reply, question: string): Reply {
  const [b1, b2] = cx.programme.batches;
  if (!b1 || !b2) return reply;
  const sum = b1.count + b2.count;
  // A quoted sum ("是193吗") is explained by the figure's own line.
  if (question.includes(String(sum))) return { ...reply, count: sum };
  const line =
    cx.lang === "zh"
      ? `前两批合计${sum}个（${b1.label}${b1.count}个、${b2.label}${b2.count}个）。`
      : `The first two batches hold ${sum} pilots (${b1.count} + ${b2.count}).`;
  return { ...reply, text: `${line}\n${reply.text}`, count: sum };
}

/** The place named last before the first batch word of a question, if any. */
function placeBeforeBatches(text: string, places: Mention[]): Mention | undefined {
  const at = text.search(BATCH_WORD);
  if (at < 0) return undefined;
  return places.filter((m) => m.start >= 0 && m.start < at).sort((a, b) => b.start - a.start)[0];
}

/** Whether a residual holds words beyond question words, particles and programme words. */
function hasContent(residual: string): boolean {
  return /[\p{Script=Han}a-z]/u.test(
    residual.replace(
      /试点|智慧城市|国家|名单|有哪些|哪些|有多少|多少|几个|什么时候|那么|那|还有|是|的|吗|呢|吧|啊|呀|么|嘛|了|有|个|shidian|de|ma|ne/g,
      "",
    ),
  );
}

/** The same place named twice ("江苏…江苏省") counts once. */
function distinct(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = m.place.kind === "pilot" ? `p:${m.place.pilot.name}` : `d:${m.place.division.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A province followed by a place that does not lie in it ("广东的桂林", "浙江桂林"): the pair, when
 * the place is a pilot or a division below province level and the two stand side by side.
 */
/** The province-level unit a place lies in, by name. */
function provinceNameOf(place: Place): string {
  return place.kind === "pilot" ? place.pilot.province : place.division.province;
}

function misplacedIn(places: Mention[], text: string): { province: Mention; place: Mention } | undefined {
  // (Not where the two are compared: "广东桂林哪个多".)
  if (places.length !== 2 || REGION_COMPARED.test(text)) return undefined;
  const [province, place] = places;
  if (!province || !place || province.start < 0 || place.start < province.end) return undefined;
  if (province.place.kind !== "division" || province.place.division.level !== "province") return undefined;
  if (!/^的?\s*$/.test(text.slice(province.end, place.start))) return undefined;
  if (place.place.kind === "division" && place.place.division.level === "province") return undefined;
  return provinceNameOf(place.place) !== province.place.division.name ? { province, place } : undefined;
}

/** Whether a question quotes the programme's total (290) as a number. */
function namesTotal(cx: ComposeContext, text: string): boolean {
  return (text.match(/\d+/g) ?? []).some((n) => Number(n) === cx.programme.total);
}

/**
 * The groups a comparison is between, when it is between groups: two regions or more (by the name
 * each member was found under), or the places named before 加起来/合计 against the rest.
 */
function groupsOf(places: Mention[], text: string): { label: string; mentions: Mention[] }[] | undefined {
  const terms = [...new Set(places.map((m) => m.term))];
  if (terms.length >= 2 && terms.some((t) => places.filter((m) => m.term === t).length > 1))
    return terms.map((t) => ({ label: t, mentions: places.filter((m) => m.term === t) }));
  const summed = text.search(/加起来|合起来|合计|一共|总共|加在一起/);
  if (summed < 0) return undefined;
  const before = places.filter((m) => m.start >= 0 && m.end <= summed);
  const after = places.filter((m) => m.start >= summed);
  if (before.length < 2 || after.length < 1) return undefined;
  const label = (ms: Mention[]) => ms.map((m) => m.term).join("、");
  return [
    { label: label(before), mentions: before },
    { label: label(after), mentions: after },
  ];
}
