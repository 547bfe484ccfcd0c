import type { matchingEn } from "./catalogue-en.js";

/** Italian messages of the matching pages: the compiler checks every English key is here. */
export const matchingIt: Record<keyof typeof matchingEn, string> = {
  "matching.home.intro":
    "Rispondi a cinque brevi domande e ti suggeriremo alcuni gruppi che potrebbero fare per te.",
  "matching.home.find": "Trova un gruppo",
  "matching.home.all": "Vedi tutti i gruppi",

  "matching.start.title": "Trova il gruppo che fa per te",
  "matching.start.intro":
    "Ti faremo cinque brevi domande: che cosa stai vivendo, per chi è il gruppo, dove o come vorresti incontrarti, quando ti va bene e che lingua parli.",
  "matching.start.then":
    "Poi ti mostreremo alcuni gruppi adatti alle tue risposte. Prima di vederli puoi cambiare ogni risposta.",
  "matching.start.private": "Non salviamo le tue risposte. Per guardare non serve un account.",
  "matching.start.button": "Inizia",
  "matching.start.all": "Puoi anche guardare l'elenco di tutti i gruppi.",
  "matching.progress": "Domanda {number} di {count}",

  "matching.difficulty.title": "Che cosa stai vivendo?",
  "matching.difficulty.hint": "Scegli quello che adesso conta di più per te.",
  "matching.difficulty.any": "Altro, oppure non lo so",
  "matching.difficulty.anyHint":
    "Ti mostreremo i gruppi che accolgono persone che vivono qualsiasi difficoltà.",
  "matching.difficulty.error": "Scegli che cosa stai vivendo, oppure “Altro, oppure non lo so”",

  "matching.who.title": "Per chi è il gruppo?",
  "matching.who.me": "Per me",
  "matching.who.meHint": "Lo sto vivendo io.",
  "matching.who.carer": "Per una persona di cui mi prendo cura",
  "matching.who.carerHint": "Mi occupo di un familiare o di un amico, e vorrei un sostegno.",
  "matching.who.both": "Per tutti e due",
  "matching.who.bothHint": "Vorremmo andare al gruppo insieme.",
  "matching.who.error": "Scegli per chi è il gruppo",

  "matching.where.title": "Dove o come vorresti incontrarti?",
  "matching.where.in_person": "Di persona, vicino a dove abito",
  "matching.where.online": "Online, in videochiamata",
  "matching.where.onlineHint": "Con un computer, un tablet o uno smartphone.",
  "matching.where.telephone": "Per telefono",
  "matching.where.telephoneHint": "Chiami un numero e parli con il gruppo.",
  "matching.where.any": "Va bene tutto",
  "matching.where.place": "Il tuo comune o la tua città",
  "matching.where.placeHint":
    "Solo se hai scelto “Di persona” o “Va bene tutto”. Per esempio, Trento.",
  "matching.where.radius": "Quanta strada potresti fare per arrivare a un incontro?",
  "matching.where.radiusOption": "Fino a {km} km",
  "matching.where.error": "Scegli dove o come vorresti incontrarti",
  "matching.where.placeMissing":
    "Scrivi il nome del tuo comune o della tua città, così troviamo i gruppi vicini",
  "matching.where.placeTooLong": "Il comune o la città possono avere al massimo 100 caratteri",
  "matching.where.placeUnknown":
    "Non abbiamo trovato un comune con questo nome. Controlla come è scritto, o prova con una città più grande lì vicino",
  "matching.where.radiusError": "Scegli quanta strada potresti fare",

  "matching.when.title": "Quando ti va bene?",
  "matching.when.hint":
    "Segna i giorni e i momenti della giornata in cui potresti venire. Quasi tutti i gruppi si incontrano una volta alla settimana o una volta al mese.",
  "matching.when.days": "Quali giorni?",
  "matching.when.times": "In che momento della giornata?",
  "matching.when.time.morning": "Mattina (prima di mezzogiorno)",
  "matching.when.time.afternoon": "Pomeriggio (da mezzogiorno alle 17)",
  "matching.when.time.evening": "Sera (dalle 17)",
  "matching.when.any": "Mi va bene qualsiasi giorno e qualsiasi ora",
  "matching.when.error":
    "Segna i giorni o i momenti che ti vanno bene, oppure “Mi va bene qualsiasi giorno e qualsiasi ora”",
  "matching.when.bothError":
    "Segna alcuni giorni e momenti, oppure “Mi va bene qualsiasi giorno e qualsiasi ora”, ma non tutti e due",
  "matching.when.dayError": "Scegli tra i giorni della settimana",
  "matching.when.timeError": "Scegli mattina, pomeriggio o sera",

  "matching.language.title": "In che lingua vorresti parlare nel gruppo?",
  "matching.language.error": "Scegli una lingua",

  "matching.or": "oppure",

  "matching.summary.title": "Controlla le tue risposte",
  "matching.summary.intro": "Se qualcosa non va, puoi cambiarlo.",
  "matching.summary.change": "Cambia",
  "matching.summary.changeLabel": "Cambia: {question}",
  "matching.summary.submit": "Vedi i gruppi adatti",

  "matching.answer.anyDifficulty": "Altro, oppure non lo so",
  "matching.answer.who.me": "Per me",
  "matching.answer.who.carer": "Per una persona di cui mi prendo cura",
  "matching.answer.who.both": "Per tutti e due",
  "matching.answer.inPerson": "Di persona, fino a {km} km da {place}",
  "matching.answer.online": "Online, in videochiamata",
  "matching.answer.telephone": "Per telefono",
  "matching.answer.any": "Di persona fino a {km} km da {place}, online o per telefono",
  "matching.answer.anyTime": "Qualsiasi giorno e qualsiasi ora",
  "matching.answer.daysOnly": "{days}, a qualsiasi ora",
  "matching.answer.timesOnly": "Qualsiasi giorno, di {times}",
  "matching.answer.daysTimes": "{days}, di {times}",
  "matching.answer.time.morning": "mattina",
  "matching.answer.time.afternoon": "pomeriggio",
  "matching.answer.time.evening": "sera",

  "matching.results.title": "Gruppi adatti alle tue risposte",
  "matching.results.none":
    "Ci dispiace: per ora nessun gruppo corrisponde a tutte le tue risposte.",
  "matching.results.one": "1 gruppo corrisponde alle tue risposte.",
  "matching.results.many": "{count} gruppi corrispondono alle tue risposte.",
  "matching.results.best": "Ecco i {shown} più adatti.",
  "matching.results.few": "Per ora pochi gruppi corrispondono a tutte le tue risposte. Potresti:",
  "matching.results.noneNext": "Ecco che cosa potresti fare:",
  "matching.results.widen": "Cercare fino a {km} km, in qualsiasi giorno e a qualsiasi ora",
  "matching.results.all": "Vedere tutti i gruppi",
  "matching.results.help": "Chiederci di aiutarti a trovare un gruppo",
  "matching.results.groups": "Gruppi per te",
  "matching.results.why": "Perché potrebbe fare per te:",
  "matching.results.change": "Cambia le tue risposte",
  "matching.results.notRight": "Non è proprio quello che cerchi?",

  "matching.reason.difficulty": "Si parla di: {names}",
  "matching.reason.openToAny": "Accoglie persone che vivono qualsiasi difficoltà",
  "matching.reason.audience.living_with": "È per chi lo sta vivendo in prima persona",
  "matching.reason.audience.carers": "È per familiari e amici che si prendono cura di qualcuno",
  "matching.reason.audience.both":
    "È per chi lo sta vivendo, e per chi si prende cura di queste persone",
  "matching.reason.near": "Si incontra a {km} km da {place}",
  "matching.reason.nearUnderOne": "Si incontra a meno di 1 km da {place}",
  "matching.reason.remote.online": "Si incontra online, in videochiamata: puoi partecipare da casa",
  "matching.reason.remote.hybrid": "Puoi partecipare anche online, in videochiamata",
  "matching.reason.remote.telephone": "Si incontra per telefono: puoi partecipare da casa",
  "matching.reason.day": "Si incontra di {weekday}, un giorno che hai scelto",
  "matching.reason.time": "Si incontra di {time}, un momento che hai scelto",
  "matching.reason.language": "Nel gruppo si parla {languages}",

  "matching.help.title": "Chiedici di aiutarti a trovare un gruppo",
  "matching.help.intro":
    "Dicci come raggiungerti. Una persona di {name} ti contatterà e ti aiuterà a trovare un gruppo.",
  "matching.help.name": "Il tuo nome, o un nome con cui possiamo chiamarti",
  "matching.help.nameHint": "Non serve il cognome.",
  "matching.help.reach": "Come possiamo raggiungerti?",
  "matching.help.reach.email": "Per e-mail",
  "matching.help.reach.phone": "Per telefono",
  "matching.help.email": "Il tuo indirizzo e-mail (se hai scelto l'e-mail)",
  "matching.help.phone": "Il tuo numero di telefono (se hai scelto il telefono)",
  "matching.help.phoneHint": "Per esempio, 0461 123456",
  "matching.help.message": "Qualcosa che vuoi dirci (puoi lasciarlo vuoto)",
  "matching.help.messageHint": "Al massimo 1.000 caratteri.",
  "matching.help.answers": "Invieremo anche le tue risposte alle domande:",
  "matching.help.send": "Chiedi aiuto",
  "matching.help.nameMissing": "Scrivi un nome con cui possiamo chiamarti",
  "matching.help.nameTooLong": "Il nome può avere al massimo 40 caratteri",
  "matching.help.reachMissing": "Scegli come possiamo raggiungerti",
  "matching.help.phoneMissing": "Scrivi il tuo numero di telefono",
  "matching.help.phoneInvalid": "Scrivi un numero di telefono usando le cifre, come 0461 123456",
  "matching.help.messageTooLong": "Il messaggio può avere al massimo 1.000 caratteri",
  "matching.help.phoneOnly":
    "Chiamaci al numero {phone}. Saremo felici di aiutarti a trovare un gruppo.",
  "matching.help.none":
    "Ci dispiace: per ora su {name} nessuno può aiutarti con un messaggio. Puoi guardare l'elenco di tutti i gruppi, o chiedere alla persona che ti ha parlato di {name}.",
  "matching.help.sent.title": "Grazie, abbiamo ricevuto il tuo messaggio",
  "matching.help.sent.body":
    "Una persona ti contatterà appena possibile, per aiutarti a trovare un gruppo che faccia per te.",

  "matching.mail.subject": "{name} chiede aiuto per trovare un gruppo",
  "matching.mail.intro":
    "{name} ha usato “Trova un gruppo” su {site} e vorrebbe aiuto per trovare il gruppo giusto.",
  "matching.mail.email": "Indirizzo e-mail per rispondere: {email}",
  "matching.mail.phone": "Numero di telefono per rispondere: {phone}",
  "matching.mail.message": "Il messaggio:",
  "matching.mail.noMessage": "Non ha scritto un messaggio.",
  "matching.mail.answers": "Le risposte alle domande:",
  "matching.mail.answer": "{question} {answer}",
  "matching.mail.noAnswers": "Non ha risposto alle domande.",
  "matching.mail.private":
    "Per favore, tieni riservato questo messaggio e cancellalo quando hai finito di aiutare questa persona.",
};
