/**
 * `npm run --silent export -- --table prefectures|pilots --format csv|xlsx|json [--out FILE]`:
 * writes a research table (see `src/research/`). CSV and JSON go to stdout when no `--out` is given;
 * XLSX is binary and needs `--out`.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadDataset } from "../data/load.ts";
import { type ExportFormat, exportTable, FORMATS, TABLES, type TableName } from "../research/export.ts";

const USAGE = `usage: npm run --silent export -- --table ${TABLES.join("|")} --format ${FORMATS.join("|")} [--out FILE]`;

/** Runs the command with its arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let values: { table?: string; format?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { table: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const table = values.table ?? "prefectures";
  const format = values.format ?? "csv";
  if (!TABLES.includes(table as TableName) || !FORMATS.includes(format as ExportFormat)) {
    console.error(`unknown table or format: ${table} ${format}\n${USAGE}`);
    return 2;
  }
  if (format === "xlsx" && !values.out) {
    console.error(`XLSX is a binary file: give --out FILE.xlsx\n${USAGE}`);
    return 2;
  }
  const file = await exportTable(loadDataset(), table as TableName, format as ExportFormat);
  if (values.out) {
    writeFileSync(values.out, file.content);
    console.error(`wrote ${values.out} (${file.content.length} bytes)`);
  } else {
    process.stdout.write(file.content);
  }
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
process.exitCode = await main(process.argv.slice(2));
