/** English messages of the home page and its urgent-help words. */
export const homeEn = {
  "home.title": "Find people who are going through the same thing",
  "home.intro":
    "Mutual support groups are small groups of people who share the same difficulty, such as caring for someone with dementia, losing a partner or feeling lonely. Members meet in person, by video or by telephone, and help each other.",
  "home.peerLed":
    "Each group is run by its members. Nobody is paid to lead it, and you can leave at any time without giving a reason.",
  "home.signedIn": "Welcome back, {name}.",
  "home.startSignIn": "Sign in or create an account",
  "home.urgent":
    "If you or someone near you is in danger now, call {number}. Mutua groups are not an emergency service.",
  "urgent.title": "Need urgent help?",
  "urgent.danger": "If someone is in danger now, call {number}.",
  "urgent.body":
    "Mutua groups are run by volunteers who share your experience. They are not a crisis service and may not see messages quickly.",
  "urgent.talk":
    "If you need to talk to someone now, you can call a helpline or your doctor. If you are worried about an older person being harmed, contact the emergency services or your local social services.",
} as const;
