import { batchOf, isCounted } from "../../data/pilots.ts";
import { composeNoSuchBatch } from "./batch.ts";
import {
  announced,
  batchLabel,
  type ComposeContext,
  documentNumber,
  formatDate,
  type Reply,
  yearSpan,
} from "./format.ts";

/** Programme-level intents answered from `data/programme.json`. */
export type ProgrammeTopic =
  | "programme.total"
  | "programme.tiers"
  | "programme.background"
  | "programme.timeline"
  | "programme.purpose"
  | "programme.process"
  | "programme.funding"
  | "programme.documents"
  | "programme.outlook";

/** Answers a question about the programme as a whole. */
export function composeProgramme(
  cx: ComposeContext,
  topic: ProgrammeTopic,
  residual = "",
  batch: number | null = null,
): Reply {
  const reply = cx.lang === "zh" ? chinese(cx, topic) : english(cx, topic);
  const notice = batch === null ? undefined : batchNotice(cx, batch);
  // "第二批名单的文号": that batch's notice first, then the other documents.
  if (topic === "programme.documents" && notice) return { ...reply, text: `${notice}\n${reply.text}` };
  // "275号文是啥": the document whose number ends so, first.
  const quoted = topic === "programme.documents" ? quotedDocument(cx, residual) : undefined;
  if (quoted) return { ...reply, text: `${quoted}\n${reply.text}` };
  // "第二批是怎么申报的": what was particular to that batch, then the procedure. (The batch summaries are Chinese.)
  const story = batch === null || cx.lang !== "zh" ? undefined : batchOf(cx.programme, batch);
  if (topic === "programme.process" && story)
    return {
      ...reply,
      text: `${batchLabel(story.batch, cx.programme, "zh")}：${story.summary}\n${reply.text}`,
    };
  if (topic === "programme.total" && /扩大范围|expansion/.test(residual)) {
    const expansions = composeExpansions(cx);
    // "一共多少个？扩大范围的算了没": the total, and which expansions it counts.
    // "…算进290里吗" quotes the total: answered with it, then the expansions.
    const asksTotal =
      /一共|总共|总数|合计|全国|总量|in total|total/.test(residual) ||
      residual.includes(String(cx.programme.total));
    if (!asksTotal) return expansions;
    return { ...reply, text: `${reply.text}\n${expansions.text}` };
  }
  return reply;
}

/** The document a question names by its serial number ("275号文"), in one line. */
function quotedDocument(cx: ComposeContext, residual: string): string | undefined {
  const serial = residual.match(/(\d{2,4})\s*号/)?.[1];
  const d = serial ? cx.programme.documents.find((x) => x.number?.endsWith(`〕${serial}号`)) : undefined;
  if (!d) return undefined;
  const number = documentNumber(d, cx.lang);
  const about = cx.lang === "zh" ? d.about : d.aboutEn;
  return cx.lang === "zh"
    ? `${serial}号是《${d.title}》（${number}）${d.date ? `，${formatDate(d.date, "zh")}` : ""}：${about}`
    : `No. ${serial} is 《${d.title}》 (${number})${d.date ? `, ${formatDate(d.date, "en")}` : ""}: ${about}`;
}

/** The day the programme was launched: the first event of its timeline. */
function launchDate(pr: ComposeContext["programme"]): string {
  return [...pr.timeline].sort((a, b) => a.date.localeCompare(b.date))[0]?.date ?? "";
}

/** The notice that published a batch, in one line, or undefined when the data names none. */
function batchNotice(cx: ComposeContext, batch: number): string | undefined {
  const title = cx.programme.batches.find((b) => b.batch === batch)?.notice;
  const d = cx.programme.documents.find((x) => x.title === title);
  if (!d) return undefined;
  const number = documentNumber(d, cx.lang);
  const label = batchLabel(batch, cx.programme, cx.lang);
  return cx.lang === "zh"
    ? `${label}名单的通知：《${d.title}》${number ? `（${number}）` : ""}${d.date ? `，${formatDate(d.date, "zh")}` : ""}。`
    : `The notice of ${label}: 《${d.title}》${number ? ` (${number})` : ""}${d.date ? `, ${formatDate(d.date, "en")}` : ""}.`;
}

