/** English messages of inviting someone to a group. */
export const invitationsEn = {
  "invitations.link": "Invite someone",
  "invitations.title": "Invite someone to {group}",
  "invitations.intro":
    "Send an invitation to someone you know who would be welcome. The link works for 14 days and lets them join even if the group is not open to everyone; if it is full, they go on the waiting list.",
  "invitations.email": "Their e-mail address",
  "invitations.message": "A few words from you (optional)",
  "invitations.messageHint": "For example: we meet on Tuesdays, you would be very welcome.",
  "invitations.submit": "Send the invitation",
  "invitations.sent": "The invitation is sent.",
  "invitations.joined": "Welcome: you are a member of the group.",
  "invitations.waiting": "The group is full for now: you are on its waiting list.",
  "invitations.join.title": "You are invited to {group}",
  "invitations.join.agreement": "What the group agrees",
  "invitations.join.submit": "I accept the agreement and join",
  "invitations.gone.title": "This invitation no longer works",
  "invitations.gone.body":
    "It may have been used already, or more than 14 days have passed. You can ask the person who invited you for a new one, or look for a group.",
  "invitations.otherAddress.title": "This invitation was sent to another address",
  "invitations.otherAddress.body":
    "You are signed in as {email}, and the invitation went to a different e-mail address. Only the person it was sent to can use it.",
  "invitations.otherAddress.next":
    "If it was meant for you, sign out and sign in with the address the invitation came to, or ask the person who invited you to send it to this address.",
  "invitations.errors.email": "Enter an e-mail address, like name@example.org",
  "invitations.errors.message": "Keep this to 500 characters",
  "invitations.mail.subject": "An invitation to {group}",
  "invitations.mail.body": "{person} invites you to join {group}, a mutual support group on Mutua.",
  "invitations.mail.message": "{message}",
  "invitations.mail.days": "The link works for 14 days.",
  "invitations.mail.link": "To read about the group and join:",
} as const;
