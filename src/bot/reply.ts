import type { Answer, Engine } from "../engine/engine.ts";
import type { BotContext } from "./context.ts";
import { renderAnswer } from "./format.ts";
import { suggestionKeyboard } from "./keyboards.ts";

/**
 * Sends an engine answer: HTML, split under Telegram's limit, suggestion buttons under the last
 * part, and in groups as a reply to the question.
 */
export async function replyWithAnswer(ctx: BotContext, answer: Answer): Promise<void> {
  ctx.updateLog.intent = answer.intent;
  const messages = renderAnswer(answer.text);
  const keyboard = suggestionKeyboard(answer.suggestions);
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  for (const [i, html] of messages.entries()) {
    await ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && inGroup && ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {}),
    });
  }
}

/** Asks the engine with the chat's memory (none outside a chat), keeps the new memory, replies. */
export async function askAndReply(ctx: BotContext, engine: Engine, question: string): Promise<void> {
  const memory = ctx.chat ? ctx.session.memory : {};
  const answer = engine.answer(question, memory);
  if (ctx.chat) ctx.session.memory = answer.context;
  await replyWithAnswer(ctx, answer);
  // The text comes first, so the answer reads on any client; the picture follows.
  if (answer.chart && ctx.chat) await ctx.charts?.send(ctx, answer.chart);
  if (answer.attachments && ctx.chat) await ctx.documents?.send(ctx, answer.attachments);
}
