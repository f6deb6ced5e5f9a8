import type { IntentScore } from "./intents.ts";
import { ENGLISH_STOPWORDS, type Mention } from "./recognise.ts";

/**
 * Question forms: the word patterns that tell what shape a question has (a count with a qualifying
 * clause, a claimed number, a fourth batch asked as what came after…) and the pure readers of a
 * message's shape (several questions in one message, several places listed, the asker's origin).
 * The engine decides with them; nothing here knows the dataset.
 */

/** Words that open a question before the place it is about (请问, 我们), and punctuation. */
export const OPENERS =
  /请问|问一下|我想问|想问|我想知道|我们|咱们|俺们|我们的|你好|您好|那么|那个|这个|就是|然后|嗯|呃|那|还有|听说|[\p{P}\s]/gu;

/** Words a speaker fills a pause with (voice input: "嗯那个就是黄岗是第三批吗"), before a name. */
export const FILLER_PREFIX = /^(嗯|呃|唉|哎|诶|那个|这个|就是|然后|那啥|就)+/;

/** Words that ask for a document rather than a batch's facts. */
export const DOCUMENT_WORDS =
  /文号|发文|红头文件|文件号|发的通知|〔\d{4}〕|哪个文件|什么文件|哪份文件|哪个通知|什么通知|哪份通知|document number|notice number|official notice/;

/**
 * The end of a question's first clause: a question mark or full stop, a space between words, or, in
 * speech typed without punctuation, a particle after 试点 ("哪些地方是试点啊顺德算不算").
 */
export const CLAUSE_END =
  /[？?。！!；;]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})|(?<=试点[啊呀吧呢嘛])(?=\p{Script=Han})/u;

/** A second clause that only qualifies what is counted: 算不算, 包括, 分开算, 不是那个. */
export const QUALIFIER = /算|包括|包含|计入|(?<!是)不是(?!试点)|含不含|含吗/;

/** A clause that asks for a number or a list. */
export const ASKS_COUNT_OR_LIST = /几|多少|哪些|哪几|有啥|有什么|how many|which/;

/** Words that rank (最多, 排序) and words that compare side by side (对比, 各有几个). */
export const RANKS = /最多|最少|排序|排名|排个序|排一下|排行|谁多|哪个多|top|most|fewest|rank/;
export const COMPARES = /对比|比较|比一比|比比|比一下|比下|各有|分别|各自|compare|versus|\bvs\b/;

/** A bare "which are they" that only makes sense of the area counted or listed before ("有哪些", "都是哪几个"). */
export const BARE_FOLLOW_UP =
  /^(那|那么)?\s*((都|分别|具体)?\s*(有|是)?\s*(哪些|哪几个)|(都|分别|具体)\s*(有|是)?\s*(啥|什么|哪儿|哪里))\s*(试点)?\s*(呢|啊|呀|吗|嘛)?\s*[?？。!！]?$/;

/** Words that ask about batches besides the three ("还有别的批次吗", "三批之外还有吗"). */
export const OTHER_BATCHES =
  /(别的|其他|其它|另外的?)批次?|[三3]批(之外|以外)|除了?这?[三3]批|other batch|more batches|another batch/;

/** Words that ask what came after the programme's batches. */
export const AFTERWARDS =
  /之后|以后|后来|还会|会不会|还有没有|有没有|还有|还想|还能|申报|再(有|出|搞|评|报)|(什么|啥)时候(出|公布|发布|下来)(?!的)|何时|^(那|那么)?有第|after|any more|again|\bwhen\b|\bis there\b|\bwas there\b|\bever\b/;

/** Words that ask whether something counts toward a figure. */
export const COUNTS_TOWARD =
  /算进|算在|算入|计入|计算在|包括在|包含在|含在|算不算|包不包括|加起来|加总|对得上|能对上|counted|included|count toward|add up/;

