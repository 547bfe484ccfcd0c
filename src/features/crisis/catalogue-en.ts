/** English messages of the crisis protocol: urgent help, alerts, the backup contact, phrases. */
export const crisisEn = {
  "crisis.alerts.link": "Alerts about members who may be at risk",
  "crisis.category.suicide": "suicide",
  "crisis.category.self_harm": "self-harm",
  "crisis.category.abuse": "abuse",
  "crisis.category.danger": "immediate danger",

  "crisis.urgent.title": "Help is here if you need it",
  "crisis.urgent.posted":
    "Your message is on the board, as you wrote it. Thank you for sharing it.",
  "crisis.urgent.danger": "If you are in danger now, call {number}.",
  "crisis.urgent.also": "You can also call {number}.",
  "crisis.urgent.helplines": "If you would like to talk to someone now",
  "crisis.urgent.helpline": "{name}: {phone}",
  "crisis.urgent.told":
    "The people who look after {group} have been told privately, so that someone can check in with you.",
  "crisis.urgent.back": "Back to the conversation",

  "crisis.worried.tool": "I'm worried about this person",
  "crisis.worried.title": "Worried about {name}?",
  "crisis.worried.intro":
    "If something {name} wrote makes you worry for them, you can tell the people who look after this group: its facilitators and its backup contact.",
  "crisis.worried.private":
    "They are told privately. {name} will not be told who it was, and the message stays on the board as it is.",
  "crisis.worried.danger": "If someone is in danger now, see who to call",
  "crisis.worried.note": "Anything they should know (optional)",
  "crisis.worried.noteHint":
    "At most 1,000 characters. Only those who look after the group read it.",
  "crisis.worried.submit": "Tell them privately",
  "crisis.worried.sent":
    "Thank you. The people who look after the group have been told, privately.",
  "crisis.worried.already": "You already told them; thank you.",
  "crisis.worried.own": "This is your own message.",
  "crisis.worried.deleted": "This message was deleted.",

  "crisis.alerts.title": "Alerts for {group}",
  "crisis.alerts.intro":
    "An alert means someone in the group may need support: words in a post, or a member who was worried. Please say when you have seen one, so the others know someone is on it.",
  "crisis.alerts.board": "The group's board",
  "crisis.alerts.backup": "Who else receives the alerts (the backup contact)",
  "crisis.alerts.none": "There are no alerts.",
  "crisis.alerts.caption": "Alerts, the open ones first",
  "crisis.alerts.alert": "Alert",
  "crisis.alerts.back": "All the group's alerts",

  "crisis.alert.title": "Alert about {name}",
  "crisis.alert.noName": "a member whose account is gone",
  "crisis.alert.group": "Group",
  "crisis.alert.when": "When",
  "crisis.alert.source": "What set it off",
  "crisis.alert.state": "State",
  "crisis.alert.firstLook": "First look",
  "crisis.alert.seenBy": "{name}, {after} after the alert",
  "crisis.alert.someone": "Someone",
  "crisis.alert.notSeen": "Nobody has said they have seen it yet.",
  "crisis.alert.minutes": "{n} minutes",
  "crisis.alert.hours": "{h} hours {m} minutes",
  "crisis.alert.post": "Open the post on the board",
  "crisis.alert.noPost":
    "The message itself is on the group's board, for its members only. This page never shows its words.",
  "crisis.alert.notes": "Notes",
  "crisis.alert.steps": "What happens next",
  "crisis.alert.seenHint": "Let the others know someone is looking after this.",
  "crisis.alert.seen": "I have seen it",
  "crisis.alert.stepLegend": "What you did",
  "crisis.alert.acted": "Acted on it (for example, got in touch)",
  "crisis.alert.close": "Close the alert",
  "crisis.alert.note": "Note",
  "crisis.alert.noteHint":
    "What was done, or why it is closed: at most 2,000 characters. A closing always needs a note.",
  "crisis.alert.save": "Save",
  "crisis.alert.isClosed": "This alert is closed.",

  "crisis.note.worry": "From the member who was worried",
  "crisis.note.acted": "What was done",
  "crisis.note.closed": "Why it was closed",

  "crisis.source.phrase": "Words in a post about {category}",
  "crisis.source.worried": "A member was worried",
  "crisis.source.worriedBy": "{name} was worried",

  "crisis.state.new": "New",
  "crisis.state.seen": "Seen",
  "crisis.state.acted_on": "Acted on",
  "crisis.state.closed": "Closed",

  "crisis.step.seen": "Thank you. The others can see that you are looking after this.",
  "crisis.step.acted_on": "Saved: what was done is on the alert.",
  "crisis.step.closed": "The alert is closed.",

  "crisis.errors.state": "Choose what you did.",
  "crisis.errors.closeNote": "Write a note on why the alert is closed.",
  "crisis.errors.noteLong": "Write at most 2,000 characters.",
  "crisis.errors.worryLong": "Write at most 1,000 characters.",
  "crisis.errors.closed": "This alert is already closed.",
  "crisis.errors.acted": "Someone already said what was done. You can close the alert with a note.",

  "crisis.mail.subject": "Someone in {group} may need support",
  "crisis.mail.subjectAgain": "Still not seen: someone in {group} may need support",
  "crisis.mail.phrase": "A message on the board of {group} used words about {category}.",
  "crisis.mail.worried": "A member of {group} is worried about someone in the group.",
  "crisis.mail.round0":
    'The message stays on the board as it was written. Please look as soon as you can, and press "I have seen it" so the others know someone is on it.',
  "crisis.mail.round1":
    "Nobody has said they have seen this alert for 12 hours. Please look now, or ask another facilitator to.",
  "crisis.mail.round2":
    "It comes to you as the organisation's safeguarding lead because nobody in the group has looked at it for 24 hours.",
  "crisis.mail.leaderless":
    "It comes to you as the organisation's safeguarding lead because nobody leads the group just now: it has no facilitator and no backup contact.",
  "crisis.mail.help.leaderless":
    "Someone in {group} may need support, and nobody can be told: the group has no facilitator, no backup contact and no safeguarding lead. Please reach the group.",
  "crisis.mail.noWords": "This e-mail does not contain the message, nor the person's name.",
  "crisis.mail.private":
    "The link opens this alert alone, without signing in: please do not pass it on.",
  "crisis.mail.link": "Open the alert:",
  "crisis.mail.help.subject": "An alert in {group} has had nobody look at it",
  "crisis.mail.help.body":
    "An alert that someone in {group} may need support has not been seen by its facilitators for 24 hours, and the group has no safeguarding lead. Please reach the group's facilitators.",
  "crisis.mail.help.link": "The group:",

  "crisis.backup.title": "Backup contact",
  "crisis.backup.intro":
    "Alerts about someone in {group} who may be at risk go to its facilitators and to one backup contact: a facilitator, the guide, or the organisation's safeguarding lead.",
  "crisis.backup.current": "The backup contact is {name}.",
  "crisis.backup.currentNone": "There is no backup contact: alerts go to the facilitators only.",
  "crisis.backup.legend": "Who is the backup contact?",
  "crisis.backup.none": "Nobody: the facilitators only",
  "crisis.backup.kind.facilitator": "facilitator",
  "crisis.backup.kind.guide": "guide",
  "crisis.backup.kind.safeguarding_lead": "the organisation's safeguarding lead",
  "crisis.backup.submit": "Save",
  "crisis.backup.saved": "The backup contact is saved.",
  "crisis.backup.back": "The group's alerts",
  "crisis.backup.errors.choice": "Choose one of the people listed.",

  "crisis.lead.title": "Safeguarding lead",
  "crisis.lead.intro":
    "The safeguarding lead of {organisation} may be a group's backup contact, and receives any alert nobody in a group has looked at for 24 hours.",
  "crisis.lead.current": "The safeguarding lead is {name}.",
  "crisis.lead.currentNone": "There is no safeguarding lead yet.",
  "crisis.lead.email": "E-mail address of the safeguarding lead",
  "crisis.lead.emailHint": "They need an account already.",
  "crisis.lead.submit": "Name the safeguarding lead",
  "crisis.lead.remove": "Take the safeguarding lead off",
  "crisis.lead.saved": "The safeguarding lead is named.",
  "crisis.lead.removed": "There is no safeguarding lead now.",
  "crisis.lead.errors.noSuchPerson":
    "There is no account with this address. Ask them to create one.",

  "crisis.phrases.title": "Risk phrases",
  "crisis.phrases.intro":
    "Every post and reply is checked against the phrases of its group's languages. On a match the post stays as written, its author sees where to find urgent help, and the group's facilitators get an alert.",
  "crisis.phrases.add": "Add a phrase",
  "crisis.phrases.language": "Language",
  "crisis.phrases.languageHint": "Its two-letter code, such as en or it.",
  "crisis.phrases.phrase": "Phrase",
  "crisis.phrases.phraseHint":
    "Whole words. End a word with * to find words that go on: overdos* finds overdose and overdosed.",
  "crisis.phrases.category": "What it is about",
  "crisis.phrases.submit": "Add the phrase",
  "crisis.phrases.list": "The lists",
  "crisis.phrases.which": "Which list",
  "crisis.phrases.caption":
    "Phrases in {language} about {category}: page {page} of {pages} ({total} in all)",
  "crisis.phrases.none": "There are no phrases in {language} about {category} yet.",
  "crisis.phrases.pages": "Pages of the list",
  "crisis.phrases.previous": "Previous page",
  "crisis.phrases.next": "Next page",
  "crisis.phrases.action": "Take off",
  "crisis.phrases.remove": "Take off",
  "crisis.phrases.added": "The phrase is added.",
  "crisis.phrases.removed": "The phrase is taken off.",
  "crisis.phrases.errors.language": "Write the language's two-letter code, such as en or it.",
  "crisis.phrases.errors.empty": "Write a phrase.",
  "crisis.phrases.errors.long": "Write at most 100 characters.",
  "crisis.phrases.errors.noWords": "Write at least one word.",
  "crisis.phrases.errors.category": "Choose what it is about.",
  "crisis.phrases.errors.listed": "This phrase is already on the list.",
} as const;
