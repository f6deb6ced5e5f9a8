import { z } from "zod";

/** Administrative level of a pilot area, as people would describe it. */
export const LevelSchema = z.enum(["地级市", "县级市", "区", "县", "镇", "街道", "功能区"]);

/** One listed pilot area: a new pilot of a batch, or an area added to an earlier pilot ("扩大范围"). */
export const PilotSchema = z
  .object({
    /** Stable ASCII id (pinyin of the name). */
    id: z.string().regex(/^[a-z0-9]+$/, "lowercase ASCII letters and digits only"),
    /** Official name as listed (canonical). */
    name: z.string().min(2),
    /** Province-level unit the pilot is listed under (新疆生产建设兵团 is listed apart). */
    province: z.string().min(2),
    /** 1 = 2012年度, 2 = 2013年度, 3 = 2014年度. */
    batch: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** `expansion` = 扩大范围: an area added to an earlier pilot. */
    scope: z.enum(["new", "expansion"]),
    /** For expansions, the name of the earlier pilot this area extends. */
    expands: z.string().nullable(),
    /** Today's prefecture-level unit the area lies in; null for prefecture cities and province-level districts. */
    parent: z.string().nullable(),
    level: LevelSchema,
    /** Code of the smallest division in `data/gazetteer.json` that contains the area (2, 4 or 6 digits). */
    divisionCode: z
      .string()
      .regex(/^\d{2}(\d{2}(\d{2})?)?$/, "2, 4 or 6 digits")
      .nullable(),
    /** Places named inside the listing's 含… parenthesis. */
    includes: z.array(z.string().min(2)),
    /** For a pilot city abolished since (莱芜市), today's districts that make up its area. */
    covers: z.array(z.string().min(2)).optional(),
    /** Other names people use: short forms, the seed's spellings, today's names after renames. */
    aliases: z.array(z.string().min(2)),
    /** Why the listing differs from the seed article, or what the place is called today. */
    note: z.string().min(4).nullable(),
  })
  .strict()
  .refine((p) => (p.scope === "expansion") === (p.expands !== null), {
    message: "expands is required for expansions and must be null otherwise",
    path: ["expands"],
  });

/** A pilot record; the type is inferred from its schema. */
export type Pilot = z.infer<typeof PilotSchema>;
/** Administrative level of a pilot. */
export type Level = z.infer<typeof LevelSchema>;

/** One batch of the programme. */
export const BatchSchema = z
  .object({
    batch: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    label: z.string(),
    aliases: z.array(z.string()),
    year: z.number().int(),
    announced: z.iso.date(),
    count: z.number().int().positive(),
    expansions: z.number().int().nonnegative(),
    composition: z.record(z.string(), z.number().int()).nullable(),
    summary: z.string(),
    /** Title of the notice that published the batch (one of `documents`), where known. */
    notice: z.string().nullable(),
    /** 专项试点 projects listed with the batch: projects, not places, and not counted. */
    specialProjects: z.number().int().nonnegative(),
    /** Where sources disagree on the batch's expansion areas (2013: 10 named, officially 9). */
    expansionsNote: z.string().min(4).optional(),
    /** The same in English. */
    expansionsNoteEn: z.string().min(4).optional(),
  })
  .strict();
/** One batch's facts. */
export type Batch = z.infer<typeof BatchSchema>;

const DocumentSchema = z
  .object({
    title: z.string(),
    issuer: z.string(),
    date: z.iso.date().nullable(),
    number: z.string().nullable(),
    /** False when the number is only commonly cited: answers then say so and never state it as fact. */
    numberConfirmed: z.boolean(),
    about: z.string(),
    /** What the document does, in English (English replies give it after the date). */
    aboutEn: z.string().min(4),
  })
  .strict();

/** Facts about the programme as a whole (`data/programme.json`). */
export const ProgrammeSchema = z
  .object({
    name: z.string(),
    englishName: z.string(),
    ministries: z.array(z.object({ name: z.string(), short: z.string(), role: z.string() }).strict()).min(1),
    batches: z.array(BatchSchema).length(3),
    total: z.number().int().positive(),
    timeline: z.array(z.object({ date: z.iso.date(), event: z.string() }).strict()).min(1),
    documents: z.array(DocumentSchema).min(1),
    process: z
      .object({
        steps: z.array(z.string()).min(2),
        creationPeriodYears: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
        evaluation: z.string(),
      })
      .strict(),
    tiers: z.array(z.object({ name: z.string(), rank: z.number().int() }).strict()).min(1),
    funding: z
      .object({
        source: z.string(),
        amount: z.string(),
        /** The same amount as a number, for answers in other languages. */
        amountYuan: z.number().int().positive(),
        /** The years the financing covers (the 12th Five-Year Plan's last three). */
        years: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
        period: z.string(),
        text: z.string(),
      })
      .strict(),
    background: z.array(z.string()).min(1),
    purpose: z
      .object({ government: z.string(), enterprises: z.string(), citizens: z.string(), approach: z.string() })
      .strict(),
    outlook: z
      .object({
        text: z.string(),
        evaluation: z.string(),
        evaluationEn: z.string(),
        criticisms: z.array(z.string()),
      })
      .strict(),
    seedCorrections: z.array(z.object({ term: z.string(), text: z.string() }).strict()),
    /** Provinces whose own published count differs from the one-entry-one-pilot count, and why. */
    countingNotes: z.array(
      z.object({ province: z.string(), figure: z.number().int().nullable(), note: z.string() }).strict(),
    ),
  })
  .strict();
/** The programme's facts. */
export type Programme = z.infer<typeof ProgrammeSchema>;

