/**
 * Words for generated groups (`npm run generate`): a name and a short description per
 * difficulty in each language, so that generated rows read like real ones and weigh what real
 * ones weigh in the search index. `weight` says how common such groups are.
 */
export type ScaleText = { weight: number; it: [string, string]; en: [string, string] };

export const scaleTexts: Record<string, ScaleText> = {
  "dementia-care": {
    weight: 14,
    it: [
      "Caffè Alzheimer",
      "Familiari di persone con demenza si incontrano per parlare di come si vive accanto a chi ogni giorno dimentica un po' di più. Ci scambiamo consigli pratici e ci ascoltiamo senza giudicare.",
    ],
    en: [
      "Dementia carers' circle",
      "Husbands, wives, sons and daughters caring for someone with dementia meet to talk about the hard days and the good ones. We swap practical tips and listen without judging.",
    ],
  },
  "long-term-care": {
    weight: 8,
    it: [
      "Gruppo caregiver",
      "Per chi assiste un familiare con una malattia lunga o una disabilità. Parliamo di stanchezza, di aiuti pratici e di come trovare un po' di tempo per sé.",
    ],
    en: [
      "Carers together",
      "For people looking after someone with a long illness or disability. We talk about tiredness, practical help and finding a little time for ourselves.",
    ],
  },
  "loss-of-partner": {
    weight: 10,
    it: [
      "Vedove e vedovi",
      "Per chi ha perso il marito, la moglie o il compagno di una vita. Ci raccontiamo come vanno le giornate e ci aiutiamo a rimetterle in piedi.",
    ],
    en: [
      "Widowed friends",
      "For anyone whose husband, wife or partner has died. We talk about how the days go and help each other put them back together.",
    ],
  },
  bereavement: {
    weight: 8,
    it: [
      "Gruppo per il lutto",
      "Per chi vive il lutto di un figlio, un genitore, un amico. Non ci sono modi giusti di vivere un lutto: qui puoi parlarne o restare in silenzio.",
    ],
    en: [
      "Bereavement circle",
      "For people grieving a child, a parent or a friend. There is no right way to grieve: here you can talk about it or simply listen.",
    ],
  },
  alcohol: {
    weight: 6,
    it: [
      "Parlare di alcol",
      "Per chi sente che il bere è diventato un problema, e per i familiari. Nessuna predica: ognuno racconta a che punto è.",
    ],
    en: [
      "Talking about drinking",
      "For people worried about their drinking, and their families. No lectures: everyone says where they are at.",
    ],
  },
  "other-addictions": {
    weight: 3,
    it: [
      "Fuori dal gioco",
      "Per chi vive una dipendenza dal gioco d'azzardo o da farmaci, e per i familiari. Parliamo apertamente di soldi, debiti e vergogna.",
    ],
    en: [
      "Gambling and medicines",
      "For people living with gambling or a dependency on medicines, and their families. We talk openly about money, debt and shame.",
    ],
  },
  "depression-anxiety": {
    weight: 8,
    it: [
      "Ansia e umore",
      "Per chi convive con l'ansia, gli attacchi di panico o una tristezza che non passa. Ci raccontiamo cosa ci aiuta e cosa no.",
    ],
    en: [
      "Low mood and anxiety",
      "For people living with anxiety, panic or low mood. We share what helps and what doesn't.",
    ],
  },
  "adult-child-mental-illness": {
    weight: 4,
    it: [
      "Genitori insieme",
      "Per madri e padri di figli adulti con una malattia mentale. Parliamo della paura per il futuro e dei rapporti con i servizi.",
    ],
    en: [
      "Parents together",
      "For mothers and fathers of grown-up children with a mental illness. We talk about worries for the future and dealing with services.",
    ],
  },
  "long-term-illness": {
    weight: 8,
    it: [
      "Convivere con una malattia cronica",
      "Per chi vive con il Parkinson, il diabete, una malattia del cuore o un tumore. Parliamo di cure, stanchezza e vita di ogni giorno.",
    ],
    en: [
      "Living with a long-term condition",
      "For people living with Parkinson's, diabetes, heart disease or cancer. We talk about treatment, tiredness and everyday life.",
    ],
  },
  loneliness: {
    weight: 10,
    it: [
      "Due chiacchiere",
      "Per chi si sente solo o ha poche persone con cui parlare. Ci facciamo compagnia, ci scambiamo i numeri di telefono, a volte pranziamo insieme.",
    ],
    en: [
      "Tea and company",
      "For people who feel alone or have few people to talk to. We keep each other company, swap phone numbers and sometimes have lunch together.",
    ],
  },
  abuse: {
    weight: 2,
    it: [
      "Uno spazio sicuro",
      "Per persone anziane che hanno subito maltrattamenti o raggiri da qualcuno di cui si fidavano. Nessuno ti chiederà di raccontare cosa è successo.",
    ],
    en: [
      "A safe space",
      "For older people harmed or taken advantage of by someone they trusted. Nobody will ask you what happened.",
    ],
  },
  "learning-disability": {
    weight: 3,
    it: [
      "Crescere insieme",
      "Per persone con disabilità intellettiva che invecchiano, e per le loro famiglie. Usiamo parole semplici e disegni.",
    ],
    en: [
      "Getting older together",
      "For people with a learning disability who are getting older, and their families. We use easy words and pictures.",
    ],
  },
  "lgbt-later-life": {
    weight: 2,
    it: [
      "Arcobaleno d'argento",
      "Per persone LGBT+ over 60. Parliamo di invecchiare, di salute e di amicizia, con tè e torte.",
    ],
    en: [
      "LGBT+ later life",
      "For LGBT+ people over sixty. We talk about growing older, health and friendship, with tea and cake.",
    ],
  },
  "migrant-later-life": {
    weight: 3,
    it: [
      "Lontano da casa",
      "Per chi è invecchiato in un paese diverso da quello in cui è nato. Parliamo di pensioni, di famiglie sparse nel mondo e di nostalgia.",
    ],
    en: [
      "Far from home",
      "For people growing older in a country they moved to. We talk about pensions, families spread across the world, and homesickness.",
    ],
  },
  "retirement-change": {
    weight: 5,
    it: [
      "E adesso? La pensione",
      "Per chi è appena andato in pensione o ha cambiato vita. Ci raccontiamo cosa ci preoccupa e cosa ci incuriosisce di questa nuova stagione.",
    ],
    en: [
      "The next chapter",
      "For people who have just retired or faced a big change. We share what worries us and what we look forward to.",
    ],
  },
};

