import type { Atlas } from "./atlas.ts";
import type { IntentId } from "./intents.ts";
import type { Place } from "./lexicon.ts";
import type { BatchNumber, Mention } from "./recognise.ts";

/** A place kept between messages, small and serialisable (it lives in a chat session). */
export type PlaceRef = { kind: "pilot"; name: string } | { kind: "division"; code: string };

/**
 * What a chat remembers between questions so that "那浙江呢", "第二批呢" and "它是哪一批" work.
 * Plain JSON, so any session storage can hold it.
 */
export interface Context {
  intent?: IntentId;
  place?: PlaceRef;
  batch?: BatchNumber;
  /**
   * The batch was asked together with the place ("江苏第三批有哪些"), so a follow-up about another
   * place ("浙江呢") asks the same of that batch; a batch added by a follow-up alone ("第三批呢")
   * belongs to its place, and a new place starts without it.
   */
  batchWithPlace?: boolean;
}

/** Words that point back to the place of the previous question. */
export const PRONOUN = /它|这个地方|这地方|这里|那里|那儿|该地|该市|该区|该县|此地|这座城市|这个城市|\bit\b/;
/** Words that mark a follow-up ("那…呢", "what about…"). */
export const FOLLOW_UP = /呢|^那|^那么|^还有|^再|what about|how about|^and\b/;

/** Turns a recognised place into a reference to keep. */
export function toRef(p: Place): PlaceRef {
  return p.kind === "pilot"
    ? { kind: "pilot", name: p.pilot.name }
    : { kind: "division", code: p.division.code };
}

/** Resolves a kept reference back to a mention-like place, or undefined if the data no longer has it. */
export function fromRef(ref: PlaceRef | undefined, atlas: Atlas): Mention | undefined {
  if (!ref) return undefined;
  if (ref.kind === "pilot") {
    const pilot = atlas.pilotByName.get(ref.name);
    return pilot
      ? { place: { kind: "pilot", pilot }, term: pilot.name, start: -1, end: -1, via: "name" }
      : undefined;
  }
  const division = atlas.divisions.get(ref.code);
  return division
    ? { place: { kind: "division", division }, term: division.name, start: -1, end: -1, via: "name" }
    : undefined;
}