function chinese(cx: ComposeContext, topic: ProgrammeTopic): Reply {
  const pr = cx.programme;
  const [b1, b2, b3] = pr.batches;
  switch (topic) {
    case "programme.total": {
      const total = cx.atlas.data.pilots.filter(isCounted).length;
      return {
        text: [
          `国家智慧城市试点共${total}个：`,
          `${batchLabel(1, pr, "zh")}${b1?.count}个，${announced(1, pr, "zh")}公布；`,
          `${batchLabel(2, pr, "zh")}${b2?.count}个，${announced(2, pr, "zh")}公布；`,
          `${batchLabel(3, pr, "zh")}新增${b3?.count}个、扩大范围${b3?.expansions}个，${announced(3, pr, "zh")}公布。`,
          `${b2?.year}年另有${b2?.expansions}个区域以扩大范围方式并入${b1?.label}试点，不计入总数。`,
          "想看某个省的名单，可以问“江苏有哪些试点”；想看某一批，可以问“第二批有哪些”。",
        ].join("\n"),
        count: total,
        suggestions: ["哪个省试点最多", "第一批名单"],
      };
    }
    case "programme.tiers": {
      const tiers = [...pr.tiers].sort((a, b) => a.rank - b.rank).map((t) => t.name);
      return {
        text: `试点经过${pr.process.creationPeriodYears.min}—${pr.process.creationPeriodYears.max}年的创建期后，由住建部组织评估；评估通过的试点城市（区、镇）评定等级，由低到高为${tiers.join("、")}，${tiers[tiers.length - 1]}最高。\n公开的三批名单只记录入选批次，没有各试点评定星级的结果。`,
        count: tiers.length,
      };
    }
    case "programme.background":
      return {
        text: [
          `国家智慧城市试点是住建部${formatDate(launchDate(pr), "zh")}启动的智慧城市建设试点：分${pr.batches.length === 3 ? "三" : pr.batches.length}批（${yearSpan(pr, "zh")}）确定了${cx.atlas.data.pilots.filter(isCounted).length}个城市（区、县、镇），各有${pr.process.creationPeriodYears.min}—${pr.process.creationPeriodYears.max}年创建期，之后评估并评定${pr.tiers.map((t) => t.name).join("、")}。`,
          ...pr.background,
          `主管部门：${pr.ministries.map((m) => `${m.name}（${m.short}）${m.role.replace(/。$/, "")}`).join("；")}。`,
        ].join("\n"),
      };
    case "programme.timeline":
      return {
        text: [
          "国家智慧城市试点大事记：",
          ...pr.timeline.map((t) => `${formatDate(t.date, "zh")}：${t.event}`),
        ].join("\n"),
      };
    case "programme.purpose":
      return {
        text: [
          "试点想同时惠及三方：",
          `对政府：${pr.purpose.government}`,
          `对企业：${pr.purpose.enterprises}`,
          `对市民：${pr.purpose.citizens}`,
          pr.purpose.approach,
        ].join("\n"),
      };
    case "programme.process":
      return {
        text: [
          `入选程序：${pr.process.steps.join(" → ")}。`,
          `入选后有${pr.process.creationPeriodYears.min}—${pr.process.creationPeriodYears.max}年的创建期；${pr.process.evaluation}`,
          `星级由低到高为${pr.tiers.map((t) => t.name).join("、")}。`,
        ].join("\n"),
      };
    case "programme.funding":
      return {
        text: `${pr.funding.text}\n（资金方：${pr.funding.source}；规模：${pr.funding.amount}；时段：${pr.funding.period}）`,
      };
    case "programme.documents":
      return {
        text: [
          "与试点相关的主要文件：",
          ...pr.documents.map(
            (d) =>
              `《${d.title}》${d.number ? `（${documentNumber(d, "zh")}）` : ""}，${d.issuer}${d.date ? `，${formatDate(d.date, "zh")}` : ""}：${d.about}`,
          ),
        ].join("\n"),
      };
    case "programme.outlook": {
      const next = successor(cx);
      return {
        text: [
          composeNoSuchBatch(cx).text,
          ...(next
            ? [`${next.when ? `${next.when}的` : "之后的"}${next.name}是另一项工作，不是这一试点的新批次。`]
            : []),
          pr.outlook.text,
          pr.outlook.evaluation,
          "常见的批评：",
          ...pr.outlook.criticisms.map((c) => `· ${c}`),
        ].join("\n"),
      };
    }
  }
}

