import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const ask = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["dist/cli/ask.mjs", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });

describe("ask CLI contract", () => {
  it("prints the reply text", () => {
    const r = ask(["昆山市是试点吗"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^是的，昆山市是国家智慧城市试点。/);
  });

  it("prints one JSON object with --json", () => {
    const r = ask(["--json", "江苏有多少个试点"]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      question: "江苏有多少个试点",
      intent: "area.count",
      count: 21,
      area: "江苏省",
    });
    expect(typeof out.answer).toBe("string");
    expect(out.pilots).toHaveLength(24);
    expect(out.pilots[0]).toEqual({ name: "无锡市", province: "江苏省", batch: 1, scope: "new" });
  });

  it("answers every stdin line in order with --jsonl, garbage and empty lines included, without context", () => {
    const lines = ["昆山", "", "\u0001\u0002", "那浙江呢", "第二批有多少个", "\uFFFF".repeat(3)];
    const r = ask(["--jsonl"], `${lines.join("\n")}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.question)).toEqual(lines);
    expect(out[0]).toMatchObject({ intent: "pilot.status", isPilot: true, place: "昆山市" });
    expect(out[1].intent).toBe("unknown");
    expect(out[3]).toMatchObject({ intent: "area.count", area: "浙江省" });
    expect(out[4]).toMatchObject({ intent: "batch.info", count: 103 });
  });

  it("explains its usage and exits 2 without a question", () => {
    const r = ask([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage");
  });
});
