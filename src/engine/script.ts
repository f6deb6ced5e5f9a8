/**
 * Replies in Traditional characters for questions asked in them: the Simplified reply converted by
 * OpenCC (Taiwan standard characters, no phrase substitution, so that programme names such as
 * 信息惠民 stay as they are officially called). One source of wording, two scripts.
 */
import * as OpenCC from "opencc-js/cn2t";

/** Which Traditional standard: Taiwan's (臺灣, 裡) or Hong Kong's (台灣, 裏). */
export type TraditionalVariant = "tw" | "hk";

const converters = new Map<TraditionalVariant, (text: string) => string>();

/** `text` in Traditional characters; the converter is built on first use. */
export function toTraditional(text: string, variant: TraditionalVariant = "tw"): string {
  const convert = converters.get(variant) ?? OpenCC.Converter({ from: "cn", to: variant });
  converters.set(variant, convert);
  return convert(text);
}
