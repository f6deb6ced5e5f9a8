import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { ExampleIndex, exampleTokens } from "../src/engine/examples.ts";

const engine = new Engine();
const none = { place: false, places2: false, batch: false };

describe("exampleTokens", () => {
  it("takes Chinese unigrams and bigrams inside runs, Latin words without plural s, and slot markers", () => {
    expect(exampleTokens("星级  评的", { ...none, place: true })).toEqual([
      "星",
      "级",
      "星级",
      "评",
      "的",
      "评的",
      "⟨place⟩",
    ]);
    expect(exampleTokens("how are pilots rated", none)).toEqual(["how", "are", "pilot", "rated"]);
  });
});

describe("ExampleIndex", () => {
  const index = new ExampleIndex([
    { intent: "programme.tiers", text: "星级怎么评", tokens: exampleTokens("星级怎么评", none) },
    { intent: "programme.tiers", text: "评几星", tokens: exampleTokens("评几星", none) },
    { intent: "programme.funding", text: "钱从哪来", tokens: exampleTokens("钱从哪来", none) },
  ]);

  it("votes for the intent of the nearest examples, with its share and coverage", () => {
    const vote = index.vote(exampleTokens("星级咋评的", none), () => true);
    expect(vote?.intent).toBe("programme.tiers");
    expect(vote?.share).toBe(1);
    expect(vote?.coverage).toBeGreaterThan(0.4);
    expect(vote?.neighbours[0]).toBe("星级怎么评");
  });

  it("respects the intents the slots admit, and finds nothing for unrelated words", () => {
    expect(index.vote(exampleTokens("星级咋评的", none), (id) => id !== "programme.tiers")).toBeUndefined();
    expect(index.vote(exampleTokens("天气", none), () => true)).toBeUndefined();
  });
});

describe("the example layer in the engine", () => {
  it.each([
    ["你会啥", "help"],
    ["批次之间隔多久", "programme.timeline"],
    ["入选了得干嘛", "programme.process"],
    ["最后结果如何", "programme.outlook"],
  ])("%s → %s, decided by the examples", (q, intent) => {
    const a = engine.answer(q);
    expect(a.intent).toBe(intent);
    expect(a.decidedBy).toBe("examples");
    expect(a.trace.some((t) => t.startsWith("examples: "))).toBe(true);
  });

  it("overrules rules that rest on one short cue when the examples clearly disagree", () => {
    const a = engine.answer("对城市发展有什么帮助"); // 帮助 is a help cue
    expect(a.intent).toBe("programme.purpose");
    expect(a.decidedBy).toBe("examples");
  });

  it("leaves clear rules alone and says so", () => {
    const a = engine.answer("昆山市是试点吗");
    expect(a.decidedBy).toBe("rules");
    expect(a.trace).toContain("decided by: rules");
  });

  it("does not vote on particles alone (吉林吗 stays a count)", () => {
    expect(engine.answer("吉林吗")).toMatchObject({ intent: "area.count", decidedBy: "fallback" });
  });

  it("finds the topic of a phrase quoted from the programme's own texts", () => {
    expect(engine.answer("啥叫让城市不得病少得病快治病").intent).toBe("programme.purpose");
  });
});
