// 1. The signed-out home page of the real server against a bare node:http hello-world,
//    both loaded by wrk in the same way in the same run.
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { probe, procStatus, startAppServer, startHelloServer } from "./lib/server.mjs";
import { settings } from "./lib/settings.mjs";
import { measureHttp } from "./lib/wrk.mjs";

export const title = "Signed-out home page GET / vs node:http hello-world";
const TARGET = 0.2;

export async function run() {
  say(`  wrk: ${settings.connections} connections, ${settings.wrkThreads} thread, ${settings.warmup} s warm-up + ${settings.duration} s measured, each`);

  const hello = await startHelloServer();
  let baseline;
  try {
    baseline = await measureHttp(`${hello.url}/`, { label: "hello-world" });
  } finally {
    await hello.stop();
  }
  say(loadLine("node:http hello-world", baseline));

  const dataDir = tempDir("home");
  const app = await startAppServer({ dataDir });
  let page;
  let rss;
  try {
    const check = await probe(`${app.url}/`);
    if (check.status !== 200 || !check.body.includes("<!doctype html>")) {
      throw new Error(`GET / did not return the home page (status ${check.status})`);
    }
    say(`  home page: ${check.body.length} bytes of HTML, set-cookie: ${check.headers["set-cookie"] ? "yes (CSRF token)" : "no"}`);
    page = await measureHttp(`${app.url}/`, { label: "GET /" });
    rss = procStatus(app.pid);
  } finally {
    await app.stop();
    removeTempDir(dataDir);
  }
  say(loadLine("Mutua GET / (signed out)", page));
  say(`  server memory after the load: VmRSS ${fmt.mb(rss.VmRSS)}, peak VmHWM ${fmt.mb(rss.VmHWM)}`);

  const ratio = page.requestsPerSecond / baseline.requestsPerSecond;
  say(`  ratio Mutua / hello-world: ${fmt.ratio(ratio)}`);
  return [
    verdict({
      name: "home page / hello-world (req/s)",
      value: ratio,
      shown: `${fmt.ratio(ratio)} (${Math.round(page.requestsPerSecond)} / ${Math.round(baseline.requestsPerSecond)}; p50 ${fmt.ms(page.latencyMs.p50)}, p99 ${fmt.ms(page.latencyMs.p99)})`,
      limit: TARGET,
      limitShown: `${TARGET.toFixed(2)}×`,
      atLeast: true,
    }),
  ];
}
