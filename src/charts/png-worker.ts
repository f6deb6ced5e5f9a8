/**
 * The chart worker thread: turns ECharts options into PNGs off the main thread, so that rendering
 * (about 350 ms for the first chart, tens of ms after) and loading the native rasteriser never
 * hold up other chats' answers. Started by `ChartWorker` in `render.ts`.
 */
import { parentPort } from "node:worker_threads";
import { type RenderRequest, renderOptionToPng } from "./rasterise.ts";

parentPort?.on("message", (request: RenderRequest) => {
  try {
    const png = renderOptionToPng(request.option, request.size);
    parentPort?.postMessage({ id: request.id, png });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
