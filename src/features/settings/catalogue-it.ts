import type { settingsEn } from "./catalogue-en.js";

/** Messaggi in italiano per cambiare la pagina e gli orari di un gruppo. */
export const settingsIt: Record<keyof typeof settingsEn, string> = {
  "settings.link": "Cambia la pagina e gli orari del gruppo",
  "settings.title": "Cambia {group}",
  "settings.intro":
    "Cambia ciò che dice la pagina del gruppo, dove e quando si incontra e come si entra. Se gli incontri cambiano, ogni membro riceve subito un'e-mail.",
  "settings.submit": "Salva le modifiche",
  "settings.saved":
    "Le modifiche sono salvate. Se gli incontri sono cambiati, ogni membro è stato avvisato.",
  "settings.errors.capacityBelowMembers":
    "Il gruppo ha già più membri di così, contando i posti tenuti per chi è in attesa: scegli almeno altrettanti posti",
  "settings.mail.subject": "{group}: gli incontri sono cambiati",
  "settings.mail.body": "{group} ora si incontra: {when}.",
  "settings.mail.cancelled": "L'incontro del {when} non si terrà più.",
  "settings.mail.link": "I prossimi incontri:",
};
