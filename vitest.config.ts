import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./src/test/longest-first.js";

// Test files spend much of their time waiting on PostgreSQL and Chromium, which run in
// processes of their own: a worker more than the cores keeps both cores busy. Both projects run
// in one vitest process and share the workers, the PostgreSQL server and its template.
const workers = availableParallelism() + 1;

export default defineConfig({
  test: {
    maxWorkers: workers,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: "app",
          include: ["src/**/*.test.{ts,tsx}"],
          globalSetup: ["src/test/global-setup.ts"],
          // The words of every feature, as app.ts installs them, for tests that render or mail
          // without building the app.
          setupFiles: ["src/catalogues.ts"],
          pool: "forks",
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["src/test/global-setup.ts", "e2e/chromium-server.ts"],
          setupFiles: ["src/catalogues.ts"],
          pool: "forks",
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
