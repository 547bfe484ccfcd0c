// Printing figures, verdicts and the final table in one consistent format.

export function say(line = "") {
  process.stdout.write(`${line}\n`);
}

export function heading(title) {
  say();
  say(`== ${title} ${"=".repeat(Math.max(3, 72 - title.length))}`);
}

export const fmt = {
  rps: (v) => `${Math.round(v).toLocaleString("en-GB")} req/s`,
  ms: (v) =>
    v < 1 ? `${(v * 1000).toFixed(0)} µs` : v < 100 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`,
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  mb: (kb) => `${(kb / 1024).toFixed(1)} MB`,
  ratio: (v) => `${v.toFixed(3)}×`,
};

/** The figures of one load run, as one line. */
export function loadLine(label, result) {
  const { p50, p99 } = result.latencyMs;
  return `  ${label.padEnd(38)} ${fmt.rps(result.requestsPerSecond).padStart(14)}   p50 ${fmt.ms(p50).padStart(9)}   p99 ${fmt.ms(p99).padStart(9)}   (${result.requests.toLocaleString("en-GB")} requests)`;
}

/**
 * A verdict: `value` compared with `limit` (at least or at most). Printed at once, and kept for
 * the summary table.
 */
export function verdict({ name, value, shown, limit, limitShown, atLeast }) {
  const met = atLeast ? value >= limit : value <= limit;
  const target = `${atLeast ? "≥" : "≤"} ${limitShown}`;
  say(`  ${met ? "MET   " : "MISSED"}  ${name}: ${shown} (target ${target})`);
  return { name, shown, target, met };
}

export function summaryTable(rows) {
  const header = ["benchmark", "figure", "target", "verdict"];
  const lines = rows.map((r) => [
    r.name,
    r.shown,
    r.target,
    r.error ? "COULD NOT RUN" : r.info ? "-" : r.met ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join("  │  ")}`;
  say(row(header));
  say(`  ${widths.map((w) => "─".repeat(w)).join("──┼──")}`);
  for (const line of lines) say(row(line));
}

/** Percentiles (ms) of an unsorted array of latencies. */
export function percentiles(values, wanted = [50, 75, 90, 99]) {
  const sorted = Float64Array.from(values).sort();
  const out = {};
  for (const p of wanted) {
    const index = Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    );
    out[`p${p}`] = sorted.length ? sorted[index] : Number.NaN;
  }
  return out;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
