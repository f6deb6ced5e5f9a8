/** The shipped entry points, by output name. */
export const ENTRY_POINTS: Record<string, string>;
/** Compiles entry points (output name → source) into `dist/`. */
export function buildEntries(entryPoints?: Record<string, string>): Promise<unknown>;
/** Whether every output in `dist/` is newer than every source. */
export function upToDate(entryPoints?: Record<string, string>): boolean;
