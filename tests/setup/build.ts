import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Builds `dist/` once before the suite, so the tests that start processes run what `npm start` runs. */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: join(import.meta.dirname, "..", "..") });
}
