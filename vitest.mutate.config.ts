import { defineConfig } from "vitest/config";

/**
 * The suite as StrykerJS runs it (`npm run mutate`): only the tests that run the engine, the data and the
 * bot's formatting in process. Tests that start processes run the built `dist/`, where a mutant is never
 * active, so they could not kill one and would only slow every run; so would the fault tests (they wait
 * out real timeouts) and the chart renderer's tests (the chart code is not mutated).
 */
export default defineConfig({
  test: {
    include: [
      "tests/{engine,understanding,eval,recognise,intents,examples,normalise,typos,scope,programmes}.test.ts",
      "tests/{data,treatment,audit,bot,abuse}.test.ts",
    ],
    testTimeout: 60_000,
  },
});
