/**
 * Compiles the bot and the CLIs to plain JavaScript in `dist/` (packages stay external), so that
 * `npm start` and `npm run ask` run on bare Node: no TypeScript loader in the process, half the
 * start-up time and about 40 MB less memory. Runs before `npm start`, `npm run ask` and
 * `npm run chart`; takes a fraction of a second.
 *
 * Each output sits two folders below the project root, like its source, so paths such as
 * `data/` and `intents/` resolve the same from `src/` and from `dist/`.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The shipped entry points, by output name. */
export const ENTRY_POINTS = {
  "bin/main": "src/main.ts",
  "cli/ask": "src/cli/ask.ts",
  "cli/chart": "src/cli/chart.ts",
  "cli/export": "src/cli/export.ts",
};

/** Compiles entry points (output name → source) into `dist/`. */
export function buildEntries(entryPoints = ENTRY_POINTS) {
  return build({
    entryPoints,
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildEntries();
