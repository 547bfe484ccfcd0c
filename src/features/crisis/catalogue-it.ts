import type { crisisEn } from "./catalogue-en.js";

/** Messaggi in italiano del protocollo di crisi: aiuto urgente, avvisi, contatto di riserva, frasi. */
export const crisisIt: Record<keyof typeof crisisEn, string> = {
  "crisis.alerts.link": "Avvisi su membri che potrebbero essere in pericolo",
  "crisis.category.suicide": "suicidio",
  "crisis.category.self_harm": "autolesionismo",
  "crisis.category.abuse": "maltrattamenti",
  "crisis.category.danger": "pericolo immediato",

  "crisis.urgent.title": "L'aiuto c'è, se ne hai bisogno",
  "crisis.urgent.posted":
    "Il tuo messaggio è sulla bacheca, così come l'hai scritto. Grazie di averlo condiviso.",
  "crisis.urgent.danger": "Se sei in pericolo adesso, chiama il {number}.",
  "crisis.urgent.also": "Puoi chiamare anche il {number}.",
  "crisis.urgent.helplines": "Se vuoi parlare con qualcuno adesso",
  "crisis.urgent.helpline": "{name}: {phone}",
  "crisis.urgent.told":
    "Chi si prende cura di {group} è stato avvisato in privato, perché qualcuno possa sentire come stai.",
  "crisis.urgent.back": "Torna alla conversazione",

  "crisis.worried.tool": "Sono in pensiero per questa persona",
  "crisis.worried.title": "Sei in pensiero per {name}?",
  "crisis.worried.intro":
    "Se qualcosa che ha scritto {name} ti fa stare in pensiero, puoi dirlo a chi si prende cura del gruppo: i facilitatori e il contatto di riserva.",
  "crisis.worried.private":
    "Lo sapranno in privato. A {name} non verrà detto chi è stato, e il messaggio resta sulla bacheca com'è.",
  "crisis.worried.danger": "Se qualcuno è in pericolo adesso, guarda chi chiamare",
  "crisis.worried.note": "Qualcosa che dovrebbero sapere (facoltativo)",
  "crisis.worried.noteHint":
    "Al massimo 1.000 caratteri. Lo legge solo chi si prende cura del gruppo.",
  "crisis.worried.submit": "Avvisali in privato",
  "crisis.worried.sent": "Grazie. Chi si prende cura del gruppo è stato avvisato, in privato.",
  "crisis.worried.already": "Li hai già avvisati; grazie.",
  "crisis.worried.own": "Questo messaggio è tuo.",
  "crisis.worried.deleted": "Questo messaggio è stato cancellato.",

  "crisis.alerts.title": "Avvisi di {group}",
  "crisis.alerts.intro":
    "Un avviso vuol dire che qualcuno nel gruppo potrebbe avere bisogno di sostegno: parole in un messaggio, o un membro in pensiero. Di' quando ne hai visto uno, così gli altri sanno che qualcuno se ne occupa.",
  "crisis.alerts.board": "La bacheca del gruppo",
  "crisis.alerts.backup": "Chi altro riceve gli avvisi (il contatto di riserva)",
  "crisis.alerts.none": "Non ci sono avvisi.",
  "crisis.alerts.caption": "Avvisi, prima quelli aperti",
  "crisis.alerts.alert": "Avviso",
  "crisis.alerts.back": "Tutti gli avvisi del gruppo",

  "crisis.alert.title": "Avviso su {name}",
  "crisis.alert.noName": "un membro il cui account non c'è più",
  "crisis.alert.group": "Gruppo",
  "crisis.alert.when": "Quando",
  "crisis.alert.source": "Da cosa è partito",
  "crisis.alert.state": "Stato",
  "crisis.alert.firstLook": "Prima occhiata",
  "crisis.alert.seenBy": "{name}, {after} dopo l'avviso",
  "crisis.alert.someone": "Qualcuno",
  "crisis.alert.notSeen": "Nessuno ha ancora detto di averlo visto.",
  "crisis.alert.minutes": "{n} minuti",
  "crisis.alert.hours": "{h} ore e {m} minuti",
  "crisis.alert.post": "Apri il messaggio sulla bacheca",
  "crisis.alert.noPost":
    "Il messaggio è sulla bacheca del gruppo, solo per i suoi membri. Questa pagina non ne mostra mai le parole.",
  "crisis.alert.notes": "Note",
  "crisis.alert.steps": "Cosa succede adesso",
  "crisis.alert.seenHint": "Fai sapere agli altri che qualcuno se ne sta occupando.",
  "crisis.alert.seen": "L'ho visto",
  "crisis.alert.stepLegend": "Cosa hai fatto",
  "crisis.alert.acted": "Me ne sono occupato (per esempio, mi sono fatto sentire)",
  "crisis.alert.close": "Chiudi l'avviso",
  "crisis.alert.note": "Nota",
  "crisis.alert.noteHint":
    "Cosa è stato fatto, o perché si chiude: al massimo 2.000 caratteri. Per chiudere serve sempre una nota.",
  "crisis.alert.save": "Salva",
  "crisis.alert.isClosed": "Questo avviso è chiuso.",

  "crisis.note.worry": "Dal membro in pensiero",
  "crisis.note.acted": "Cosa è stato fatto",
  "crisis.note.closed": "Perché è stato chiuso",

  "crisis.source.phrase": "Parole in un messaggio su: {category}",
  "crisis.source.worried": "Un membro era in pensiero",
  "crisis.source.worriedBy": "{name} era in pensiero",

  "crisis.state.new": "Nuovo",
  "crisis.state.seen": "Visto",
  "crisis.state.acted_on": "Preso in carico",
  "crisis.state.closed": "Chiuso",

  "crisis.step.seen": "Grazie. Gli altri vedono che te ne stai occupando.",
  "crisis.step.acted_on": "Salvato: quello che è stato fatto è sull'avviso.",
  "crisis.step.closed": "L'avviso è chiuso.",

  "crisis.errors.state": "Scegli cosa hai fatto.",
  "crisis.errors.closeNote": "Scrivi una nota sul perché l'avviso si chiude.",
  "crisis.errors.noteLong": "Scrivi al massimo 2.000 caratteri.",
  "crisis.errors.worryLong": "Scrivi al massimo 1.000 caratteri.",
  "crisis.errors.closed": "Questo avviso è già chiuso.",
  "crisis.errors.acted":
    "Qualcuno ha già detto cosa è stato fatto. Puoi chiudere l'avviso con una nota.",

  "crisis.mail.subject": "Qualcuno in {group} potrebbe avere bisogno di sostegno",
  "crisis.mail.subjectAgain":
    "Non ancora visto: qualcuno in {group} potrebbe avere bisogno di sostegno",
  "crisis.mail.phrase": "Un messaggio sulla bacheca di {group} conteneva parole su: {category}.",
  "crisis.mail.worried": "Un membro di {group} è in pensiero per qualcuno del gruppo.",
  "crisis.mail.round0":
    'Il messaggio resta sulla bacheca così come è stato scritto. Guarda appena puoi, e premi "L\'ho visto" così gli altri sanno che qualcuno se ne occupa.',
  "crisis.mail.round1":
    "Da 12 ore nessuno ha detto di aver visto questo avviso. Guarda adesso, o chiedi a un altro facilitatore di farlo.",
  "crisis.mail.round2":
    "Arriva a te come referente per la tutela dell'organizzazione perché da 24 ore nessuno nel gruppo l'ha guardato.",
  "crisis.mail.leaderless":
    "Arriva a te come referente per la tutela dell'organizzazione perché il gruppo in questo momento non ha nessuno che lo guidi: né facilitatori né contatto di riserva.",
  "crisis.mail.help.leaderless":
    "Qualcuno di {group} potrebbe avere bisogno di sostegno, e non c'è nessuno da avvisare: il gruppo non ha facilitatori, contatto di riserva né referente per la tutela. Contatta il gruppo.",
  "crisis.mail.noWords": "Questa e-mail non contiene il messaggio, né il nome della persona.",
  "crisis.mail.private":
    "Il link apre solo questo avviso, senza accedere: per favore non inoltrarlo.",
  "crisis.mail.link": "Apri l'avviso:",
  "crisis.mail.help.subject": "Nessuno ha guardato un avviso di {group}",
  "crisis.mail.help.body":
    "Da 24 ore i facilitatori di {group} non hanno visto un avviso su qualcuno che potrebbe avere bisogno di sostegno, e il gruppo non ha un referente per la tutela. Contatta i facilitatori del gruppo.",
  "crisis.mail.help.link": "Il gruppo:",

  "crisis.backup.title": "Contatto di riserva",
  "crisis.backup.intro":
    "Gli avvisi su qualcuno di {group} che potrebbe essere a rischio vanno ai facilitatori e a un contatto di riserva: un facilitatore, la guida o il referente per la tutela dell'organizzazione.",
  "crisis.backup.current": "Il contatto di riserva è {name}.",
  "crisis.backup.currentNone":
    "Non c'è un contatto di riserva: gli avvisi vanno solo ai facilitatori.",
  "crisis.backup.legend": "Chi è il contatto di riserva?",
  "crisis.backup.none": "Nessuno: solo i facilitatori",
  "crisis.backup.kind.facilitator": "facilitatore",
  "crisis.backup.kind.guide": "guida",
  "crisis.backup.kind.safeguarding_lead": "il referente per la tutela dell'organizzazione",
  "crisis.backup.submit": "Salva",
  "crisis.backup.saved": "Il contatto di riserva è salvato.",
  "crisis.backup.back": "Gli avvisi del gruppo",
  "crisis.backup.errors.choice": "Scegli una delle persone elencate.",

  "crisis.lead.title": "Referente per la tutela",
  "crisis.lead.intro":
    "Il referente per la tutela di {organisation} può essere il contatto di riserva di un gruppo, e riceve ogni avviso che nessuno nel gruppo ha guardato per 24 ore.",
  "crisis.lead.current": "Il referente per la tutela è {name}.",
  "crisis.lead.currentNone": "Non c'è ancora un referente per la tutela.",
  "crisis.lead.email": "Indirizzo e-mail del referente per la tutela",
  "crisis.lead.emailHint": "Deve avere già un account.",
  "crisis.lead.submit": "Nomina il referente per la tutela",
  "crisis.lead.remove": "Togli il referente per la tutela",
  "crisis.lead.saved": "Il referente per la tutela è nominato.",
  "crisis.lead.removed": "Adesso non c'è un referente per la tutela.",
  "crisis.lead.errors.noSuchPerson":
    "Non c'è un account con questo indirizzo. Chiedi alla persona di crearne uno.",

  "crisis.phrases.title": "Frasi di rischio",
  "crisis.phrases.intro":
    "Ogni messaggio e risposta viene confrontato con le frasi delle lingue del suo gruppo. Se ne contiene una, il messaggio resta com'è scritto, chi l'ha scritto vede dove trovare aiuto urgente e i facilitatori del gruppo ricevono un avviso.",
  "crisis.phrases.add": "Aggiungi una frase",
  "crisis.phrases.language": "Lingua",
  "crisis.phrases.languageHint": "Il suo codice di due lettere, come en o it.",
  "crisis.phrases.phrase": "Frase",
  "crisis.phrases.phraseHint":
    "Parole intere. Termina una parola con * per trovare le parole che continuano: overdos* trova overdose e overdosed.",
  "crisis.phrases.category": "Di cosa parla",
  "crisis.phrases.submit": "Aggiungi la frase",
  "crisis.phrases.list": "Gli elenchi",
  "crisis.phrases.which": "Quale elenco",
  "crisis.phrases.caption":
    "Frasi in {language} su: {category}. Pagina {page} di {pages} ({total} in tutto)",
  "crisis.phrases.none": "Non ci sono ancora frasi in {language} su: {category}.",
  "crisis.phrases.pages": "Pagine dell'elenco",
  "crisis.phrases.previous": "Pagina precedente",
  "crisis.phrases.next": "Pagina successiva",
  "crisis.phrases.action": "Togli",
  "crisis.phrases.remove": "Togli",
  "crisis.phrases.added": "La frase è aggiunta.",
  "crisis.phrases.removed": "La frase è tolta.",
  "crisis.phrases.errors.language": "Scrivi il codice di due lettere della lingua, come en o it.",
  "crisis.phrases.errors.empty": "Scrivi una frase.",
  "crisis.phrases.errors.long": "Scrivi al massimo 100 caratteri.",
  "crisis.phrases.errors.noWords": "Scrivi almeno una parola.",
  "crisis.phrases.errors.category": "Scegli di cosa parla.",
  "crisis.phrases.errors.listed": "Questa frase è già nell'elenco.",
};
