import type { splitEn } from "./catalogue-en.js";

/** Messaggi in italiano della divisione di un gruppo in due, e della sua origine. */
export const splitIt: Record<keyof typeof splitEn, string> = {
  "split.link": "Dividere il gruppo in due",
  "split.title": "Dividere {group} in due",
  "split.intro":
    "Quando un gruppo diventa troppo grande perché tutti possano parlare, può diventare due gruppi più piccoli. Entrambi mantengono l'accordo, le difficoltà e il modo di entrare, e ricordano da dove vengono. Ogni membro sceglie in quale gruppo andare, oppure di lasciare.",
  "split.none": "Nessuno ha proposto di dividere il gruppo.",
  "split.tooSmall": "Un gruppo ha bisogno di almeno {count} membri per dividersi in due.",
  "split.open.title": "I due gruppi proposti",
  "split.part.meets": "Si incontra ogni {day} alle {time}.",
  "split.part.facilitators": "Facilitato da {names}.",
  "split.choose.legend": "In quale gruppo andrai?",
  "split.choose.leave": "Nessuno dei due: lascio il gruppo",
  "split.choose.submit": "Salva la mia scelta",
  "split.choose.named": "Faciliterai uno dei due gruppi, quindi il tuo posto è già deciso.",
  "split.choices.title": "Le scelte finora",
  "split.choices.part": "{group}: {names}",
  "split.choices.leaving": "Lasciano: {names}",
  "split.choices.undecided": "Non hanno ancora scelto: {names}",
  "split.complete.title": "Completare la divisione",
  "split.complete.intro":
    "I due gruppi vengono creati subito e tutti ricevono un'e-mail. Chi non ha scelto va nel gruppo con più posti e potrà lasciarlo o cambiare più avanti. Chi aspetta un posto viene diviso tra i due e riceve l'offerta dei posti liberi. Poi questo gruppo chiude.",
  "split.complete.submit": "Crea ora i due gruppi",
  "split.withdraw.submit": "Ritira la proposta",
  "split.propose.first": "Il primo gruppo",
  "split.propose.second": "Il secondo gruppo",
  "split.propose.name": "Il nome",
  "split.propose.weekday": "In che giorno si incontra?",
  "split.propose.time": "A che ora?",
  "split.propose.timeHint": "Per esempio 10:30",
  "split.propose.facilitators": "Chi lo facilita?",
  "split.propose.facilitatorsHint": "Membri di questo gruppo; almeno uno, e nessuno per entrambi.",
  "split.propose.submit": "Proponi la divisione",
  "split.proposed": "La divisione è proposta. A ogni membro è stato chiesto di scegliere.",
  "split.chosen": "La tua scelta è salvata. Puoi cambiarla finché la divisione non è fatta.",
  "split.withdrawn": "La proposta è ritirata. Il gruppo continua così com'è.",
  "split.done": "I due gruppi sono stati creati e tutti sanno dove sono.",
  "split.withdrawnMeanwhile":
    "Qualcuno ha ritirato la divisione poco prima che tu la completassi. Il gruppo continua così com'è.",
  "split.doneMeanwhile":
    "Qualcuno ha completato la divisione poco prima che tu la ritirassi, quindi i due gruppi sono stati creati. Questo è il tuo.",
  "split.lineage": "Questo gruppo è nato da {parent}, che si è diviso in due il {date}.",
  "split.errors.name": "Dai al gruppo un nome di almeno 3 lettere",
  "split.errors.nameTooLong": "Il nome può avere al massimo 80 caratteri",
  "split.errors.sameName": "Dai ai due gruppi nomi diversi",
  "split.errors.weekday": "Scegli il giorno",
  "split.errors.time": "Scrivi l'ora così: 10:30",
  "split.errors.facilitators": "Scegli almeno una persona che faciliti",
  "split.errors.both": "Nessuno può facilitare entrambi i gruppi",
  "split.errors.notMember": "Scegli chi facilita tra i membri del gruppo, non la sua guida",
  "split.errors.facilitatorLeft":
    "Uno dei nuovi gruppi non ha più un facilitatore nel gruppo, quindi la divisione non è stata fatta. Ritirala e proponila di nuovo con facilitatori che sono ancora membri.",
  "split.errors.choice": "Scegli uno dei gruppi, oppure di lasciare",
  "split.mail.proposed.subject": "{group}: scegli il tuo gruppo",
  "split.mail.proposed.body":
    "{group} è cresciuto e chi lo facilita propone di farne due gruppi più piccoli. Scegli in quale vorresti andare, oppure dicci se preferisci lasciare.",
  "split.mail.proposed.link": "Scegli qui:",
  "split.mail.done.subject": "Il tuo gruppo ora: {group}",
  "split.mail.done.body":
    "{parent} ora è due gruppi. Sei membro di {group}: la sua pagina dice quando si incontra.",
  "split.mail.done.link": "La pagina del tuo gruppo:",
};
