/**
 * Deep links: `t.me/<bot>?start=<payload>` opens the bot with a question. Telegram allows 1–64
 * characters of A–Z, a–z, 0–9, _ and - in the payload, so a question in Latin letters goes as it is
 * (spaces as _: `start=kunshan`, `start=is_kunshan_a_pilot`) and any other as base64url of its UTF-8.
 */

const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** The payload for a question, or undefined when it cannot fit in 64 characters. */
export function encodeStartPayload(question: string): string | undefined {
  const text = question.trim();
  const latin = text.replace(/ /g, "_");
  // A plain Latin question is readable in the link; base64url of it could be mistaken for one.
  const payload =
    /^[A-Za-z0-9_-]+$/.test(latin) && !looksEncoded(latin)
      ? latin
      : Buffer.from(text, "utf8").toString("base64url");
  return PAYLOAD.test(payload) ? payload : undefined;
}

/** Whether a Latin payload decodes as base64url to text with Chinese in it (so it was encoded). */
function looksEncoded(payload: string): boolean {
  const decoded = decode(payload);
  return decoded !== undefined && /\p{Script=Han}/u.test(decoded);
}

function decode(payload: string): string | undefined {
  const bytes = Buffer.from(payload, "base64url");
  // Round-trips only when the payload really was base64url; invalid UTF-8 gives U+FFFD.
  if (bytes.toString("base64url") !== payload) return undefined;
  const text = bytes.toString("utf8");
  return text.includes("\uFFFD") ? undefined : text;
}

/** The question a start payload carries, or undefined for a payload Telegram would not send. */
export function decodeStartPayload(payload: string): string | undefined {
  if (!PAYLOAD.test(payload)) return undefined;
  if (looksEncoded(payload)) return decode(payload);
  return payload.replace(/_/g, " ");
}
