/**
 * Facts from data only: every number, date and year an answer states comes from `data/` through a
 * variable, so that a data change cannot leave a sentence contradicting it. This scans the string
 * literals of the code that writes replies, files and charts for figures of the programme, years of
 * its batches and dates. (The recogniser's patterns, which read the user's words, are not replies.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SCANNED = ["src/engine/answers", "src/bot", "src/charts", "src/research"];

/** The programme's figures and their sums, its batch and funding years, and dates of any form. */
const FACT = [
  /(?<![\d.])(290|277|300|193|113|103|97|90|84)(?![\d.])/,
  /(?<!\d)20(1[2-5])(?!\d)/,
  /\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}/,
  /\d\s*(亿|billion)/,
];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/**
 * The text of a file's string and template literals (without `${…}`), with the line each starts on.
 * Comments and regular-expression literals are skipped.
 */
function stringLiterals(source: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let i = 0;
  let line = 1;
  let last = ""; // the last significant character, to tell a regex from a division
  const lineOf = (from: number) => line + (source.slice(from, i).match(/\n/g)?.length ?? 0);
  const readString = (quote: string): string => {
    let text = "";
    i++;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === "\\") {
        text += source[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (quote === "`" && source[i] === "$" && source[i + 1] === "{") {
        // Skip the expression, with its own nested strings and braces.
        let depth = 0;
        i++;
        do {
          const c = source[i];
          if (c === "{") depth++;
          else if (c === "}") depth--;
          else if (c === '"' || c === "'" || c === "`") {
            const at = i;
            const inner = readString(c);
            out.push({ line: lineOf(at), text: inner });
          }
          i++;
        } while (i < source.length && depth > 0);
        text += " ";
        continue;
      }
      text += source[i];
      i++;
    }
    return text;
  };
  while (i < source.length) {
    const c = source[i] ?? "";
    const next = source[i + 1] ?? "";
    if (c === "\n") {
      line++;
      i++;
    } else if (c === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      line += source.slice(i, end).match(/\n/g)?.length ?? 0;
      i = end + 2;
    } else if (c === "/" && /[(,=:[!&|?{};]|^$/.test(last)) {
      // A regular expression: read to its closing slash, outside character classes.
      let inClass = false;
      i++;
      while (i < source.length && (inClass || source[i] !== "/")) {
        if (source[i] === "\\") i++;
        else if (source[i] === "[") inClass = true;
        else if (source[i] === "]") inClass = false;
        i++;
      }
      i++;
      last = "/";
    } else if (c === '"' || c === "'" || c === "`") {
      const start = line;
      const at = i;
      const text = readString(c);
      out.push({ line: start, text });
      line += source.slice(at, i).match(/\n/g)?.length ?? 0;
      i++;
      last = c;
    } else {
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out;
}

describe("stringLiterals (the scanner the check below relies on)", () => {
  it("finds strings and template text, skipping comments, regexes and ${} expressions", () => {
    const found = stringLiterals(
      [
        "// 290 in a comment",
        'const a = "共290个";',
        'const r = /2013|"/g;',
        "const t = `第${n}批，${x ? \"2014\" : 'y'}年`;",
      ].join("\n"),
    );
    expect(found.map((f) => f.text)).toEqual(["共290个", "2014", "y", "第 批， 年"]);
    expect(found[0]?.line).toBe(2);
  });
});

describe.each(SCANNED.flatMap(files))("%s", (file) => {
  it("states no programme figure, batch year, date or amount in a literal (they come from data/)", () => {
    const found = stringLiterals(readFileSync(join(ROOT, file), "utf8"))
      .filter((s) => FACT.some((re) => re.test(s.text)))
      .map((s) => `${relative(ROOT, join(ROOT, file))}:${s.line}: ${s.text.slice(0, 80)}`);
    expect(found).toEqual([]);
  });
});
