import { statSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Runs the longest test files first, whichever project they belong to, so that no long file
 * starts last and leaves one core idle while it finishes. Durations come from the last run;
 * without one (a fresh clone), end-to-end files go first, as each takes far longer than any
 * other, and then the larger files.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (spec: TestSpecification) =>
      `${spec.project.name}:${path.relative(root, spec.moduleId)}`;
    const durations = files.map((spec) => this.ctx.cache.getFileTestResults(key(spec))?.duration);
    if (durations.every((ms) => ms !== undefined)) {
      const order = new Map(files.map((spec, i) => [spec, durations[i] ?? 0]));
      return [...files].sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0));
    }
    const estimate = (spec: TestSpecification) =>
      (spec.project.name === "e2e" ? 1e9 : 0) + statSync(spec.moduleId).size;
    return [...files].sort((a, b) => estimate(b) - estimate(a));
  }
}
