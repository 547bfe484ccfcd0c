import type { feedsEn } from "./catalogue-en.js";

/** Italian messages of the feeds: the compiler checks every English key is here. */
export const feedsIt: Record<keyof typeof feedsEn, string> = {
  "feeds.schedule.weekly": "Ogni {weekday}",
  "feeds.schedule.fortnightly": "Ogni due settimane, di {weekday}",
  "feeds.schedule.monthly": "Ogni {position} {weekday} del mese",
  "feeds.schedule.position.1": "primo",
  "feeds.schedule.position.2": "secondo",
  "feeds.schedule.position.3": "terzo",
  "feeds.schedule.position.4": "quarto",
  "feeds.schedule.position.last": "ultimo",
  "feeds.schedule.positionSunday.1": "prima",
  "feeds.schedule.positionSunday.2": "seconda",
  "feeds.schedule.positionSunday.3": "terza",
  "feeds.schedule.positionSunday.4": "quarta",
  "feeds.schedule.positionSunday.last": "ultima",
  "feeds.schedule.oneDate": "{date}",
  "feeds.schedule.chosenDates": "Nei giorni scelti dal gruppo",
  "feeds.schedule.regularly": "Regolarmente",
  "feeds.schedule.atTime": "{when} alle {time}",
  "feeds.schedule.atOneOClock": "{when} all'{time}",
  "feeds.location.online": "Online",
  "feeds.location.telephone": "Per telefono",
  "feeds.location.hybrid": "{place}, oppure online",
  "feeds.description.page": "Per saperne di più sul gruppo e per entrare: {url}",
  "feeds.description.membersOnly":
    "Il link per il video e il numero di telefono per partecipare vengono dati ai membri del gruppo.",
  "feeds.calendar.closed":
    "Questo gruppo ha chiuso. I suoi incontri sono stati tolti da questo calendario.",
  "feeds.meetingGuide.notWeekly": "Non ogni settimana. {schedule}. Prossimo incontro: {date}.",
  "feeds.meetingGuide.joinFirst":
    "Per partecipare, chiedi di entrare nel gruppo dalla sua pagina. Ai membri viene detto dove e come si incontra.",
  "feeds.meetingGuide.conferenceNotes":
    "Il link per partecipare viene dato ai membri del gruppo. Chiedi di entrare dalla pagina del gruppo: {url}",
  "feeds.meetingGuide.phoneNotes":
    "Il numero da chiamare viene dato ai membri del gruppo. Chiedi di entrare dalla pagina del gruppo: {url}",
};
