import { type Bot, Composer } from "grammy";
import type { ChartSpec } from "../../engine/chart-spec.ts";
import type { Engine } from "../../engine/engine.ts";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";
import { decodeStartPayload } from "../deep-link.ts";
import { batchKeyboard, provinceKeyboard } from "../keyboards.ts";
import { readerLanguage } from "../language.ts";
import { askAndReply, replyWithAnswer } from "../reply.ts";

/** The command list registered with setMyCommands, in Chinese (the default) and English. */
export const COMMANDS = [
  { command: "start", description: "开始：能问什么", english: "Start: what you can ask" },
  { command: "help", description: "命令列表与用法", english: "Commands and how to use them" },
  {
    command: "pilot",
    description: "某地是不是试点，例如 /pilot 昆山",
    english: "Is a place a pilot? /pilot Kunshan",
  },
  { command: "province", description: "按省份查看试点", english: "Pilots by province" },
  {
    command: "batch",
    description: "按批次查看：/batch 1、2 或 3",
    english: "Pilots by batch: /batch 1, 2 or 3",
  },
  { command: "tiers", description: "评定等级（一星到三星）", english: "Rating tiers (one to three stars)" },
  { command: "about", description: "项目背景与数据来源", english: "Background and data source" },
  { command: "ranking", description: "各省试点数量排名（附图）", english: "Provinces ranked (with a chart)" },
  { command: "stats", description: "总览：三批构成与各省分布（附图）", english: "Overview with charts" },
  {
    command: "export",
    description: "下载研究用对照表（Excel、CSV）",
    english: "Research tables (Excel, CSV)",
  },
] as const;

/** Registers the command menu per language; a server that refuses it (an emulator) costs a warning. */
export async function registerCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(COMMANDS.map(({ command, description }) => ({ command, description })));
    await bot.api.setMyCommands(
      COMMANDS.map(({ command, english }) => ({ command, description: english })),
      { language_code: "en" },
    );
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, "setMyCommands failed");
  }
}

/** /start and /help in each language: how to reach the bot (commands, inline mode, groups). */
function usage(lang: "zh" | "en", username: string, inGroup: boolean): string {
  if (lang === "en") {
    return [
      inGroup
        ? `In this group, mention me (@${username} Is Kunshan a pilot?) or reply to one of my messages; commands work as /pilot@${username} Kunshan.`
        : "Type a question, or use the commands in the menu (/help lists them).",
      `In any chat, type @${username} and a question to share an answer; add me to a group and members can ask me there.`,
    ].join("\n");
  }
  return [
    inGroup
      ? `在群里请 @${username} 加问题（例如“@${username} 昆山是试点吗”），或回复我的消息；命令写成 /pilot@${username} 昆山。`
      : "直接打字提问就行，也可以用菜单里的命令（/help 列出全部命令）。",
    `在任何聊天里输入 @${username} 加问题，可以把答案发给别人；把我拉进群，群成员 @我 就能提问。`,
  ].join("\n");
}

/** The command list with what each does, for /help and for an unknown command. */
function commandList(lang: "zh" | "en"): string {
  return COMMANDS.map((c) => `/${c.command} — ${lang === "en" ? c.english : c.description}`).join("\n");
}

const inGroup = (ctx: BotContext) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/**
 * "/batch 2", "/batch 第三批", "/batch 2013", "/batch 4": the question the argument asks, if any.
 * A year that is neither a batch's programme year nor its announcement year (`years`) had no batch.
 */
export function batchQuestion(argument: string, years: readonly number[]): string | undefined {
  const a = argument.trim();
  const ordinal = a.match(/^(?:第\s*)?([1-9一二三四五六七八九])\s*批?$|^(首批)$/);
  if (ordinal) {
    const n = ordinal[2] ? 1 : "一二三四五六七八九".indexOf(ordinal[1] ?? "") + 1 || Number(ordinal[1]);
    return `第${"一二三四五六七八九"[n - 1]}批`;
  }
  // A year names the batch of that programme year (2013年度); the engine says when there is none.
  const year = a.match(/^(20\d\d)\s*年?度?$/);
  if (year) return years.includes(Number(year[1])) ? `${year[1]}年度的批次` : "有没有其他批次";
  return undefined;
}

