/** English messages of changing a group's page and schedule. */
export const settingsEn = {
  "settings.link": "Change the group's page and schedule",
  "settings.title": "Change {group}",
  "settings.intro":
    "Change what the group's page says, where and when it meets, and how people join. If the meetings move, every member is told by e-mail at once.",
  "settings.submit": "Save the changes",
  "settings.saved": "The changes are saved. If the meetings moved, every member has been told.",
  "settings.errors.capacityBelowMembers":
    "The group already has more members than that, counting the places held for people waiting: choose at least as many places",
  "settings.mail.subject": "{group}: the meetings have changed",
  "settings.mail.body": "{group} now meets: {when}.",
  "settings.mail.cancelled": "The meeting on {when} no longer takes place.",
  "settings.mail.link": "The next meetings:",
} as const;
