/** English messages of the feeds: schedules in words, calendar files, the Meeting Guide feed. */
export const feedsEn = {
  "feeds.schedule.weekly": "Every {weekday}",
  "feeds.schedule.fortnightly": "Every other {weekday}",
  "feeds.schedule.monthly": "Every {position} {weekday} of the month",
  "feeds.schedule.position.1": "first",
  "feeds.schedule.position.2": "second",
  "feeds.schedule.position.3": "third",
  "feeds.schedule.position.4": "fourth",
  "feeds.schedule.position.last": "last",
  // Italian needs these for "domenica", the one feminine weekday; English repeats the above.
  "feeds.schedule.positionSunday.1": "first",
  "feeds.schedule.positionSunday.2": "second",
  "feeds.schedule.positionSunday.3": "third",
  "feeds.schedule.positionSunday.4": "fourth",
  "feeds.schedule.positionSunday.last": "last",
  "feeds.schedule.oneDate": "On {date}",
  "feeds.schedule.chosenDates": "On dates the group chooses",
  "feeds.schedule.regularly": "Regularly",
  "feeds.schedule.atTime": "{when} at {time}",
  // Italian says "all'1:30" but "alle 10:30".
  "feeds.schedule.atOneOClock": "{when} at {time}",
  "feeds.location.online": "Online",
  "feeds.location.telephone": "By telephone",
  "feeds.location.hybrid": "{place}, or online",
  "feeds.description.page": "More about the group, and how to join: {url}",
  "feeds.description.membersOnly":
    "The video link and the telephone number to join are given to the group's members.",
  "feeds.calendar.closed": "This group has closed. Its meetings have been taken off this calendar.",
  "feeds.meetingGuide.notWeekly": "Not every week. {schedule}. Next meeting: {date}.",
  "feeds.meetingGuide.joinFirst":
    "To take part, ask to join the group on its page. Members are told where and how it meets.",
  "feeds.meetingGuide.conferenceNotes":
    "The link to join is given to the group's members. Ask to join on the group's page: {url}",
  "feeds.meetingGuide.phoneNotes":
    "The number to call is given to the group's members. Ask to join on the group's page: {url}",
} as const;
