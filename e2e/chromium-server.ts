import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, chromiumPath } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; empty when there is no Chromium to start. */
    chromiumEndpoint: string;
  }
}

/**
 * One Chromium for the whole end-to-end run, started before the first file: each file connects
 * to it and works in browser contexts of its own, which share no cookies or storage. Starting
 * Chromium once saves a launch per file.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    project.provide("chromiumEndpoint", "");
    return;
  }
  const server = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
