/**
 * Whether a question about a place asks about something this programme is not: "西安有什么景点"
 * asks for sights, "广州有多少人口" for people. The words after the asking phrase name what is
 * wanted; when they name nothing the programme deals in, the question is off topic.
 */
const ASKS_FOR =
  /(?:有什么|有哪些|都有啥|有啥|多少|几个|哪些|(?<!为)什么)(?!时候|样|意思|情况|水平|级别)\s*(\p{Script=Han}{1,8})/u;
/** Words for what this programme counts and lists. */
const PROGRAMME_NOUNS =
  /试点|地方|城市|城|市|区|县|镇|乡|街道|园|个|家|处|批|名单|入选|项目|单位|地区|座|智慧|申报|样板|示范|算|包括|包含|计入|星|等级|扩大|范围/;
/** Particles and fillers that end a question and name nothing. */
const TRAILING = /[的吗呢啊呀吧么嘛哇啦了呗]+$/u;

/** The thing an off-topic question about a place asks for (景点, 人口), or undefined when it is on topic. */
export function offTopicObject(residual: string): string | undefined {
  const asked = residual.match(ASKS_FOR)?.[1]?.replace(TRAILING, "");
  if (!asked || PROGRAMME_NOUNS.test(asked)) return undefined;
  return asked;
}
