import { Composer } from "grammy";
import type { Engine } from "../../engine/engine.ts";
import type { BotContext } from "../context.ts";
import { askAndReply } from "../reply.ts";

/**
 * Free text: every message in a private chat; in groups only messages that mention the bot or
 * reply to it, so the bot never talks over a group's conversation; a caption counts as text. Messages sent via this bot's
 * inline mode are its own answers and are ignored.
 */
export function questionsFeature(engine: Engine): Composer<BotContext> {
  const c = new Composer<BotContext>();
  // A photo's caption is read like a message's text ("这张图里的昆山是试点吗").
  // An edited question is asked again; its earlier answer is rewritten in place (see askAndReply).
  c.on(["message:text", "message:caption", "edited_message:text"], async (ctx) => {
    const text = ctx.msg.text ?? ctx.msg.caption ?? "";
    // An answer the user shared through inline mode is already an answer: never answer it again.
    if (ctx.msg.via_bot?.id === ctx.me.id) {
      ctx.updateLog.outcome = "ignored";
      return;
    }
    if (ctx.chat.type === "private") return askAndReply(ctx, engine, text);
    const mention = new RegExp(`@${ctx.me.username}\\b`, "gi");
    const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (!mention.test(text) && !repliesToBot) {
      ctx.updateLog.outcome = "ignored";
      return;
    }
    await askAndReply(ctx, engine, text.replace(mention, " "));
  });
  return c;
}
