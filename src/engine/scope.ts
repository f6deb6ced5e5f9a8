/**
 * Whether a question about a place asks about something this programme is not: "西安有什么景点"
 * asks for sights, "广州有多少人口" for people. The words after the asking phrase name what is
 * wanted; when they name nothing the programme deals in, the question is off topic.
 */
const ASKS_FOR =
  /(?:有什么|有哪些|都有啥|有啥|多少|几个|哪些|(?<!为)什么)(?!时候|样|意思|情况|水平|级别|是)(?!\s+(?:现在|目前|当时|如今|按))\s*(\p{Script=Han}{1,8})/u;
/** Words for what this programme counts and lists. */
const PROGRAMME_NOUNS =
  /试点|地方|城市|城|市|区|县|镇|乡|街道|园|个|家|处|批|名单|入选|项目|单位|地区|座|智慧|申报|样板|示范|算|包括|包含|计入|星|等级|扩大|范围|省|数量|数目|个数|总数|新增|占比|比例|排名/;
/** Particles and fillers that end a question and name nothing. */
const TRAILING = /[的吗呢啊呀吧么嘛哇啦了呗咯哦噢喔哈嘞啰]+$/u;

/** The thing an off-topic question about a place asks for (景点, 人口), or undefined when it is on topic. */
export function offTopicObject(residual: string): string | undefined {
  const asked = residual.match(ASKS_FOR)?.[1]?.replace(TRAILING, "");
  if (!asked || PROGRAMME_NOUNS.test(asked)) return undefined;
  return asked;
}

/** "中国人口最多的城市", "哪里的小龙虾最好吃": the words before a superlative, and the superlative. */
const SUPERLATIVE = /(\p{Script=Han}{2,6})最(多|少|大|高|低|好|美|贵|便宜)/u;
/** "iphone16多少钱", "城际票多少钱": what a price is asked of. */
const PRICE_OF = /([\p{Script=Han}a-z0-9]{1,8})(多少钱|几块钱|什么价)/u;
/** What goes before 多少钱 in questions about the programme's money: a verb (给, 投了) or a funding word. */
const MONEY_VERB =
  /(给|投了?|花了?|砸了?|拿了?|拨了?|要|用了?|需要|得|补了?|贷了?|投资|资金|经费|预算|补贴|贷款|一共|总共|每个|了)$/u;

/**
 * Everyday matters of a place that this programme has nothing to say about ("昆山落户需要什么条件",
 * "佛山有什么好玩的地方"): asked without naming the programme, they are off topic.
 */
const EVERYDAY_MATTERS =
  /落户|户口|社保|医保|养老金|退休金|工资|公积金|房价|买房|租房|学区房?|天气|气温|景点|好玩|好吃|美食|小吃|特产|旅游攻略|酒店|住宿|高铁站|地铁|机场|挂号|健康码|核酸|疫苗|红绿灯|堵车|好堵|这么堵|违章|停车费|快递|外卖|彩票|放假|签证|护照|驾照|驾驶证|身份证|house prices?|visas?\b|passports?\b|driving licen[cs]e|driver.?s licen[cs]e|housing prices?|rents?\b|weather|hotels?\b|restaurants?|sightseeing|things to do/u;

/** A piece of writing asked for: 起草, 帮我写, 代写, 润色, draft me. */
const WRITING_TASK =
  /起草|帮我写|替我写|代写|写一份|写一篇|润色|改写|\bdraft (me |a |an )|\bwrite (me )?(a|an) /u;

/** A time of day asked: 几点开始, 几点钟, what time. */
const TIME_OF_DAY = /几点(钟|开始|开门|关门|结束|出发|到)|what time/u;

/** The programme's own things a price may be asked of (一个试点多少钱). */
const PRICED_ITEM = /(试点|项目|城市|市|区|县|镇|批|个|家|申报|评审)$/u;

/**
 * What an off-topic question asks about whatever intent its words suggest (人口 in 人口最多, 票 in
 * 城际票多少钱), or undefined. Only for questions that do not name the programme.
 */
export function offTopicAsked(residual: string): string | undefined {
  // (What comes after a question word: 小龙虾 in 哪里的小龙虾, 省 in 哪个省.)
  // (Words that only ask, 是不是 in 山东是不是最多, name nothing.)
  const superlative = residual
    .match(SUPERLATIVE)?.[1]
    ?.replace(/^.*(哪个|哪些|哪里|哪儿|什么|谁)的?/u, "")
    .replace(/是不是|是否|算不算|全国|全省|属于|就是|是|算|为|就|都|也|还|的|了|第/gu, "");
  if (superlative && !PROGRAMME_NOUNS.test(superlative)) return superlative;
  // "台北101跨年烟火几点开始": a time of day is nothing this programme has.
  if (TIME_OF_DAY.test(residual)) return "几点";
  const everyday = residual.match(EVERYDAY_MATTERS)?.[0];
  if (everyday) return everyday;
  // "请帮我起草一份关于开展全市安全生产大检查的通知": writing for the asker is no question of facts.
  const task = residual.match(WRITING_TASK)?.[0];
  if (task) return task;
  const priced = residual.match(PRICE_OF)?.[1];
  if (priced && !MONEY_VERB.test(priced) && !PRICED_ITEM.test(priced)) return priced;
  return undefined;
}
