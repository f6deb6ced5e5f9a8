import type { RelatedProgramme } from "../../data/schema.ts";
import type { Place } from "../lexicon.ts";
import { batchLabel, type ComposeContext, joinList, placeName, type Reply, yearSpan } from "./format.ts";

/** The name a place goes by when compared with another programme's member list. */
function nameOf(place: Place): string {
  return place.kind === "pilot" ? place.pilot.name : place.division.name;
}

/**
 * What other programmes say about a place, one sentence each, from `data/related.json`: membership
 * in a complete list, or a single membership a source reports. Empty when nothing is known.
 */
export function otherMemberships(cx: ComposeContext, name: string): string[] {
  const out: string[] = [];
  for (const p of cx.atlas.data.related.programmes) {
    if (p.members?.names.includes(name)) {
      out.push(
        cx.lang === "zh"
          ? `${name}是${p.organiser ?? ""}${p.members.label}${p.name}之一（来源：${p.members.source}）。`
          : `${placeName(name, "en")} is one of the ${p.englishName} (${p.name}) of ${p.when ?? "its time"}, run by ${p.organiser ?? "another body"} (source: ${p.members.source}).`,
      );
    }
    for (const k of p.knownMembers.filter((m) => m.name === name)) {
      out.push(
        cx.lang === "zh"
          ? `据${k.source}，${name}是${k.year}年的${p.name}之一。`
          : `According to ${k.source}, ${placeName(name, "en")} became one of the ${p.englishName} (${p.name}) in ${k.year}.`,
      );
    }
  }
  return out;
}

/** One line on where a place stands in this programme, for answers about another one. */
function ownStatus(cx: ComposeContext, place: Place): string {
  const { atlas, programme, lang } = cx;
  if (place.kind === "pilot") {
    const label = batchLabel(place.pilot.batch, programme, lang);
    return lang === "zh"
      ? `至于本项目：${place.pilot.name}是国家智慧城市试点，${label}。`
      : `As for this programme: ${placeName(place.pilot.name, lang)} is a National Smart City pilot, ${label}.`;
  }
  const d = place.division;
  const inside = d.level === "province" ? atlas.countedIn(d).length : atlas.pilotsIn(d).length;
  const named = placeName(d.name, lang);
  if (lang === "en")
    return inside > 0
      ? `As for this programme: ${named} itself is not a National Smart City pilot; ${inside} pilot areas lie inside it.`
      : `As for this programme: ${named} is not a National Smart City pilot.`;
  return inside > 0
    ? `至于本项目：${d.name}本身不是国家智慧城市试点，境内有${inside}个试点。`
    : `至于本项目：${d.name}不是国家智慧城市试点。`;
}

function describe(cx: ComposeContext, p: RelatedProgramme, place: Place | undefined): string[] {
  const covered = cx.atlas.data.related.coveredProgramme;
  const name = place ? nameOf(place) : undefined;
  const lines: string[] = [];
  if (cx.lang === "zh") {
    const who = [p.organiser, p.when].filter(Boolean).join("，");
    lines.push(`你问的是“${p.name}”${who ? `（${who}）` : ""}，这是另一个项目，不是我介绍的${covered}。`);
    if (p.document) lines.push(`文件：${p.document}。`);
    if (p.members) {
      const single = p.members.singleSource ? "；只见于这一处来源" : "";
      lines.push(
        `它${p.members.label}名单共${p.members.names.length}个：${joinList(p.members.names, "zh")}（来源：${p.members.source}${single}）。`,
      );
      if (name) lines.push(`${name}${p.members.names.includes(name) ? "在" : "不在"}这份名单里。`);
    } else {
      const known = name ? p.knownMembers.find((k) => k.name === name) : undefined;
      if (known) lines.push(`据${known.source}，${name}是${known.year}年的${p.name}之一。`);
      else lines.push(name ? `我没有这个项目的名单，无法确认${name}是否入选。` : "我没有这个项目的名单。");
    }
    if (p.note) lines.push(p.note);
  } else {
    const who = [p.organiser, p.when].filter(Boolean).join(", ");
    lines.push(
      `You are asking about the ${p.englishName} (${p.name}${who ? `; ${who}` : ""}) — a different programme from the one I cover, the MOHURD National Smart City pilots (国家智慧城市试点, ${yearSpan(cx.programme, "en")}).`,
    );
    if (p.members) {
      lines.push(
        `Its list (${p.when ?? "as published"}) has ${p.members.names.length} members: ${joinList(p.members.names, "zh")} (source: ${p.members.source}${p.members.singleSource ? "; a single source" : ""}).`,
      );
      if (name)
        lines.push(
          `${placeName(name, "en")} is ${p.members.names.includes(name) ? "" : "not "}on that list.`,
        );
    } else {
      lines.push(
        name
          ? `I have no list for it, so I cannot say whether ${placeName(name, "en")} is one.`
          : "I have no member list for it.",
      );
    }
  }
  return lines;
}

/** Which programmes people confuse with this one, and which of them the bot holds a list for. */
function overview(cx: ComposeContext): string[] {
  const { programmes, coveredProgramme } = cx.atlas.data.related;
  const listed = programmes.filter((p) => p.members);
  if (cx.lang === "en")
    return [
      `I cover only the MOHURD National Smart City pilots (国家智慧城市试点). Programmes often confused with it include: ${joinList(
        programmes.slice(0, 8).map((p) => p.englishName),
        "en",
      )}. I hold complete lists only for ${joinList(
        listed.map((p) => p.englishName),
        "en",
      )}.`,
    ];
  return [
    `我只介绍${coveredProgramme}。常与它混淆的项目有：${joinList(
      programmes.slice(0, 12).map((p) => p.name),
      "zh",
    )}等。`,
    `其中我有完整名单的只有：${joinList(
      listed.map((p) => p.name),
      "zh",
    )}。`,
  ];
}

/**
 * Answers a question about another programme honestly: which programme it is, that the bot covers
 * the MOHURD pilots, the member list only where `data/related.json` holds a complete one, and where
 * the place named stands in this programme. Never a count or list of this programme's pilots.
 */
export function composeOtherProgramme(
  cx: ComposeContext,
  programme: RelatedProgramme | undefined,
  place: Place | undefined,
): Reply {
  const lines = programme ? describe(cx, programme, place) : overview(cx);
  if (place) lines.push(ownStatus(cx, place));
  // The size of the other programme's own list, where the data holds it complete ("有哪几个城市": 9).
  const members = programme?.members && !place ? { count: programme.members.names.length } : {};
  return {
    text: lines.join("\n"),
    ...members,
    ...(programme ? { programme: programme.name } : {}),
    suggestions:
      cx.lang === "zh"
        ? ["国家智慧城市试点是什么", "一共有多少个试点"]
        : ["What is the National Smart City Pilot programme?", "How many pilots are there?"],
  };
}
