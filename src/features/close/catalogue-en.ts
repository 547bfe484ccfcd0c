/** English messages of pausing, restarting and closing a group, and of its history. */
export const closeEn = {
  "close.link": "Pause or close the group",
  "close.title": "Pause or close {group}",
  "close.pause.title": "Take a break",
  "close.pause.intro":
    "The group stays as it is, with its members, but nobody new can join and no meetings are planned until you start again. Every member is told by e-mail.",
  "close.pause.submit": "Pause the group",
  "close.resume.title": "Start again",
  "close.resume.intro":
    "The group meets again on its schedule and can take new members. Every member is told by e-mail.",
  "close.resume.submit": "Start the group again",
  "close.close.title": "Close the group",
  "close.close.intro":
    "When a group has done its work, it can close. Everyone's place ends and the meetings still to come are called off. For 90 days the people who were in it can still read its history: who was there, the meetings, the agreement. Then its private content is erased for good.",
  "close.close.legend": "Before you close it",
  "close.close.agreed": "The group has talked it over and agreed to close",
  "close.close.submit": "Close the group",
  "close.errors.agreed": "Tick this once the group has agreed to close",
  "close.paused": "The group is paused. Every member has been told.",
  "close.resumed": "The group meets again. Every member has been told.",
  "close.closed": "The group is closed. Every member has been told.",
  "close.notice.paused":
    "This group is taking a break: no meetings for now, and it is not taking new members.",
  "close.history.title": "The history of {group}",
  "close.history.intro":
    "The group closed on {closed}. The people who were in it can read this until {until}; then it is erased.",
  "close.history.members": "Who was in the group",
  "close.history.meetings": "Its meetings",
  "close.history.noMeetings": "No meetings were held.",
  "close.history.agreement": "Its agreement",
  "close.mail.pause.subject": "{group} is taking a break",
  "close.mail.pause.body":
    "{group} is taking a break: there are no meetings for now. You are still a member, and you will hear from us when it starts again.",
  "close.mail.resume.subject": "{group} meets again",
  "close.mail.resume.body":
    "{group} is meeting again on its usual days. We look forward to seeing you.",
  "close.mail.close.subject": "{group} has closed",
  "close.mail.close.body":
    "{group} has closed. Thank you for all you brought to it. You can read its history until {until}; after that it is erased.",
  "close.mail.link": "Open:",
} as const;
