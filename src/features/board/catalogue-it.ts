import type { boardEn } from "./catalogue-en.js";

/** Messaggi in italiano della bacheca di un gruppo. */
export const boardIt: Record<keyof typeof boardEn, string> = {
  "board.link": "La bacheca del gruppo",
  "board.title": "La bacheca di {group}",
  "board.intro":
    "Uno spazio riservato ai membri del gruppo tra un incontro e l'altro. Solo i membri possono leggerlo. Quello che si dice qui resta qui.",
  "board.none": "Qui non è ancora stato scritto nulla. Puoi iniziare tu la prima conversazione.",
  "board.back": "Torna alla bacheca",
  "board.pages": "Pagine della bacheca",
  "board.newer": "Conversazioni più recenti",
  "board.older": "Conversazioni meno recenti",
  "board.pageOf": "Pagina {page} di {pages}",
  "board.unreadCount": "{count} conversazioni con qualcosa di nuovo",
  "board.live.new": "È stato scritto qualcosa di nuovo. La pagina è stata aggiornata.",
  "board.thread.announcement": "Avviso",
  "board.thread.isAnnouncement": "Questo è un avviso di chi guida il gruppo.",
  "board.thread.unread": "Nuovo per te",
  "board.thread.oneReply": "1 risposta",
  "board.thread.replies": "{count} risposte",
  "board.thread.lastActivity": "ultimo messaggio {when}",
  "board.thread.deleted":
    "Una conversazione il cui primo messaggio è stato cancellato da chi lo aveva scritto",
  "board.thread.hidden":
    "Una conversazione il cui primo messaggio è stato nascosto dai facilitatori",
  "board.thread.untitled": "Una conversazione",
  "board.author.gone": "Una persona che ha lasciato Mutua",
  "board.author.unnamed": "Un membro",
  "board.post.edited": "modificato",
  "board.post.deleted": "Questo messaggio è stato cancellato da chi lo aveva scritto.",
  "board.post.hiddenFromYou":
    "Questo messaggio è stato nascosto dai facilitatori del gruppo. Chi lo ha scritto sa il perché.",
  "board.post.hiddenYours":
    "I facilitatori del gruppo hanno nascosto questo messaggio agli altri membri. Il motivo: «{reason}». Puoi modificarlo e chiedere che venga mostrato di nuovo.",
  "board.post.hiddenLeaders": "Nascosto agli altri membri. Il motivo indicato: «{reason}».",
  "board.post.edit": "Modifica questo messaggio",
  "board.post.delete": "Cancella questo messaggio",
  "board.reaction.me_too": "Anch'io",
  "board.reaction.thank_you": "Grazie",
  "board.reaction.helped_me": "Mi è stato utile",
  "board.body.hint":
    "Puoi scrivere parole in *corsivo* o in **grassetto**, elenchi e link. Usa solo i nomi di battesimo e non raccontare di altre persone senza il loro permesso.",
  "board.mail.link": "Scegli quali e-mail ricevere sulla bacheca",
  "board.new.link": "Inizia una conversazione",
  "board.new.title": "Inizia una conversazione",
  "board.new.intro": "Tutti i membri del gruppo potranno leggerla e rispondere.",
  "board.new.titleLabel": "Di che cosa si tratta",
  "board.new.body": "Il tuo messaggio",
  "board.new.submit": "Pubblica",
  "board.new.posted": "Il tuo messaggio è sulla bacheca.",
  "board.announce.link": "Pubblica un avviso",
  "board.announce.title": "Pubblica un avviso",
  "board.announce.intro":
    "Un avviso resta in cima alla bacheca e viene inviato per e-mail a tutti i membri che ricevono la posta della bacheca.",
  "board.announce.toEveryone":
    "Riguarda un incontro annullato: invialo a tutti i membri, qualunque posta abbiano scelto",
  "board.announce.submit": "Pubblica l'avviso",
  "board.announce.posted": "Il tuo avviso è sulla bacheca e sta arrivando ai membri.",
  "board.reply.title": "Rispondi",
  "board.reply.body": "La tua risposta",
  "board.reply.submit": "Pubblica la risposta",
  "board.reply.posted": "La tua risposta è sulla bacheca.",
  "board.edit.title": "Modifica il tuo messaggio",
  "board.edit.intro":
    "Puoi modificare un messaggio per 24 ore dopo averlo scritto. Apparirà la scritta «modificato».",
  "board.edit.hiddenIntro":
    "I facilitatori hanno nascosto questo messaggio. Il motivo: «{reason}». Modificalo, poi chiedi che venga mostrato di nuovo.",
  "board.edit.body": "Il tuo messaggio",
  "board.edit.submit": "Salva la modifica",
  "board.edit.saved": "Il tuo messaggio è stato modificato.",
  "board.delete.title": "Vuoi cancellare il tuo messaggio?",
  "board.delete.intro":
    "Le sue parole spariranno per tutti. Il suo posto resta, con la scritta che è stato cancellato da chi lo aveva scritto, così le risposte hanno ancora senso.",
  "board.delete.submit": "Cancella il mio messaggio",
  "board.delete.done": "Il tuo messaggio è stato cancellato.",
  "board.errors.bodyEmpty": "Scrivi il tuo messaggio",
  "board.errors.bodyLong":
    "Il messaggio è troppo lungo: tienilo sotto i 20.000 caratteri, oppure dividilo in due",
  "board.errors.titleEmpty": "Di' in poche parole di che cosa si tratta",
  "board.errors.titleLong": "Tieni l'argomento sotto i 150 caratteri",
  "board.errors.reaction": "Scegli Anch'io, Grazie oppure Mi è stato utile",
  "board.errors.tooSoon":
    "Aspetta qualche secondo prima di pubblicare di nuovo. Il tuo messaggio è qui sotto.",
  "board.errors.firstDay":
    "Nel tuo primo giorno nel gruppo puoi pubblicare 10 messaggi. Il tuo messaggio è qui sotto: potrai pubblicarlo domani.",
  "board.errors.notYours": "Solo chi lo ha scritto può farlo.",
  "board.errors.deleted": "Questo messaggio è stato cancellato da chi lo aveva scritto.",
  "board.errors.tooLate": "Un messaggio si può modificare per 24 ore dopo averlo scritto.",
  "board.errors.hidden": "Questo messaggio è nascosto dai facilitatori.",
  "board.errors.ownPost": "Non puoi reagire a un tuo messaggio.",
  "board.errors.notLeading": "Solo chi guida il gruppo pubblica gli avvisi.",
};
