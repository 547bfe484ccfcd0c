import type { agreementEn } from "./catalogue-en.js";

/** Messaggi in italiano dell'accordo di un gruppo e delle sue modifiche. */
export const agreementIt: Record<keyof typeof agreementEn, string> = {
  "agreement.link": "L'accordo del gruppo",
  "agreement.title": "L'accordo di {group}",
  "agreement.changedNotice":
    "L'accordo del gruppo è cambiato. Per favore leggilo e accettalo prima di continuare.",
  "agreement.acceptAgain":
    "Il gruppo ha approvato una modifica il {date}. Per favore leggi l'accordo come è ora e accettalo.",
  "agreement.accept": "Accetto l'accordo",
  "agreement.since": "Il gruppo ha approvato questo testo il {date}.",
  "agreement.acceptedOn": "L'hai accettato il {date}.",
  "agreement.open.title": "Una modifica proposta",
  "agreement.open.intro":
    "{person} l'ha proposta il {date}. Ogni membro può opporsi fino al {until}. Se nessuno si oppone, da quel giorno diventa l'accordo del gruppo.",
  "agreement.open.reason": "Perché: {reason}",
  "agreement.open.text": "L'accordo come sarebbe",
  "agreement.object.reason": "Perché ti opponi (facoltativo)",
  "agreement.object.hint":
    "Basta un'obiezione: la modifica non avverrà e chi facilita ne parlerà con il gruppo.",
  "agreement.object.submit": "Mi oppongo a questa modifica",
  "agreement.propose.title": "Proponi una modifica",
  "agreement.propose.intro":
    "Scrivi tutto l'accordo come vorresti che fosse. Ogni membro riceverà un avviso e potrà opporsi entro 7 giorni.",
  "agreement.propose.text": "L'accordo",
  "agreement.propose.textHint":
    "Per esempio: ciò che si dice qui resta qui; solo nomi di battesimo; niente consigli se non richiesti; dire “passo” va sempre bene; nessuna registrazione senza il consenso di tutti; cosa facciamo se qualcuno è in crisi.",
  "agreement.propose.reason": "Perché la proponi (facoltativo)",
  "agreement.propose.submit": "Proponi questa modifica",
  "agreement.history.title": "Modifiche precedenti",
  "agreement.history.none": "L'accordo non è cambiato da quando il gruppo è nato.",
  "agreement.history.adopted": "Proposta da {person} il {date}; in vigore dal {effective}.",
  "agreement.history.objected": "Proposta da {person} il {date}; non è andata avanti.",
  "agreement.history.objection": "{person} si è opposto: {reason}",
  "agreement.history.objectionNoReason": "{person} si è opposto.",
  "agreement.proposed":
    "La modifica è proposta. Ogni membro ha ricevuto un avviso e può opporsi entro 7 giorni.",
  "agreement.objected":
    "La tua obiezione è registrata. La modifica non andrà avanti e chi facilita è stato avvisato.",
  "agreement.accepted": "Grazie. Hai accettato l'accordo del gruppo.",
  "agreement.changedWhileReading":
    "L'accordo è cambiato mentre lo leggevi. Leggilo com'è adesso, poi accettalo.",
  "agreement.errors.empty": "Scrivi l'accordo come sarebbe",
  "agreement.errors.tooLong": "L'accordo può avere al massimo 5.000 caratteri",
  "agreement.errors.reasonTooLong": "Al massimo 1.000 caratteri",
  "agreement.errors.unchanged": "L'accordo dice già questo: cambia qualcosa prima",
  "agreement.errors.open": "Un'altra modifica è ancora aperta: aspetta che si concluda",
  "agreement.errors.onlyLeaders":
    "Le modifiche all'accordo le propone chi facilita, una alla volta.",
  "agreement.errors.nothingToObject": "Non c'è nessuna modifica aperta alle obiezioni.",
  "agreement.errors.notOpen": "La modifica non è più aperta alle obiezioni.",
  "agreement.mail.proposed.subject": "{group}: proposta una modifica all'accordo",
  "agreement.mail.proposed.body":
    "Chi facilita {group} propone una modifica all'accordo del gruppo. Per favore leggila. Se non ti convince, puoi opporti fino al {until}; senza obiezioni entra in vigore quel giorno.",
  "agreement.mail.objected.subject": "{group}: un membro si è opposto alla modifica",
  "agreement.mail.objected.body":
    "Un membro di {group} si è opposto alla modifica proposta dell'accordo, quindi non andrà avanti. Potete parlarne al prossimo incontro.",
  "agreement.mail.adopted.subject": "{group}: l'accordo è cambiato",
  "agreement.mail.adopted.body":
    "Nessuno si è opposto, quindi la modifica all'accordo di {group} è in vigore. Per favore leggi l'accordo come è ora e accettalo alla tua prossima visita.",
  "agreement.mail.reason": "Perché: {reason}",
  "agreement.mail.link": "Leggi l'accordo:",
};
