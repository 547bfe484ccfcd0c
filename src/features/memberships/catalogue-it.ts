import type { membershipsEn } from "./catalogue-en.js";

/** Italian messages of joining, waiting and leaving. */
export const membershipsIt: Record<keyof typeof membershipsEn, string> = {
  "memberships.join.title": "Partecipa a {group}",
  "memberships.join.agreementIntro":
    "Ogni membro di questo gruppo accetta queste regole. Leggile prima di entrare.",
  "memberships.join.agree": "Accetto, entro nel gruppo",
  "memberships.join.waitlistIntro":
    "Al momento il gruppo è al completo. Puoi metterti in lista d'attesa: quando si libera un posto, lo offriamo per e-mail alla prima persona in attesa, che ha tre giorni per accettarlo.",
  "memberships.join.waitlist": "Accetto, mettimi in lista d'attesa",
  "memberships.request.title": "Chiedi di partecipare a {group}",
  "memberships.request.intro":
    "I membri che guidano il gruppo leggeranno la tua richiesta e ti risponderanno per e-mail. Non devi spiegare nulla.",
  "memberships.request.message": "Qualche parola per loro (puoi lasciarlo vuoto)",
  "memberships.request.send": "Accetto, invia la mia richiesta",
  "memberships.request.tooLong": "Il messaggio può avere al massimo 1.000 caratteri",
  "memberships.joined.flash": "Benvenuto! Ora fai parte di questo gruppo.",
  "memberships.requested.flash":
    "La tua richiesta è stata inviata. Riceverai una risposta per e-mail.",
  "memberships.waitlisted.flash": "Sei in lista d'attesa. Ti scriveremo quando si libera un posto.",
  "memberships.notTaking": "Al momento questo gruppo non accoglie nuovi membri.",
  "memberships.alreadyIn": "Fai già parte di questo gruppo, o stai aspettando una risposta.",
  "memberships.removed":
    "Non puoi entrare di nuovo in questo gruppo. Se pensi che sia un errore, contatta il numero di aiuto.",
  "memberships.status.active": "Fai parte di questo gruppo.",
  "memberships.status.requested": "Hai chiesto di partecipare. Il gruppo ti risponderà per e-mail.",
  "memberships.status.waitlisted": "Sei al numero {position} della lista d'attesa.",
  "memberships.status.waitlistedFirst": "Sei il primo o la prima della lista d'attesa.",
  "memberships.status.waitlistedBehindFew": "Sei in lista d'attesa, con poche persone prima di te.",
  "memberships.status.offer": "Un posto è tenuto per te fino a {time}.",
  "memberships.offer.accept": "Prendo il mio posto nel gruppo",
  "memberships.offer.decline": "No grazie, lo lascio alla persona successiva",
  "memberships.offer.gone": "Questa offerta è terminata. Sei ancora in lista d'attesa.",
  "memberships.leave.title": "Vuoi lasciare {group}?",
  "memberships.leave.body":
    "Puoi lasciare il gruppo quando vuoi. Non devi dare spiegazioni. Potrai chiedere di rientrare più avanti.",
  "memberships.leave.submit": "Sì, lascio il gruppo",
  "memberships.leave.link": "Lascia questo gruppo",
  "memberships.left.flash": "Hai lasciato il gruppo.",
  "memberships.panel.yours": "Il tuo posto in questo gruppo",
  "memberships.panel.joining": "Entrare in questo gruppo",
  "memberships.requests.title": "Richieste di partecipazione a {group}",
  "memberships.requests.none": "Non ci sono richieste in attesa.",
  "memberships.requests.asked": "Richiesta del {date}",
  "memberships.requests.reply": "Messaggio per {name} (facoltativo)",
  "memberships.requests.replyHint":
    "Al massimo 1.000 caratteri. Arriva con la tua risposta, per e-mail.",
  "memberships.requests.choose": "Scegli se accogliere la persona o dire di no",
  "memberships.requests.accept": "Accogli {name}",
  "memberships.requests.decline": "Rispondi di no a {name}",
  "memberships.requests.link": "Richieste di partecipazione ({count})",
  "memberships.requests.decided": "La tua risposta è stata inviata.",
  "memberships.mail.offer.subject": "Si è liberato un posto per te in {group}",
  "memberships.mail.offer.body":
    "Si è liberato un posto in {group} e sei la prima persona in lista d'attesa. Il posto è tenuto per te fino a {time}.",
  "memberships.mail.offer.action": "Per prenderlo, o per lasciarlo alla persona successiva, apri:",
  "memberships.mail.lapsed.subject": "Il posto in {group} è passato ad altri",
  "memberships.mail.lapsed.body":
    "Il posto che tenevamo per te in {group} non è stato preso in tempo, quindi è stato offerto alla persona successiva. Sei ancora in lista d'attesa.",
  "memberships.mail.accepted.subject": "Benvenuto in {group}",
  "memberships.mail.accepted.body": "La tua richiesta di partecipare a {group} è stata accettata.",
  "memberships.mail.acceptedWaiting.body":
    "La tua richiesta di partecipare a {group} è stata accettata. Al momento il gruppo è al completo, quindi sei in lista d'attesa.",
  "memberships.mail.declined.subject": "La tua richiesta di partecipare a {group}",
  "memberships.mail.declined.body":
    "Il gruppo {group} al momento non può accoglierti. Non dipende da te: i gruppi piccoli devono restare piccoli. Puoi cercare un altro gruppo quando vuoi.",
  "memberships.mail.message": "Il loro messaggio:",
  "memberships.mail.link": "La pagina del gruppo:",
  "memberships.mail.request.subject": "{name} vorrebbe partecipare a {group}",
  "memberships.mail.request.body":
    "{name} ha chiesto di partecipare a {group}. Per rispondere, apri:",
} as const;