function english(cx: ComposeContext, topic: ProgrammeTopic): Reply {
  const pr = cx.programme;
  const [b1, b2, b3] = pr.batches;
  const years = `${pr.process.creationPeriodYears.min}–${pr.process.creationPeriodYears.max}`;
  switch (topic) {
    case "programme.total": {
      const total = cx.atlas.data.pilots.filter(isCounted).length;
      return {
        text: `The programme (国家智慧城市试点) has ${total} pilots: ${batchLabel(1, pr, "en")} ${b1?.count}, announced ${announced(1, pr, "en")}; ${batchLabel(2, pr, "en")} ${b2?.count}, announced ${announced(2, pr, "en")}; ${batchLabel(3, pr, "en")} ${b3?.count} new plus ${b3?.expansions} expansions, announced ${announced(3, pr, "en")}. ${b2?.expansions} more areas added in ${b2?.year} are not counted.`,
        count: total,
      };
    }
    case "programme.tiers":
      return {
        text: `After a ${years}-year creation period the Ministry of Housing and Urban-Rural Development (住建部) evaluates each pilot; those that pass are rated, from low to high: one star (一星), two stars (二星), three stars (三星).`,
        count: pr.tiers.length,
      };
    case "programme.background":
      return {
        text: `The Ministry of Housing and Urban-Rural Development (住建部) launched the pilots on ${formatDate(launchDate(pr), "en")} to steer smart-city building and to try out a new kind of urbanisation — compact, low-carbon, green and smart — at a time when classic investment projects were yielding less.`,
      };
    case "programme.timeline":
      return {
        text: [
          "Key dates:",
          `${formatDate(launchDate(pr), "en")}: notice launching the pilots, with interim measures and an indicator system (关于开展国家智慧城市试点工作的通知).`,
          ...pr.batches.map(
            (b) => `${announced(b.batch, pr, "en")}: batch ${b.batch} (${b.year}), ${b.count} pilots.`,
          ),
        ].join("\n"),
      };
    case "programme.purpose":
      return {
        text: "For government: keep cities healthy — fewer problems, found early, fixed fast. For enterprises: higher efficiency, lower costs, more competitiveness. For citizens: tangible convenience and benefits in daily life.",
      };
    case "programme.process":
      return {
        text: `Selection: local application → first review by the provincial housing department → expert review → the ministry announces the list and signs agreements. Pilots then have a ${years}-year creation period, after which the ministry evaluates them and rates those that pass one to three stars.`,
      };
    case "programme.funding":
      return {
        text: `China Development Bank (国家开发银行) said it would put ${pr.funding.amountYuan / 1e9} billion yuan (${pr.funding.amount}) into smart-city projects with the ministry in the last three years of the 12th Five-Year Plan (${pr.funding.years.from}–${pr.funding.years.to}).`,
      };
    case "programme.documents":
      return {
        text: [
          "Main documents:",
          ...pr.documents.map(
            (d) =>
              `《${d.title}》${d.date ? `, ${formatDate(d.date, "en")}` : ""}${d.number ? `, ${documentNumber(d, "en")}` : ""}: ${d.aboutEn}`,
          ),
        ].join("\n"),
      };
    case "programme.outlook": {
      const next = successor(cx);
      const since = next?.when?.match(/\d{4}/)?.[0];
      return {
        text: `${composeNoSuchBatch(cx).text}${next ? ` The ${next.englishName}${since ? ` that followed from ${since}` : ""} is separate work, not a new batch of these pilots.` : ""}\nAs national smart-city standards mature, the pilots are expected to correct misconceptions: some cities merely rebranded digital-city projects, some followed vendors' marketing, and overheated, label-driven building drew wide criticism.\n${pr.outlook.evaluationEn}`,
      };
    }
  }
}

/** The work that followed the pilots (新型智慧城市 evaluation, 2016 onward), as `data/related.json` holds it. */
function successor(cx: ComposeContext) {
  return cx.atlas.data.related.programmes.find((p) => p.id === "new-smart-city");
}

/** The areas added to earlier pilots: 13 in 2014 (counted) and 10 in 2013 (named, not counted). */
function composeExpansions(cx: ComposeContext): Reply {
  const expansions = cx.atlas.data.pilots.filter((p) => p.scope === "expansion");
  const group = (batch: number) =>
    expansions.filter((p) => p.batch === batch).map((p) => `${p.name}→${p.expands}`);
  const en = cx.lang === "en";
  return {
    text: [
      en ? "Expansion areas (扩大范围) were added to earlier pilots:" : "扩大范围是把新区域并入已有试点：",
      `${en ? `${batchLabel(3, cx.programme, "en")}, ${group(3).length}, counted in the ${cx.programme.total}` : `${batchLabel(3, cx.programme, "zh")}的${group(3).length}个，计入${cx.programme.total}个`}：${group(3).join("、")}`,
      `${en ? `with ${batchLabel(2, cx.programme, "en")}, ${group(2).length}, not counted` : `随${batchLabel(2, cx.programme, "zh")}公布的${group(2).length}个，不计入`}：${group(2).join("、")}`,
    ].join("\n"),
    count: group(3).length,
    pilots: expansions,
  };
}