/** A number of pilots claimed for a place ("应该是16个才对", "我数的是20"). */
export const CLAIMED_COUNT =
  /\b(has|have|had|got)\s+(only\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(pilots?|in total|altogether)\b|(应该|应当|明明|其实|不是|就是|不就|才|我数|数的|我看|看到|新闻|报道|官方|说是|写的|写着)[^，。？?]{0,8}?\d{1,3}\s*个|(\d{1,3}|是[两二三四五六七八九])\s*个\s*(才对|吧|吗|对吗|没错)|(就|只有|只|才|仅)\s*[一两二三四五六七八九十\d]{1,3}\s*个/;

/** Words for expansion areas at all. */
export const EXPANSION_WORDS = /扩大.{0,2}范围|扩容|expansion/;

/** A question for an area's expansion areas themselves ("河北的扩大范围是哪几个"). */
export const ASKS_EXPANSIONS =
  /(扩大.{0,2}范围|扩容|expansion)[^，,。？?]{0,8}(哪|几|多少|有啥|什么|which|how many)|(哪|几|多少|which|how many)[^，,。？?]{0,4}(扩大.{0,2}范围|扩容|expansion)/;
/**
 * Expansion areas as what is counted or ranked ("Which province got the most batch-3 expansion areas?",
 * "哪个省扩大范围的最多"), not as a part to include or leave out.
 */
export const EXPANSIONS_COUNTED =
  /\b(most|fewest|how many)\s+(batch[- ]?\d\s+|(first|second|third|1st|2nd|3rd)[- ](batch|round)\s+)?expansions?\b(?! areas? (included|counted))|扩大范围(的|区域|地区|试点)*(哪个省|哪些省|谁)[^，。？?]{0,4}(最多|最少)|(哪个省|哪些省)[^，。？?]{0,6}扩大范围(的|区域|地区)*(最多|最少)/;
/** Words that ask for expansions to be included in a list, not listed alone ("包括扩大范围的"). */
export const INCLUDING = /包括|包含|含|也算|也列|也要列|一起列|算上|加上|连同|连|including|incl\b|plus\b/;

/** The first two batches together ("前两批加起来"). */
export const THROUGH_TWO =
  /前两批|前二批|头两批|第一、?二批|一二两批|first two (?:batches|rounds|cohorts|waves)|(?:by|at|as of) the end of 2013|(?:batches|rounds) (?:one|1) and (?:two|2)|(截至|截止|到)\s*2013\s*年(底|末)?|2013\s*年(底|末)/;

/** Emoji that greet or thank (👋, 👍, 🙏, 🤝) when a message is nothing else; a smile alone says nothing. */
export const GREETING_EMOJI = /\u{1F44B}|\u{1F44D}|\u{1F64F}|\u{1F91D}/u;

/** A count asked with no subject at all ("有几个", "一共多少个"). */
/** A bare "which batch" that only makes sense of the place asked about before ("长乐是试点吗 第几批"). */
export const BARE_BATCH =
  /^(那|那么)?\s*(它|是|在)?\s*(第几批|哪一批|哪批|几几年|哪一年|哪年|什么时候)\s*(的|入选的?|选上的?|公布的?)?\s*(呢|啊|呀|吗|嘛)?\s*[?？。]?$/;

export const BARE_COUNT = /^(一共|总共|共|总计|全部)?\s*(有)?\s*(几个|多少个?)\s*(试点)?\s*[?？]?$/;

/** A question that asks whether a place belongs to this programme or to another one. */
export const THIS_OR_OTHER =
  /(this|our) (programme|program|one)|本项目|这个项目|这个试点|智慧城市试点.{0,6}(还是|或)/;

/** Asking why or where a figure comes from ("为什么…97个", "97是哪来的"). */
export const WHY_FIGURE =
  /为什么|为啥|怎么回事|啥意思|什么意思|什么数|啥数|指啥|指什么|是指|哪来|怎么算|咋算|如何算|怎样算|怎么来的|怎么得出|有的说|新闻说|why|where does/;

/** A rule score this high (a pattern and a cue) needs no confirmation by the examples. */
export const CONFIDENT_SCORE = 8;

/** Words for a running total ("截至第三批"). */
export const CUMULATIVE = /截至|截止|累计|为止|so far|up to|cumulative/;

/** Words for the programme's start, one end of an interval ("从发通知到第三批"). */
export const LAUNCH = /发通知|通知发布|发布通知|通知下发|下发通知|启动|开始|发文|起步|launch|start/;

/** Words that ask for the time between two things. */
export const INTERVAL =
  /相隔|间隔|隔了|隔多|相差多|相差几|差了多|差几|多久|多长时间|几个月|几天|多少天|多少个月|how long|how many (days|months)|apart|between|\bgap\b/;

/**
 * Whether an English question's intent rests only on question words ("how do" in "how do I renew my
 * visa"): such a topic is confirmed by the nearest examples before it is answered.
 */
export function onlyQuestionWords(top: IntentScore | undefined): boolean {
  return (
    top !== undefined &&
    top.cues.length > 0 &&
    top.cues.every((c) => /^[a-z ]+$/.test(c) && c.split(" ").every((w) => ENGLISH_STOPWORDS.has(w)))
  );
}

/**
 * Whether a question lists three or more places side by side (昆山、苏州、无锡), or two asked of
 * both, each separated from the next by a list mark or a conjunction only.
 */
export function listsSeveral(text: string, places: Mention[]): boolean {
  // Two places joined by 和/、/and are asked of both ("渭南跟淮南都是试点吗", "昆山和江阴是试点吗").
  if (places.length < 2 || places.some((m) => m.start < 0)) return false;
  const ordered = [...places].sort((a, b) => a.start - b.start);
  return ordered.every(
    (m, i) =>
      i === 0 ||
      /^\s*([、，,/&和与跟及]|以及|还有|and|,\s*and)?\s*$/.test(
        text.slice(ordered[i - 1]?.end ?? 0, m.start),
      ),
  );
}

/** Whether a place is where the asker says they are from ("我是湖北一个县的"), not the topic. */
export function introducesAsker(text: string, m: Mention): boolean {
  return (
    m.start >= 0 &&
    /(我是|我老家|老家|来自|我在|我家在?)$/.test(text.slice(Math.max(0, m.start - 3), m.start))
  );
}

/** Words that make a piece of a message a question of its own. */
export const ASKS =
  /[？?]\s*$|吗|呢|吧|么|几|多少|哪|什么|啥|咋|怎么|谁|是否|是不是|有没有|算不算|\d+\s*个?\s*还是\s*\d+|^[^\p{Script=Han}]*\b(is|are|was|were|does|do|did|can|how|what|which|when|who|why)\b[^\p{Script=Han}]*$/iu;

/**
 * The pieces of a message that end at a question mark, and those of them that ask something
 * ("一共多少个？山东几个？哪个省最多？" asks three times). More than four pieces are one message.
 */
export function splitQuestions(message: string): { pieces: string[]; asking: string[]; marked: string[] } {
  // Chat users end a question with a space as often as with a question mark ("甘肃哪些城市是试点啊 兰州有没有").
  const pieces = (message.match(/[^？?]+[？?]*/g) ?? [])
    .flatMap((p) => p.split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u))
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  // A piece that asks nothing, before one that asks, is part of it: "湖北和湖南比 哪个多".
  for (let i = pieces.length - 2; i >= 0; i--) {
    const [piece, next] = [pieces[i] ?? "", pieces[i + 1] ?? ""];
    if (!ASKS.test(piece) && ASKS.test(next) && !/[？?。！!]$/.test(piece))
      pieces.splice(i, 2, `${piece} ${next}`);
  }
  if (pieces.length < 2 || pieces.length > 4) return { pieces: [message], asking: [], marked: [] };
  // Pieces that end with a question mark: a question followed by a remark is told by these alone.
  const marked = pieces.filter((p) => /[？?]$/.test(p));
  return { pieces, asking: pieces.filter((p) => ASKS.test(p)), marked };
}
