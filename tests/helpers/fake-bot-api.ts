import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

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

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    this.attempts[method] = (this.attempts[method] ?? 0) + 1;
    const fault = this.faults.findIndex((f) => f.method === method);
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return { status: f?.status ?? 500, body: f?.body ?? {} };
    }
    this.calls.push({ method, payload });
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
      default:
        return ok(true);
    }
  }
}
