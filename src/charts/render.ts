/**
 * Charts as PNG for the bot: drawn in a worker thread (`png-worker.ts`), so that neither loading
 * the native rasteriser nor drawing ever blocks the event loop that answers other chats.
 */
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Atlas } from "../engine/atlas.ts";
import { type ChartSpec, chartKey } from "../engine/chart-spec.ts";
import { chartOption, chartSize } from "./options.ts";
import type { RenderRequest } from "./rasterise.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
// Built code runs from `dist/<folder>/*.mjs`, the sources from `src/charts/*.ts`; both sit two
// folders below the project root.
const COMPILED = import.meta.url.endsWith(".mjs");
const WORKER_FILE = COMPILED ? join(HERE, "..", "charts", "png-worker.mjs") : join(HERE, "png-worker.ts");

/**
 * Source for a worker that runs a TypeScript file (tests and `tsx` runs; built code needs none):
 * Node 20 does not pass `--import tsx` on to a worker's loader, so the worker registers tsx itself.
 */
function throughTsx(file: string): string {
  // The ESM entry of tsx's API (a `require.resolve` would give its CommonJS one).
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = pathToFileURL(file).href;
  return `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
}

interface WorkerReply {
  id: number;
  png?: Uint8Array;
  error?: string;
}

/**
 * One worker thread drawing charts in turn. Started on the first chart; it does not keep the
 * process alive, and a worker that dies is replaced on the next chart (what it had in hand fails).
 */
export class ChartWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (png: Buffer) => void; reject: (e: Error) => void }
  >();

  /** Draws an option as PNG in the worker. */
  render(option: RenderRequest["option"], size: RenderRequest["size"]): Promise<Buffer> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // held open while a chart is being drawn
      worker.postMessage({ id, option, size } satisfies RenderRequest);
    });
  }

  /** Stops the worker; charts still being drawn fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // The report a native addon's loader builds must leave the network out (nodejs/node#46060):
    // set here too, since the setting is the process's.
    const report = process.report as { excludeNetwork?: boolean } | undefined;
    if (report) report.excludeNetwork = true;
    const worker = COMPILED ? new Worker(WORKER_FILE) : new Worker(throughTsx(WORKER_FILE), { eval: true });
    worker.unref();
    worker.on("message", (reply: WorkerReply) => this.settle(reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`chart worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.png) waiting.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else waiting.reject(new Error(reply.error ?? "chart worker gave no image"));
  }
}

const worker = new ChartWorker();
const cache = new Map<string, Promise<Buffer>>();

/**
 * A chart as PNG, drawn off the main thread. The data is static, so each chart is drawn once and
 * kept (one entry per chart the data allows, a few dozen); a failed drawing is not kept.
 */
export function renderChart(spec: ChartSpec, atlas: Atlas): Promise<Buffer> {
  const key = chartKey(spec);
  let png = cache.get(key);
  if (!png) {
    png = worker.render(chartOption(spec, atlas), chartSize(spec));
    cache.set(key, png);
    png.catch(() => cache.delete(key));
  }
  return png;
}

/** Stops the chart worker (at shutdown; it never holds the process open while idle). */
export function closeChartWorker(): Promise<void> {
  return worker.close();
}
