import { Composer } from "grammy";
import type { Engine } from "../../engine/engine.ts";
import { decodeCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { provinceKeyboard } from "../keyboards.ts";
import { readerLanguage } from "../language.ts";
import { RepeatedTaps } from "../repeated-taps.ts";
import { admitQuestion, askAndReply, notModified } from "../reply.ts";

/**
 * Buttons: suggested questions, the province picker and the batch picker. Bad data gets a notice.
 * Every tap is answered once (the spinner stops); a repeated tap of the same button within a few
 * seconds posts nothing new, and a page that is already shown is not an error.
 */
export function callbacksFeature(engine: Engine, taps = new RepeatedTaps()): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("callback_query", async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    // Paging only edits the keyboard, so repeats are harmless; a button that posts an answer posts it once.
    const message = ctx.callbackQuery.message;
    const posts = action !== null && action.kind !== "provinces";
    if (
      posts &&
      message &&
      taps.isRepeat(message.chat.id, message.message_id, ctx.callbackQuery.data ?? "")
    ) {
      ctx.updateLog.outcome = "repeated-tap";
      await ctx.answerCallbackQuery();
      return;
    }
    if (!action) {
      ctx.updateLog.outcome = "stale-callback";
      await ctx.answerCallbackQuery({ text: "这个按钮已失效，请重新提问。" });
      return;
    }
    if (action.kind === "provinces") {
      await ctx.answerCallbackQuery();
      try {
        await ctx.editMessageReplyMarkup({
          reply_markup: provinceKeyboard(engine.atlas, action.page, readerLanguage(ctx)),
        });
      } catch (error) {
        if (!notModified(error)) throw error;
        ctx.updateLog.outcome = "not-modified";
      }
      return;
    }
    const province = action.kind === "province" ? engine.atlas.divisions.get(action.code) : undefined;
    if (action.kind === "province" && province?.level !== "province") {
      ctx.updateLog.outcome = "stale-callback";
      await ctx.answerCallbackQuery({ text: "没有这个省份，请重新选择。" });
      return;
    }
    // A refused tap gets its notice as the callback's toast, so the budget is checked first.
    if (!(await admitQuestion(ctx))) return;
    await ctx.answerCallbackQuery();
    const en = readerLanguage(ctx) === "en";
    const question =
      action.kind === "ask"
        ? action.question
        : action.kind === "batch"
          ? en
            ? `Which pilots are in batch ${action.batch}?`
            : `第${"一二三"[action.batch - 1]}批有哪些`
          : en
            ? `Which pilots are in ${province?.name}?`
            : `${province?.name}有哪些试点`;
    await askAndReply(ctx, engine, question);
  });
  return c;
}
