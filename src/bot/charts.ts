import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputFile, InputMediaBuilder } from "grammy";
import type { Atlas } from "../engine/atlas.ts";
import { type ChartSpec, chartKey } from "../engine/chart-spec.ts";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";

/** How a chart reaches the user: a photo in Telegram, a file on disk in the console. */
export interface ChartDelivery {
  send(ctx: BotContext, spec: ChartSpec): Promise<void>;
  /** Several charts as one album (one message group), in order. */
  sendAlbum(ctx: BotContext, specs: ChartSpec[]): Promise<void>;
}

// The renderer pulls in ECharts and resvg: loaded on the first chart, not at start.
const renderer = () => import("../charts/render.ts");
const titles = () => import("../charts/options.ts");

/**
 * Sends charts with sendPhoto, or sendMediaGroup for an album. PNGs are rendered once (the data is
 * static), and after the first upload Telegram's file_id is reused. Both caches hold one entry per
 * chart the data allows (a few dozen), so they are bounded by the data. A chart that cannot be
 * rendered or sent is logged and skipped: the text answer, already sent, stands alone.
 */
export function telegramCharts(atlas: Atlas, logger: Logger): ChartDelivery {
  const fileIds = new Map<string, string>();
  const captions = new Map<string, string>();
  const captionOf = async (spec: ChartSpec) => {
    const key = chartKey(spec);
    let caption = captions.get(key);
    if (caption === undefined) {
      caption = (await titles()).chartTitle(spec, atlas);
      captions.set(key, caption);
    }
    return caption;
  };
  const upload = async (spec: ChartSpec) =>
    new InputFile(await (await renderer()).renderChart(spec, atlas), `${chartKey(spec)}.png`);
  const failed = (specs: ChartSpec[], error: unknown) =>
    logger.warn(
      { chart: specs.map(chartKey).join(","), error: error instanceof Error ? error.message : String(error) },
      "chart not sent",
    );
  const groupPace = new GroupChartPace();
  return {
    async send(ctx, spec) {
      const key = chartKey(spec);
      if (!groupPace.allows(ctx, key)) {
        ctx.updateLog.outcome = "chart-skipped";
        return;
      }
      try {
        const caption = await captionOf(spec);
        const cached = fileIds.get(key);
        if (cached) {
          try {
            await ctx.replyWithPhoto(cached, { caption });
            return;
          } catch {
            fileIds.delete(key); // a file_id of another bot or an expired one: upload again
          }
        }
        const message = await ctx.replyWithPhoto(await upload(spec), { caption });
        const fileId = message.photo?.at(-1)?.file_id;
        if (fileId) fileIds.set(key, fileId);
      } catch (error) {
        failed([spec], error);
      }
    },
    async sendAlbum(ctx, specs) {
      // Telegram's albums hold 2–10 items.
      if (specs.length >= 2 && !groupPace.allows(ctx, specs.map(chartKey).join("+"))) {
        ctx.updateLog.outcome = "chart-skipped";
        return;
      }
      if (specs.length < 2) {
        for (const spec of specs) await this.send(ctx, spec);
        return;
      }
      const album = async (reuse: boolean) =>
        Promise.all(
          specs.map(async (spec) => {
            const cached = reuse ? fileIds.get(chartKey(spec)) : undefined;
            return InputMediaBuilder.photo(cached ?? (await upload(spec)), {
              caption: await captionOf(spec),
            });
          }),
        );
      try {
        let messages: Awaited<ReturnType<BotContext["replyWithMediaGroup"]>>;
        try {
          messages = await ctx.replyWithMediaGroup(await album(true));
        } catch (error) {
          if (!specs.some((spec) => fileIds.has(chartKey(spec)))) throw error;
          for (const spec of specs) fileIds.delete(chartKey(spec));
          messages = await ctx.replyWithMediaGroup(await album(false));
        }
        for (const [i, message] of messages.entries()) {
          const fileId = "photo" in message ? message.photo?.at(-1)?.file_id : undefined;
          const spec = specs[i];
          if (fileId && spec) fileIds.set(chartKey(spec), fileId);
        }
      } catch (error) {
        failed(specs, error);
      }
    },
  };
}

/** In a group, a chart already shown there within this long is not sent again. */
const SAME_CHART_MS = 10 * 60_000;
/** In a group, at most one chart per this long: photos count heavily against a group's send rate. */
const ANY_CHART_MS = 60_000;
/** Groups remembered at most; past it the oldest are forgotten (at worst, one chart more). */
const GROUPS_KEPT = 10_000;

/**
 * Keeps a busy group's answers flowing: Telegram allows a group about 20 messages a minute, and a
 * photo queued there holds back every text behind it. So a group gets at most one chart a minute,
 * and none it was shown in the last ten minutes; the text answer always goes out. Private chats
 * are not limited.
 */
export class GroupChartPace {
  private readonly sent = new Map<number, { at: number; keys: Map<string, number> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether `key` may be sent to this chat now; records it when so. */
  allows(ctx: BotContext, key: string): boolean {
    const chat = ctx.chat;
    if (!chat || (chat.type !== "group" && chat.type !== "supergroup")) return true;
    const now = this.now();
    const group = this.sent.get(chat.id);
    if (group && (now - group.at < ANY_CHART_MS || now - (group.keys.get(key) ?? -Infinity) < SAME_CHART_MS))
      return false;
    const keys = group?.keys ?? new Map<string, number>();
    keys.set(key, now);
    this.sent.delete(chat.id);
    this.sent.set(chat.id, { at: now, keys });
    if (this.sent.size > GROUPS_KEPT) {
      const oldest = this.sent.keys().next().value;
      if (oldest !== undefined) this.sent.delete(oldest);
    }
    return true;
  }
}

/** Console mode: writes the PNG to a folder and tells the user where it is. */
export function fileCharts(atlas: Atlas, dir: string, logger: Logger): ChartDelivery {
  return {
    async send(ctx, spec) {
      try {
        const png = await (await renderer()).renderChart(spec, atlas);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${chartKey(spec)}.png`);
        writeFileSync(file, png);
        await ctx.reply(spec.lang === "zh" ? `📊 图表已保存：${file}` : `📊 Chart saved: ${file}`);
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, "chart not written");
      }
    },
    async sendAlbum(ctx, specs) {
      for (const spec of specs) await this.send(ctx, spec);
    },
  };
}
