import { adminIt } from "./catalogues/admin-it.js";
import { agreementIt } from "./catalogues/agreement-it.js";
import { closeIt } from "./catalogues/close-it.js";
import { directoryIt } from "./catalogues/directory-it.js";
import { feedsIt } from "./catalogues/feeds-it.js";
import { groupsIt } from "./catalogues/groups-it.js";
import { invitationsIt } from "./catalogues/invitations-it.js";
import { matchingIt } from "./catalogues/matching-it.js";
import { meetingsIt } from "./catalogues/meetings-it.js";
import { membershipsIt } from "./catalogues/memberships-it.js";
import { oversightIt } from "./catalogues/oversight-it.js";
import { rolesIt } from "./catalogues/roles-it.js";
import { settingsIt } from "./catalogues/settings-it.js";
import { splitIt } from "./catalogues/split-it.js";
import type { MessageKey } from "./en.js";

const shellIt = {
  "site.skipLink": "Vai al contenuto principale",
  "site.tagline": "Gruppi di auto mutuo aiuto, guidati dai loro membri",
  "site.nav": "Menu principale",
  "site.home": "Inizio",
  "site.groups": "Tutti i gruppi",
  "site.signIn": "Accedi",
  "site.account": "Il tuo account",
  "site.signOut": "Esci",
  "site.print": "Stampa questa pagina",
  "site.helpTitle": "Hai bisogno di aiuto?",
  "site.helpPhone": "Chiamaci al numero {phone}",
  "site.helpEmail": "Scrivici a {email}",
  "site.helpNone": "Chiedi alla persona che ti ha parlato di {name}, o a un membro del tuo gruppo.",
  "site.urgentLink": "Hai bisogno di aiuto urgente? Cosa fare adesso",
  "site.languageSwitch": "English",
  "site.languageSwitchTo": "en",
  "site.footer": "{name} è un software libero per i gruppi di auto mutuo aiuto.",
  "site.back": "Indietro",
  "form.errorTitle": "Errore: {title}",
  "form.errorSummary": "C'è un problema",
  "form.continue": "Continua",
  "form.save": "Salva",
  "home.title": "Incontra persone che stanno vivendo la tua stessa situazione",
  "home.intro":
    "I gruppi di auto mutuo aiuto sono piccoli gruppi di persone che condividono la stessa difficoltà, come assistere una persona con demenza, perdere il proprio compagno o sentirsi soli. I membri si incontrano di persona, in video o al telefono, e si aiutano a vicenda.",
  "home.peerLed":
    "Ogni gruppo è guidato dai suoi membri. Nessuno è pagato per condurlo, e puoi lasciarlo quando vuoi senza dare spiegazioni.",
  "home.signedIn": "Bentornato, {name}.",
  "home.startSignIn": "Accedi o crea un account",
  "home.urgent":
    "Se tu o qualcuno vicino a te è in pericolo adesso, chiama il {number}. I gruppi di Mutua non sono un servizio di emergenza.",
  "signIn.title": "Accedi o crea un account",
  "signIn.intro":
    "Scrivi il tuo indirizzo e-mail. Ti manderemo un link e un codice di 6 cifre. Non serve una password.",
  "signIn.email": "Indirizzo e-mail",
  "signIn.emailHint": "Per esempio, ada@esempio.it",
  "signIn.send": "Mandami un link e un codice",
  "signIn.passkey": "Accedi con una passkey",
  "signIn.passkeyHint":
    "Una passkey ti permette di accedere con l'impronta, il volto o il PIN del dispositivo. Puoi aggiungerne una dalla pagina del tuo account.",
  "signIn.passkeyNeedsScript": "Per accedere con una passkey deve essere attivo JavaScript.",
  "signIn.passkeyFailed":
    "Non siamo riusciti a farti accedere con quella passkey. Riprova, oppure usa il tuo indirizzo e-mail.",
  "checkEmail.title": "Controlla la tua e-mail",
  "checkEmail.sent":
    "Se {email} può essere usato su {name}, gli abbiamo mandato un messaggio. Contiene un link e un codice di 6 cifre, validi per 15 minuti.",
  "checkEmail.code": "Codice di 6 cifre",
  "checkEmail.codeHint": "Puoi incollarlo. Gli spazi non contano.",
  "checkEmail.submit": "Accedi",
  "checkEmail.notArrived":
    "Non è arrivato niente? Guarda nella cartella della posta indesiderata, oppure chiedi un nuovo messaggio.",
  "checkEmail.again": "Mandami un nuovo link e un nuovo codice",
  "confirm.title": "Vuoi accedere da questo dispositivo?",
  "confirm.body":
    "Questo link è stato chiesto da un altro dispositivo o browser. Se sei stato tu, puoi accedere da qui. Se non sei stato tu, chiudi questa pagina e non succederà niente.",
  "confirm.submit": "Sì, fammi accedere da qui",
  "linkInvalid.title": "Questo link non funziona più",
  "linkInvalid.body":
    "I link di accesso funzionano una sola volta, per 15 minuti. Chiedine uno nuovo e te lo mandiamo subito.",
  "welcome.title": "Come vuoi essere chiamato?",
  "welcome.intro":
    "Il tuo nome è visibile ai membri dei gruppi a cui partecipi. Basta un nome di battesimo o un nome inventato. Non chiediamo mai il cognome.",
  "profile.title": "I tuoi dati e le tue impostazioni",
  "profile.displayName": "Il tuo nome",
  "profile.displayNameHint":
    "Un nome di battesimo o un nome inventato. Lo vedono gli altri membri dei tuoi gruppi.",
  "profile.language": "Lingua",
  "profile.textSize": "Dimensione del testo",
  "profile.textSize.standard": "Normale",
  "profile.textSize.large": "Grande",
  "profile.textSize.largest": "Molto grande",
  "profile.contrast": "Colori",
  "profile.contrast.standard": "Normali",
  "profile.contrast.high": "Alto contrasto (nero e giallo)",
  "profile.saved": "I tuoi dati sono stati salvati.",
  "account.title": "Il tuo account",
  "account.signedInAs": "Hai effettuato l'accesso come {name} ({email}).",
  "account.details": "Cambia nome, lingua, dimensione del testo o colori",
  "account.passkeys": "Passkey",
  "account.passkeysIntro":
    "Una passkey ti permette di accedere senza aspettare un'e-mail, con l'impronta, il volto o il PIN del dispositivo.",
  "account.passkeyNone": "Non hai ancora aggiunto una passkey.",
  "account.passkeyAdded": "Aggiunta il {date}",
  "account.passkeyAdd": "Aggiungi una passkey su questo dispositivo",
  "account.passkeyAddedFlash": "La tua passkey è stata aggiunta.",
  "account.passkeyRemove": "Rimuovi {name}",
  "account.passkeyRemovedFlash": "La passkey è stata rimossa.",
  "account.passkeyNeedsScript": "Per aggiungere una passkey deve essere attivo JavaScript.",
  "account.passkeyFailed": "La passkey non è stata aggiunta. Puoi riprovare.",
  "account.yourData": "I tuoi dati",
  "account.download": "Scarica i tuoi dati",
  "account.downloadHint": "Un file con tutto ciò che Mutua conserva su di te.",
  "account.delete": "Elimina il tuo account",
  "account.signOutEverywhere": "Esci da tutti i dispositivi",
  "account.signOutEverywhereHint":
    "Usalo se hai effettuato l'accesso da un dispositivo condiviso o smarrito.",
  "account.adminNeedsPasskey":
    "Sei un amministratore. Per usare gli strumenti di amministrazione, aggiungi una passkey e accedi con quella.",
  "delete.title": "Vuoi eliminare il tuo account?",
  "delete.body":
    "Cancelleremo il tuo indirizzo e-mail, il tuo nome e le tue impostazioni. Non si può tornare indietro. Se vuoi una copia dei tuoi dati, scaricala prima.",
  "delete.submit": "Sì, elimina il mio account",
  "delete.done": "Il tuo account è stato eliminato. Grazie per aver fatto parte di {name}.",
  "signedOut.flash": "Sei uscito.",
  "signedOutEverywhere.flash": "Sei uscito da tutti i dispositivi.",
  "signedIn.flash": "Hai effettuato l'accesso.",
  "urgent.title": "Hai bisogno di aiuto urgente?",
  "urgent.danger": "Se qualcuno è in pericolo adesso, chiama il {number}.",
  "urgent.body":
    "I gruppi di Mutua sono guidati da volontari che condividono la tua esperienza. Non sono un servizio per le emergenze e potrebbero non leggere subito i messaggi.",
  "urgent.talk":
    "Se hai bisogno di parlare con qualcuno adesso, puoi chiamare una linea di ascolto o il tuo medico. Se temi che una persona anziana subisca maltrattamenti, contatta i servizi di emergenza o i servizi sociali del tuo comune.",
  "setup.title": "Configura il primo amministratore",
  "setup.intro":
    "Questo link funziona una sola volta. Scrivi l'indirizzo e-mail della persona che si occuperà di {name}. Le manderemo un link di accesso.",
  "setup.done":
    "L'amministratore è stato creato. Controlla la casella di {email}: troverai un link di accesso.",
  "setup.invalid": "Questo link di configurazione è già stato usato o è scaduto.",
  "outbox.title": "Posta in uscita (solo sviluppo)",
  "outbox.empty": "Non è ancora stato inviato nessun messaggio.",
  "outbox.intro": "Senza SMTP_URL, le e-mail vengono scritte qui invece di essere inviate.",
  "error.notFound.title": "Pagina non trovata",
  "error.notFound.body":
    "Non abbiamo trovato questa pagina. Se hai scritto l'indirizzo, controllalo. Se hai seguito un link, potrebbe essere vecchio.",
  "error.server.title": "Ci dispiace, qualcosa non ha funzionato da parte nostra",
  "error.server.body": "Non è colpa tua. Riprova tra qualche minuto.",
  "error.forbidden.title": "Non puoi farlo",
  "error.forbidden.body": "Non hai il permesso di farlo.",
  "error.formExpired.title": "Questo modulo è scaduto",
  "error.formExpired.body":
    "Per la tua sicurezza, i moduli smettono di funzionare dopo un po' o se inviati da un altro sito. Torna indietro, ricarica la pagina e riprova.",
  "error.tooMany.title": "Aspetta un momento",
  "error.tooMany.body": "Ci sono stati troppi tentativi. Riprova tra {minutes} minuti.",
  "error.tooMany.bodyOneMinute": "Ci sono stati troppi tentativi. Riprova tra un minuto.",
  "error.conflict.title": "È cambiato proprio in quel momento",
  "error.conflict.body":
    "Qualcuno l'ha cambiato proprio mentre lo facevi tu, quindi non è stato salvato nulla. Torna indietro, guarda di nuovo e riprova.",
  "error.badRequest.title": "Qualcosa non andava",
  "error.badRequest.body": "Non abbiamo capito cosa è stato inviato. Torna indietro e riprova.",
  "error.signInFirst": "Accedi per vedere questa pagina.",
  "errors.email.required": "Scrivi il tuo indirizzo e-mail",
  "errors.email.invalid": "Scrivi un indirizzo e-mail come ada@esempio.it",
  "errors.email.tooLong": "Un indirizzo e-mail può avere al massimo 254 caratteri",
  "errors.email.refused":
    "Non siamo riusciti a mandare un'e-mail a questo indirizzo. Controlla che sia scritto bene",
  "errors.email.unavailable":
    "In questo momento non riusciamo a mandare l'e-mail, e non è partito nulla. Riprova tra qualche minuto",
  "errors.code.required": "Scrivi il codice di 6 cifre che trovi nell'e-mail",
  "errors.code.format": "Il codice ha 6 cifre, come 123 456",
  "errors.code.wrong":
    "Il codice non è giusto o è scaduto. Controlla l'e-mail, oppure chiedi un nuovo codice",
  "errors.displayName.required": "Scrivi un nome con cui gli altri membri possano chiamarti",
  "errors.displayName.tooLong": "Il nome può avere al massimo 40 caratteri",
  "errors.displayName.characters": "Il nome può contenere lettere, spazi, trattini e apostrofi",
  "errors.choice.invalid": "Scegli una delle opzioni",
  "errors.generic": "Controlla questa risposta",
  "mail.signIn.subject": "Il tuo codice di accesso a {name}: {code}",
  "mail.signIn.greeting": "Buongiorno,",
  "mail.signIn.body":
    "Qualcuno, speriamo tu, ha chiesto di accedere a {name} con questo indirizzo e-mail.",
  "mail.signUp.body":
    "Qualcuno, speriamo tu, ha chiesto di creare un account su {name} con questo indirizzo e-mail.",
  "mail.signIn.code": "Il tuo codice è: {code}",
  "mail.signIn.link": "Oppure apri questo link sullo stesso dispositivo:",
  "mail.signIn.expires": "Il link e il codice funzionano una sola volta, fino a {time}.",
  "mail.signIn.ignore":
    "Se non l'hai chiesto tu, puoi ignorare questo messaggio. Non cambierà nulla.",
};

export const it: Record<MessageKey, string> = {
  ...shellIt,
  ...groupsIt,
  ...membershipsIt,
  ...meetingsIt,
  ...rolesIt,
  ...agreementIt,
  ...splitIt,
  ...settingsIt,
  ...closeIt,
  ...oversightIt,
  ...invitationsIt,
  ...directoryIt,
  ...matchingIt,
  ...feedsIt,
  ...adminIt,
};
