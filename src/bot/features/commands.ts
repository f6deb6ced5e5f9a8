import { type Bot, Composer } from "grammy";
import type { Engine } from "../../engine/engine.ts";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";
import { batchKeyboard, provinceKeyboard } from "../keyboards.ts";
import { askAndReply } from "../reply.ts";

/** The command list registered with setMyCommands. */
export const COMMANDS = [
  { command: "start", description: "开始：能问什么" },
  { command: "help", description: "帮助与示例" },
  { command: "pilot", description: "某地是不是试点，例如 /pilot 昆山" },
  { command: "province", description: "按省份查看试点" },
  { command: "batch", description: "按批次查看：/batch 1、2 或 3" },
  { command: "tiers", description: "评定等级（一星到三星）" },
  { command: "about", description: "项目背景与数据来源" },
  { command: "ranking", description: "各省试点数量排名（附图）" },
  { command: "stats", description: "总览：三批构成与各省分布（附图）" },
  { command: "export", description: "下载研究用对照表（Excel、CSV）" },
] as const;

/** Registers the command menu; a server that refuses it (an emulator, say) costs only a warning. */
export async function registerCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands([...COMMANDS]);
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, "setMyCommands failed");
  }
}

const BATCH_ARGUMENT = /^(?:第?\s*([123一二三])\s*批?|首批)$/;

/** The bot's commands; their arguments go through the engine like any question. */
export function commandsFeature(engine: Engine): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command(["start", "help"], (ctx) => askAndReply(ctx, engine, "帮助"));
  c.command("pilot", async (ctx) => {
    const place = ctx.match.trim();
    if (!place) {
      ctx.updateLog.outcome = "usage";
      await ctx.reply("用法：/pilot 地名，例如 /pilot 昆山");
      return;
    }
    await askAndReply(ctx, engine, `${place}是试点吗`);
  });
  c.command("province", async (ctx) => {
    const province = ctx.match.trim();
    if (province) return askAndReply(ctx, engine, `${province}有哪些试点`);
    ctx.updateLog.outcome = "keyboard";
    await ctx.reply("选择省份（括号里是试点数）：", { reply_markup: provinceKeyboard(engine.atlas, 0) });
  });
  c.command("batch", async (ctx) => {
    const m = ctx.match.trim().match(BATCH_ARGUMENT);
    if (!m) {
      ctx.updateLog.outcome = "keyboard";
      await ctx.reply("选择批次：", { reply_markup: batchKeyboard(engine.atlas.data.programme) });
      return;
    }
    const n = m[1] ? "一二三123".indexOf(m[1]) % 3 : 0;
    await askAndReply(ctx, engine, `第${"一二三"[n]}批`);
  });
  c.command("tiers", (ctx) => askAndReply(ctx, engine, "评定等级有哪些"));
  c.command("about", (ctx) => askAndReply(ctx, engine, "智慧城市试点的背景"));
  c.command("ranking", (ctx) => askAndReply(ctx, engine, "各省试点数量排名"));
  c.command("export", (ctx) => askAndReply(ctx, engine, "导出试点名单表格"));
  c.command("stats", async (ctx) => {
    await askAndReply(ctx, engine, "一共有多少个试点");
    await ctx.charts?.send(ctx, { kind: "provinces", lang: "zh" });
  });
  return c;
}
