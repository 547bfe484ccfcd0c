import { type DemoGroup, fortnightly, monthly, weekly } from "./network.js";

/**
 * Groups that meet by video or by telephone, in Italian and in English. Telephone numbers are
 * fictional: the British ones are in the ranges Ofcom keeps for drama, which never connect.
 */
export const remoteGroups: DemoGroup[] = [
  {
    slug: "demo-caregiver-online-sera",
    name: "Caregiver la sera, online",
    description:
      "Per chi assiste un genitore o un coniuge con demenza e di giorno non ha un minuto libero. Ci colleghiamo il giovedì alle nove di sera, quando la casa finalmente è tranquilla.\n\nSiamo figli e figlie tra i quaranta e i sessant'anni, quasi tutti lavoriamo. Ci scambiamo soluzioni pratiche (chi può stare con la mamma il giovedì pomeriggio, come si chiede l'amministratore di sostegno) e ci diamo coraggio.",
    firstMeeting:
      "Ti mandiamo il link il giorno prima. Puoi tenere la videocamera spenta, se preferisci. Ci presentiamo con il nome e la città da cui ci colleghiamo; poi si parla a turno.",
    difficulties: ["dementia-care"],
    audience: "carers",
    languages: ["it"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-caregiver-online-sera",
      timeZone: "Europe/Rome",
    },
    schedule: weekly(4, "21:00"),
    durationMinutes: 60,
    capacity: 12,
    members: 12,
    waiting: 6,
    include: ["marco"],
  },
  {
    slug: "demo-lutto-online-domenica",
    name: "La domenica sera: lutto, online",
    description:
      "La domenica sera può essere il momento più difficile della settimana per chi ha perso una persona cara. Ogni due settimane ci colleghiamo da tutta Italia per non passarla da soli.\n\nÈ un gruppo piccolo e raccolto: si parla di chi ci manca, di come si va avanti e delle piccole cose che aiutano.",
    firstMeeting:
      "Al primo collegamento ti presentiamo il gruppo e le nostre regole di riservatezza. Puoi ascoltare soltanto, anche a videocamera spenta.",
    difficulties: ["bereavement"],
    audience: "living_with",
    languages: ["it"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-lutto-online-domenica",
      timeZone: "Europe/Rome",
    },
    schedule: fortnightly(0, "18:00"),
    capacity: 10,
    members: 6,
  },
  {
    slug: "demo-ansia-online",
    name: "Respiro: ansia e umore, online",
    description:
      "Un gruppo online per chi vive con ansia, attacchi di panico o umore basso e fa fatica a uscire di casa. Ci colleghiamo il mercoledì alle sei di sera, in pochi, perché ognuno abbia tempo di parlare.\n\nCi raccontiamo cosa ci ha aiutato nella settimana e ci sosteniamo nei momenti difficili.",
    firstMeeting:
      "Se è la prima volta che usi una videochiamata, qualcuno del gruppo ti chiama prima per provarla insieme. Puoi uscire dal collegamento quando vuoi.",
    difficulties: ["depression-anxiety"],
    audience: "living_with",
    languages: ["it"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-ansia-online",
      timeZone: "Europe/Rome",
    },
    schedule: weekly(3, "18:00"),
    durationMinutes: 60,
    capacity: 8,
    members: 5,
  },
  {
    slug: "demo-caregiver-a-distanza",
    name: "Caregiver a distanza / Caring from afar",
    description:
      "Per chi vive all'estero e si prende cura da lontano di un genitore anziano rimasto in Italia: le telefonate ogni sera, i voli all'ultimo minuto, le badanti da cercare senza poterle incontrare. Parliamo in italiano e in inglese.\n\nFor people living abroad who care from a distance for a parent in Italy, or in Italy for a parent in Britain. We meet by video on the third Sunday of the month.",
    firstMeeting:
      "Ci presentiamo dicendo dove viviamo e dove vive la persona che assistiamo. We switch between Italian and English as needed; nobody minds.",
    difficulties: ["long-term-care", "dementia-care"],
    audience: "carers",
    languages: ["it", "en"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-caregiver-a-distanza",
      timeZone: "Europe/Rome",
    },
    schedule: monthly(0, 3, "18:00"),
    capacity: 12,
    members: 8,
  },
  {
    slug: "demo-telefono-compagnia",
    name: "Una voce amica: gruppo al telefono",
    description:
      "Un gruppo per telefono, per chi si sente solo e fa fatica a uscire di casa. Il lunedì alle undici ci chiamiamo tutti allo stesso numero e chiacchieriamo per un'ora, come attorno a un tavolo.\n\nNon serve internet né un telefono moderno: basta il telefono di casa.",
    firstMeeting:
      "Qualche giorno prima ti chiama chi facilita, per conoscerti e spiegarti come entrare nella chiamata. La prima volta ti presentiamo agli altri con calma.",
    difficulties: ["loneliness"],
    audience: "living_with",
    languages: ["it"],
    where: {
      format: "telephone",
      phoneNumber: "+39 0461 000 200",
      phonePin: "4821",
      timeZone: "Europe/Rome",
    },
    schedule: weekly(1, "11:00"),
    durationMinutes: 60,
    capacity: 6,
    members: 6,
    waiting: 2,
  },
  {
    slug: "demo-telefono-caregiver",
    name: "Caregiver al telefono",
    description:
      "Per chi assiste un familiare a casa e non può allontanarsi nemmeno per un'ora. Ogni due settimane, il venerdì pomeriggio, ci sentiamo al telefono in un piccolo gruppo.\n\nParliamo di stanchezza, di aiuti pratici e di come trovare un po' di respiro.",
    firstMeeting:
      "Ti chiamiamo noi prima del primo incontro per spiegarti come collegarti. Puoi anche solo ascoltare.",
    difficulties: ["long-term-care"],
    audience: "carers",
    languages: ["it"],
    where: {
      format: "telephone",
      phoneNumber: "+39 0461 000 300",
      phonePin: "7315",
      timeZone: "Europe/Rome",
    },
    schedule: fortnightly(5, "15:00"),
    durationMinutes: 60,
    capacity: 6,
    members: 4,
  },
  {
    slug: "demo-online-night-owls-carers",
    name: "Night Owls: carers online",
    description:
      "For carers who only get a moment to themselves once the house has gone to bed. We meet by video every Tuesday at nine in the evening, from all over the country.\n\nMost of us look after a parent or partner with dementia or another long illness while holding down a job. We share practical fixes, vent a little, and remind each other to sleep.",
    firstMeeting:
      "We'll send you the link the day before. Camera on or off, pyjamas welcome. We go round with first names and where we are joining from.",
    difficulties: ["dementia-care", "long-term-care"],
    audience: "carers",
    languages: ["en"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-online-night-owls-carers",
      timeZone: "Europe/London",
    },
    schedule: weekly(2, "21:00"),
    durationMinutes: 60,
    capacity: 14,
    members: 11,
  },
  {
    slug: "demo-online-bereaved-parents",
    name: "Parents who have lost an adult child",
    description:
      "A video group for mothers and fathers whose grown-up son or daughter has died, through illness, an accident, suicide or any other cause. We meet on the first Wednesday of the month.\n\nIt is a loss that turns the natural order upside down, and people around us often don't know what to say. Here, they do.",
    firstMeeting:
      "Before your first meeting the facilitator will phone you for a short chat. In the group you can simply say your child's name, or nothing at all.",
    difficulties: ["bereavement"],
    audience: "living_with",
    languages: ["en"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-online-bereaved-parents",
      timeZone: "Europe/London",
    },
    schedule: monthly(3, 1, "19:30"),
    capacity: 10,
    members: 7,
  },
  {
    slug: "demo-online-lgbt-carers",
    name: "LGBT+ Carers Online",
    description:
      "For LGBT+ people in later life who care for a partner, a friend or a parent. Caring can bring back old worries about being accepted, by services, by families, by care homes.\n\nWe meet by video every other Sunday afternoon to talk about all of it with people who get it.",
    firstMeeting:
      "Use whatever name you like. We start with a short round of names and pronouns, then an open conversation.",
    difficulties: ["lgbt-later-life", "long-term-care"],
    audience: "carers",
    languages: ["en"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-online-lgbt-carers",
      timeZone: "Europe/London",
    },
    schedule: fortnightly(0, "16:00"),
    capacity: 12,
    members: 6,
  },
  {
    slug: "demo-online-sober-sundays",
    name: "Sober Sundays online",
    description:
      "A video group for people over fifty who have stopped drinking or want to, and for family members. Sunday evenings can be hard; we spend them together.\n\nNo lectures. We talk about the week, what tempted us and what helped.",
    firstMeeting:
      "We'll send you the link and the group's ground rules. Come sober, listen as long as you like, and speak when you're ready.",
    difficulties: ["alcohol"],
    audience: "both",
    languages: ["en"],
    where: {
      format: "online",
      videoUrl: "https://video.example.org/demo-online-sober-sundays",
      timeZone: "Europe/London",
    },
    schedule: weekly(0, "19:00"),
    durationMinutes: 60,
    capacity: 15,
    members: 9,
    joiningPolicy: "open",
  },
  {
    slug: "demo-phone-friends",
    name: "Phone Friends: a telephone group",
    description:
      "A telephone group for people who feel lonely and find it hard to get out. Every Wednesday at eleven we all ring the same number and chat for an hour, like friends round a kitchen table.\n\nYou don't need the internet or a smartphone: an ordinary landline is fine.",
    firstMeeting:
      "A few days before your first call the facilitator will ring you to say hello and explain how to join. On the day we'll introduce you to everyone.",
    difficulties: ["loneliness"],
    audience: "living_with",
    languages: ["en"],
    where: {
      format: "telephone",
      phoneNumber: "+44 20 7946 0123",
      phonePin: "2468",
      timeZone: "Europe/London",
    },
    schedule: weekly(3, "11:00"),
    durationMinutes: 60,
    capacity: 6,
    members: 5,
  },
  {
    slug: "demo-phone-dementia-carers",
    name: "Dementia Carers by Phone",
    description:
      "For people caring for someone with dementia who can't leave the house, even for an hour. Every other Tuesday afternoon we meet on a telephone call.\n\nThe group is full at the moment; if you ask to join we will add you to the waiting list and ring you when a place comes up.",
    firstMeeting:
      "We'll call you before your first time to explain how to dial in. You can just listen.",
    difficulties: ["dementia-care"],
    audience: "carers",
    languages: ["en"],
    where: {
      format: "telephone",
      phoneNumber: "+44 161 496 0456",
      phonePin: "1357",
      timeZone: "Europe/London",
    },
    schedule: fortnightly(2, "14:00"),
    durationMinutes: 60,
    capacity: 6,
    members: 6,
    waiting: 1,
  },
];
