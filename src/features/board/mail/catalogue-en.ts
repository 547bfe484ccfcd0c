/** English messages of the mail about a group's board. */
export const boardMailEn = {
  "board.mail.title": "E-mails about the board of {group}",
  "board.mail.intro":
    "Choose how you hear about what members write on the board. You can change this at any time.",
  "board.mail.legend": "Send me",
  "board.mail.each": "An e-mail for each new message",
  "board.mail.each.hint": "Each conversation started and each reply, as it is written.",
  "board.mail.digest": "One e-mail a day",
  "board.mail.digest.hint":
    "In the morning, the conversations with something new in the last day. Nothing new, no e-mail.",
  "board.mail.none": "No e-mails about the board",
  "board.mail.none.hint": "You can still read the board whenever you like.",
  "board.mail.announcements":
    "Announcements from the people who lead the group come by e-mail unless you choose no e-mails. An announcement of a cancelled meeting always comes.",
  "board.mail.saved": "Your choice is saved.",
  "board.mail.errors.choice": "Choose one of the three",
  "board.mail.unsubscribe.title": "Stop e-mails about the board",
  "board.mail.unsubscribe.intro":
    "You will get no more e-mails about this group's board. An announcement of a cancelled meeting will still reach you.",
  "board.mail.unsubscribe.submit": "Stop these e-mails",
  "board.mail.unsubscribed.title": "You will get no more e-mails about the board",
  "board.mail.unsubscribed.body":
    "You will get no more e-mails about the board of {group}. You are still a member of the group.",
  "board.mail.unsubscribed.change": "Change which e-mails you get about the board",
  "board.mail.unknownLink.title": "This link does not work",
  "board.mail.unknownLink.body":
    "This link is not known, or it is more than six months old. Nothing has been changed. To choose which e-mails you get, sign in and open the group's board.",
  "board.mail.post.announcement.subject": "{group}: an announcement, “{title}”",
  "board.mail.post.announcement.body": "{author} posted an announcement on the board of {group}:",
  "board.mail.post.toEveryone":
    "It tells of a cancelled meeting, so it is sent to every member, whatever e-mails they chose.",
  "board.mail.post.thread.subject": "{group}: {author} started “{title}”",
  "board.mail.post.thread.body": "{author} started a conversation on the board of {group}:",
  "board.mail.post.reply.subject": "{group}: {author} replied in “{title}”",
  "board.mail.post.reply.body": "{author} replied in “{title}” on the board of {group}:",
  "board.mail.post.link": "To read the conversation and reply:",
  "board.mail.choose":
    "To choose which e-mails you get about the board, go to {url}. To get none, go to {unsubscribe}.",
  "board.mail.digest.subject": "{group}: new on the board",
  "board.mail.digest.body": "Something new was written on the board of {group} in the last day:",
  "board.mail.digest.oneNew": "“{title}”: 1 new message",
  "board.mail.digest.manyNew": "“{title}”: {count} new messages",
  "board.mail.digest.link": "To read them, open the board:",
} as const;
