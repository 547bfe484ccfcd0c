import { z } from "zod";
import type { AppDeps } from "../../../infra/http/deps.js";

/**
 * The number to call in an emergency, by the group's country (ISO 3166 alpha-2), and where a
 * second one also works, that one too. 112 works across the European Union and most of Europe;
 * elsewhere the country's own. A country not listed here falls back to the instance's number.
 */
const byCountry: Record<string, { number: string; also?: string }> = {
  GB: { number: "999", also: "112" },
  IE: { number: "112", also: "999" },
  US: { number: "911" },
  CA: { number: "911" },
  MX: { number: "911" },
  AU: { number: "000", also: "112" },
  NZ: { number: "111" },
  IN: { number: "112" },
  HK: { number: "999" },
  SG: { number: "995" },
  ZA: { number: "112", also: "10111" },
  BR: { number: "192", also: "190" },
  AR: { number: "911" },
  JP: { number: "119", also: "110" },
};
const europe112 =
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE IS NO LI CH AD MC SM VA AL ME MK RS BA MD UA GE AM AZ TR XK GI FO GL".split(
    " ",
  );

export type EmergencyNumber = { number: string; also: string | null };

export function emergencyNumberFor(country: string | null, fallback: string): EmergencyNumber {
  const code = country?.toUpperCase() ?? "";
  const known = byCountry[code] ?? (europe112.includes(code) ? { number: "112" } : null);
  return known
    ? { number: known.number, also: known.also ?? null }
    : { number: fallback, also: null };
}

/** A number as a `tel:` link takes it: digits, and a leading plus. */
export const telOf = (number: string) => `tel:${number.replace(/[^+0-9]/g, "")}`;

/** Who to call, for a group: its country's emergency number, and the instance's helplines. */
export type UrgentHelp = {
  emergency: EmergencyNumber;
  helplines: { name: string; phone: string }[];
  helpPhone: string | null;
  helpEmail: string | null;
  /** The thread of the post that brought the author here, to go back to. */
  thread: string | null;
};

export function urgentHelpFor(
  config: Pick<AppDeps["config"], "emergencyNumber" | "helplines" | "helpPhone" | "helpEmail">,
  group: { country: string | null },
  thread: string | null,
): UrgentHelp {
  return {
    emergency: emergencyNumberFor(group.country, config.emergencyNumber),
    helplines: config.helplines,
    helpPhone: config.helpPhone ?? null,
    helpEmail: config.helpEmail ?? null,
    thread,
  };
}

export const urgentHelpJson = z.object({
  emergency: z
    .object({ number: z.string(), also: z.string().nullable() })
    .describe("The emergency number of the group's country, and another that also works"),
  helplines: z.array(z.object({ name: z.string(), phone: z.string() })),
  helpPhone: z.string().nullable().describe("The instance's own help, not an emergency service"),
  helpEmail: z.string().nullable(),
  thread: z
    .string()
    .nullable()
    .describe("Back to the conversation the post is in, if one was given"),
});
