import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

/** Stickers, photos, voice, locations…: a one-line hint in private chats, silence in groups. */
export function nonTextFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("message", async (ctx) => {
    if (ctx.chat.type !== "private") return;
    ctx.updateLog.outcome = "non-text";
    await ctx.reply("我只看得懂文字问题，比如“昆山市是试点吗”。");
  });
  return c;
}
