/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const SPECIAL = /[&<>"]/;
const SPECIAL_ALL = /[&<>"]/g;

/** Escapes text for Telegram's HTML parse mode: every dynamic string goes through here. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (ch) => ENTITIES[ch] ?? ch) : text;
}

/** Splits one plain line into pieces whose escaped form fits the limit, on code-point boundaries. */
function splitLine(line: string, limit: number): string[] {
  if (line.length * 6 <= limit || escapeHtml(line).length <= limit) return [line];
  const pieces: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const cost = escapeHtml(ch).length;
    if (size + cost > limit) {
      pieces.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += cost;
  }
  if (current || pieces.length === 0) pieces.push(current);
  return pieces;
}

/**
 * Turns an engine answer into Telegram HTML messages: every character escaped, the first line
 * bold, split on line boundaries so that no message exceeds {@link MESSAGE_LIMIT} and no tag or
 * entity is ever cut in two.
 */
export function renderAnswer(text: string, limit = MESSAGE_LIMIT): string[] {
  const lines = text.split("\n").flatMap((line) => splitLine(line, limit - 7));
  const html = lines.map((line, i) =>
    i === 0 && line.trim() ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line),
  );
  const messages: string[] = [];
  let current = "";
  for (const line of html) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > limit && current) {
      messages.push(current);
      current = line;
    } else {
      current = joined;
    }
  }
  if (current.trim() || messages.length === 0) messages.push(current || "…");
  return messages;
}

/** Plain text of a Telegram HTML message, for the console and for logs at debug level. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
