import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Where the `redis-server` binary is (PATH, then Debian's /usr/bin and /usr/sbin), if anywhere. */
export const redisServerPath: string | undefined = [
  ...(process.env.PATH ?? "").split(delimiter).filter(Boolean),
  "/usr/bin",
  "/usr/sbin",
]
  .map((dir) => join(dir, "redis-server"))
  .find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** Why the real-Redis tests are skipped, for their describe title; empty when they run. */
export const redisSkipReason = redisServerPath
  ? ""
  : " (skipped: no redis-server binary; install Debian's redis-server package to run them)";

/** A free loopback port: listen on port 0, read the port the system chose, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Sends one RESP command on a fresh connection and resolves with the raw reply. */
function command(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.setTimeout(1_000, () => socket.destroy(new Error("no reply")));
    socket.once("error", reject);
    socket.on("data", (chunk) => {
      reply += String(chunk);
      if (reply.endsWith("\r\n")) {
        socket.end();
        resolve(reply);
      }
    });
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`);
  });
}

/**
 * Debian's `redis-server` on a free loopback port, without persistence (`--save "" --appendonly no`)
 * and in a temporary working directory, so that nothing is written into the repository. It can be
 * stopped and started again on the same port, to make Redis go away under a running client.
 */
export class RedisServer {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), "redis-test-"));
  private output = "";

  private constructor(
    readonly port: number,
    readonly password?: string,
  ) {}

  /** Starts a server on a free port and resolves once it answers PING. */
  static async start(options: { password?: string } = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), options.password);
    await server.start();
    return server;
  }

  /** `redis://` URL of this server, with its password when it has one. */
  get url(): string {
    const auth = this.password ? `:${encodeURIComponent(this.password)}@` : "";
    return `redis://${auth}127.0.0.1:${this.port}`;
  }

  /** Whether the server process is running. */
  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** (Re)starts the server on its port and waits until it answers PING. */
  async start(timeoutMs = 10_000): Promise<void> {
    if (!redisServerPath) throw new Error("redis-server is not installed");
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    args.push("--dir", this.dir, "--daemonize", "no", "--loglevel", "warning");
    if (this.password) args.push("--requirepass", this.password);
    const child = spawn(redisServerPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.process = child;
    // Should the test process end without afterAll (a crash), the server must not outlive it.
    const orphanGuard = () => child.kill("SIGKILL");
    process.once("exit", orphanGuard);
    child.once("exit", () => process.off("exit", orphanGuard));
    child.stdout?.on("data", (d) => {
      this.output += String(d);
    });
    child.stderr?.on("data", (d) => {
      this.output += String(d);
    });
    const started = Date.now();
    for (;;) {
      if (!this.running) throw new Error(`redis-server exited on start:\n${this.output}`);
      // With a password, PING is refused with NOAUTH: an answer all the same.
      const reply = await command(this.port, ["PING"]).catch(() => "");
      if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) return;
      if (Date.now() - started > timeoutMs) {
        await this.stop();
        throw new Error(`redis-server did not answer PING within ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the server with SIGTERM and waits until the process has exited. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }

  /** Stops the server and removes its working directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
