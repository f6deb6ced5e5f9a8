import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import busboy from "busboy";

/** A file sent with a multipart call. */
export interface UploadedFile {
  field: string;
  filename: string;
  content: Buffer;
}

/** MIME types Telegram gives documents, by extension. */
function mimeOf(name: string): string {
  const ext = name.split(".").pop() ?? "";
  return (
    {
      csv: "text/csv",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      json: "application/json",
      png: "image/png",
    }[ext] ?? "application/octet-stream"
  );
}

/** Who is in the chat an update comes from: a private chat with the user by default. */
export interface Participants {
  chat?: Record<string, unknown> & { id: number; type: string };
  userId?: number;
  languageCode?: string;
}

/** Telegram's answer to a call it refuses: 400 with "Bad Request: …". */
function badRequest(reason: string): { status: number; body: Record<string, unknown> } {
  return { status: 400, body: { ok: false, error_code: 400, description: `Bad Request: ${reason}` } };
}

interface Fault {
  method: string;
  status: number;
  body: Record<string, unknown>;
}

/**
 * A Bot API emulator on loopback. Unlike one that marks updates read on delivery, it keeps Telegram's
 * offset semantics: an update stays pending until a later getUpdates asks for an offset past it, so
 * "lost" and "answered twice" can actually happen and be seen. It answers as Telegram does where the
 * bot's behaviour depends on it: an edit that changes nothing is 400 "message is not modified", a
 * callback query answered twice is 400, photos and albums come back with file_ids, messages carry
 * their chat's type (private or group).
 */
