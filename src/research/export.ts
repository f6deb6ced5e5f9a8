import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Dataset } from "../data/load.ts";
import { conventions, PILOT_COLUMNS, PREFECTURE_COLUMNS, sources } from "./dictionary.ts";
import { pilotTable, prefectureTable, type TableName } from "./treatment.ts";

export { TABLES, type TableName } from "./treatment.ts";
/** The formats a table can be written in. */
export const FORMATS = ["csv", "xlsx", "json"] as const;
/** One of {@link FORMATS}. */
export type ExportFormat = (typeof FORMATS)[number];

/** A file ready to save or send: its name, MIME type and bytes. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  content: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

type Cell = string | number | null;
type Row = Record<string, Cell>;
/** A column of either table, as the writers see it. */
type AnyColumn = { key: string; meaning: string };

/** A table's rows and columns, whichever table was asked for. */
function table(data: Dataset, name: TableName): { rows: Row[]; columns: readonly AnyColumn[] } {
  return name === "prefectures"
    ? { rows: prefectureTable(data) as unknown as Row[], columns: PREFECTURE_COLUMNS }
    : { rows: pilotTable(data) as unknown as Row[], columns: PILOT_COLUMNS };
}

/** CSV in UTF-8 with a byte-order mark, so that Excel shows the Chinese; empty cells where not applicable. */
function toCsv(rows: Row[], columns: readonly AnyColumn[]): Buffer {
  const text = stringify(rows, { header: true, bom: true, columns: columns.map((c) => c.key) });
  return Buffer.from(text, "utf8");
}

/** An XLSX workbook: the table, then a "说明 README" sheet with every column, the conventions and the sources. */
async function toXlsx(
  data: Dataset,
  name: TableName,
  rows: Row[],
  columns: readonly AnyColumn[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.key.endsWith("names") ? 60 : 16,
  }));
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const readme = book.addWorksheet("说明 README");
  readme.columns = [
    { header: "column / item", key: "item", width: 24 },
    { header: "说明 / meaning", key: "meaning", width: 110 },
  ];
  for (const c of columns) readme.addRow([c.key, c.meaning]);
  readme.addRow([]);
  for (const line of conventions(data)) readme.addRow(["口径 conventions", line]);
  for (const line of sources(data)) readme.addRow(["来源 sources", line]);
  readme.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * One table in one format, named `smart-city-pilot-<table>.<format>`. The same rows go into every
 * format; XLSX adds the data dictionary as a second sheet.
 */
export async function exportTable(data: Dataset, name: TableName, format: ExportFormat): Promise<ExportFile> {
  const { rows, columns } = table(data, name);
  const filename = `smart-city-pilot-${name}.${format}`;
  const content =
    format === "csv"
      ? toCsv(rows, columns)
      : format === "xlsx"
        ? await toXlsx(data, name, rows, columns)
        : Buffer.from(`${JSON.stringify(rows, null, 1)}\n`, "utf8");
  return { filename, mimeType: MIME[format], content };
}