const DivisionSchema = z.object({ code: z.string(), name: z.string() }).strict();
/** Today's administrative divisions (`data/gazetteer.json`), generated by `npm run data:gazetteer`. */
export const GazetteerSchema = z
  .object({
    source: z.string(),
    provinces: z.array(DivisionSchema.extend({ code: z.string().regex(/^\d{2}$/) })),
    cities: z.array(DivisionSchema.extend({ code: z.string().regex(/^\d{4}$/) })),
    counties: z.array(
      DivisionSchema.extend({
        code: z.string().regex(/^\d{6}$/),
        city: z
          .string()
          .regex(/^\d{4}$/)
          .nullable(),
      }),
    ),
  })
  .strict();
/** The gazetteer's shape. */
export type Gazetteer = z.infer<typeof GazetteerSchema>;

/** A term that names two places on purpose (吉林省/吉林市), with the reading used by default. */
export const AmbiguousTermSchema = z
  .object({ term: z.string(), readings: z.array(z.string()).min(2), default: z.string(), rule: z.string() })
  .strict()
  .refine((a) => a.readings.includes(a.default), {
    message: "default must be one of readings",
    path: ["default"],
  });
/** A declared ambiguous term. */
export type AmbiguousTerm = z.infer<typeof AmbiguousTermSchema>;

/** A programme people confuse with this one (`data/related.json`), named so the bot can say which it is. */
export const RelatedProgrammeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(2),
    englishName: z.string().min(2),
    /** Who runs it, where known for certain. */
    organiser: z.string().nullable(),
    when: z.string().nullable(),
    document: z.string().nullable(),
    /** Words that name the programme in a question (lower case for Latin). */
    terms: z.array(z.string().min(2)).min(1),
    /** A complete member list, only where the reference gives one. */
    members: z
      .object({
        label: z.string(),
        names: z.array(z.string().min(2)).min(1),
        source: z.string(),
        /** Whether the list rests on one source only (say so when quoting it). */
        singleSource: z.boolean(),
      })
      .strict()
      .nullable(),
    /** Single members known from a source although the full list is not held. */
    knownMembers: z.array(
      z.object({ name: z.string(), year: z.number().int(), source: z.string() }).strict(),
    ),
    note: z.string().optional(),
  })
  .strict();
/** Another programme. */
export type RelatedProgramme = z.infer<typeof RelatedProgrammeSchema>;

/** `data/related.json`: the programme this bot covers, and the others people mistake for it. */
export const RelatedFileSchema = z
  .object({ coveredProgramme: z.string(), programmes: z.array(RelatedProgrammeSchema).min(1) })
  .strict();
/** The related-programmes file. */
export type RelatedFile = z.infer<typeof RelatedFileSchema>;

/** `data/similar-chars.json`: characters that look alike (形近字), generated by `npm run data:similar`. */
export const SimilarCharsSchema = z
  .object({
    source: z.string(),
    about: z.string(),
    /** A typed character → the place-name characters it looks like, most similar first. */
    similar: z.record(z.string().length(1), z.string().min(1)),
  })
  .strict();
/** The similar-characters table. */
export type SimilarChars = z.infer<typeof SimilarCharsSchema>;

/** A named group of province-level units people ask about together (东北三省, 长三角), `data/regions.json`. */
export const RegionSchema = z
  .object({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)),
    /** Stems that name the region before a word for provinces, counted or not: 西部 in 西部十二个省区市, 西部各省. */
    stems: z.array(z.string().min(2)).optional(),
    members: z.array(z.string()).min(2),
  })
  .strict();
/** A region. */
export type Region = z.infer<typeof RegionSchema>;

/** `data/names.json`: English names that are not pinyin, and names used before a rename or merger. */
export const NamesFileSchema = z
  .object({
    /** English exonyms and romanisations (Hohhot, Kashgar); `archaic` ones are understood but not written. */
    exonyms: z.array(
      z.object({ english: z.string().min(2), name: z.string().min(2), archaic: z.boolean() }).strict(),
    ),
    /** Names of before: the old name, today's, the year and what happened, said beside answers that use the old name. */
    renames: z.array(
      z
        .object({
          old: z.string().min(2),
          today: z.string().min(2),
          year: z.number().int().min(1949),
          change: z.enum(["renamed", "abolished"]),
          note: z.string().min(4),
        })
        .strict(),
    ),
    /** Nicknames people use for a city or province (帝都 北京市, 魔都 上海市, 羊城 广州市); only ones that name no division. */
    nicknames: z.array(z.object({ nickname: z.string().min(2), name: z.string().min(2) }).strict()),
    /** One-character short names of provinces (鲁 山东省, 粤 广东省), understood only in runs of two or more: 鲁苏浙三省. */
    abbreviations: z.array(
      z.object({ abbreviation: z.string().length(1), name: z.string().min(2) }).strict(),
    ),
    /** Zones that are not divisions of the gazetteer (雄安新区), with the counties they span. */
    zones: z.array(
      z
        .object({
          name: z.string().min(2),
          english: z.string().min(2),
          aliases: z.array(z.string().min(2)),
          province: z.string(),
          /** The year it was set up, where it matters (a zone set up after the last batch); towns have none. */
          established: z.number().int().optional(),
          counties: z.array(z.string().min(2)),
        })
        .strict(),
    ),
  })
  .strict();
/** The names file. */
export type NamesFile = z.infer<typeof NamesFileSchema>;

/** `data/dialect.json`: written Cantonese words read as their Mandarin equivalents (係咩 → 是什么). */
export const DialectSchema = z
  .object({ about: z.string(), replacements: z.array(z.tuple([z.string().min(1), z.string()])) })
  .strict();
/** The dialect table. */
export type Dialect = z.infer<typeof DialectSchema>;
