import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("npm start without a token", () => {
  it("runs a console chat through the bot's middleware, with numbered buttons", () => {
    const env = { ...process.env, BOT_TOKEN: "" };
    const r = spawnSync(process.execPath, ["dist/bin/main.mjs"], {
      cwd: join(import.meta.dirname, ".."),
      env,
      input: "昆山市是试点吗\n1\n那浙江呢\n/province\n10\n哪个省试点最多\n",
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain("控制台模式");
    expect(out).toContain("@BotFather");
    expect(out).toContain("是的，昆山市是国家智慧城市试点。");
    expect(out).toContain("[1] 江苏有哪些试点");
    expect(out).toContain("江苏省的21个国家智慧城市试点");
    expect(out).toContain("浙江省的14个国家智慧城市试点");
    expect(out).toContain("[9] 1/4");
    expect(out).toContain("[10] 下一页 ›");
    expect(out).toContain("[1] 上海市（1）");
    expect(out).toMatch(/📊 图表已保存：.*provinces-zh\.png/);
    expect(out).not.toMatch(/<b>|&lt;/);
    expect(r.stderr).toBe("");
  });
});
