/** English messages of joining, waiting and leaving. */
export const membershipsEn = {
  "memberships.join.title": "Join {group}",
  "memberships.join.agreementIntro":
    "Every member of this group agrees to these ground rules. Please read them before you join.",
  "memberships.join.agree": "I agree, join the group",
  "memberships.join.waitlistIntro":
    "This group is full at the moment. You can join the waiting list: when a place is free, the first person waiting is offered it by e-mail and has three days to take it.",
  "memberships.join.waitlist": "I agree, put me on the waiting list",
  "memberships.request.title": "Ask to join {group}",
  "memberships.request.intro":
    "The members who lead this group will read your request and answer by e-mail. You do not have to explain anything.",
  "memberships.request.message": "A few words for them (you can leave this empty)",
  "memberships.request.send": "I agree, send my request",
  "memberships.request.tooLong": "Your message can be at most 1,000 characters",
  "memberships.joined.flash": "Welcome! You are now a member of this group.",
  "memberships.requested.flash": "Your request has been sent. You will hear back by e-mail.",
  "memberships.waitlisted.flash":
    "You are on the waiting list. We will e-mail you when a place is free.",
  "memberships.notTaking": "This group is not taking new members at the moment.",
  "memberships.alreadyIn": "You are already in this group, or waiting for an answer.",
  "memberships.removed":
    "You cannot join this group again. If you think this is a mistake, contact the help line.",
  "memberships.status.active": "You are a member of this group.",
  "memberships.status.requested": "You have asked to join. The group will answer by e-mail.",
  "memberships.status.waitlisted": "You are number {position} on the waiting list.",
  "memberships.status.waitlistedFirst": "You are first on the waiting list.",
  "memberships.status.waitlistedBehindFew":
    "You are on the waiting list, with a few people ahead of you.",
  "memberships.status.offer": "A place is being held for you until {time}.",
  "memberships.offer.accept": "Take my place in the group",
  "memberships.offer.decline": "No thank you, give it to the next person",
  "memberships.offer.gone": "This offer has ended. You are still on the waiting list.",
  "memberships.leave.title": "Leave {group}?",
  "memberships.leave.body":
    "You can leave at any time. You do not need to give a reason. You can ask to join again later.",
  "memberships.leave.submit": "Yes, leave the group",
  "memberships.leave.link": "Leave this group",
  "memberships.left.flash": "You have left the group.",
  "memberships.panel.yours": "Your place in this group",
  "memberships.panel.joining": "Joining this group",
  "memberships.requests.title": "Requests to join {group}",
  "memberships.requests.none": "There are no requests waiting.",
  "memberships.requests.asked": "Asked on {date}",
  "memberships.requests.reply": "Message to {name} (optional)",
  "memberships.requests.replyHint":
    "At most 1,000 characters. It goes with your answer, by e-mail.",
  "memberships.requests.choose": "Choose to welcome them or to say no",
  "memberships.requests.accept": "Welcome {name}",
  "memberships.requests.decline": "Say no to {name}",
  "memberships.requests.link": "Requests to join ({count})",
  "memberships.requests.decided": "Your answer has been sent.",
  "memberships.mail.offer.subject": "A place is free for you in {group}",
  "memberships.mail.offer.body":
    "A place has become free in {group}, and you are first on the waiting list. It is held for you until {time}.",
  "memberships.mail.offer.action": "To take it, or to let it go to the next person, open:",
  "memberships.mail.lapsed.subject": "The place in {group} has passed on",
  "memberships.mail.lapsed.body":
    "The place we held for you in {group} was not taken in time, so it has been offered to the next person. You are still on the waiting list.",
  "memberships.mail.accepted.subject": "Welcome to {group}",
  "memberships.mail.accepted.body": "Your request to join {group} has been accepted.",
  "memberships.mail.acceptedWaiting.body":
    "Your request to join {group} has been accepted. The group is full just now, so you are on the waiting list.",
  "memberships.mail.declined.subject": "Your request to join {group}",
  "memberships.mail.declined.body":
    "The group {group} cannot take you in at the moment. This is not about you: small groups have to stay small. You can look for another group at any time.",
  "memberships.mail.message": "Their message:",
  "memberships.mail.link": "The group's page:",
  "memberships.mail.request.subject": "{name} would like to join {group}",
  "memberships.mail.request.body": "{name} has asked to join {group}. To answer, open:",
} as const;
