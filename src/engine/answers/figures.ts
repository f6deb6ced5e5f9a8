import type { Programme } from "../../data/schema.ts";
import { type Lang, yearOf } from "./format.ts";

/** A number people meet in other sources, and what it counts. */
interface Figure {
  value: number;
  zh: string;
  en: string;
}

/**
 * The totals that circulate besides 290, derived from the batches in `data/programme.json`:
 * the new pilots without the 2014 expansions, batch 3 with them, every listed area including the
 * uncounted 2013 expansions, the first two batches together.
 */
export function knownFigures(programme: Programme): Figure[] {
  const [b1, b2, b3] = programme.batches;
  if (!b1 || !b2 || !b3) return [];
  const total = programme.total;
  return [
    {
      value: total - b3.expansions,
      zh: `${total - b3.expansions}是三批新增试点之和（${b1.count}+${b2.count}+${b3.count}），不含第三批的${b3.expansions}个扩大范围区域；算上它们就是${total}个。`,
      en: `${total - b3.expansions} is the new pilots of the three batches (${b1.count}+${b2.count}+${b3.count}) without batch 3's ${b3.expansions} expansion areas; with them the total is ${total}.`,
    },
    {
      value: b3.count + b3.expansions,
      zh: `${b3.count + b3.expansions}是第三批的全部名单：新增${b3.count}个加扩大范围${b3.expansions}个。`,
      en: `${b3.count + b3.expansions} is batch 3's whole list: ${b3.count} new pilots plus ${b3.expansions} expansion areas.`,
    },
    {
      value: total + b2.expansions,
      zh: `${total + b2.expansions}是名单上出现过的全部区域：${total}个试点，加上${yearOf(2, programme)}年随${b2.label}公布、按惯例不计入的${b2.expansions}个扩大范围区域。`,
      en: `${total + b2.expansions} counts every area ever listed: the ${total} pilots plus the ${b2.expansions} expansion areas of ${yearOf(2, programme)}, which are by convention not counted.`,
    },
    {
      value: b1.count + b2.count,
      zh: `${b1.count + b2.count}是前两批之和（第一批${b1.count}个、第二批${b2.count}个），不含第三批。`,
      en: `${b1.count + b2.count} is the first two batches together (${b1.count} + ${b2.count}), without batch 3.`,
    },
    {
      value: b2.count + b2.expansions,
      zh: `${b2.count + b2.expansions}是第二批的${b2.count}个试点加上同时公布的${b2.expansions}个扩大范围区域；后者按惯例不计入总数。`,
      en: `${b2.count + b2.expansions} is batch 2's ${b2.count} pilots plus the ${b2.expansions} expansion areas announced with it, which are not counted.`,
    },
  ].filter((f, i, all) => all.findIndex((g) => g.value === f.value) === i && f.value !== total);
}

/** A circulating total and what it counts; `asked` when the question asks for it rather than quotes it. */
export interface ExplainedFigure {
  value: number;
  text: string;
  asked?: boolean;
}

/** The explanation of a circulating total the question quotes (277, 97…), with the figure, if it quotes one. */
export function explainFigure(programme: Programme, text: string, lang: Lang): ExplainedFigure | undefined {
  // (Not a length or an age: "背景和意义（作业题，300字左右）".)
  const numbers = (
    text.match(/\d+(?!\d|\s*(字|个字|页|分钟|小时|岁|words?\b|pages?\b|minutes?\b))/g) ?? []
  ).map(Number);
  const figure = knownFigures(programme).find((f) => numbers.includes(f.value));
  return figure ? { value: figure.value, text: figure[lang] } : undefined;
}

/**
 * The total with the expansion areas that are by convention not counted ("If I also count the 2013
 * expansion areas, what's the grand total?"): the figure asked for, explained.
 */
export function totalWithUncounted(programme: Programme, lang: Lang): ExplainedFigure | undefined {
  const b2 = programme.batches[1];
  const figure = b2 && knownFigures(programme).find((f) => f.value === programme.total + b2.expansions);
  return figure ? { value: figure.value, text: figure[lang], asked: true } : undefined;
}
