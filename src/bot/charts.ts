import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputFile } from "grammy";
import type { Atlas } from "../engine/atlas.ts";
import { type ChartSpec, chartKey } from "../engine/chart-spec.ts";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";

/** How a chart reaches the user: a photo in Telegram, a file on disk in the console. */
export interface ChartDelivery {
  send(ctx: BotContext, spec: ChartSpec): Promise<void>;
}

// The renderer pulls in ECharts and resvg: loaded on the first chart, not at start.
const renderer = () => import("../charts/render.ts");
const titles = () => import("../charts/options.ts");

/**
 * Sends charts with sendPhoto. PNGs are rendered once (the data is static), and after the first
 * upload Telegram's file_id is reused. A chart that cannot be rendered or sent is logged and
 * skipped: the text answer, already sent, stands alone.
 */
export function telegramCharts(atlas: Atlas, logger: Logger): ChartDelivery {
  const fileIds = new Map<string, string>();
  const captions = new Map<string, string>();
  return {
    async send(ctx, spec) {
      const key = chartKey(spec);
      try {
        let caption = captions.get(key);
        if (caption === undefined) {
          caption = (await titles()).chartTitle(spec, atlas);
          captions.set(key, caption);
        }
        const cached = fileIds.get(key);
        if (cached) {
          try {
            await ctx.replyWithPhoto(cached, { caption });
            return;
          } catch {
            fileIds.delete(key); // a file_id of another bot or an expired one: upload again
          }
        }
        const png = (await renderer()).renderChart(spec, atlas);
        const message = await ctx.replyWithPhoto(new InputFile(png, `${key}.png`), { caption });
        const fileId = message.photo?.at(-1)?.file_id;
        if (fileId) fileIds.set(key, fileId);
      } catch (error) {
        logger.warn(
          { chart: key, error: error instanceof Error ? error.message : String(error) },
          "chart not sent",
        );
      }
    },
  };
}

/** Console mode: writes the PNG to a folder and tells the user where it is. */
export function fileCharts(atlas: Atlas, dir: string, logger: Logger): ChartDelivery {
  return {
    async send(ctx, spec) {
      try {
        const png = (await renderer()).renderChart(spec, atlas);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${chartKey(spec)}.png`);
        writeFileSync(file, png);
        await ctx.reply(spec.lang === "zh" ? `📊 图表已保存：${file}` : `📊 Chart saved: ${file}`);
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, "chart not written");
      }
    },
  };
}
