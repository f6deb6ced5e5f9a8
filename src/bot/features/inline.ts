import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Answer, Engine } from "../../engine/engine.ts";
import type { BotContext } from "../context.ts";
import { encodeStartPayload } from "../deep-link.ts";
import { renderAnswer } from "../format.ts";
import { readerLanguage } from "../language.ts";

/** How long Telegram may cache an inline answer: the data does not change while the bot runs. */
const CACHE_SECONDS = 300;

/**
 * Inline mode: `@bot 昆山` in any chat offers the answer as an article to send. An empty query offers
 * example questions, each with its answer; a query the engine cannot place offers nothing to send,
 * only a button that opens the bot.
 */
export function inlineFeature(engine: Engine): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const en = readerLanguage(ctx) === "en";
    if (!query) {
      ctx.updateLog.intent = "help";
      const examples = engine.answer(en ? "help" : "帮助").suggestions ?? [];
      await ctx.answerInlineQuery(
        examples.map((q) => article(engine.answer(q), q, ctx.me.username, en, q)),
        { cache_time: CACHE_SECONDS },
      );
      return;
    }
    const answer = engine.answer(query);
    ctx.updateLog.intent = answer.intent;
    // Nothing worth sending into someone else's chat: no article, a way into the bot instead.
    if (answer.intent === "unknown" && !answer.place && !answer.area) {
      ctx.updateLog.outcome = "no-inline-answer";
      await ctx.answerInlineQuery([], {
        cache_time: CACHE_SECONDS,
        button: {
          text: en ? "No answer for that — ask me in a chat" : "没找到答案，点这里私聊提问",
          // Opens the bot on its help, in the reader's language.
          start_parameter: encodeStartPayload(en ? "help" : "帮助") ?? "help",
        },
      });
      return;
    }
    await ctx.answerInlineQuery([article(answer, query, ctx.me.username, en)], {
      cache_time: CACHE_SECONDS,
    });
  });
  return c;
}

/**
 * One answer as an article: its first line as the title, the second as the description, and a button
 * under the shared message that opens the bot on the same question (for the follow-ups).
 */
function article(
  answer: Answer,
  query: string,
  username: string,
  en: boolean,
  title?: string,
): InlineQueryResultArticle {
  const [first = "", description = ""] = answer.text.split("\n");
  const result: InlineQueryResultArticle = {
    type: "article",
    id: createHash("sha256").update(query).digest("hex").slice(0, 32),
    title: (title ?? first).slice(0, 120),
    description: (title ? first : description).slice(0, 200),
    input_message_content: { message_text: renderAnswer(answer.text)[0] ?? "", parse_mode: "HTML" },
  };
  const payload = encodeStartPayload(query);
  if (payload)
    result.reply_markup = {
      inline_keyboard: [
        [
          {
            text: en ? "Open in the bot" : "在机器人里查看",
            url: `https://t.me/${username}?start=${payload}`,
          },
        ],
      ],
    };
  return result;
}
