/**
 * Child process of the cold-start benchmark (compiled to `dist/bench/`): imports the engine, loads
 * data and index, answers once, then reports time and RSS.
 */
const started = performance.now();
const { Engine } = await import("../src/engine/engine.ts");
const engine = new Engine();
engine.answer("昆山市是试点吗");
const engineMs = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    engine_ms: engineMs,
    since_process_start_ms: performance.now(),
    rss_mb: process.memoryUsage().rss / 1e6,
  }),
);