export class FakeBotApi {
  private server?: Server;
  private sockets = new Set<Socket>();
  private pending: ({ update_id: number } & Record<string, unknown>)[] = [];
  /** Chats seen in updates, so that messages sent there carry the chat's real type. */
  private readonly chats = new Map<number, Record<string, unknown>>();
  /** What each sent message shows now (text and keyboard), by `chat:message_id`: edits compare against it. */
  private readonly shown = new Map<string, string>();
  /** Callback queries answered so far: Telegram refuses a second answer. */
  private readonly answeredQueries = new Set<string>();
  private nextQueryId = 1;
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private waiters: (() => void)[] = [];
  private faults: Fault[] = [];
  port = 0;
  /** Highest offset a getUpdates call has confirmed. */
  confirmed = 0;
  /** Successful calls, in order. */
  readonly calls: { method: string; payload: Record<string, unknown> }[] = [];
  /** Files uploaded with multipart calls, by the call's index in {@link calls}. */
  readonly uploads = new Map<number, UploadedFile[]>();
  private nextFileId = 1;
  /** Every attempt per method, failed ones included. */
  readonly attempts: Record<string, number> = {};

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, body }) =>
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)),
        )
        .catch(() => res.writeHead(500).end());
    });
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Refuses connections from now on (the port is closed), as if Telegram were unreachable. */
  async down(): Promise<void> {
    const server = this.server;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }

  /** Comes back on the same port. */
  up(): Promise<void> {
    return this.start(this.port);
  }

  stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    return this.down();
  }

  /** Holds every `method` call from now on without answering, as a hung connection would. */
  stall(method: string): void {
    this.stalled.add(method);
  }

  private readonly stalled = new Set<string>();

  /** Answers `method` again (calls already held stay held, as a dead connection would). */
  unstall(method: string): void {
    this.stalled.delete(method);
  }

  /** Every update handed out by getUpdates so far. */
  readonly delivered = new Set<number>();

  /** Makes the next `method` call fail with this response (queued in order). */
  fail(method: string, status: number, body: Record<string, unknown>): void {
    this.faults.push({ method, status, body });
  }

  /** A private chat, or the chat and sender given. */
  private participants(chatId: number, options: Participants) {
    const from = {
      id: options.userId ?? chatId,
      is_bot: false,
      first_name: "u",
      ...(options.languageCode ? { language_code: options.languageCode } : {}),
    };
    const chat = options.chat ?? { id: chatId, type: "private", first_name: "u" };
    this.chats.set(Number(chat.id), chat);
    return { from, chat };
  }

  private push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.pending.push({ update_id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return update_id;
  }

  /** A user writes to the bot (a command gets its bot_command entity, as Telegram adds it). */
  userSays(
    text: string,
    chatId = 1,
    options: Participants & { replyTo?: number; asPhotoCaption?: boolean } = {},
  ): number {
    const { from, chat } = this.participants(chatId, options);
    const command = text.match(/^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/);
    const message_id = this.nextMessageId++;
    this.push({
      message: {
        message_id,
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        ...(options.asPhotoCaption
          ? {
              caption: text,
              photo: [{ file_id: "user-photo", file_unique_id: "u-user-photo", width: 800, height: 600 }],
            }
          : { text }),
        ...(command && !options.asPhotoCaption
          ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }
          : {}),
        ...(options.replyTo
          ? {
              reply_to_message: {
                message_id: options.replyTo,
                date: 0,
                chat,
                from: { id: 99, is_bot: true, first_name: "Fake", username: "FakeBot" },
                text: "",
              },
            }
          : {}),
      },
    });
    return message_id;
  }

  /** A user edits an earlier message of theirs. */
  userEdits(messageId: number, text: string, chatId = 1, options: Participants = {}): number {
    const { from, chat } = this.participants(chatId, options);
    return this.push({
      edited_message: {
        message_id: messageId,
        date: 0,
        edit_date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text,
      },
    });
  }

  /** A user taps an inline button under one of the bot's messages; returns the query's id. */
  userPresses(data: string, messageId: number, chatId = 1, options: Participants = {}): string {
    const { from, chat } = this.participants(chatId, options);
    const id = `q${this.nextQueryId++}`;
    this.push({
      callback_query: {
        id,
        from,
        chat_instance: "ci",
        data,
        message: { message_id: messageId, date: 0, chat, text: "" },
      },
    });
    return id;
  }

  /** A user types `@bot query` in any chat. */
  userTypesInline(query: string, userId = 1, options: Participants = {}): string {
    const { from } = this.participants(userId, options);
    const id = `i${this.nextQueryId++}`;
    this.push({ inline_query: { id, from, query, offset: "" } });
    return id;
  }

  /** Someone adds the bot to a group. */
  botAddedTo(chat: Record<string, unknown>, userId = 1): number {
    this.chats.set(Number(chat.id), chat);
    const bot = { id: 99, is_bot: true, first_name: "Fake", username: "FakeBot" };
    return this.push({
      my_chat_member: {
        chat,
        from: { id: userId, is_bot: false, first_name: "u" },
        date: 0,
        old_chat_member: { status: "left", user: bot },
        new_chat_member: { status: "member", user: bot },
      },
    });
  }

  /** The id of the last message the bot sent to a chat. */
  lastSentMessageId(chatId: number): number {
    return this.lastSent.get(chatId) ?? 0;
  }

  private readonly lastSent = new Map<number, number>();

  /** Calls of one method, in order. */
  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.payload);
  }

  /** Texts the bot sent successfully. */
  sentTexts(): string[] {
    return this.calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
  }

  /** Resolves when `predicate` holds, polling every 20 ms. */
  async until(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Reads a call's parameters as Telegram does: JSON, or multipart/form-data with files attached. */
  private async read(
    req: IncomingMessage,
  ): Promise<{ payload: Record<string, unknown>; files: UploadedFile[] }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers["content-type"] ?? "";
    if (!type.startsWith("multipart/form-data")) {
      return {
        payload: raw.length ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {},
        files: [],
      };
    }
    // busboy, the parser Node servers use: lenient like Telegram (grammY leaves filenames unquoted,
    // which undici's stricter Request.formData refuses).
    const payload: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({ headers: req.headers });
      parser.on("field", (field, value) => {
        payload[field] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      });
      parser.on("file", (field, stream, info) => {
        const parts: Buffer[] = [];
        stream.on("data", (d: Buffer) => parts.push(d));
        stream.on("end", () =>
          files.push({ field, filename: info.filename ?? "", content: Buffer.concat(parts) }),
        );
      });
      parser.on("close", resolve);
      parser.on("error", reject);
      parser.end(raw);
    });
    return { payload, files };
  }

  /** A document message as Telegram returns it, its MIME type read from the file name as Telegram does. */
  private documentMessage(chatId: unknown, media: string, files: UploadedFile[]): Record<string, unknown> {
    const attached = media.startsWith("attach://")
      ? files.find((f) => f.field === media.slice(9))
      : undefined;
    const fileName = attached?.filename ?? this.knownFiles.get(media) ?? "file";
    const fileId = attached ? `doc-${this.nextFileId++}` : media;
    this.knownFiles.set(fileId, fileName);
    return {
      message_id: this.nextMessageId++,
      date: 0,
      chat: { id: chatId, type: "private" },
      document: {
        file_id: fileId,
        file_unique_id: `u-${fileId}`,
        file_name: fileName,
        mime_type: mimeOf(fileName),
      },
    };
  }

  private readonly knownFiles = new Map<string, string>();

  /** A photo message as Telegram returns it: an uploaded photo gets a new file_id, a sent one keeps its own. */
  private photoMessage(chatId: unknown, media: string): Record<string, unknown> {
    const fileId = media.startsWith("attach://") ? `photo-${this.nextFileId++}` : media;
    return {
      message_id: this.nextMessageId++,
      date: 0,
      chat: this.chatOf(chatId),
      photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 1000, height: 1200 }],
    };
  }

  /** The chat as an update showed it, or a private chat. */
  private chatOf(chatId: unknown): Record<string, unknown> {
    return this.chats.get(Number(chatId)) ?? { id: Number(chatId), type: "private" };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const { payload, files } = await this.read(req);
    this.attempts[method] = (this.attempts[method] ?? 0) + 1;
    if (this.stalled.has(method)) await new Promise(() => {});
    const fault = this.faults.findIndex((f) => f.method === method);
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return { status: f?.status ?? 500, body: f?.body ?? {} };
    }
    this.calls.push({ method, payload });
    if (files.length) this.uploads.set(this.calls.length - 1, files);
    const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });
    switch (method) {
      case "getMe":
        return ok({
          id: 99,
          is_bot: true,
          first_name: "Fake",
          username: "FakeBot",
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: true,
        });
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        this.confirmed = Math.max(this.confirmed, offset);
        this.pending = this.pending.filter((u) => u.update_id >= offset);
        if (this.pending.length === 0 && Number(payload.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            this.waiters.push(resolve);
            setTimeout(resolve, 500);
          });
        }
        const batch = this.pending.slice(0, Number(payload.limit ?? 100));
        for (const u of batch) this.delivered.add(u.update_id);
        return ok(batch);
      }
      case "sendMessage": {
        const message_id = this.nextMessageId++;
        this.lastSent.set(Number(payload.chat_id), message_id);
        this.shown.set(
          `${payload.chat_id}:${message_id}`,
          JSON.stringify([payload.text, payload.reply_markup ?? null]),
        );
        return ok({
          message_id,
          date: 0,
          chat: this.chatOf(payload.chat_id),
          text: payload.text,
          ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
        });
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const key = `${payload.chat_id}:${payload.message_id}`;
        const before = this.shown.get(key);
        if (before === undefined) return badRequest("message to edit not found");
        const [text] = JSON.parse(before) as [unknown, unknown];
        const after = JSON.stringify([
          method === "editMessageText" ? payload.text : text,
          payload.reply_markup ?? null,
        ]);
        if (after === before) {
          this.calls.pop();
          return badRequest(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        }
        this.shown.set(key, after);
        return ok({
          message_id: payload.message_id,
          date: 0,
          chat: this.chatOf(payload.chat_id),
          text: method === "editMessageText" ? payload.text : text,
        });
      }
      case "answerCallbackQuery": {
        const id = String(payload.callback_query_id);
        if (this.answeredQueries.has(id)) {
          this.calls.pop();
          return badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        this.answeredQueries.add(id);
        return ok(true);
      }
      case "sendPhoto": {
        const photo = String(payload.photo ?? "");
        return ok({
          ...this.photoMessage(
            payload.chat_id,
            photo.startsWith("attach://") || files.length ? "attach://photo" : photo,
          ),
          ...(payload.caption ? { caption: payload.caption } : {}),
        });
      }
      case "sendMediaGroup": {
        const media = payload.media as { type: string; media: string }[];
        if (!Array.isArray(media) || media.length < 2 || media.length > 10)
          return badRequest("wrong media group size");
        return ok(
          media.map((m) =>
            m.type === "photo"
              ? this.photoMessage(payload.chat_id, m.media)
              : this.documentMessage(payload.chat_id, m.media, files),
          ),
        );
      }
      default:
        return ok(true);
    }
  }
}
