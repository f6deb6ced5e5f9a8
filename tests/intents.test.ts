import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../src/data/load.ts";
import { Engine } from "../src/engine/engine.ts";
import { INTENT_IDS, INTENTS_DIR, loadIntents, scoreIntents } from "../src/engine/intents.ts";

const intents = loadIntents();
const engine = new Engine(undefined, intents);

describe("intent files", () => {
  it("define every intent exactly once with at least 10 examples", () => {
    expect(intents.map((i) => i.id).sort()).toEqual([...INTENT_IDS].sort());
    for (const i of intents) expect(i.examples.length, i.id).toBeGreaterThanOrEqual(10);
  });

  for (const intent of intents) {
    describe(intent.id, () => {
      it.each(intent.examples)("example %j is recognised", (q) => {
        expect(
          engine.answer(q, { intent: "pilot.status", place: { kind: "pilot", name: "昆山市" } }).intent,
        ).toBe(intent.id);
      });
      it.each(intent.negatives)("negative %j is not", (q) => {
        expect(engine.answer(q).intent).not.toBe(intent.id);
      });
    });
  }
});

describe("scoring", () => {
  it("is deterministic and breaks ties by priority, then id", () => {
    const slots = { place: true, places2: false, batch: false };
    const a = scoreIntents("有多少 哪些", slots, intents);
    const b = scoreIntents("有多少 哪些", slots, [...intents].reverse());
    expect(a).toEqual(b);
  });

  it("rejects an intent file with an example under two intents", () => {
    const dir = mkdtempSync(join(tmpdir(), "intents-"));
    for (const id of INTENT_IDS) {
      writeFileSync(join(dir, `${id}.yaml`), readFileSync(join(INTENTS_DIR, `${id}.yaml`)));
    }
    const help = readFileSync(join(INTENTS_DIR, "help.yaml"), "utf8").replace(
      "  - 你好\n",
      "  - 昆山市是试点吗\n",
    );
    writeFileSync(join(dir, "help.yaml"), help);
    expect(() => loadIntents(dir)).toThrow(DataError);
    expect(() => loadIntents(dir)).toThrow(
      /昆山市是试点吗.*pilot\.status.*help|昆山市是试点吗.*help.*pilot\.status/,
    );
  });

  it("names the file and field of a bad intent", () => {
    const dir = mkdtempSync(join(tmpdir(), "intents-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "id: pilot.status\ndescription: too short\nexamples: []\nnegatives: []\n",
    );
    expect(() => loadIntents(dir)).toThrow(/intents\/bad\.yaml field (description|examples)/);
  });
});
