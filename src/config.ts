import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * The whole environment Mutua reads, parsed once at boot. Nothing else reads process.env.
 * A bad value stops the start with a plain list of what is wrong.
 */
const port = z.coerce
  .number({ message: "a whole number from 1 to 65535" })
  .int("a whole number from 1 to 65535")
  .min(1, "a whole number from 1 to 65535")
  .max(65535, "a whole number from 1 to 65535");

const emailAddress = z.string().trim().email("an e-mail address, like help@example.org");

const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      message: 'one of "development", "production" or "test"',
    })
    .default("development"),
  HOST: z.string().min(1, "a host name or address to listen on").default("127.0.0.1"),
  PORT: port.default(3000),
  PUBLIC_URL: z
    .string()
    .url("a full web address, like https://groups.example.org")
    .refine((v) => /^https?:\/\//.test(v), "a web address starting with https:// or http://")
    .optional(),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v),
      "a PostgreSQL address starting with postgres:// (leave it unset to use the built-in database)",
    )
    .optional(),
  MUTUA_DATA_DIR: z.string().min(1, "a folder path").default("./data"),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), "an SMTP address starting with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3, "a sender address, like Mutua <groups@example.org>").optional(),
  INSTANCE_NAME: z.string().min(1).max(80, "at most 80 characters").default("Mutua"),
  HELP_PHONE: z
    .string()
    .regex(/^\+?[0-9 ()-]{3,30}$/, "a telephone number, like +39 0461 123456")
    .optional(),
  HELP_EMAIL: emailAddress.optional(),
  HELPLINES: z
    .string()
    .optional()
    .refine((v) => v === undefined || helplines(v) !== null, {
      message:
        'helplines as "name: number", separated by semicolons, like "Samaritans: 116 123; Telefono Amico: 02 2327 2327"',
    }),
  EMERGENCY_NUMBER: z
    .string()
    .regex(/^[0-9]{2,6}$/, "a short emergency number, like 112 or 999")
    .default("112"),
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, "a time zone name, like Europe/Rome or Europe/London")
    .default("Europe/Rome"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  TRUST_PROXY: z
    .string()
    .default("false")
    .refine((v) => trustedProxies(v) !== null, {
      message:
        'false, true (one proxy in front), how many proxies (1 to 5), or their addresses, like "10.0.0.1,10.0.0.2"',
    })
    .transform((v) => trustedProxies(v)!),
});

/**
 * Which proxies' X-Forwarded-For to believe, as Fastify takes it: none, a number of hops, or the
 * proxies' own addresses. "true" means the one proxy in front, never every hop: the leftmost
 * addresses are whatever the browser wrote, and trusting them would let anyone step around the
 * per-address limits on signing in.
 */
function trustedProxies(value: string): false | number | string | null {
  const v = value.trim();
  if (v === "false") return false;
  if (v === "true") return 1;
  if (/^[1-5]$/.test(v)) return Number(v);
  const addresses = v.split(",").map((a) => a.trim());
  const valid = addresses.every((a) => {
    const [ip, bits, ...rest] = a.split("/");
    if (rest.length > 0 || !ip || isIP(ip) === 0) return false;
    return (
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128))
    );
  });
  return valid && addresses.length > 0 ? addresses.join(",") : null;
}

/**
 * Helplines for someone in distress, "name: number; name: number", shown on a group's
 * urgent-help page beside the emergency number. Null when a part is not a name and a number.
 */
function helplines(value: string): { name: string; phone: string }[] | null {
  const lines = value
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /^([^:;]{1,60}):\s*(\+?[0-9][0-9 ()-]{1,29})$/.exec(part));
  if (lines.some((line) => line === null)) return null;
  return lines.map((line) => ({ name: line![1]!.trim(), phone: line![2]!.trim() }));
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: URL;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  instanceName: string;
  helpPhone: string | undefined;
  helpEmail: string | undefined;
  /** Helplines shown with the emergency number on a group's urgent-help page; often none. */
  helplines: { name: string; phone: string }[];
  emergencyNumber: string;
  timeZone: string;
  logLevel: string;
  trustProxy: false | number | string;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const byVariable = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (byVariable.has(name)) continue;
      const given = known[name];
      const shown = given === undefined ? "nothing" : JSON.stringify(given);
      byVariable.set(name, `${name}: expected ${issue.message}, but got ${shown}`);
    }
    return { ok: false, problems: [...byVariable.values()] };
  }
  const v = parsed.data;
  const publicUrl = new URL(v.PUBLIC_URL ?? `http://localhost:${v.PORT}`);
  return {
    ok: true,
    config: {
      env: v.NODE_ENV,
      host: v.HOST,
      port: v.PORT,
      publicUrl,
      databaseUrl: v.DATABASE_URL,
      dataDir: path.resolve(v.MUTUA_DATA_DIR),
      smtpUrl: v.SMTP_URL,
      mailFrom: v.MAIL_FROM ?? `${v.INSTANCE_NAME} <no-reply@${publicUrl.hostname}>`,
      instanceName: v.INSTANCE_NAME,
      helpPhone: v.HELP_PHONE,
      helpEmail: v.HELP_EMAIL,
      helplines: v.HELPLINES ? (helplines(v.HELPLINES) ?? []) : [],
      emergencyNumber: v.EMERGENCY_NUMBER,
      timeZone: v.TIME_ZONE,
      logLevel: v.LOG_LEVEL,
      trustProxy: v.TRUST_PROXY,
    },
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** Reads the process environment once; prints the problems and exits when it is wrong. */
export function loadConfigOrExit(): Config {
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write(
      `Mutua cannot start: the configuration has ${result.problems.length === 1 ? "a problem" : "problems"}.\n${result.problems
        .map((p) => `  - ${p}`)
        .join("\n")}\nFix the environment variables above and start again.\n`,
    );
    process.exit(2);
  }
  return result.config;
}
