import type { Api, Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { isInWebhookResponse } from "./webhook-reply.ts";

/** The identity used when no Telegram server is involved (console mode, handler tests). */
export const OFFLINE_BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "智慧城市试点问答",
  username: "SmartCityPilotBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** One outgoing Bot API call. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * Installs an API transformer that answers every outgoing call locally, with a plausible result,
 * and records it. The bot's middleware runs exactly as it would against Telegram.
 * `webhookReplies`: a call marked for the webhook response (see `webhookReplyGate`) is recorded
 * and passed on to grammY, which sends it in the response — only for a bot that has the gate and
 * gets its updates through a webhook, or grammY would send it to Telegram.
 */
export function captureApi(
  bot: { api: Api },
  onCall: (call: ApiCall) => void,
  options: { webhookReplies?: boolean } = {},
): void {
  let messageId = 1000;
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    onCall({ method, payload: p });
    if (options.webhookReplies && isInWebhookResponse(payload)) return prev(method, payload, signal);
    const chat = { id: Number(p.chat_id ?? 0), type: "private" as const, first_name: "user" };
    const message = {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      text: String(p.text ?? ""),
    };
    const photo =
      method === "sendPhoto"
        ? {
            photo: [
              { file_id: `photo-${messageId}`, file_unique_id: `u${messageId}`, width: 1000, height: 1200 },
            ],
          }
        : {};
    // An album comes back as one message per item, photos with their file_ids.
    if (method === "sendMediaGroup") {
      const media = (p.media ?? []) as { type: string }[];
      const result = media.map((m) => {
        const id = ++messageId;
        const item = { ...message, message_id: id, text: undefined };
        return m.type === "photo"
          ? {
              ...item,
              photo: [{ file_id: `photo-${id}`, file_unique_id: `u${id}`, width: 1000, height: 1200 }],
            }
          : item;
      });
      return { ok: true, result } as never;
    }
    const result = method.startsWith("send") || method.startsWith("edit") ? { ...message, ...photo } : true;
    return { ok: true, result } as never;
  };
  bot.api.config.use(transformer);
}

/** Builds updates the way Telegram would send them for one private chat (or a group). */
export class UpdateFactory {
  private updateId = 1;
  private messageId = 1;
  constructor(
    readonly chat: { id: number; type: "private" | "group" | "supergroup"; title?: string } = {
      id: 1001,
      type: "private",
    },
    readonly user = { id: 7, is_bot: false, first_name: "测试用户", language_code: "zh-hans" },
  ) {}

  /** A text message; a leading /command gets its bot_command entity as Telegram would add it. */
  text(text: string, extra: Record<string, unknown> = {}): Update {
    const command = text.match(/^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/);
    return {
      update_id: this.updateId++,
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.user,
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        ...extra,
      },
    } as Update;
  }

  /** A button press on a message the bot sent. */
  callback(data: string, messageId = 1000): Update {
    return {
      update_id: this.updateId++,
      callback_query: {
        id: `cb${this.updateId}`,
        from: this.user,
        chat_instance: "ci",
        data,
        message: { message_id: messageId, date: 0, chat: this.chat, text: "…" },
      },
    } as Update;
  }

  /** An inline query (`@bot 昆山` typed in any chat). */
  inline(query: string): Update {
    return {
      update_id: this.updateId++,
      inline_query: { id: `iq${this.updateId}`, from: this.user, query, offset: "" },
    } as Update;
  }

  /** Any other message content: a sticker, a photo, a location. */
  other(content: Record<string, unknown>): Update {
    return {
      update_id: this.updateId++,
      message: { message_id: this.messageId++, date: 0, chat: this.chat, from: this.user, ...content },
    } as Update;
  }
}
