/** English messages of an organisation's view of its groups, and of notices about groups. */
export const oversightEn = {
  "oversight.title": "The groups of {organisation}",
  "oversight.passkey.title": "Sign in with a passkey to see your organisation's groups",
  "oversight.passkey.body":
    "Coordinators see their organisation's groups once they have signed in with a passkey, which keeps these figures safe. Add a passkey on your account page, sign out, then sign in with it.",
  "oversight.intro":
    "How your organisation's groups are doing, in numbers only. What is said in a group, and who its members are, stays in the group; any count of fewer than 5 people is not shown.",
  "oversight.none": "No groups belong to this organisation yet.",
  "oversight.column.group": "Group",
  "oversight.column.members": "Members / places",
  "oversight.column.waiting": "Waiting",
  "oversight.column.meetings": "Meetings held (90 days)",
  "oversight.column.handover": "Led by its members",
  "oversight.column.flag": "Needs attention",
  "oversight.fewer": "fewer than 5",
  "oversight.yes": "yes",
  "oversight.no": "not yet",
  "oversight.paused": "paused",
  "oversight.quiet": "No meeting for 90 days",
  "oversight.caption": "Your organisation's groups",
  "oversight.link": "Your organisation's groups",
  "oversight.mail.full.subject": "{group} is full",
  "oversight.mail.full.body":
    "{group} now has as many members as places. New people go on the waiting list. If the group is growing, you could talk about raising its size a little, or about splitting it in two.",
  "oversight.mail.waiting.subject": "People have been waiting a month for {group}",
  "oversight.mail.waiting.body":
    "Three or more people have been waiting four weeks or longer for a place in {group}. It may be time to talk about splitting the group in two, so that nobody waits too long.",
  "oversight.mail.quiet.subject": "{group} has not met for 90 days",
  "oversight.mail.quiet.body":
    "{group} has held no meeting for 90 days. It may need a hand to start again, or it may be time for it to close. Only the numbers are shared with you.",
  "oversight.mail.link": "See more:",
} as const;
