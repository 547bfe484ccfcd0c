import type { invitationsEn } from "./catalogue-en.js";

/** Messaggi in italiano per invitare qualcuno in un gruppo. */
export const invitationsIt: Record<keyof typeof invitationsEn, string> = {
  "invitations.link": "Invita qualcuno",
  "invitations.title": "Invita qualcuno in {group}",
  "invitations.intro":
    "Manda un invito a una persona che conosci e che sarebbe benvenuta. Il link vale 14 giorni e permette di entrare anche se il gruppo non è aperto a tutti; se è al completo, si va in lista d'attesa.",
  "invitations.email": "Il suo indirizzo e-mail",
  "invitations.message": "Due parole da parte tua (facoltativo)",
  "invitations.messageHint": "Per esempio: ci vediamo il martedì, saresti il benvenuto.",
  "invitations.submit": "Manda l'invito",
  "invitations.sent": "L'invito è stato mandato.",
  "invitations.joined": "Benvenuto: sei membro del gruppo.",
  "invitations.waiting": "Il gruppo per ora è al completo: sei in lista d'attesa.",
  "invitations.join.title": "Sei invitato in {group}",
  "invitations.join.agreement": "Che cosa si accorda il gruppo",
  "invitations.join.submit": "Accetto l'accordo ed entro",
  "invitations.gone.title": "Questo invito non vale più",
  "invitations.gone.body":
    "Forse è già stato usato, o sono passati più di 14 giorni. Puoi chiederne uno nuovo a chi ti ha invitato, oppure cercare un gruppo.",
  "invitations.otherAddress.title": "Questo invito è stato mandato a un altro indirizzo",
  "invitations.otherAddress.body":
    "Sei entrato come {email}, e l'invito è arrivato a un altro indirizzo e-mail. Può usarlo solo la persona a cui è stato mandato.",
  "invitations.otherAddress.next":
    "Se era per te, esci ed entra con l'indirizzo a cui è arrivato l'invito, oppure chiedi a chi ti ha invitato di mandarlo a questo indirizzo.",
  "invitations.errors.email": "Scrivi un indirizzo e-mail, come nome@esempio.it",
  "invitations.errors.message": "Al massimo 500 caratteri",
  "invitations.mail.subject": "Un invito a {group}",
  "invitations.mail.body":
    "{person} ti invita a entrare in {group}, un gruppo di mutuo aiuto su Mutua.",
  "invitations.mail.message": "{message}",
  "invitations.mail.days": "Il link vale 14 giorni.",
  "invitations.mail.link": "Per leggere del gruppo ed entrare:",
};