/** The bot's commands; their arguments go through the engine like any question. */
export function commandsFeature(engine: Engine): Composer<BotContext> {
  const c = new Composer<BotContext>();
  // Added to a group: say once how to use it there (mention, reply, commands), in the adder's language.
  c.on("my_chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const joined =
      (before.status === "left" || before.status === "kicked") &&
      (after.status === "member" || after.status === "administrator");
    if (!joined || !inGroup(ctx)) return;
    ctx.updateLog.outcome = "greeted";
    const lang = readerLanguage(ctx);
    const hello =
      lang === "en"
        ? "Hello! I answer questions about China's National Smart City pilots."
        : "大家好！我回答关于国家智慧城市试点的问题。";
    await ctx.reply(`${hello}\n${usage(lang, ctx.me.username, true)}`);
  });
  c.command("start", async (ctx) => {
    // A deep link (t.me/<bot>?start=kunshan, or a shared answer's button) opens on its question.
    const question = ctx.match ? decodeStartPayload(ctx.match.trim()) : undefined;
    if (question) return askAndReply(ctx, engine, question);
    const lang = readerLanguage(ctx);
    const answer = engine.answer(lang === "en" ? "help" : "帮助");
    await replyWithAnswer(ctx, {
      ...answer,
      text: `${answer.text}\n\n${usage(lang, ctx.me.username, inGroup(ctx))}`,
    });
  });
  c.command("help", async (ctx) => {
    const lang = readerLanguage(ctx);
    ctx.updateLog.outcome = "help";
    const heading = lang === "en" ? "Commands:" : "命令：";
    const tips =
      lang === "en"
        ? "Several questions can go in one message; follow-ups work too (“and Zhejiang?”)."
        : "一条消息里可以问几个问题；追问也行：“那浙江呢”“第三批呢”。";
    await ctx.reply(
      [heading, commandList(lang), "", tips, usage(lang, ctx.me.username, inGroup(ctx))].join("\n"),
      inGroup(ctx) && ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {},
    );
  });
  c.command("pilot", async (ctx) => {
    const place = ctx.match.trim();
    if (!place) {
      ctx.updateLog.outcome = "usage";
      await ctx.reply(
        readerLanguage(ctx) === "en"
          ? "Usage: /pilot place, e.g. /pilot Kunshan"
          : "用法：/pilot 地名，例如 /pilot 昆山",
      );
      return;
    }
    await askAndReply(
      ctx,
      engine,
      /^[\x20-\x7e]+$/.test(place) ? `Is ${place} a pilot?` : `${place}是试点吗`,
    );
  });
  c.command("province", async (ctx) => {
    const province = ctx.match.trim();
    const lang = readerLanguage(ctx);
    if (province)
      return askAndReply(
        ctx,
        engine,
        /^[\x20-\x7e]+$/.test(province) ? `Which pilots are in ${province}?` : `${province}有哪些试点`,
      );
    ctx.updateLog.outcome = "keyboard";
    await ctx.reply(
      lang === "en" ? "Choose a province (pilots in brackets):" : "选择省份（括号里是试点数）：",
      {
        reply_markup: provinceKeyboard(engine.atlas, 0, lang),
        ...(inGroup(ctx) && ctx.msg
          ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
          : {}),
      },
    );
  });
  c.command("batch", async (ctx) => {
    const argument = ctx.match.trim();
    const years = engine.atlas.data.programme.batches.flatMap((b) => [
      b.year,
      Number(b.announced.slice(0, 4)),
    ]);
    const question = argument ? batchQuestion(argument, years) : undefined;
    if (question) return askAndReply(ctx, engine, question);
    ctx.updateLog.outcome = "keyboard";
    const en = readerLanguage(ctx) === "en";
    const prompt = en
      ? `${argument ? `“${argument}” is no batch I know. ` : ""}Choose a batch:`
      : `${argument ? `没看懂“${argument}”。请` : ""}选择批次：`;
    await ctx.reply(prompt, { reply_markup: batchKeyboard(engine.atlas.data.programme, en ? "en" : "zh") });
  });
  const english = (ctx: BotContext, zh: string, en: string) =>
    askAndReply(ctx, engine, readerLanguage(ctx) === "en" ? en : zh);
  c.command("tiers", (ctx) => english(ctx, "评定等级有哪些", "What are the rating tiers?"));
  // /about promises the background and the data's source: both, one message each.
  c.command("about", async (ctx) => {
    await english(ctx, "智慧城市试点的背景", "What is the background of the programme?");
    await english(ctx, "你的数据来源是什么", "Where does your data come from?");
  });
  c.command("ranking", (ctx) => english(ctx, "各省试点数量排名", "ranking of provinces"));
  c.command("export", (ctx) => askAndReply(ctx, engine, "导出试点名单表格"));
  // /stats: the totals, then their chart and the provinces' chart together as one album.
  c.command("stats", async (ctx) => {
    const lang = readerLanguage(ctx);
    const answer = await askAndReply(
      ctx,
      engine,
      lang === "en" ? "How many pilots are there in total?" : "一共有多少个试点",
      { chart: false },
    );
    if (!answer) return;
    const provinces: ChartSpec = { kind: "provinces", lang };
    await ctx.charts?.sendAlbum(ctx, answer.chart ? [answer.chart, provinces] : [provinces]);
  });
  // Any other command addressed to this bot: say so, and list the real ones.
  c.on("message:entities:bot_command", async (ctx, next) => {
    const entity = ctx.msg.entities[0];
    if (entity?.type !== "bot_command" || entity.offset !== 0) return next();
    const [name = "", target] = (ctx.msg.text ?? "").slice(1, entity.length).split("@");
    // In a group a bare command may be meant for another bot; only one addressed to this bot is ours.
    if (target ? target.toLowerCase() !== ctx.me.username.toLowerCase() : inGroup(ctx)) return;
    ctx.updateLog.outcome = "unknown-command";
    const lang = readerLanguage(ctx);
    await ctx.reply(
      lang === "en"
        ? `There is no /${name} command. These are the ones I know:\n${commandList("en")}`
        : `没有 /${name} 这个命令。可用的命令：\n${commandList("zh")}`,
    );
  });
  return c;
}
