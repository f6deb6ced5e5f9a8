import { InlineKeyboard } from "grammy";
import type { Programme } from "../data/schema.ts";
import { bareEnglishName, batchLabel } from "../engine/answers/format.ts";
import type { Atlas, Division } from "../engine/atlas.ts";
import { encodeCallback } from "./callback-data.ts";

/** Provinces per page of the /province keyboard. */
export const PROVINCES_PER_PAGE = 8;

/** Buttons for the engine's suggested next questions; ones whose data would not fit are left out. */
export function suggestionKeyboard(suggestions: string[]): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  let n = 0;
  for (const question of suggestions.slice(0, 4)) {
    const data = encodeCallback({ kind: "ask", question });
    if (!data) continue;
    if (n > 0 && n % 2 === 0) keyboard.row();
    keyboard.text(question, data);
    n++;
  }
  return n > 0 ? keyboard : undefined;
}

/** Province-level units that have pilots, in gazetteer order. */
export function listedProvinces(atlas: Atlas): Division[] {
  return atlas.provinces.filter((d) => atlas.countedIn(d).length > 0);
}

/** One page of the province picker, two per row, with paging buttons, in the reader's language. */
export function provinceKeyboard(atlas: Atlas, page: number, lang: "zh" | "en" = "zh"): InlineKeyboard {
  const provinces = listedProvinces(atlas);
  const pages = Math.ceil(provinces.length / PROVINCES_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const keyboard = new InlineKeyboard();
  provinces.slice(current * PROVINCES_PER_PAGE, (current + 1) * PROVINCES_PER_PAGE).forEach((d, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    const count = atlas.countedIn(d).length;
    keyboard.text(
      lang === "en" ? `${bareEnglishName(d.name)} (${count})` : `${d.name}（${count}）`,
      encodeCallback({ kind: "province", code: d.code }) ?? "",
    );
  });
  keyboard.row();
  if (current > 0)
    keyboard.text(
      lang === "en" ? "‹ Back" : "‹ 上一页",
      encodeCallback({ kind: "provinces", page: current - 1 }) ?? "",
    );
  // Where the reader is ("2/4"); tapping it keeps the page.
  keyboard.text(`${current + 1}/${pages}`, encodeCallback({ kind: "provinces", page: current }) ?? "");
  if (current < pages - 1)
    keyboard.text(
      lang === "en" ? "Next ›" : "下一页 ›",
      encodeCallback({ kind: "provinces", page: current + 1 }) ?? "",
    );
  return keyboard;
}

/** One button per batch, labelled from the data (第一批（2012年度）…, batch 1 (2012)…). */
export function batchKeyboard(programme: Programme, lang: "zh" | "en" = "zh"): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const { batch } of programme.batches) {
    if (batch !== 1 && batch !== 2 && batch !== 3) continue;
    keyboard.text(batchLabel(batch, programme, lang), encodeCallback({ kind: "batch", batch }) ?? "").row();
  }
  return keyboard;
}
