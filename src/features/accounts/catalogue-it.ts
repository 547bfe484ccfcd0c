import type { accountsEn } from "./catalogue-en.js";

/** Italian messages of accounts: signing in, the account and its profile, setting up, and deleting it. */
export const accountsIt: Record<keyof typeof accountsEn, string> = {
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
  "setup.title": "Configura il primo amministratore",
  "setup.intro":
    "Questo link funziona una sola volta. Scrivi l'indirizzo e-mail della persona che si occuperà di {name}. Le manderemo un link di accesso.",
  "setup.done":
    "L'amministratore è stato creato. Controlla la casella di {email}: troverai un link di accesso.",
  "setup.invalid": "Questo link di configurazione è già stato usato o è scaduto.",
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
