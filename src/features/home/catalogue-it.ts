import type { homeEn } from "./catalogue-en.js";

/** Italian messages of the home page and its urgent-help words. */
export const homeIt: Record<keyof typeof homeEn, string> = {
  "home.title": "Incontra persone che stanno vivendo la tua stessa situazione",
  "home.intro":
    "I gruppi di auto mutuo aiuto sono piccoli gruppi di persone che condividono la stessa difficoltà, come assistere una persona con demenza, perdere il proprio compagno o sentirsi soli. I membri si incontrano di persona, in video o al telefono, e si aiutano a vicenda.",
  "home.peerLed":
    "Ogni gruppo è guidato dai suoi membri. Nessuno è pagato per condurlo, e puoi lasciarlo quando vuoi senza dare spiegazioni.",
  "home.signedIn": "Bentornato, {name}.",
  "home.startSignIn": "Accedi o crea un account",
  "home.urgent":
    "Se tu o qualcuno vicino a te è in pericolo adesso, chiama il {number}. I gruppi di Mutua non sono un servizio di emergenza.",
  "urgent.title": "Hai bisogno di aiuto urgente?",
  "urgent.danger": "Se qualcuno è in pericolo adesso, chiama il {number}.",
  "urgent.body":
    "I gruppi di Mutua sono guidati da volontari che condividono la tua esperienza. Non sono un servizio per le emergenze e potrebbero non leggere subito i messaggi.",
  "urgent.talk":
    "Se hai bisogno di parlare con qualcuno adesso, puoi chiamare una linea di ascolto o il tuo medico. Se temi che una persona anziana subisca maltrattamenti, contatta i servizi di emergenza o i servizi sociali del tuo comune.",
};
