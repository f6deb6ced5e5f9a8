import type { Transformer } from "grammy";

/**
 * Marks a call's payload as one that may travel in the webhook's HTTP response. A symbol key:
 * grammY's JSON encoding and its file-upload check never see it, and spreading the payload (as
 * `ctx.reply` does with its options) keeps it.
 */
const IN_WEBHOOK_RESPONSE = Symbol("in webhook response");

/** The options of a reply, marked as one that may be sent in the webhook response. */
export function inWebhookResponse<T extends object>(options: T): T {
  return Object.assign(options, { [IN_WEBHOOK_RESPONSE]: true });
}

/** Whether a call's payload was marked with {@link inWebhookResponse}. */
export function isInWebhookResponse(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && IN_WEBHOOK_RESPONSE in payload;
}

/**
 * grammY's webhook reply, for marked `sendMessage` calls only. grammY sends the first call of an
 * update that its client's `canUseWebhookReply(method)` allows in the HTTP response instead of as
 * an API request — one request fewer per update, but Telegram confirms nothing: the call's result
 * is `true` (no message id), a refusal is never seen, and the update counts as delivered. So only
 * a reply that is the update's last call and needs no result is marked (see `replyWithAnswer`).
 *
 * `canUseWebhookReply` sees only the method; `transformer`, installed before every other
 * transformer (so that it runs right above grammY's own call), tells it whether this call is
 * marked. grammY checks synchronously on entry, so the flag is set only for the call it wraps.
 */
export function webhookReplyGate(): {
  canUseWebhookReply: (method: string) => boolean;
  transformer: Transformer;
} {
  let marked = false;
  return {
    canUseWebhookReply: (method) => marked && method === "sendMessage",
    transformer: (prev, method, payload, signal) => {
      marked = isInWebhookResponse(payload);
      try {
        return prev(method, payload, signal);
      } finally {
        marked = false;
      }
    },
  };
}
