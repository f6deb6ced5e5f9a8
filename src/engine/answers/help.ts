import { isCounted } from "../../data/pilots.ts";
import { canonicalName, type Place } from "../lexicon.ts";
import {
  announced,
  batchLabel,
  type ComposeContext,
  documentNumber,
  pilotName,
  placeName,
  type Reply,
  yearSpan,
} from "./format.ts";

/** Example questions shown by help and offered as buttons. */
export const EXAMPLE_QUESTIONS = [
  "昆山市是试点吗",
  "江苏有多少个试点",
  "哪个省试点最多",
  "第二批有哪些",
  "评定等级有哪些",
];

/** Greets and shows what can be asked. */
export function composeHelp(cx: ComposeContext): Reply {
  if (cx.lang === "en") {
    return {
      text: [
        `I answer questions about China's National Smart City Pilot programme (国家智慧城市试点, ${cx.programme.total} pilots, ${yearSpan(cx.programme, "en")}), from a curated offline dataset.`,
        "Ask for example: “Is Kunshan a pilot?”, “How many pilots does Jiangsu have?”, “Which province has the most pilots?”, “What are the rating tiers?”.",
        "Researchers: send /export for the prefecture-level treatment table (Excel, CSV).",
      ].join("\n"),
      suggestions: ["Is Kunshan a pilot?", "How many pilots does Jiangsu have?"],
    };
  }
  return {
    text: [
      `你好！我回答关于国家智慧城市试点（${yearSpan(cx.programme, "zh")}${cx.programme.batches.length === 3 ? "三" : cx.programme.batches.length}批，共${cx.programme.total}个）的问题，数据来自整理核对过的公开名单。`,
      "可以这样问：",
      "· 某地是不是试点：“昆山市是试点吗”“番禺”“kunshan”",
      "· 某省或某市有多少、有哪些：“江苏有多少个试点”“苏州有哪些试点”",
      "· 排名与对比：“哪个省试点最多”“江苏和浙江哪个多”",
      "· 批次：“第二批有哪些”“首批什么时候公布的”",
      "· 项目本身：背景、目的、申报流程、评定等级、资金、文件、展望",
      "· 研究用：“DID 用的地级市名单”，或发 /export 下载对照表（Excel、CSV）",
      "一条消息里问几个问题也行；追问也可以：“那浙江呢”“第三批呢”“它是哪一批”。",
    ].join("\n"),
    suggestions: EXAMPLE_QUESTIONS,
  };
}

/**
 * Says plainly that the question is outside what the bot knows, and how to ask instead; for a
 * question about a place on another topic, what the bot can say about that place.
 */
export function composeUnknown(cx: ComposeContext, empty: boolean, place?: Place): Reply {
  const name = place ? canonicalName(place) : undefined;
  if (name) {
    return cx.lang === "en"
      ? {
          text: `That is outside what I know: I only cover China's National Smart City Pilot programme (国家智慧城市试点). About ${placeName(name, "en")} I can tell you whether it is a pilot and which pilots lie in it.`,
          suggestions: [],
        }
      : {
          text: `这个问题不在我的范围内：我只了解国家智慧城市试点。关于${name}，我可以告诉你它是不是试点、境内有哪些试点。`,
          suggestions: [`${name}是试点吗`, `${name}有哪些试点`],
        };
  }
  if (cx.lang === "en") {
    return {
      text: empty
        ? "Send me a question about the National Smart City pilots, e.g. “Is Kunshan a pilot?”."
        : "Sorry, I only know about China's National Smart City Pilot programme (国家智慧城市试点). Try “Is Kunshan a pilot?” or “How many pilots does Jiangsu have?”.",
      suggestions: ["Is Kunshan a pilot?"],
    };
  }
  return {
    text: empty
      ? "请发一个关于国家智慧城市试点的问题，例如“昆山市是试点吗”。"
      : "抱歉，这个问题我答不了：我只了解国家智慧城市试点。可以问“昆山市是试点吗”“江苏有多少个试点”“评定等级有哪些”，或发送“帮助”。",
    suggestions: EXAMPLE_QUESTIONS.slice(0, 3),
  };
}

