import type { moderationEn } from "./catalogue-en.js";

/** Messaggi in italiano della moderazione: segnalazioni, messaggi nascosti e mostrati di nuovo. */
export const moderationIt: Record<keyof typeof moderationEn, string> = {
  "moderation.tool.report": "Segnala questo messaggio",
  "moderation.tool.hide": "Nascondi questo messaggio",
  "moderation.tool.restore": "Mostralo di nuovo",
  "moderation.tool.askBack": "Chiedi che venga mostrato di nuovo",
  "moderation.reason.unkind": "È scortese o ferisce",
  "moderation.reason.personal_details": "Rivela dati personali di qualcuno",
  "moderation.reason.advertising": "Fa pubblicità o vende qualcosa",
  "moderation.reason.off_topic": "Non c'entra con questo gruppo",
  "moderation.reason.other": "Altro",
  "moderation.report.title": "Segnala questo messaggio",
  "moderation.report.intro":
    "I facilitatori del gruppo leggeranno la tua segnalazione e decideranno che cosa fare. Non diranno a chi ha scritto il messaggio chi lo ha segnalato.",
  "moderation.report.reasonLegend": "Perché lo segnali?",
  "moderation.report.details":
    "Qualcosa che vuoi far sapere ai facilitatori (puoi lasciarlo vuoto)",
  "moderation.report.detailsHint": "Fino a 2.000 caratteri. Lo leggeranno solo i facilitatori.",
  "moderation.report.submit": "Invia la segnalazione",
  "moderation.report.done":
    "Grazie. I facilitatori del gruppo lo guarderanno. Non diranno a chi lo ha scritto chi lo ha segnalato.",
  "moderation.hide.title": "Nascondi questo messaggio",
  "moderation.hide.intro":
    "Gli altri membri leggeranno che i facilitatori lo hanno nascosto. Chi lo ha scritto continuerà a vederlo, con il tuo motivo, e potrà modificarlo e chiedere che venga mostrato di nuovo.",
  "moderation.hide.reason": "Il tuo motivo, per chi lo ha scritto",
  "moderation.hide.reasonHint":
    "Dillo con gentilezza e in modo chiaro, in non più di 500 caratteri.",
  "moderation.hide.submit": "Nascondi il messaggio",
  "moderation.hide.done": "Il messaggio è nascosto. Chi lo ha scritto sa il perché.",
  "moderation.restore.title": "Mostra di nuovo questo messaggio",
  "moderation.restore.intro":
    "Tutti i membri potranno leggerlo di nuovo. Chi lo ha scritto riceverà un avviso.",
  "moderation.restore.reason": "Una parola per chi lo ha scritto (puoi lasciarlo vuoto)",
  "moderation.restore.submit": "Mostralo di nuovo",
  "moderation.restore.done": "Il messaggio è di nuovo visibile.",
  "moderation.askBack.title": "Chiedi che il tuo messaggio venga mostrato di nuovo",
  "moderation.askBack.intro":
    "I facilitatori hanno nascosto questo messaggio. Il motivo: «{reason}».",
  "moderation.askBack.change": "Se vuoi, puoi prima modificarlo.",
  "moderation.askBack.changeLink": "Modifica il tuo messaggio",
  "moderation.askBack.message": "Un messaggio per i facilitatori (puoi lasciarlo vuoto)",
  "moderation.askBack.messageHint": "Fino a 1.000 caratteri.",
  "moderation.askBack.submit": "Chiedi che venga mostrato di nuovo",
  "moderation.askBack.done": "Hai chiesto ai facilitatori di mostrare di nuovo il tuo messaggio.",
  "moderation.reports.link": "Segnalazioni dei messaggi, per chi guida il gruppo",
  "moderation.reports.title": "Segnalazioni sulla bacheca di {group}",
  "moderation.reports.intro":
    "I messaggi segnalati dai membri e i messaggi nascosti. A chi ha scritto un messaggio non viene mai detto chi lo ha segnalato.",
  "moderation.reports.open": "In attesa di una decisione",
  "moderation.reports.noneOpen": "Nessuna segnalazione in attesa.",
  "moderation.reports.hidden": "Messaggi nascosti",
  "moderation.reports.noneHidden": "Nessun messaggio è nascosto.",
  "moderation.reports.decided": "Decise",
  "moderation.reports.noneDecided": "Non è ancora stato deciso nulla.",
  "moderation.reports.postHeading": "Un messaggio di {name}",
  "moderation.reports.details": "Che cosa ha scritto:",
  "moderation.reports.by": "Segnalato da {name} il {when}",
  "moderation.reports.byWithheld":
    "Segnalato il {when}. Riguarda un tuo messaggio, quindi chi lo ha segnalato e che cosa ha scritto non ti vengono mostrati.",
  "moderation.reports.state.acted_on": "Il messaggio è stato nascosto il {when}",
  "moderation.reports.state.left_up": "Lasciato visibile il {when}",
  "moderation.reports.askedBack":
    "Chi lo ha scritto ha chiesto che venga mostrato di nuovo il {when}.",
  "moderation.reports.askedMessage": "Il suo messaggio: «{message}»",
  "moderation.reports.inThread": "Leggilo nella sua conversazione",
  "moderation.reports.leaveUp": "Lascialo visibile",
  "moderation.reports.leftUp": "Deciso: il messaggio resta com'è.",
  "moderation.errors.reason": "Scegli perché lo segnali",
  "moderation.errors.detailsLong": "Scrivi meno di 2.000 caratteri, per favore",
  "moderation.errors.hideReasonEmpty": "Scrivi perché lo nascondi: chi lo ha scritto lo leggerà",
  "moderation.errors.hideReasonLong": "Scrivi il motivo in meno di 500 caratteri, per favore",
  "moderation.errors.messageLong": "Scrivi il tuo messaggio in meno di 1.000 caratteri, per favore",
  "moderation.errors.deleted": "Questo messaggio è stato cancellato da chi lo aveva scritto.",
  "moderation.errors.notLeading":
    "Solo chi guida il gruppo legge le segnalazioni e decide che cosa fare.",
  "moderation.errors.ownPost":
    "Non puoi segnalare un tuo messaggio. Puoi modificarlo o cancellarlo.",
  "moderation.errors.alreadyReported":
    "Hai già segnalato questo messaggio. I facilitatori lo guarderanno.",
  "moderation.errors.alreadyHidden": "I facilitatori hanno già nascosto questo messaggio.",
  "moderation.errors.notHidden":
    "Questo messaggio non è nascosto: tutti i membri possono leggerlo.",
  "moderation.errors.notYours": "Solo chi lo ha scritto può chiedere che venga mostrato di nuovo.",
  "moderation.errors.alreadyAsked":
    "Lo hai già chiesto. I facilitatori lo guarderanno e ti risponderanno.",
  "moderation.errors.alreadyDecided": "Su questa segnalazione è già stato deciso.",
  "moderation.mail.reported.subject": "È stato segnalato un messaggio sulla bacheca di {group}",
  "moderation.mail.reported.body":
    "Un membro ha segnalato un messaggio sulla bacheca di {group}. Puoi leggerlo, e il motivo della segnalazione, nella pagina delle segnalazioni del gruppo.",
  "moderation.mail.reports": "La pagina delle segnalazioni:",
  "moderation.mail.hidden.subject": "I facilitatori hanno nascosto un tuo messaggio in {group}",
  "moderation.mail.hidden.body": "I facilitatori hanno nascosto un tuo messaggio in {group}.",
  "moderation.mail.hidden.reason": "Il motivo: «{reason}»",
  "moderation.mail.hidden.action": "Puoi modificarlo e chiedere che venga mostrato di nuovo:",
  "moderation.mail.restored.subject": "Il tuo messaggio in {group} è di nuovo visibile",
  "moderation.mail.restored.body":
    "I facilitatori mostrano di nuovo a tutti i membri il tuo messaggio in {group}.",
  "moderation.mail.restored.reason": "Le loro parole: «{reason}»",
  "moderation.mail.post": "Il tuo messaggio:",
  "moderation.mail.asked.subject":
    "Un messaggio nascosto in {group}: chi lo ha scritto chiede di mostrarlo",
  "moderation.mail.asked.body":
    "{name} chiede che il suo messaggio nascosto in {group} venga mostrato di nuovo. Puoi leggerlo, con quello che ti ha scritto, nella pagina delle segnalazioni del gruppo.",
};
