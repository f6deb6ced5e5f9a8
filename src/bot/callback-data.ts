/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** What a button asks the bot to do. */
export type CallbackAction =
  | { kind: "ask"; question: string }
  | { kind: "provinces"; page: number }
  | { kind: "province"; code: string }
  | { kind: "batch"; batch: 1 | 2 | 3 };

/** Encodes an action, or returns undefined when it would not fit in {@link CALLBACK_DATA_LIMIT} bytes. */
export function encodeCallback(action: CallbackAction): string | undefined {
  const data =
    action.kind === "ask"
      ? `q:${action.question}`
      : action.kind === "provinces"
        ? `pp:${action.page}`
        : action.kind === "province"
          ? `pv:${action.code}`
          : `b:${action.batch}`;
  return Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_LIMIT ? data : undefined;
}

/**
 * Parses callback data strictly. Anything that is not exactly what {@link encodeCallback} makes —
 * stale buttons of an older version, forged data — gives null, and the bot says so politely.
 */
export function decodeCallback(data: string | undefined): CallbackAction | null {
  if (!data || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) return null;
  const [kind, ...rest] = data.split(":");
  const value = rest.join(":");
  if (kind === "q" && value.trim() && !/[\p{Cc}]/u.test(value)) return { kind: "ask", question: value };
  if (kind === "pp" && /^\d{1,2}$/.test(value)) return { kind: "provinces", page: Number(value) };
  if (kind === "pv" && /^(\d{2}|XJBT)$/.test(value)) return { kind: "province", code: value };
  if (kind === "b" && /^[123]$/.test(value)) return { kind: "batch", batch: Number(value) as 1 | 2 | 3 };
  return null;
}