/** Says which name a mistyped or shortened one was read as, ahead of the answer. */
export function composeCorrection(
  cx: ComposeContext,
  typed: string,
  name: string,
  shortened = false,
): string {
  if (cx.lang === "en") {
    // (A pilot by the name its answer uses: Panyu (广州市番禺区), not a romanisation of the whole name.)
    const pilot = cx.atlas.pilotByName.get(name);
    return `(Read “${typed}” as ${pilot ? pilotName(pilot, "en") : placeName(name, "en")}.)`;
  }
  return shortened ? `（“${typed}”按“${name}”回答。）` : `（没有“${typed}”这个地名，按“${name}”回答。）`;
}

/** "（桂林市在广西壮族自治区，不在广东省。）": a place the question put in another province. */
export function composeMisplaced(cx: ComposeContext, place: Place, said: Place): string {
  const name = canonicalName(place) ?? "";
  const province = place.kind === "pilot" ? place.pilot.province : place.division.province;
  const saidName = canonicalName(said) ?? "";
  return cx.lang === "zh"
    ? `（${name}在${province}，不在${saidName}。）`
    : `(${placeName(name, "en")} is in ${placeName(province, "en")}, not ${placeName(saidName, "en")}.)`;
}

/**
 * Where the data comes from: each batch's notice (or the meeting where the first was announced), the
 * check against the official totals, the corrections, and where other programmes' lists come from.
 */
export function composeSources(cx: ComposeContext): Reply {
  const pr = cx.programme;
  const en = cx.lang === "en";
  const lines = pr.batches.map((b) => {
    const notice = pr.documents.find((d) => d.title === b.notice);
    const number = notice ? documentNumber(notice, cx.lang) : undefined;
    const label = batchLabel(b.batch, pr, cx.lang);
    if (!b.notice)
      return en
        ? `· ${label}: the list announced by the ministry on ${announced(b.batch, pr, "en")}, at the meeting that launched the pilots' creation work`
        : `· ${label}：住建部${announced(b.batch, pr, "zh")}在试点创建工作会议上公布的名单`;
    return en
      ? `· ${label}: the notice 《${b.notice}》${number ? ` (${number})` : ""}`
      : `· ${label}：《${b.notice}》${number ? `（${number}）` : ""}`;
  });
  // Only the expansions that count toward the total are added (batch 3's; batch 2's are not).
  const counted = (batch: number) =>
    cx.atlas.data.pilots.filter((p) => p.batch === batch && p.scope === "expansion" && isCounted(p)).length;
  const parts = pr.batches.map((b) =>
    counted(b.batch) > 0
      ? en
        ? `${b.count} new + ${counted(b.batch)} expansions`
        : `新增${b.count} + 扩大范围${counted(b.batch)}`
      : `${b.count}`,
  );
  const corrected = pr.seedCorrections.map((c) => c.term);
  return {
    text: en
      ? [
          "Where the data comes from:",
          ...lines,
          `Each batch's size is checked against the official totals (${parts.join(" + ")} = ${pr.total}); errors in a widely copied merged list are corrected (${corrected.join(", ")}); renamed or merged places are noted with today's names.`,
          "Lists of other programmes come from news reports of the time, named in each answer.",
        ].join("\n")
      : [
          "数据来源：",
          ...lines,
          `各批数量与官方总数核对过（${parts.join(" + ")} = ${pr.total}）；网上流传的合并名单里的错误已更正（${corrected.join("、")}）；更名、撤并的地方按今天的区划注明。`,
          "其他项目的名单来自当时的新闻报道，回答里注明出处。",
        ].join("\n"),
  };
}
