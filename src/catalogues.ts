import { accountsEn } from "./features/accounts/catalogue-en.js";
import { accountsIt } from "./features/accounts/catalogue-it.js";
import { adminEn } from "./features/admin/catalogue-en.js";
import { adminIt } from "./features/admin/catalogue-it.js";
import { agreementEn } from "./features/agreement/catalogue-en.js";
import { agreementIt } from "./features/agreement/catalogue-it.js";
import { boardEn } from "./features/board/catalogue-en.js";
import { boardIt } from "./features/board/catalogue-it.js";
import { boardMailEn } from "./features/board/mail/catalogue-en.js";
import { boardMailIt } from "./features/board/mail/catalogue-it.js";
import { closeEn } from "./features/close/catalogue-en.js";
import { closeIt } from "./features/close/catalogue-it.js";
import { crisisEn } from "./features/crisis/catalogue-en.js";
import { crisisIt } from "./features/crisis/catalogue-it.js";
import { directoryEn } from "./features/directory/catalogue-en.js";
import { directoryIt } from "./features/directory/catalogue-it.js";
import { feedsEn } from "./features/feeds/catalogue-en.js";
import { feedsIt } from "./features/feeds/catalogue-it.js";
import { groupsEn } from "./features/groups/catalogue-en.js";
import { groupsIt } from "./features/groups/catalogue-it.js";
import { homeEn } from "./features/home/catalogue-en.js";
import { homeIt } from "./features/home/catalogue-it.js";
import { invitationsEn } from "./features/invitations/catalogue-en.js";
import { invitationsIt } from "./features/invitations/catalogue-it.js";
import { matchingEn } from "./features/matching/catalogue-en.js";
import { matchingIt } from "./features/matching/catalogue-it.js";
import { meetingsEn } from "./features/meetings/catalogue-en.js";
import { meetingsIt } from "./features/meetings/catalogue-it.js";
import { membershipsEn } from "./features/memberships/catalogue-en.js";
import { membershipsIt } from "./features/memberships/catalogue-it.js";
import { moderationEn } from "./features/moderation/catalogue-en.js";
import { moderationIt } from "./features/moderation/catalogue-it.js";
import { oversightEn } from "./features/oversight/catalogue-en.js";
import { oversightIt } from "./features/oversight/catalogue-it.js";
import { rolesEn } from "./features/roles/catalogue-en.js";
import { rolesIt } from "./features/roles/catalogue-it.js";
import { settingsEn } from "./features/settings/catalogue-en.js";
import { settingsIt } from "./features/settings/catalogue-it.js";
import { splitEn } from "./features/split/catalogue-en.js";
import { splitIt } from "./features/split/catalogue-it.js";
import { shellEn } from "./infra/i18n/en.js";
import { installCatalogues } from "./infra/i18n/i18n.js";
import { shellIt } from "./infra/i18n/it.js";

// Every feature's words, put together once: the mechanisms' own (infra/i18n) and each feature's
// catalogue, which lives beside it. Importing this module installs them, so app.ts, the command
// line tools and the test set-up import it first.

/** English, the reference catalogue: every other language must have every key. */
export const en = {
  ...shellEn,
  ...accountsEn,
  ...homeEn,
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
  ...boardEn,
  ...boardMailEn,
  ...moderationEn,
  ...crisisEn,
} as const;

/** Italian: typed by the English keys, so a missing or stray key fails the build. */
export const it: Record<keyof typeof en, string> = {
  ...shellIt,
  ...accountsIt,
  ...homeIt,
  ...groupsIt,
  ...membershipsIt,
  ...meetingsIt,
  ...rolesIt,
  ...agreementIt,
  ...splitIt,
  ...settingsIt,
  ...closeIt,
  ...oversightIt,
  ...invitationsIt,
  ...directoryIt,
  ...matchingIt,
  ...feedsIt,
  ...adminIt,
  ...boardIt,
  ...boardMailIt,
  ...moderationIt,
  ...crisisIt,
};

declare module "./infra/i18n/i18n.js" {
  /** Every message key of every catalogue above. */
  interface Messages extends Record<keyof typeof en, string> {}
}

installCatalogues({ en, it });
