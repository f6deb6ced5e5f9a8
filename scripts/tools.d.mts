/** The tools package's folder. */
export const TOOLS_DIR: string;
/** Installs the tools package from its lockfile unless it is installed already. */
export function ensureTools(): void;
/** A `require` that resolves from the tools package, installing it first when needed. */
export function toolsRequire(): NodeJS.Require;
/** Imports a package of the tools package by name, installing it first when needed. */
export function importTool<T = unknown>(name: string): Promise<T>;
