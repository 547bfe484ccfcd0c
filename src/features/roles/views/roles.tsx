import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDate, formatDateTime } from "../../../infra/i18n/i18n.js";
import type { RoleAction } from "../policy.js";

type GroupRef = { name: string; slug: string; timeZone: string };
type Member = { personId: string; displayName: string; role: string };
type Change = {
  id: string;
  person: string;
  by: string;
  fromRole: string;
  toRole: string;
  at: Date;
};

const roleKey = (role: string) =>
  (["member", "facilitator", "guide", "observer", "removed"].includes(role)
    ? `roles.role.${role}`
    : "roles.role.member") as "roles.role.member";

/** The group's members and their roles, and every change of role: for members only. */
export function MembersPage({
  ctx,
  group,
  members,
  changes,
  can,
  viewerId,
  observers,
}: {
  ctx: PageContext;
  group: GroupRef;
  members: Member[];
  changes: Change[];
  can: Record<RoleAction, boolean>;
  viewerId: string;
  /** Guides who became observers at the handover: listed apart, as no longer leading. */
  observers: string[];
}) {
  const { t } = ctx;
  const title = t("roles.members.title", { group: group.name });
  const someone = t("meetings.someone");
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("roles.members.private")}</p>
      <ul class="member-list">
        {members.map((m) => {
          const role = observers.includes(m.personId) ? "observer" : m.role;
          return (
            <li key={m.personId}>
              <strong>{m.displayName || someone}</strong> – {t(roleKey(role))}
              {can["members.manage"] && (role === "member" || role === "facilitator") ? (
                <Form ctx={ctx} action={`/groups/${group.slug}/members/${m.personId}/role`}>
                  <input
                    type="hidden"
                    name="role"
                    value={role === "member" ? "facilitator" : "member"}
                  />
                  <SubmitButton variant="secondary">
                    {role === "member"
                      ? t("roles.makeFacilitator", { name: m.displayName || someone })
                      : t("roles.makeMember", { name: m.displayName || someone })}
                  </SubmitButton>
                </Form>
              ) : null}
              {can["members.manage"] &&
              (role === "member" || role === "facilitator") &&
              m.personId !== viewerId ? (
                <p>
                  <a href={`/groups/${group.slug}/members/${m.personId}/remove`}>
                    {t("roles.remove.link", { name: m.displayName || someone })}
                  </a>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {can["members.manage"] ? (
        <p>
          <a href={`/groups/${group.slug}/invitations`}>{t("invitations.link")}</a>
        </p>
      ) : null}
      {can["handover.view"] ? (
        <p>
          <a href={`/groups/${group.slug}/handover`}>{t("roles.handover.link")}</a>
        </p>
      ) : null}
      <h2>{t("roles.changes.title")}</h2>
      {changes.length === 0 ? (
        <p>{t("roles.changes.none")}</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={c.id}>
              {t("roles.changes.line", {
                date: formatDate(c.at, ctx.lang, group.timeZone),
                person: c.person || someone,
                from: t(roleKey(c.fromRole)),
                to: t(roleKey(c.toRole)),
                by: c.by || someone,
              })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The guide's handover: proposed by the guide, agreed by a facilitator. */
export function HandoverPage({
  ctx,
  group,
  handover,
  can,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  handover: { at: Date; agreed: boolean } | null;
  can: Record<RoleAction, boolean>;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("roles.handover.title");
  const when = handover ? formatDateTime(handover.at, ctx.lang, group.timeZone) : "";
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}/members`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("roles.handover.intro")}</p>
      {handover?.agreed ? (
        <p class="panel">{t("roles.handover.agreed", { when })}</p>
      ) : handover ? (
        <p class="panel">{t("roles.handover.proposed", { when })}</p>
      ) : (
        <p>{t("roles.handover.none")}</p>
      )}
      {can["handover.agree"] ? (
        <Form ctx={ctx} action={`/groups/${group.slug}/handover/agree`}>
          <SubmitButton>{t("roles.handover.agree")}</SubmitButton>
        </Form>
      ) : null}
      {can["handover.propose"] ? (
        <Form ctx={ctx} action={`/groups/${group.slug}/handover`}>
          <TextField
            t={t}
            name="date"
            label={t("roles.handover.date")}
            hint={t("groups.field.startsOnHint")}
            value={values.date}
            error={errors.date}
            width="short"
          />
          <SubmitButton>{t("roles.handover.propose")}</SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}

/** Asking the person who leads to confirm a removal, which is not undone with a click. */
export function RemovePage({
  ctx,
  group,
  member,
}: {
  ctx: PageContext;
  group: GroupRef;
  member: Member;
}) {
  const { t } = ctx;
  const name = member.displayName || t("meetings.someone");
  const title = t("roles.remove.title", { name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/groups/${group.slug}/members`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("roles.remove.intro", { name, group: group.name })}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/members/${member.personId}/remove`}>
        <SubmitButton variant="warning">{t("roles.remove.submit", { name })}</SubmitButton>
      </Form>
    </Layout>
  );
}
