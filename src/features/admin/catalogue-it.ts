import type { adminEn } from "./catalogue-en.js";

/** Italian messages of the administrators' pages. */
export const adminIt: Record<keyof typeof adminEn, string> = {
  "admin.title": "Amministrazione",
  "admin.difficulties": "Difficoltà",
  "admin.organisations": "Organizzazioni",
  "admin.mail.title": "E-mail",
  "admin.mail.noneWaiting": "Nessuna e-mail è in attesa del server di posta.",
  "admin.mail.waiting":
    "E-mail in attesa del server di posta, che non ha potuto prenderle: {count}, la più vecchia dal {since}. Vengono riprovate per circa tre giorni. Controlla che il server di posta funzioni e che SMTP_URL sia giusto.",
  "admin.mail.failed":
    "E-mail che il server di posta non ha mai preso, dopo tre giorni di tentativi: {count}. Vengono eliminate 30 giorni dopo l'ultimo tentativo.",
  "difficulties.admin.title": "Difficoltà",
  "difficulties.admin.intro":
    "Sono le difficoltà della vita che le persone possono scegliere quando cercano o avviano un gruppo. Quelle ritirate restano ai gruppi che le nominano, ma non vengono più proposte.",
  "difficulties.admin.add": "Aggiungi una difficoltà",
  "difficulties.admin.edit": "Modifica {name}",
  "difficulties.admin.retired": "Ritirata",
  "difficulties.admin.retire": "Ritirala",
  "difficulties.admin.restore": "Proponila di nuovo",
  "difficulties.admin.saved": "La difficoltà è stata salvata.",
  "difficulties.field.slug": "Nome breve per i link",
  "difficulties.field.slugHint":
    "Lettere minuscole, cifre e trattini, per esempio assistere-a-distanza. Non si potrà cambiare.",
  "difficulties.field.nameEn": "Nome in inglese",
  "difficulties.field.nameIt": "Nome in italiano",
  "difficulties.field.descriptionEn": "Per chi è, in inglese",
  "difficulties.field.descriptionIt": "Per chi è, in italiano",
  "difficulties.errors.name": "Scrivi un nome di 2-80 caratteri",
  "difficulties.errors.description": "Scrivi una descrizione di 10-300 caratteri",
  "difficulties.errors.slug": "Usa lettere minuscole, cifre e trattini, come assistere-a-distanza",
  "difficulties.errors.slugTaken": "Questo nome breve è già usato",
  "organisations.admin.title": "Organizzazioni",
  "organisations.admin.intro":
    "Associazioni, servizi sanitari e comuni che sostengono i gruppi. I loro coordinatori possono avviare gruppi e vedere come vanno, mai cosa dicono i membri.",
  "organisations.admin.add": "Aggiungi un'organizzazione",
  "organisations.admin.none": "Non ci sono ancora organizzazioni.",
  "organisations.admin.coordinators": "Coordinatori",
  "organisations.admin.noCoordinators": "Ancora nessun coordinatore.",
  "organisations.admin.addCoordinator": "Aggiungi un coordinatore",
  "organisations.admin.removeCoordinator": "Rimuovi {name}",
  "organisations.admin.saved": "L'organizzazione è stata salvata.",
  "organisations.field.name": "Nome dell'organizzazione",
  "organisations.field.contactEmail": "E-mail di contatto (facoltativa)",
  "organisations.field.contactPhone": "Telefono di contatto (facoltativo)",
  "organisations.field.coordinatorEmail": "Indirizzo e-mail del coordinatore",
  "organisations.field.coordinatorEmailHint": "La persona deve avere già un account su Mutua.",
  "organisations.errors.name": "Scrivi un nome di 2-120 caratteri",
  "organisations.errors.contactEmail": "Scrivi un indirizzo e-mail come info@esempio.it",
  "organisations.errors.contactPhone": "Scrivi un numero di telefono, come +39 0461 123456",
  "organisations.errors.noSuchPerson": "Nessuno con questo indirizzo e-mail ha ancora un account",
};
