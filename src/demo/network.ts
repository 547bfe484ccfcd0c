/**
 * The demo network's shape: towns, organisations and people. The groups themselves are written
 * out by area in the groups-*.ts files beside this one (Trentino and Alto Adige, northern Italy,
 * central and southern Italy, English towns, Britain's capitals, and online and telephone
 * groups), each in its own language.
 * Plain data: `npm run demo` (src/cli/demo.ts) turns it into rows.
 */

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type MonthlyPosition = 1 | 2 | 3 | 4 | -1;

/** A regular schedule, or a short series of dates from a few weeks from now. */
export type DemoSchedule =
  | { kind: "weekly" | "fortnightly"; weekday: Weekday; time: string }
  | { kind: "monthly"; weekday: Weekday; position: MonthlyPosition; time: string }
  | { kind: "one_off"; weekday: Weekday; time: string; count: number; everyDays: number };

export const weekly = (weekday: Weekday, time: string): DemoSchedule => ({
  kind: "weekly",
  weekday,
  time,
});
export const fortnightly = (weekday: Weekday, time: string): DemoSchedule => ({
  kind: "fortnightly",
  weekday,
  time,
});
/** `monthly(2, 1, "20:30")`: the first Tuesday of every month at 20:30 (position -1: the last). */
export const monthly = (
  weekday: Weekday,
  position: MonthlyPosition,
  time: string,
): DemoSchedule => ({
  kind: "monthly",
  weekday,
  position,
  time,
});
/** A series of `count` meetings on `weekday`, `everyDays` apart, starting in two to three weeks. */
export const series = (
  weekday: Weekday,
  time: string,
  count: number,
  everyDays = 7,
): DemoSchedule => ({ kind: "one_off", weekday, time, count, everyDays });

export type AccessNeed =
  | "stepFree"
  | "accessibleToilet"
  | "hearingLoop"
  | "parking"
  | "nearPublicTransport";

export type DemoTownKey = keyof typeof demoTowns;

export type DemoWhere =
  | {
      format: "in_person" | "hybrid";
      town: DemoTownKey;
      venue: string;
      street: string;
      postcode: string;
      /** Libraries and community centres publish their address; a church hall may not. */
      publishAddress?: boolean;
      access?: AccessNeed[];
      accessNotes?: string;
      /** Hybrid groups: the video room for those who join from home. */
      videoUrl?: string;
    }
  | { format: "online"; videoUrl: string; timeZone: string }
  | { format: "telephone"; phoneNumber: string; phonePin?: string; timeZone: string };

export type DemoGroup = {
  /** Fixed and starting with "demo-": a second load finds and replaces the same groups. */
  slug: string;
  name: string;
  description: string;
  firstMeeting: string;
  difficulties: string[];
  openToAnyDifficulty?: boolean;
  audience: "living_with" | "carers" | "both";
  /** ISO 639-1; the first is the language the texts are written in. */
  languages: string[];
  where: DemoWhere;
  schedule: DemoSchedule;
  durationMinutes?: 60 | 90 | 120;
  capacity: number;
  /** Active members, facilitators and guide included. */
  members: number;
  /** People on the waiting list: only a full group has one. */
  waiting?: number;
  /** Requests to join not yet answered by the facilitators (ask-to-join groups). */
  requests?: number;
  joiningPolicy?: "open" | "ask" | "closed";
  visibility?: "listed" | "unlisted";
  status?: "active" | "paused";
  organisation?: DemoOrganisationKey;
  /** A peer facilitator named in the people list (otherwise the first member chosen). */
  facilitator?: string;
  /** People who must be members (the personas of the product brief). */
  include?: string[];
  /** A new group: its first meeting is still to come. */
  startsSoon?: boolean;
  /** The group's own ground rules; otherwise the default ones in its first language. */
  agreement?: string;
};

/**
 * Towns as the places table lists them (GeoNames' main name and country) and as the group
 * writes its town. Coordinates come from the places table, so a search finds them where the
 * directory's own place lookup puts the town.
 */
