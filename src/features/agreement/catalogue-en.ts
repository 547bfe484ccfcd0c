/** English messages of a group's agreement and changes to it. */
export const agreementEn = {
  "agreement.link": "The group's agreement",
  "agreement.title": "The agreement of {group}",
  "agreement.changedNotice":
    "The group's agreement has changed. Please read it and accept it before you carry on.",
  "agreement.acceptAgain":
    "The group agreed a change on {date}. Please read the agreement as it now reads, and accept it.",
  "agreement.accept": "I accept the agreement",
  "agreement.since": "The group has agreed this since {date}.",
  "agreement.acceptedOn": "You accepted it on {date}.",
  "agreement.open.title": "A proposed change",
  "agreement.open.intro":
    "{person} proposed this on {date}. Any member can object until {until}. If nobody does, it becomes the group's agreement then.",
  "agreement.open.reason": "Why: {reason}",
  "agreement.open.text": "The agreement as it would read",
  "agreement.object.reason": "Why you object (optional)",
  "agreement.object.hint":
    "One objection is enough: the change will not happen, and the facilitators will talk it over with the group.",
  "agreement.object.submit": "I object to this change",
  "agreement.propose.title": "Propose a change",
  "agreement.propose.intro":
    "Write the whole agreement as you would like it to read. Every member will be told and can object within 7 days.",
  "agreement.propose.text": "The agreement",
  "agreement.propose.textHint":
    "For example: what is said here stays here; first names only; no advice unless asked; saying “pass” is always fine; no recording without everyone's consent; what we do if someone is in crisis.",
  "agreement.propose.reason": "Why you propose it (optional)",
  "agreement.propose.submit": "Propose this change",
  "agreement.history.title": "Earlier changes",
  "agreement.history.none": "The agreement has not changed since the group began.",
  "agreement.history.adopted": "Proposed by {person} on {date}; it took effect on {effective}.",
  "agreement.history.objected": "Proposed by {person} on {date}; it did not go ahead.",
  "agreement.history.objection": "{person} objected: {reason}",
  "agreement.history.objectionNoReason": "{person} objected.",
  "agreement.proposed":
    "The change is proposed. Every member has been told and can object within 7 days.",
  "agreement.objected":
    "Your objection is recorded. The change will not go ahead, and the facilitators have been told.",
  "agreement.accepted": "Thank you. You have accepted the group's agreement.",
  "agreement.changedWhileReading":
    "The agreement changed while you were reading it. Please read it as it is now, then accept it.",
  "agreement.errors.empty": "Write the agreement as it would read",
  "agreement.errors.tooLong": "Keep the agreement to 5,000 characters",
  "agreement.errors.reasonTooLong": "Keep this to 1,000 characters",
  "agreement.errors.unchanged": "This is the agreement as it already reads: change something first",
  "agreement.errors.open": "Another change is still open: wait until it is settled",
  "agreement.errors.onlyLeaders":
    "The facilitators propose changes to the agreement, one at a time.",
  "agreement.errors.nothingToObject": "There is no change open for objections.",
  "agreement.errors.notOpen": "The change is no longer open for objections.",
  "agreement.mail.proposed.subject": "{group}: a change to the agreement is proposed",
  "agreement.mail.proposed.body":
    "A facilitator of {group} proposes a change to the group's agreement. Please read it. If it does not feel right to you, you can object until {until}; without an objection it takes effect then.",
  "agreement.mail.objected.subject": "{group}: a member objected to the change",
  "agreement.mail.objected.body":
    "A member of {group} objected to the proposed change to the agreement, so it will not go ahead. You may want to talk it over at the next meeting.",
  "agreement.mail.adopted.subject": "{group}: the agreement has changed",
  "agreement.mail.adopted.body":
    "Nobody objected, so the change to the agreement of {group} has taken effect. Please read the agreement as it now reads and accept it on your next visit.",
  "agreement.mail.reason": "Why: {reason}",
  "agreement.mail.link": "Read the agreement:",
} as const;
