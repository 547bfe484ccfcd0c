/** Whether an invitation was sent to this address (e-mail addresses are compared without case). */
export function invitedAddress(invitation: { email: string }, email: string): boolean {
  return invitation.email.toLowerCase() === email.toLowerCase();
}

/**
 * Who may take up an invitation: the link works while it is unused and unexpired, in a group
 * that takes members, and only for the account of the address it was sent to, so a forwarded
 * link shows and opens nothing.
 */
export function takeUpRefusal(invitation: { email: string } | null, email: string) {
  if (!invitation) return "NO_INVITATION" as const;
  return invitedAddress(invitation, email) ? null : ("OTHER_ADDRESS" as const);
}
