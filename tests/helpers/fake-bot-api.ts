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

interface Fault {
  method: string;
  status: number;
  body: Record<string, unknown>;
}

/**
 * A minimal Bot API on loopback for fault tests. Unlike an emulator that marks updates read on
 * delivery, it keeps Telegram's offset semantics: an update stays pending until a later getUpdates
 * asks for an offset past it, so "lost" and "answered twice" can actually happen and be seen.
 */
export class FakeBotApi {
  private server?: Server;
  private sockets = new Set<Socket>();
  private pending: { update_id: number; message: Record<string, unknown> }[] = [];
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

  /** Makes the next `method` call fail with this response (queued in order). */
  fail(method: string, status: number, body: Record<string, unknown>): void {
    this.faults.push({ method, status, body });
  }

  /** A user writes to the bot. */
  userSays(text: string, chatId = 1): number {
    const update_id = this.nextUpdateId++;
    this.pending.push({
      update_id,
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "u" },
        from: { id: chatId, is_bot: false, first_name: "u" },
        text,
      },
    });
    for (const w of this.waiters.splice(0)) w();
    return update_id;
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
      chat: { id: chatId, type: "private" },
      photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 1000, height: 1200 }],
    };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const { payload, files } = await this.read(req);
    this.attempts[method] = (this.attempts[method] ?? 0) + 1;
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
        return ok(this.pending.slice(0, Number(payload.limit ?? 100)));
      }
      case "sendMessage":
        return ok({
          message_id: this.nextMessageId++,
          date: 0,
          chat: { id: payload.chat_id, type: "private" },
          text: payload.text,
        });
      case "sendMediaGroup": {
        const media = payload.media as { type: string; media: string }[];
        if (!Array.isArray(media) || media.length < 2 || media.length > 10)
          return {
            status: 400,
            body: { ok: false, error_code: 400, description: "Bad Request: wrong media group size" },
          };
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
