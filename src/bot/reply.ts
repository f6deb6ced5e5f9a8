import { GrammyError } from "grammy";
import type { Answer, Engine } from "../engine/engine.ts";
import { type BotContext, REPLY_CONTEXTS } from "./context.ts";
import { renderAnswer } from "./format.ts";
import { suggestionKeyboard } from "./keyboards.ts";
import { readerLanguage } from "./language.ts";
import type { Verdict } from "./question-budget.ts";
import { inWebhookResponse } from "./webhook-reply.ts";

/**
 * Sends an engine answer: HTML, split under Telegram's limit, suggestion buttons under the last
 * part, and in groups as a reply to the question. `last`: nothing is sent after it for this
 * update, so a one-message answer may go in the webhook response (where the bot allows it).
 */
export async function replyWithAnswer(
  ctx: BotContext,
  answer: Answer,
  options: { last?: boolean } = {},
): Promise<number[]> {
  const sent: number[] = [];
  ctx.updateLog.intent = answer.intent;
  const messages = renderAnswer(answer.text);
  const keyboard = suggestionKeyboard(answer.suggestions);
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  for (const [i, html] of messages.entries()) {
    const reply = {
      parse_mode: "HTML" as const,
      link_preview_options: { is_disabled: true },
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && inGroup && ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {}),
    };
    // A later part sent as a request could overtake the one in the webhook response: one part only.
    const message = await ctx.reply(
      html,
      options.last && messages.length === 1 ? inWebhookResponse(reply) : reply,
    );
    if (message?.message_id) sent.push(message.message_id);
  }
  return sent;
}

/**
 * Asks the engine with the chat's memory (none outside a chat) — or, for a reply to one of the
 * bot's earlier answers, with the memory that answer left — keeps the new memory, replies. Returns
 * the answer, or nothing when the sender's budget refused the question. `last`: the caller sends
 * nothing after it (see {@link replyWithAnswer}).
 */
export async function askAndReply(
  ctx: BotContext,
  engine: Engine,
  question: string,
  options: { chart?: boolean; last?: boolean } = {},
): Promise<Answer | undefined> {
  if (!(await admitQuestion(ctx))) return undefined;
  const repliedTo = ctx.msg?.reply_to_message;
  const earlier =
    ctx.chat && repliedTo?.from?.id === ctx.me.id ? ctx.session.replies?.[repliedTo.message_id] : undefined;
  const memory = ctx.chat ? (earlier ?? ctx.session.memory) : {};
  const answer = engine.answer(question, memory);
  if (ctx.chat) ctx.session.memory = answer.context;
  // An edited question updates the answer it got, where that answer is known.
  const questionId = ctx.msg?.message_id;
  const previous = ctx.editedMessage && questionId ? ctx.session.answers?.[questionId] : undefined;
  const chart = answer.chart && ctx.chat && options.chart !== false;
  const documents = answer.attachments && ctx.chat;
  const sent = previous?.length
    ? await editAnswer(ctx, answer, previous)
    : await replyWithAnswer(ctx, answer, { last: options.last && !chart && !documents });
  if (ctx.chat) {
    ctx.session.replies = newest(
      ctx.session.replies,
      sent.map((id) => [id, answer.context]),
    );
    if (questionId) ctx.session.answers = newest(ctx.session.answers, [[questionId, sent]]);
  }
  // The text comes first, so the answer reads on any client; the picture follows.
  // (A caller that sends the chart itself, in an album, says so.)
  if (chart && answer.chart) await ctx.charts?.send(ctx, answer.chart);
  if (documents && answer.attachments) await ctx.documents?.send(ctx, answer.attachments);
  return answer;
}

const verdicts = new WeakMap<BotContext, Promise<Verdict>>();
const admissions = new WeakMap<BotContext, Promise<boolean>>();

/** The sender's verdict for this update, spent once however often it is asked for. */
function verdictOf(ctx: BotContext): Promise<Verdict> {
  let verdict = verdicts.get(ctx);
  if (!verdict) {
    const person = String(ctx.from?.id ?? ctx.chat?.id ?? "");
    verdict = ctx.budget && person ? ctx.budget.spend(person) : Promise.resolve("answer" as const);
    verdicts.set(ctx, verdict);
  }
  return verdict;
}

/**
 * Spends the question's share of the budget as the update arrives, before it waits its turn in
 * the chat: a flood queued behind slow sends is still a flood. Its notice, if any, comes in turn.
 */
export function spendOnArrival(ctx: BotContext): void {
  verdictOf(ctx).catch(() => {
    // A store failure is met again, and reported, when the update's turn comes.
  });
}

/**
 * Whether this update's question may be answered, spending one question of the sender's budget
 * once per update however often it is asked (a button checks before it stops the spinner, then
 * asks). A refusal gets the one notice of its run: a toast for a button, a message otherwise.
 */
export function admitQuestion(ctx: BotContext): Promise<boolean> {
  let admission = admissions.get(ctx);
  if (!admission) {
    admission = decide(ctx);
    admissions.set(ctx, admission);
  }
  return admission;
}

async function decide(ctx: BotContext): Promise<boolean> {
  const verdict = await verdictOf(ctx);
  if (verdict === "answer") return true;
  ctx.updateLog.outcome = "rate-limited";
  // Every tap is answered, so that its spinner stops, refused or not.
  if (verdict === "drop") {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    return false;
  }
  const en = readerLanguage(ctx) === "en";
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({
      text: en ? "Too many taps at once — please wait a moment." : "点得有点快，请稍等片刻再试。",
    });
  } else if (ctx.chat) {
    await ctx.reply(
      en
        ? "You are asking faster than I answer — please wait a minute, then ask again."
        : "你问得有点快，请稍等一分钟再问。",
      ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {},
    );
  }
  return false;
}

/** Telegram's answer to an edit that changes nothing (a second tap on a page, an unchanged edit). */
export function notModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes("message is not modified");
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
  const keyboard = suggestionKeyboard(answer.suggestions);
  // The buttons go under the last part, as in replyWithAnswer.
  const options = (last: boolean) => ({
    parse_mode: "HTML" as const,
    link_preview_options: { is_disabled: true },
    ...(last && keyboard ? { reply_markup: keyboard } : {}),
  });
  try {
    await ctx.api.editMessageText(chat, target, first, options(rest.length === 0));
  } catch (error) {
    if (!notModified(error)) throw error;
  }
  const sent = [target];
  for (const [i, html] of rest.entries()) {
    const message = await ctx.reply(html, options(i === rest.length - 1));
    if (message?.message_id) sent.push(message.message_id);
  }
  return sent;
}

/**
 * Adds entries to a per-chat record by message id, in place, keeping the newest
 * {@link REPLY_CONTEXTS}. Message ids are integer keys, which objects list in ascending order, so
 * the oldest come first without sorting; updating in place rather than copying the record each
 * time costs a sixth as much (this runs on every answer, twice).
 */
export function newest<T>(record: Record<string, T> | undefined, entries: [number, T][]): Record<string, T> {
  const next = record ?? {};
  for (const [id, value] of entries) next[id] = value;
  const ids = Object.keys(next);
  for (let i = 0; i < ids.length - REPLY_CONTEXTS; i++) delete next[ids[i] as string];
  return next;
}
