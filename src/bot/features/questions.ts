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
    const question = questionIn(ctx);
    if (question === undefined) {
      ctx.updateLog.outcome = "ignored";
      return;
    }
    // Nothing follows the answer here: it may go in the webhook response (WEBHOOK_REPLY).
    await askAndReply(ctx, engine, question, { last: true });
  });
  return c;
}

/**
 * The question a message asks the bot, if it asks one: any text in a private chat; in a group,
 * text that mentions the bot (the mention taken out) or replies to it. Never an answer the user
 * shared through this bot's inline mode. Commands are not questions here.
 */
export function questionIn(ctx: BotContext): string | undefined {
  const msg = ctx.msg;
  if (!msg || !ctx.chat) return undefined;
  const text = msg.text ?? msg.caption;
  if (text === undefined || msg.via_bot?.id === ctx.me.id) return undefined;
  if (msg.entities?.[0]?.type === "bot_command" && msg.entities[0].offset === 0) return undefined;
  if (ctx.chat.type === "private") return text;
  const mention = new RegExp(`@${ctx.me.username}\\b`, "gi");
  const repliesToBot = msg.reply_to_message?.from?.id === ctx.me.id;
  if (!mention.test(text) && !repliesToBot) return undefined;
  return text.replace(mention, " ");
}
