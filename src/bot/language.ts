import type { BotContext } from "./context.ts";

/** The reader's language where no text goes by (commands, notices): English for an English Telegram client. */
export function readerLanguage(ctx: BotContext): "zh" | "en" {
  return ctx.from?.language_code?.toLowerCase().startsWith("en") ? "en" : "zh";
}
