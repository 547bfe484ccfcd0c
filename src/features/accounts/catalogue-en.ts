/** English messages of accounts: signing in, the account and its profile, setting up, and deleting it. */
export const accountsEn = {
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
  "setup.title": "Set up the first administrator",
  "setup.intro":
    "This link works once. Type the e-mail address of the person who will look after this {name}. We will send them a sign-in link.",
  "setup.done":
    "The administrator has been created. Check the inbox of {email} for a sign-in link.",
  "setup.invalid": "This setup link has already been used or has expired.",
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
