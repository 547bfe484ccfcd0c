import type { oversightEn } from "./catalogue-en.js";

/** Messaggi in italiano della vista di un'organizzazione sui suoi gruppi, e degli avvisi. */
export const oversightIt: Record<keyof typeof oversightEn, string> = {
  "oversight.title": "I gruppi di {organisation}",
  "oversight.passkey.title": "Accedi con una passkey per vedere i gruppi della tua organizzazione",
  "oversight.passkey.body":
    "Chi coordina vede i gruppi della propria organizzazione dopo aver fatto l'accesso con una passkey, che protegge questi dati. Aggiungi una passkey nella pagina del tuo account, esci e poi accedi con quella.",
  "oversight.intro":
    "Come stanno i gruppi della tua organizzazione, solo in numeri. Ciò che si dice in un gruppo, e chi ne fa parte, resta nel gruppo; i conteggi sotto le 5 persone non sono mostrati.",
  "oversight.none": "Nessun gruppo appartiene ancora a questa organizzazione.",
  "oversight.column.group": "Gruppo",
  "oversight.column.members": "Membri / posti",
  "oversight.column.waiting": "In attesa",
  "oversight.column.meetings": "Incontri tenuti (90 giorni)",
  "oversight.column.handover": "Guidato dai membri",
  "oversight.column.flag": "Da seguire",
  "oversight.fewer": "meno di 5",
  "oversight.yes": "sì",
  "oversight.no": "non ancora",
  "oversight.paused": "in pausa",
  "oversight.quiet": "Nessun incontro da 90 giorni",
  "oversight.caption": "I gruppi della tua organizzazione",
  "oversight.link": "I gruppi della tua organizzazione",
  "oversight.mail.full.subject": "{group} è al completo",
  "oversight.mail.full.body":
    "{group} ora ha tanti membri quanti posti. Le nuove persone vanno in lista d'attesa. Se il gruppo cresce, potete parlare di allargarlo un po', o di dividerlo in due.",
  "oversight.mail.waiting.subject": "Da un mese c'è chi aspetta un posto in {group}",
  "oversight.mail.waiting.body":
    "Tre o più persone aspettano da quattro settimane o più un posto in {group}. Forse è il momento di parlare di dividere il gruppo in due, perché nessuno aspetti troppo.",
  "oversight.mail.quiet.subject": "{group} non si incontra da 90 giorni",
  "oversight.mail.quiet.body":
    "{group} non tiene incontri da 90 giorni. Forse ha bisogno di una mano per ripartire, o forse è il momento di chiudere. Con te sono condivisi solo i numeri.",
  "oversight.mail.link": "Vedi di più:",
};
