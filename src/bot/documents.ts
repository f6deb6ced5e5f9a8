import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputFile, InputMediaBuilder } from "grammy";
import type { Dataset } from "../data/load.ts";
import type { Logger } from "../logger.ts";
import type { ExportFile } from "../research/export.ts";
import type { TableName } from "../research/treatment.ts";
import type { BotContext } from "./context.ts";

/** How research tables reach the user: documents in Telegram, files on disk in the console. */
export interface DocumentDelivery {
  send(ctx: BotContext, tables: readonly TableName[]): Promise<void>;
}

// exceljs is loaded with the first export, not at start.
const exporter = () => import("../research/export.ts");

/** Every file for the tables asked: XLSX (with its README sheet) and CSV of each, built once per process. */
function fileCache(data: Dataset): (tables: readonly TableName[]) => Promise<ExportFile[]> {
  const built = new Map<string, Promise<ExportFile>>();
  return (tables) =>
    Promise.all(
      tables.flatMap((table) =>
        (["xlsx", "csv"] as const).map((format) => {
          const key = `${table}.${format}`;
          let file = built.get(key);
          if (!file) {
            file = exporter().then((m) => m.exportTable(data, table, format));
            built.set(key, file);
            file.catch(() => built.delete(key)); // a failed build is retried next time
          }
          return file;
        }),
      ),
    );
}

/**
 * Sends the tables as one album of documents (sendMediaGroup). After the first upload Telegram's
 * file_ids are reused; a stale file_id falls back to uploading. A failure is logged and the text
 * answer, already sent, stands.
 */
export function telegramDocuments(data: Dataset, logger: Logger): DocumentDelivery {
  const files = fileCache(data);
  const fileIds = new Map<string, string>();
  return {
    async send(ctx, tables) {
      try {
        const list = await files(tables);
        const album = (cached: boolean) =>
          list.map((f) =>
            InputMediaBuilder.document(
              (cached && fileIds.get(f.filename)) || new InputFile(f.content, f.filename),
            ),
          );
        let messages: Awaited<ReturnType<BotContext["replyWithMediaGroup"]>>;
        try {
          messages = await ctx.replyWithMediaGroup(album(true));
        } catch (error) {
          if (!list.some((f) => fileIds.has(f.filename))) throw error;
          fileIds.clear(); // file_ids of another bot or expired ones: upload again
          messages = await ctx.replyWithMediaGroup(album(false));
        }
        messages.forEach((m, i) => {
          const id = "document" in m ? m.document?.file_id : undefined;
          const name = list[i]?.filename;
          if (id && name) fileIds.set(name, id);
        });
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, "tables not sent");
      }
    },
  };
}

/** Console mode: writes the files to a folder and tells the user where they are. */
export function fileDocuments(data: Dataset, dir: string, logger: Logger): DocumentDelivery {
  const files = fileCache(data);
  return {
    async send(ctx, tables) {
      try {
        mkdirSync(dir, { recursive: true });
        const paths = (await files(tables)).map((f) => {
          const path = join(dir, f.filename);
          writeFileSync(path, f.content);
          return path;
        });
        await ctx.reply(`📎 表格已保存 / tables saved:\n${paths.join("\n")}`);
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, "tables not written");
      }
    },
  };
}
