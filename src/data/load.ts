import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  type AmbiguousTerm,
  AmbiguousTermSchema,
  type Dialect,
  DialectSchema,
  type Gazetteer,
  GazetteerSchema,
  type NamesFile,
  NamesFileSchema,
  type Pilot,
  PilotSchema,
  type Programme,
  ProgrammeSchema,
  type Region,
  RegionSchema,
  type RelatedFile,
  RelatedFileSchema,
  type SimilarChars,
  SimilarCharsSchema,
} from "./schema.ts";

/** The project's `data/` folder. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");

/**
 * Province-level listing units that are not provinces of the gazetteer: the reference lists
 * 新疆生产建设兵团 apart from 新疆维吾尔自治区 in batch 3, and counts follow that listing.
 */
export const EXTRA_LISTING_UNITS: Readonly<Record<string, string>> = { 新疆生产建设兵团: "新疆维吾尔自治区" };

/** Everything the engine answers from, validated. */
export interface Dataset {
  pilots: Pilot[];
  programme: Programme;
  gazetteer: Gazetteer;
  ambiguous: AmbiguousTerm[];
  /** Other programmes people confuse with this one. */
  related: RelatedFile;
  /** Characters that look alike, for correcting typed names. */
  similarChars: SimilarChars;
  /** Groups of provinces asked about together. */
  regions: Region[];
  /** English exonyms and former names. */
  names: NamesFile;
  /** Written Cantonese read as Mandarin. */
  dialect: Dialect;
}

/** Raised when a data file is missing, not JSON, or breaks its schema; the message names file, record and field. */
export class DataError extends Error {
  override name = "DataError";
}

function readJson(file: string): unknown {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new DataError(`${shown}: cannot read file`, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DataError(`${shown}: not valid JSON (${(cause as Error).message})`, { cause });
  }
}

function describeRecord(data: unknown, path: PropertyKey[]): string {
  if (typeof path[0] !== "number" || !Array.isArray(data)) return "";
  const rec = data[path[0]] as { name?: unknown; term?: unknown } | undefined;
  const label = typeof rec?.name === "string" ? rec.name : typeof rec?.term === "string" ? rec.term : "";
  return ` record #${path[0]}${label ? ` (${label})` : ""}`;
}

/** Parses one file with a schema; on failure lists every problem as `file record field: message`. */
export function parseFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const data = readJson(file);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const shown = relative(process.cwd(), file) || file;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.filter((p) => typeof p !== "number" || issue.path.indexOf(p) > 0).join(".");
    return `${shown}${describeRecord(data, issue.path)} field ${field || "(root)"}: ${issue.message}`;
  });
  throw new DataError(lines.join("\n"));
}

/** Checks what one record's schema cannot: unique ids and names, references that resolve. */
export function checkIntegrity(data: Dataset, file = "data/pilots.json"): void {
  const problems: string[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  const provinces = new Set([
    ...data.gazetteer.provinces.map((p) => p.name),
    ...Object.keys(EXTRA_LISTING_UNITS),
  ]);
  const cities = new Set(data.gazetteer.cities.map((c) => c.name));
  const codes = new Set([
    ...data.gazetteer.provinces.map((p) => p.code),
    ...data.gazetteer.cities.map((c) => c.code),
    ...data.gazetteer.counties.map((c) => c.code),
  ]);
  for (const [i, p] of data.pilots.entries()) {
    const at = `${file} record #${i} (${p.name})`;
    if (ids.has(p.id)) problems.push(`${at} field id: duplicate id ${p.id}`);
    if (names.has(p.name)) problems.push(`${at} field name: duplicate name`);
    ids.add(p.id);
    names.add(p.name);
    if (!provinces.has(p.province)) problems.push(`${at} field province: unknown province ${p.province}`);
    if (p.parent !== null && !cities.has(p.parent))
      problems.push(`${at} field parent: ${p.parent} is not a city`);
    if (p.divisionCode !== null && !codes.has(p.divisionCode))
      problems.push(`${at} field divisionCode: ${p.divisionCode} is not in the gazetteer`);
  }
  const cityNames = new Set(data.gazetteer.cities.map((c) => c.name));
  for (const r of data.regions) {
    for (const m of r.members.filter((m) => !provinces.has(m) && !cityNames.has(m)))
      problems.push(
        `data/regions.json ${r.name} field members: ${m} is not a province-level unit or a prefecture`,
      );
  }
  const divisionNames = new Set([
    ...data.gazetteer.provinces.map((p) => p.name),
    ...data.gazetteer.cities.map((c) => c.name),
    ...data.gazetteer.counties.map((c) => c.name),
  ]);
  const pilotNames = new Set(data.pilots.map((p) => p.name));
  for (const e of data.names.exonyms.filter((e) => !divisionNames.has(e.name) && !pilotNames.has(e.name)))
    problems.push(`data/names.json exonym ${e.english} field name: ${e.name} is not a division or a pilot`);
  for (const n of data.names.nicknames.filter((n) => !divisionNames.has(n.name)))
    problems.push(`data/names.json nickname ${n.nickname} field name: ${n.name} is not a division`);
  const provinceNames = new Set(data.gazetteer.provinces.map((p) => p.name));
  for (const a of data.names.abbreviations.filter((a) => !provinceNames.has(a.name)))
    problems.push(`data/names.json abbreviation ${a.abbreviation} field name: ${a.name} is not a province`);
  for (const r of data.names.renames.filter((r) => !divisionNames.has(r.today)))
    problems.push(`data/names.json rename ${r.old} field today: ${r.today} is not a division`);
  const titles = new Set(data.programme.documents.map((d) => d.title));
  for (const b of data.programme.batches) {
    if (b.notice !== null && !titles.has(b.notice))
      problems.push(`data/programme.json batch ${b.batch} field notice: ${b.notice} is not in documents`);
  }
  for (const [i, p] of data.pilots.entries()) {
    if (p.expands === null) continue;
    const target = data.pilots.find((q) => q.name === p.expands);
    if (target?.scope !== "new" || target.batch >= p.batch)
      problems.push(
        `${file} record #${i} (${p.name}) field expands: ${p.expands} is not an earlier new pilot`,
      );
  }
  if (problems.length > 0) throw new DataError(problems.join("\n"));
}

/**
 * Loads and validates every data file. Throws a {@link DataError} naming file, record and field
 * on the first file that is wrong.
 */
export function loadDataset(dir: string = DATA_DIR): Dataset {
  const data: Dataset = {
    pilots: parseFile(join(dir, "pilots.json"), z.array(PilotSchema)),
    programme: parseFile(join(dir, "programme.json"), ProgrammeSchema),
    gazetteer: parseFile(join(dir, "gazetteer.json"), GazetteerSchema),
    ambiguous: parseFile(join(dir, "ambiguous.json"), z.array(AmbiguousTermSchema)),
    related: parseFile(join(dir, "related.json"), RelatedFileSchema),
    similarChars: parseFile(join(dir, "similar-chars.json"), SimilarCharsSchema),
    regions: parseFile(join(dir, "regions.json"), z.array(RegionSchema)),
    names: parseFile(join(dir, "names.json"), NamesFileSchema),
    dialect: parseFile(join(dir, "dialect.json"), DialectSchema),
  };
  checkIntegrity(data, join(relative(process.cwd(), dir) || ".", "pilots.json"));
  return data;
}
