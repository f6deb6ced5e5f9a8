import { GrammyError } from "grammy";
import type { Answer, Engine } from "../engine/engine.ts";
import { type BotContext, REPLY_CONTEXTS } from "./context.ts";
import { renderAnswer } from "./format.ts";
import { suggestionKeyboard } from "./keyboards.ts";

/**
 * Sends an engine answer: HTML, split under Telegram's limit, suggestion buttons under the last
 * part, and in groups as a reply to the question.
 */
export async function replyWithAnswer(ctx: BotContext, answer: Answer): Promise<number[]> {
  const sent: number[] = [];
  ctx.updateLog.intent = answer.intent;
  const messages = renderAnswer(answer.text);
  const keyboard = suggestionKeyboard(answer.suggestions);
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  for (const [i, html] of messages.entries()) {
    const message = await ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && inGroup && ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {}),
    });
    if (message?.message_id) sent.push(message.message_id);
  }
  return sent;
}

/**
 * Asks the engine with the chat's memory (none outside a chat) — or, for a reply to one of the
 * bot's earlier answers, with the memory that answer left — keeps the new memory, replies.
 */
export async function askAndReply(ctx: BotContext, engine: Engine, question: string): Promise<void> {
  const repliedTo = ctx.msg?.reply_to_message;
  const earlier =
    ctx.chat && repliedTo?.from?.id === ctx.me.id ? ctx.session.replies?.[repliedTo.message_id] : undefined;
  const memory = ctx.chat ? (earlier ?? ctx.session.memory) : {};
  const answer = engine.answer(question, memory);
  if (ctx.chat) ctx.session.memory = answer.context;
  // An edited question updates the answer it got, where that answer is known.
  const questionId = ctx.msg?.message_id;
  const previous = ctx.editedMessage && questionId ? ctx.session.answers?.[questionId] : undefined;
  const sent = previous?.length
    ? await editAnswer(ctx, answer, previous)
    : await replyWithAnswer(ctx, answer);
  if (ctx.chat) remember(ctx, sent, answer.context);
  if (ctx.chat && questionId) rememberAnswer(ctx, questionId, sent);
  // The text comes first, so the answer reads on any client; the picture follows.
  if (answer.chart && ctx.chat) await ctx.charts?.send(ctx, answer.chart);
  if (answer.attachments && ctx.chat) await ctx.documents?.send(ctx, answer.attachments);
}

/** Keeps the context an answer left under each of its message ids, the newest few only. */
function remember(ctx: BotContext, messageIds: number[], context: Answer["context"]): void {
  const replies = { ...(ctx.session.replies ?? {}) };
  for (const id of messageIds) replies[id] = context;
  const ids = Object.keys(replies)
    .map(Number)
    .sort((a, b) => a - b);
  for (const id of ids.slice(0, Math.max(0, ids.length - REPLY_CONTEXTS))) delete replies[id];
  ctx.session.replies = replies;
}

/**
 * Rewrites the earlier answer to an edited question in place: its first message gets the new
 * answer's first part; further parts are sent as new messages. An edit that changes nothing is fine.
 */
async function editAnswer(ctx: BotContext, answer: Answer, messageIds: number[]): Promise<number[]> {
  ctx.updateLog.intent = answer.intent;
  ctx.updateLog.outcome = "edited";
  const [first, ...rest] = renderAnswer(answer.text);
  const [target] = messageIds;
  const chat = ctx.chat?.id;
  if (!first || target === undefined || chat === undefined) return replyWithAnswer(ctx, answer);
  const keyboard = rest.length === 0 ? suggestionKeyboard(answer.suggestions) : undefined;
  try {
    await ctx.api.editMessageText(chat, target, first, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    });
  } catch (error) {
    if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
  }
  const sent = [target];
  for (const [i, html] of rest.entries()) {
    const message = await ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === rest.length - 1 && suggestionKeyboard(answer.suggestions)
        ? { reply_markup: suggestionKeyboard(answer.suggestions) }
        : {}),
    });
    if (message?.message_id) sent.push(message.message_id);
  }
  return sent;
}

/** Keeps which messages answered a question, the newest few questions only. */
function rememberAnswer(ctx: BotContext, questionId: number, messageIds: number[]): void {
  const answers: Record<string, number[]> = { ...(ctx.session.answers ?? {}), [questionId]: messageIds };
  const ids = Object.keys(answers)
    .map(Number)
    .sort((a, b) => a - b);
  for (const id of ids.slice(0, Math.max(0, ids.length - REPLY_CONTEXTS))) delete answers[id];
  ctx.session.answers = answers;
}
