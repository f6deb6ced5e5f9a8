import { describe, expect, it } from "vitest";
import { harness, texts } from "./helpers/harness.ts";

describe("per-user rate limit", () => {
  it("answers up to the limit, then sends one polite notice and drops the rest", async () => {
    const h = harness({ rateLimit: { limit: 3, windowMs: 60_000 } });
    for (const q of ["昆山", "番禺", "江苏"]) expect(texts(await h.send(q))).toHaveLength(1);
    expect(texts(await h.send("浙江"))).toEqual(["你发得有点快，请稍等一分钟再问。"]);
    expect(await h.send("广东")).toEqual([]);
    const outcomes = h.sink.lines.filter((l) => l.msg === "update").map((l) => l.outcome);
    expect(outcomes).toEqual(["ok", "ok", "ok", "rate-limited", "rate-limited"]);
  });

  it("limits button presses with a callback notice", async () => {
    const h = harness({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await h.press("q:昆山");
    const [notice] = await h.press("q:番禺");
    expect(notice?.method).toBe("answerCallbackQuery");
    expect(String(notice?.payload.text)).toContain("频繁");
  });
});
