import { defineConfig } from "vitest/config";

/**
 * The suite as StrykerJS runs it (`npm run mutate`): every test that runs the engine, the data and the
 * bot in process. Left out: tests that start processes (they run the built `dist/`, where a mutant is
 * never active, so they could not kill one and would only slow every run), the Redis tests (a server
 * per run), the fault tests (they wait out real timeouts), the chart renderer's tests (the chart code
 * is not mutated), the fuzzer (its run count is for CI's budget, not for per-mutant reruns) and the
 * literal scan (it reads the source text, which Stryker instruments).
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [
      "tests/{ask,console,config,e2e,sessions,faults,charts,fuzz,webhook,documents,facts}.test.ts",
      "**/node_modules/**",
    ],
    testTimeout: 60_000,
  },
});
