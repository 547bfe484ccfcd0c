// 1. The signed-out home page of the real server against a bare node:http hello-world,
//    both loaded by wrk in the same way in the same run. The machine is shared, so the
//    baseline is measured in two halves, before and after the page, and pooled: a change in
//    background load during the run then weighs on both sides instead of one.
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { probe, procStatus, startAppServer, startHelloServer } from "./lib/server.mjs";
import { settings } from "./lib/settings.mjs";
import { measureHttp, pooledRate } from "./lib/wrk.mjs";

export const title = "Signed-out home page GET / vs node:http hello-world";
const TARGET = 0.2;

export async function run() {
  const half = settings.duration / 2;
  say(
    `  wrk: ${settings.connections} connections, ${settings.wrkThreads} thread; page ${settings.warmup} s warm-up + ${settings.duration} s;` +
      ` hello-world ${settings.warmup} s warm-up + ${half} s before and ${half} s after the page`,
  );

  const dataDir = tempDir("home");
  const app = await startAppServer({ dataDir });
  let hello = null;
  try {
    const check = await probe(`${app.url}/`);
    if (check.status !== 200 || !check.body.includes("<!doctype html>")) {
      throw new Error(`GET / did not return the home page (status ${check.status})`);
    }
    say(
      `  home page: ${check.body.length} bytes of HTML; sets a cookie: ${check.headers["set-cookie"] ? "yes (CSRF token)" : "no"}`,
    );
    hello = await startHelloServer();

    const before = await measureHttp(`${hello.url}/`, { label: "hello-world", seconds: half });
    say(loadLine("node:http hello-world (before)", before));
    const page = await measureHttp(`${app.url}/`, { label: "GET /" });
    say(loadLine("Mutua GET / (signed out)", page));
    const rss = procStatus(app.pid);
    const after = await measureHttp(`${hello.url}/`, {
      label: "hello-world",
      seconds: half,
      warmup: false,
    });
    say(loadLine("node:http hello-world (after)", after));

    const baseline = pooledRate([before, after]);
    say(
      `  hello-world pooled: ${fmt.rps(baseline.requestsPerSecond)} (${baseline.requests.toLocaleString("en-GB")} requests)`,
    );
    say(
      `  server memory after the load: VmRSS ${fmt.mb(rss.VmRSS)}, peak VmHWM ${fmt.mb(rss.VmHWM)}`,
    );
    const ratio = page.requestsPerSecond / baseline.requestsPerSecond;
    say(`  ratio Mutua / hello-world: ${fmt.ratio(ratio)}`);
    return [
      verdict({
        name: "home page / hello-world (req/s)",
        value: ratio,
        shown: `${fmt.ratio(ratio)} (${Math.round(page.requestsPerSecond)} / ${Math.round(baseline.requestsPerSecond)} req/s; page p50 ${fmt.ms(page.latencyMs.p50)}, p99 ${fmt.ms(page.latencyMs.p99)})`,
        limit: TARGET,
        limitShown: `${TARGET.toFixed(2)}×`,
        atLeast: true,
      }),
    ];
  } finally {
    if (hello) await hello.stop();
    await app.stop();
    removeTempDir(dataDir);
  }
}
