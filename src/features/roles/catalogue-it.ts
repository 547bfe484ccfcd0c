import type { rolesEn } from "./catalogue-en.js";

/** Italian messages of roles in a group and the guide's handover. */
export const rolesIt: Record<keyof typeof rolesEn, string> = {
  "roles.link": "Membri e ruoli",
  "roles.members.title": "I membri di {group}",
  "roles.members.private": "Solo i membri del gruppo vedono questo elenco.",
  "roles.role.member": "membro",
  "roles.role.facilitator": "facilitatore",
  "roles.role.guide": "guida",
  "roles.role.observer": "osservatore",
  "roles.role.removed": "non più membro",
  "roles.remove.link": "Togli {name} dal gruppo",
  "roles.remove.title": "Togliere {name} dal gruppo?",
  "roles.remove.intro":
    "{name} non sarà più membro di {group}: non vedrà gli incontri, i membri né la bacheca, e non potrà rientrare da solo. Riceverà un'e-mail, senza un motivo. Il suo posto viene offerto alla prossima persona in attesa.",
  "roles.remove.submit": "Togli {name}",
  "roles.removed": "La persona non è più membro. Il cambiamento è registrato e i membri lo vedono.",
  "roles.mail.removed.subject": "Non sei più membro di {group}",
  "roles.mail.removed.body":
    "Chi facilita {group} ha concluso la tua partecipazione al gruppo. Se pensi che sia un errore, o vuoi parlarne, puoi rispondere. Altri gruppi potrebbero fare per te: puoi cercarne uno quando vuoi.",
  "roles.mail.removed.link": "Cerca un gruppo:",
  "roles.makeFacilitator": "Rendi {name} facilitatore",
  "roles.makeMember": "{name} non conduce più",
  "roles.changed": "Il cambio di ruolo è salvato e tutti i membri lo vedono.",
  "roles.unchanged": "Non è cambiato nulla.",
  "roles.changes.title": "Cambi di ruolo",
  "roles.changes.none": "Il ruolo di nessuno è ancora cambiato.",
  "roles.changes.line": "{date}: {person}, {from} → {to} (da {by})",
  "roles.ledByMembers": "Questo gruppo è guidato dai suoi membri.",
  "roles.handover.link": "Il passaggio di consegne della guida",
  "roles.handover.title": "Il passaggio di consegne della guida",
  "roles.handover.intro":
    "Una guida aiuta un gruppo a nascere, poi si fa da parte. Dalla data del passaggio la guida può ancora leggere la pagina e gli incontri del gruppo, ma non vede più i membri e non lo conduce: il gruppo è guidato dai suoi membri.",
  "roles.handover.none": "La guida non ha ancora proposto una data.",
  "roles.handover.proposed":
    "La guida propone di farsi da parte il {when}. Un facilitatore può accettare.",
  "roles.handover.agreed": "Il gruppo è guidato dai suoi membri dal {when}.",
  "roles.handover.date": "La data del passaggio",
  "roles.handover.propose": "Proponi questa data",
  "roles.handover.agree": "Accettiamo questa data",
  "roles.handover.saved": "La data è proposta. I facilitatori ora possono accettarla.",
  "roles.handover.done": "Accettato. Da quella data il gruppo è guidato dai suoi membri.",
  "roles.errors.role": "Scegli membro o facilitatore",
  "roles.errors.date": "Scrivi la data così: 14/4/2026",
  "roles.errors.past": "Scegli una data non ancora passata",
  "roles.errors.isGuide": "Il ruolo della guida cambia solo con il passaggio di consegne.",
  "roles.errors.onlyTheGuide":
    "Solo la guida propone la data del passaggio di consegne, finché un facilitatore non l'ha accettata.",
  "roles.errors.facilitatorsAgree": "È un facilitatore ad accettare la data proposta dalla guida.",
  "roles.errors.nothingProposed": "La guida non ha ancora proposto una data.",
  "roles.errors.agreed": "La data del passaggio di consegne è già stata accettata.",
  "roles.errors.handoverPassed": "La data proposta è passata: chiedi alla guida una nuova data.",
};
