import type { closeEn } from "./catalogue-en.js";

/** Messaggi in italiano per mettere in pausa, riprendere e chiudere un gruppo, e la sua storia. */
export const closeIt: Record<keyof typeof closeEn, string> = {
  "close.link": "Metti in pausa o chiudi il gruppo",
  "close.title": "Mettere in pausa o chiudere {group}",
  "close.pause.title": "Fare una pausa",
  "close.pause.intro":
    "Il gruppo resta com'è, con i suoi membri, ma nessuno può entrare e non si pianificano incontri finché non riprendete. Ogni membro riceve un'e-mail.",
  "close.pause.submit": "Metti in pausa il gruppo",
  "close.resume.title": "Riprendere",
  "close.resume.intro":
    "Il gruppo torna a incontrarsi secondo i suoi orari e può accogliere nuovi membri. Ogni membro riceve un'e-mail.",
  "close.resume.submit": "Fai ripartire il gruppo",
  "close.close.title": "Chiudere il gruppo",
  "close.close.intro":
    "Quando un gruppo ha fatto il suo percorso, può chiudere. I posti di tutti finiscono e gli incontri in programma sono annullati. Per 90 giorni chi ne faceva parte può ancora leggerne la storia: chi c'era, gli incontri, l'accordo. Poi i contenuti privati sono cancellati per sempre.",
  "close.close.legend": "Prima di chiuderlo",
  "close.close.agreed": "Il gruppo ne ha parlato e ha deciso di chiudere",
  "close.close.submit": "Chiudi il gruppo",
  "close.errors.agreed": "Spunta questa casella quando il gruppo ha deciso di chiudere",
  "close.paused": "Il gruppo è in pausa. Ogni membro è stato avvisato.",
  "close.resumed": "Il gruppo si incontra di nuovo. Ogni membro è stato avvisato.",
  "close.closed": "Il gruppo è chiuso. Ogni membro è stato avvisato.",
  "close.notice.paused":
    "Questo gruppo è in pausa: per ora niente incontri e non accoglie nuovi membri.",
  "close.history.title": "La storia di {group}",
  "close.history.intro":
    "Il gruppo ha chiuso il {closed}. Chi ne faceva parte può leggere questa pagina fino al {until}; poi sarà cancellata.",
  "close.history.members": "Chi faceva parte del gruppo",
  "close.history.meetings": "I suoi incontri",
  "close.history.noMeetings": "Non si è tenuto nessun incontro.",
  "close.history.agreement": "Il suo accordo",
  "close.mail.pause.subject": "{group} fa una pausa",
  "close.mail.pause.body":
    "{group} fa una pausa: per ora non ci sono incontri. Sei ancora membro e ti avviseremo quando ripartirà.",
  "close.mail.resume.subject": "{group} si incontra di nuovo",
  "close.mail.resume.body": "{group} si incontra di nuovo nei soliti giorni. Ti aspettiamo.",
  "close.mail.close.subject": "{group} ha chiuso",
  "close.mail.close.body":
    "{group} ha chiuso. Grazie per tutto quello che hai portato. Puoi leggerne la storia fino al {until}; dopo sarà cancellata.",
  "close.mail.link": "Apri:",
};
