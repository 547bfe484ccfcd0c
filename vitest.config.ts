import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Test files spend most of their time waiting on PostgreSQL and Chromium, which run in processes
// of their own: one worker per core (vitest's default leaves one core out) keeps both cores busy.
const workers = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "app",
          include: ["src/**/*.test.{ts,tsx}"],
          globalSetup: ["src/test/global-setup.ts"],
          pool: "forks",
          maxWorkers: workers,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["src/test/global-setup.ts"],
          pool: "forks",
          // Each file has its own app, database, mail server and Chromium; two at a time is
          // what two cores carry without a page's wait growing past its timeout.
          maxWorkers: 2,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
