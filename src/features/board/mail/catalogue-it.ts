import type { boardMailEn } from "./catalogue-en.js";

/** Messaggi in italiano sulle e-mail della bacheca di un gruppo. */
export const boardMailIt: Record<keyof typeof boardMailEn, string> = {
  "board.mail.title": "Le e-mail sulla bacheca di {group}",
  "board.mail.intro":
    "Scegli come sapere quello che i membri scrivono sulla bacheca. Puoi cambiare idea quando vuoi.",
  "board.mail.legend": "Mandami",
  "board.mail.each": "Un'e-mail per ogni nuovo messaggio",
  "board.mail.each.hint": "Ogni conversazione iniziata e ogni risposta, appena viene scritta.",
  "board.mail.digest": "Un'e-mail al giorno",
  "board.mail.digest.hint":
    "Al mattino, le conversazioni con qualcosa di nuovo nell'ultimo giorno. Se non c'è nulla di nuovo, nessuna e-mail.",
  "board.mail.none": "Nessuna e-mail sulla bacheca",
  "board.mail.none.hint": "Puoi sempre leggere la bacheca quando vuoi.",
  "board.mail.announcements":
    "Gli avvisi di chi guida il gruppo arrivano per e-mail, a meno che tu scelga di non ricevere e-mail. L'avviso di un incontro annullato arriva sempre.",
  "board.mail.saved": "La tua scelta è salvata.",
  "board.mail.errors.choice": "Scegli una delle tre possibilità",
  "board.mail.unsubscribe.title": "Non ricevere più e-mail sulla bacheca",
  "board.mail.unsubscribe.intro":
    "Non riceverai più e-mail sulla bacheca di questo gruppo. L'avviso di un incontro annullato ti arriverà comunque.",
  "board.mail.unsubscribe.submit": "Non voglio più queste e-mail",
  "board.mail.unsubscribed.title": "Non riceverai più e-mail sulla bacheca",
  "board.mail.unsubscribed.body":
    "Non riceverai più e-mail sulla bacheca di {group}. Resti un membro del gruppo.",
  "board.mail.unsubscribed.change": "Cambia le e-mail che ricevi sulla bacheca",
  "board.mail.unknownLink.title": "Questo link non funziona",
  "board.mail.unknownLink.body":
    "Questo link non è conosciuto, oppure ha più di sei mesi. Non è stato cambiato nulla. Per scegliere quali e-mail ricevere, accedi e apri la bacheca del gruppo.",
  "board.mail.post.announcement.subject": "{group}: un avviso, «{title}»",
  "board.mail.post.announcement.body": "{author} ha pubblicato un avviso sulla bacheca di {group}:",
  "board.mail.post.toEveryone":
    "Parla di un incontro annullato, quindi arriva a tutti i membri, qualunque e-mail abbiano scelto.",
  "board.mail.post.thread.subject": "{group}: {author} ha iniziato «{title}»",
  "board.mail.post.thread.body": "{author} ha iniziato una conversazione sulla bacheca di {group}:",
  "board.mail.post.reply.subject": "{group}: {author} ha risposto in «{title}»",
  "board.mail.post.reply.body": "{author} ha risposto in «{title}» sulla bacheca di {group}:",
  "board.mail.post.link": "Per leggere la conversazione e rispondere:",
  "board.mail.choose":
    "Per scegliere quali e-mail ricevere sulla bacheca, vai su {url}. Per non riceverne più, vai su {unsubscribe}.",
  "board.mail.digest.subject": "{group}: novità sulla bacheca",
  "board.mail.digest.body":
    "Nell'ultimo giorno è stato scritto qualcosa di nuovo sulla bacheca di {group}:",
  "board.mail.digest.oneNew": "«{title}»: 1 nuovo messaggio",
  "board.mail.digest.manyNew": "«{title}»: {count} nuovi messaggi",
  "board.mail.digest.link": "Per leggerli, apri la bacheca:",
};