/** For a group open to any difficulty, or a difficulty added later without words here. */
export const openGroupText: ScaleText = {
  weight: 3,
  it: [
    "Gruppo aperto",
    "Qui non conta quale sia la tua difficoltà: un lutto, una malattia, un familiare da assistere. Mescoliamo storie diverse, perché ci si aiuta anche così.",
  ],
  en: [
    "Open circle",
    "Whatever you are going through: a loss, an illness, caring for someone. We mix on purpose, because people facing different things still help each other.",
  ],
};

export const scaleFirstMeetings = {
  it: [
    "La prima volta puoi anche solo ascoltare. Ci presentiamo con il nome e ti spieghiamo le nostre regole.",
    "Ti accogliamo con un caffè. Nessuno ti chiederà di raccontare nulla.",
    "Prima del primo incontro ti telefoniamo per conoscerci e rispondere alle tue domande.",
  ],
  en: [
    "The first time you can just listen. We say our names and explain our ground rules.",
    "We'll make you a cup of tea. Nobody will ask you to share anything.",
    "Before your first meeting one of us will ring you for a short chat.",
  ],
} as const;

export const scaleVenues = {
  it: [
    "Centro civico",
    "Biblioteca comunale",
    "Sala parrocchiale",
    "Casa delle associazioni",
    "Centro anziani",
  ],
  en: ["Community centre", "Library meeting room", "Church hall", "Community hall", "Day centre"],
} as const;

export const scaleStreets = {
  it: ["Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Italia", "Piazza del Popolo"],
  en: ["High Street", "Church Lane", "Station Road", "Park Road", "Victoria Street"],
} as const;