export const demoTowns = {
  trento: { listed: "Trento", country: "IT", shown: "Trento", timeZone: "Europe/Rome" },
  rovereto: { listed: "Rovereto", country: "IT", shown: "Rovereto", timeZone: "Europe/Rome" },
  pergine: {
    listed: "Pergine Valsugana",
    country: "IT",
    shown: "Pergine Valsugana",
    timeZone: "Europe/Rome",
  },
  bolzano: { listed: "Bolzano", country: "IT", shown: "Bolzano", timeZone: "Europe/Rome" },
  verona: { listed: "Verona", country: "IT", shown: "Verona", timeZone: "Europe/Rome" },
  milano: { listed: "Milan", country: "IT", shown: "Milano", timeZone: "Europe/Rome" },
  bologna: { listed: "Bologna", country: "IT", shown: "Bologna", timeZone: "Europe/Rome" },
  firenze: { listed: "Florence", country: "IT", shown: "Firenze", timeZone: "Europe/Rome" },
  roma: { listed: "Rome", country: "IT", shown: "Roma", timeZone: "Europe/Rome" },
  napoli: { listed: "Naples", country: "IT", shown: "Napoli", timeZone: "Europe/Rome" },
  palermo: { listed: "Palermo", country: "IT", shown: "Palermo", timeZone: "Europe/Rome" },
  leeds: { listed: "Leeds", country: "GB", shown: "Leeds", timeZone: "Europe/London" },
  york: { listed: "York", country: "GB", shown: "York", timeZone: "Europe/London" },
  manchester: {
    listed: "Manchester",
    country: "GB",
    shown: "Manchester",
    timeZone: "Europe/London",
  },
  sheffield: { listed: "Sheffield", country: "GB", shown: "Sheffield", timeZone: "Europe/London" },
  bristol: { listed: "Bristol", country: "GB", shown: "Bristol", timeZone: "Europe/London" },
  edinburgh: { listed: "Edinburgh", country: "GB", shown: "Edinburgh", timeZone: "Europe/London" },
  cardiff: { listed: "Cardiff", country: "GB", shown: "Cardiff", timeZone: "Europe/London" },
  london: { listed: "London", country: "GB", shown: "London", timeZone: "Europe/London" },
} as const;

export type DemoOrganisationKey = keyof typeof demoOrganisations;

/** Two sponsoring bodies, each with a coordinator who is also the guide of its groups. */
export const demoOrganisations = {
  trentino: {
    name: "Rete di auto mutuo aiuto del Trentino (demo)",
    contactEmail: "rete.trentino@example.org",
    contactPhone: "+39 0461 000 100",
    website: "https://trentino.example.org",
    coordinator: "luca",
  },
  leeds: {
    name: "Aire Valley Carers Together (demo)",
    contactEmail: "hello.airevalley@example.org",
    contactPhone: "+44 113 496 0100",
    website: "https://airevalley.example.org",
    coordinator: "priya",
  },
} as const;

/**
 * Demo people: first names only, each with a demo address at example.org. Keys are unique; the
 * coordinators and the personas of the product brief (Ada, Marco, Grace) are among them.
 */
export const italianPeople = [
  "luca",
  "ada",
  "marco",
  "giulia",
  "anna",
  "maria",
  "giuseppe",
  "francesca",
  "antonio",
  "rosa",
  "paolo",
  "lucia",
  "franco",
  "teresa",
  "giorgio",
  "elena",
  "sergio",
  "carla",
  "bruno",
  "silvana",
  "mario",
  "grazia",
  "roberto",
  "luisa",
  "alberto",
  "nadia",
  "enzo",
  "patrizia",
  "renato",
  "daniela",
  "claudio",
  "franca",
  "walter",
  "gabriella",
  "aldo",
  "marisa",
  "piero",
  "rita",
  "gianni",
  "adriana",
  "vittorio",
  "emma",
  "sofia",
  "lorenzo",
  "chiara",
  "davide",
  "ornella",
  "fabio",
  "loredana",
  "carlo",
  "anita",
  "ivana",
  "fausto",
  "milena",
  "ettore",
  "pina",
  "dario",
  "livia",
  "tullio",
  "wanda",
  "agnese",
  "beppe",
  "cesare",
  "donatella",
] as const;

export const englishPeople = [
  "priya",
  "grace",
  "margaret",
  "john",
  "patricia",
  "david",
  "susan",
  "peter",
  "linda",
  "michael",
  "barbara",
  "robert",
  "janet",
  "alan",
  "pauline",
  "brian",
  "christine",
  "keith",
  "sandra",
  "colin",
  "jean",
  "derek",
  "maureen",
  "trevor",
  "valerie",
  "ian",
  "carol",
  "roy",
  "brenda",
  "graham",
  "eileen",
  "tony",
  "sheila",
  "malcolm",
  "doreen",
  "kevin",
  "hazel",
  "neil",
  "irene",
  "gordon",
  "joan",
  "amir",
  "fatima",
  "winston",
  "gloria",
  "desmond",
  "noreen",
  "siobhan",
  "owen",
  "rhiannon",
  "gareth",
  "morag",
  "hamish",
  "iris",
  "stanley",
  "beryl",
  "harold",
  "ruth",
  "frank",
  "olive",
  "mohammed",
  "ewan",
  "kathleen",
  "dennis",
] as const;

/** "giulia" → "Giulia". */
export function firstName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Where a demo person's mail goes: example.org never delivers anywhere. */
export function demoEmail(key: string): string {
  return `demo.${key}@example.org`;
}
