import { adminEn } from "./catalogues/admin-en.js";
import { agreementEn } from "./catalogues/agreement-en.js";
import { closeEn } from "./catalogues/close-en.js";
import { directoryEn } from "./catalogues/directory-en.js";
import { feedsEn } from "./catalogues/feeds-en.js";
import { groupsEn } from "./catalogues/groups-en.js";
import { invitationsEn } from "./catalogues/invitations-en.js";
import { matchingEn } from "./catalogues/matching-en.js";
import { meetingsEn } from "./catalogues/meetings-en.js";
import { membershipsEn } from "./catalogues/memberships-en.js";
import { oversightEn } from "./catalogues/oversight-en.js";
import { rolesEn } from "./catalogues/roles-en.js";
import { settingsEn } from "./catalogues/settings-en.js";
import { splitEn } from "./catalogues/split-en.js";

/** English, the reference catalogue: every other language must have every key. */
const shellEn = {
  "site.skipLink": "Skip to main content",
  "site.tagline": "Mutual support groups, run by their members",
  "site.nav": "Main menu",
  "site.home": "Home",
  "site.groups": "All groups",
  "site.signIn": "Sign in",
  "site.account": "Your account",
  "site.signOut": "Sign out",
  "site.print": "Print this page",
  "site.helpTitle": "Need help?",
  "site.helpPhone": "Call us on {phone}",
  "site.helpEmail": "Write to us at {email}",
  "site.helpNone": "Ask the person who told you about {name}, or a member of your group.",
  "site.urgentLink": "Need urgent help? What to do now",
  "site.languageSwitch": "Italiano",
  "site.languageSwitchTo": "it",
  "site.footer": "{name} is open-source software for mutual support groups.",
  "site.back": "Back",
  "form.errorTitle": "Error: {title}",
  "form.errorSummary": "There is a problem",
  "form.continue": "Continue",
  "form.save": "Save",
  "home.title": "Find people who are going through the same thing",
  "home.intro":
    "Mutual support groups are small groups of people who share the same difficulty, such as caring for someone with dementia, losing a partner or feeling lonely. Members meet in person, by video or by telephone, and help each other.",
  "home.peerLed":
    "Each group is run by its members. Nobody is paid to lead it, and you can leave at any time without giving a reason.",
  "home.signedIn": "Welcome back, {name}.",
  "home.startSignIn": "Sign in or create an account",
  "home.urgent":
    "If you or someone near you is in danger now, call {number}. Mutua groups are not an emergency service.",
  "signIn.title": "Sign in or create an account",
  "signIn.intro":
    "Type your e-mail address. We will send you a link and a 6-digit code. You do not need a password.",
  "signIn.email": "E-mail address",
  "signIn.emailHint": "For example, ada@example.org",
  "signIn.send": "Send me a link and a code",
  "signIn.passkey": "Sign in with a passkey",
  "signIn.passkeyHint":
    "A passkey lets you sign in with your fingerprint, face or device PIN. You can add one from your account page.",
  "signIn.passkeyNeedsScript": "Signing in with a passkey needs JavaScript to be switched on.",
  "signIn.passkeyFailed":
    "We could not sign you in with that passkey. Try again, or use your e-mail address.",
  "checkEmail.title": "Check your e-mail",
  "checkEmail.sent":
    "If {email} can be used on {name}, we have sent a message to it. It has a link and a 6-digit code. They work for 15 minutes.",
  "checkEmail.code": "6-digit code",
  "checkEmail.codeHint": "You can paste it. Spaces do not matter.",
  "checkEmail.submit": "Sign in",
  "checkEmail.notArrived":
    "Nothing arrived? Look in your spam or junk folder, or ask for a new message.",
  "checkEmail.again": "Send a new link and code",
  "confirm.title": "Sign in on this device?",
  "confirm.body":
    "This link was asked for on another device or browser. If it was you, you can sign in here instead. If it was not you, close this page and nothing will happen.",
  "confirm.submit": "Yes, sign me in here",
  "linkInvalid.title": "This link no longer works",
  "linkInvalid.body":
    "Sign-in links work once, for 15 minutes. Ask for a new one and we will send it straight away.",
  "welcome.title": "What should we call you?",
  "welcome.intro":
    "Your name is shown to the members of groups you join. A first name or a made-up name is enough. We never ask for your surname.",
  "profile.title": "Your details and settings",
  "profile.displayName": "Your name",
  "profile.displayNameHint": "A first name or a made-up name. Other members of your groups see it.",
  "profile.language": "Language",
  "profile.textSize": "Text size",
  "profile.textSize.standard": "Standard",
  "profile.textSize.large": "Large",
  "profile.textSize.largest": "Largest",
  "profile.contrast": "Colours",
  "profile.contrast.standard": "Standard",
  "profile.contrast.high": "High contrast (black and yellow)",
  "profile.saved": "Your details have been saved.",
  "account.title": "Your account",
  "account.signedInAs": "You are signed in as {name} ({email}).",
  "account.details": "Change your name, language, text size or colours",
  "account.passkeys": "Passkeys",
  "account.passkeysIntro":
    "A passkey lets you sign in without waiting for an e-mail, using your fingerprint, face or device PIN.",
  "account.passkeyNone": "You have not added a passkey yet.",
  "account.passkeyAdded": "Added {date}",
  "account.passkeyAdd": "Add a passkey on this device",
  "account.passkeyAddedFlash": "Your passkey has been added.",
  "account.passkeyRemove": "Remove {name}",
  "account.passkeyRemovedFlash": "The passkey has been removed.",
  "account.passkeyNeedsScript": "Adding a passkey needs JavaScript to be switched on.",
  "account.passkeyFailed": "The passkey was not added. You can try again.",
  "account.yourData": "Your data",
  "account.download": "Download your data",
  "account.downloadHint": "A file with everything Mutua keeps about you.",
  "account.delete": "Delete your account",
  "account.signOutEverywhere": "Sign out on every device",
  "account.signOutEverywhereHint": "Use this if you signed in on a shared or lost device.",
  "account.adminNeedsPasskey":
    "You are an administrator. To use administrator tools, add a passkey and sign in with it.",
  "delete.title": "Delete your account?",
  "delete.body":
    "We will erase your e-mail address, your name and your settings. This cannot be undone. If you want a copy of your data, download it first.",
  "delete.submit": "Yes, delete my account",
  "delete.done": "Your account has been deleted. Thank you for being part of {name}.",
  "signedOut.flash": "You have signed out.",
  "signedOutEverywhere.flash": "You have signed out on every device.",
  "signedIn.flash": "You are signed in.",
  "urgent.title": "Need urgent help?",
  "urgent.danger": "If someone is in danger now, call {number}.",
  "urgent.body":
    "Mutua groups are run by volunteers who share your experience. They are not a crisis service and may not see messages quickly.",
  "urgent.talk":
    "If you need to talk to someone now, you can call a helpline or your doctor. If you are worried about an older person being harmed, contact the emergency services or your local social services.",
  "setup.title": "Set up the first administrator",
  "setup.intro":
    "This link works once. Type the e-mail address of the person who will look after this {name}. We will send them a sign-in link.",
  "setup.done":
    "The administrator has been created. Check the inbox of {email} for a sign-in link.",
  "setup.invalid": "This setup link has already been used or has expired.",
  "outbox.title": "Outbox (development only)",
  "outbox.empty": "No messages have been sent yet.",
  "outbox.intro": "Without SMTP_URL, e-mail is written here instead of being sent.",
  "error.notFound.title": "Page not found",
  "error.notFound.body":
    "We could not find this page. If you typed the address, check it. If you followed a link, it may be out of date.",
  "error.server.title": "Sorry, something went wrong on our side",
  "error.server.body": "Nothing you did caused this. Please try again in a few minutes.",
  "error.forbidden.title": "You cannot do that",
  "error.forbidden.body": "You do not have permission to do this.",
  "error.formExpired.title": "This form has expired",
  "error.formExpired.body":
    "For your safety, forms stop working after a while or when sent from another site. Go back, reload the page and try again.",
  "error.tooMany.title": "Please wait a little",
  "error.tooMany.body": "There have been too many attempts. Please try again in {minutes} minutes.",
  "error.tooMany.bodyOneMinute": "There have been too many attempts. Please try again in a minute.",
  "error.conflict.title": "This changed at the same moment",
  "error.conflict.body":
    "Someone changed this just as you did, so nothing was saved. Go back, look at it again and try once more.",
  "error.badRequest.title": "Something was not right",
  "error.badRequest.body": "We could not understand what was sent. Go back and try again.",
  "error.signInFirst": "Please sign in to see this page.",
  "errors.email.required": "Enter your e-mail address",
  "errors.email.invalid": "Enter an e-mail address like ada@example.org",
  "errors.email.tooLong": "An e-mail address can be at most 254 characters",
  "errors.email.refused":
    "We could not send an e-mail to this address. Please check that it is written correctly",
  "errors.email.unavailable":
    "We could not send the e-mail just now, and nothing was sent. Please try again in a few minutes",
  "errors.code.required": "Enter the 6-digit code from the e-mail",
  "errors.code.format": "The code is 6 digits, like 123 456",
  "errors.code.wrong":
    "That code is not right, or it has expired. Check the e-mail, or ask for a new code",
  "errors.displayName.required": "Enter a name other members can call you",
  "errors.displayName.tooLong": "Your name can be at most 40 characters",
  "errors.displayName.characters": "Your name can use letters, spaces, hyphens and apostrophes",
  "errors.choice.invalid": "Choose one of the options",
  "errors.generic": "Check this answer",
  "mail.signIn.subject": "Your sign-in code for {name}: {code}",
  "mail.signIn.greeting": "Hello,",
  "mail.signIn.body":
    "Someone, hopefully you, asked to sign in to {name} with this e-mail address.",
  "mail.signUp.body":
    "Someone, hopefully you, asked to create an account on {name} with this e-mail address.",
  "mail.signIn.code": "Your code is: {code}",
  "mail.signIn.link": "Or open this link on the same device:",
  "mail.signIn.expires": "The link and the code work once, until {time}.",
  "mail.signIn.ignore":
    "If you did not ask for this, you can ignore this message. Nothing will change.",
} as const;

/** The shell's messages and each area's, in one catalogue; keys must not collide. */
export const en = {
  ...shellEn,
  ...groupsEn,
  ...membershipsEn,
  ...meetingsEn,
  ...rolesEn,
  ...agreementEn,
  ...splitEn,
  ...settingsEn,
  ...closeEn,
  ...oversightEn,
  ...invitationsEn,
  ...directoryEn,
  ...matchingEn,
  ...feedsEn,
  ...adminEn,
} as const;

export type MessageKey = keyof typeof en;
