import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/bot/bot.ts";
import { OFFLINE_BOT_INFO, UpdateFactory } from "../src/bot/offline.ts";
import { FakeBotApi } from "./helpers/fake-bot-api.ts";
import { engine, memoryLogger } from "./helpers/harness.ts";

/** /export end to end: the bot's real middleware, grammY's real multipart upload, a Bot API on loopback. */
describe("research tables in the bot", () => {
  const api = new FakeBotApi();
  const { logger, sink } = memoryLogger("debug");
  const updates = new UpdateFactory();
  let bot: ReturnType<typeof createBot>["bot"];

  beforeAll(async () => {
    await api.start();
    ({ bot } = createBot({
      token: "123:export",
      engine,
      logger,
      apiRoot: api.url,
      botInfo: OFFLINE_BOT_INFO,
      network: false,
      charts: false,
    }));
  });
  afterAll(() => api.stop());

  const groups = () => api.calls.map((c, i) => ({ ...c, i })).filter((c) => c.method === "sendMediaGroup");

  it("answers /export with the conventions, then one album of four documents with the right names and types", async () => {
    await bot.handleUpdate(updates.text("/export"));
    const text = api.sentTexts().at(-1) ?? "";
    expect(text).toContain("整市规则");
    expect(text).toMatch(/第一批37个/);
    const [group] = groups();
    expect(group).toBeDefined();
    const files = api.uploads.get(group?.i ?? -1) ?? [];
    expect(files.map((f) => f.filename).sort()).toEqual([
      "smart-city-pilot-pilots.csv",
      "smart-city-pilot-pilots.xlsx",
      "smart-city-pilot-prefectures.csv",
      "smart-city-pilot-prefectures.xlsx",
    ]);
    const media = group?.payload.media as { type: string; media: string }[];
    expect(media.every((m) => m.type === "document" && m.media.startsWith("attach://"))).toBe(true);
    const csv = files.find((f) => f.filename === "smart-city-pilot-prefectures.csv");
    expect([...(csv?.content.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = files.find((f) => f.filename === "smart-city-pilot-pilots.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx?.content as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["pilots", "说明 README"]);
    expect(book.worksheets[0]?.rowCount).toBe(301);
  });

  it("sends the tables again by file_id, without uploading them", async () => {
    const before = groups().length;
    await bot.handleUpdate(updates.text("给我一份试点名单Excel"));
    const again = groups().slice(before);
    expect(again).toHaveLength(1);
    const media = again[0]?.payload.media as { media: string }[];
    expect(media.map((m) => m.media)).toEqual(["doc-1", "doc-2", "doc-3", "doc-4"]);
    expect(api.uploads.has(again[0]?.i ?? -1)).toBe(false);
  });

  it("adds a coding note, and no files, when a researcher asks about one place", async () => {
    const before = groups().length;
    await bot.handleUpdate(updates.text("做DID，杭州应该算处理组吗"));
    const text = api.sentTexts().at(-1) ?? "";
    expect(text).toContain("整市规则下不算处理组");
    expect(text).toMatch(/任一试点规则下从第一批（2012年度）/);
    expect(groups()).toHaveLength(before);
  });

  it("uploads again when a cached file_id is refused, and logs nothing worse", async () => {
    api.fail("sendMediaGroup", 400, {
      ok: false,
      error_code: 400,
      description: "Bad Request: wrong file identifier",
    });
    const before = groups().length;
    await bot.handleUpdate(updates.text("/export"));
    const [retry] = groups().slice(before);
    expect(api.uploads.get(retry?.i ?? -1)).toHaveLength(4);
    expect(sink.lines.some((l) => l.msg === "tables not sent")).toBe(false);
  });
});
