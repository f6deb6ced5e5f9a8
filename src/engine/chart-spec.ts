/**
 * Which picture fits an answer. The engine only names it (it stays pure); the bot, the console and
 * the chart CLI draw it with `src/charts/`.
 */
export type ChartSpec =
  | { kind: "provinces"; lang: "zh" | "en" }
  | { kind: "batches"; lang: "zh" | "en" }
  | { kind: "province"; province: string; lang: "zh" | "en" };

/** A stable key for caching a chart's PNG and its Telegram file_id. */
export function chartKey(spec: ChartSpec): string {
  return spec.kind === "province" ? `province-${spec.province}-${spec.lang}` : `${spec.kind}-${spec.lang}`;
}
