import type { ComposeContext, Reply } from "./answers/format.ts";
import type { IntentId } from "./intents.ts";

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

/**
 * The picture that fits: the province ranking, the batches for the overview, a province's list.
 * A ranking within one batch gets none: the provinces chart stacks all three and would not match it.
 */
export function chartFor(
  intent: IntentId,
  reply: Reply,
  cx: ComposeContext,
  batch: number | null = null,
): ChartSpec | undefined {
  if (intent === "area.ranking")
    return batch === null && !reply.narrowed ? { kind: "provinces", lang: cx.lang } : undefined;
  if (intent === "programme.total") return { kind: "batches", lang: cx.lang };
  const province = cx.atlas.provinces.find((d) => d.name === reply.area);
  if (intent === "area.list" && province && (reply.count ?? 0) > 0) {
    return { kind: "province", province: province.name, lang: cx.lang };
  }
  return undefined;
}
