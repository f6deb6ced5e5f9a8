import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Engine } from "../../engine/engine.ts";
import type { BotContext } from "../context.ts";
import { encodeStartPayload } from "../deep-link.ts";
import { renderAnswer } from "../format.ts";

/** Inline mode: `@bot 昆山` in any chat offers the answer as an article to send. */
export function inlineFeature(engine: Engine): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim() || "帮助";
    const answer = engine.answer(query);
    ctx.updateLog.intent = answer.intent;
    const [title = "", description = ""] = answer.text.split("\n");
    const result: InlineQueryResultArticle = {
      type: "article",
      id: createHash("sha256").update(query).digest("hex").slice(0, 32),
      title: title.slice(0, 120),
      description: description.slice(0, 200),
      input_message_content: { message_text: renderAnswer(answer.text)[0] ?? "", parse_mode: "HTML" },
    };
    // A button under the shared answer opens the bot on the same question, for the follow-ups.
    const payload = ctx.inlineQuery.query.trim() ? encodeStartPayload(query) : undefined;
    if (payload)
      result.reply_markup = {
        inline_keyboard: [
          [{ text: "在机器人里查看", url: `https://t.me/${ctx.me.username}?start=${payload}` }],
        ],
      };
    await ctx.answerInlineQuery([result], { cache_time: 300 });
  });
  return c;
}
