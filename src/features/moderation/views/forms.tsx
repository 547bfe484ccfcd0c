import { Radios } from "../../../infra/html/choices.js";
import { type FieldErrors, Form, SubmitButton, Textarea } from "../../../infra/html/form.js";
import { FormPage } from "../../../infra/html/form-page.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { PostView } from "../../board/present.js";
import { type BoardGroup, postPath } from "../../board/views/parts.js";
import { reportReasons } from "../tables.js";
import { postInThread, QuotedPost, reasonWords } from "./parts.js";

type FormProps = {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
  once?: string | true;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

/** Why is this post reported? One question: the reason, and a few words if the member wishes. */
export function ReportPage({ ctx, group, post, once = true, values = {}, errors = {} }: FormProps) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("moderation.report.title")}
      back={postInThread(group, post)}
      errors={errors}
    >
      <p>{t("moderation.report.intro")}</p>
      <QuotedPost ctx={ctx} group={group} post={post} />
      <Form ctx={ctx} action={postPath(group, post.id, "/report")} once={once}>
        <Radios
          t={t}
          name="reason"
          legend={t("moderation.report.reasonLegend")}
          options={reportReasons.map((value) => ({ value, label: t(reasonWords[value]) }))}
          value={values.reason}
          error={errors.reason}
        />
        <Textarea
          t={t}
          name="details"
          label={t("moderation.report.details")}
          hint={t("moderation.report.detailsHint")}
          value={values.details}
          error={errors.details}
        />
        <SubmitButton>{t("moderation.report.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** Those who lead hide a post: the reason, which its author will read. */
export function HidePage({ ctx, group, post, once = true, values = {}, errors = {} }: FormProps) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("moderation.hide.title")}
      back={postInThread(group, post)}
      errors={errors}
    >
      <p>{t("moderation.hide.intro")}</p>
      <QuotedPost ctx={ctx} group={group} post={post} />
      <Form ctx={ctx} action={postPath(group, post.id, "/hide")} once={once}>
        <Textarea
          t={t}
          name="reason"
          label={t("moderation.hide.reason")}
          hint={t("moderation.hide.reasonHint")}
          value={values.reason}
          error={errors.reason}
          rows={4}
        />
        <SubmitButton variant="warning">{t("moderation.hide.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** Those who lead show a hidden post again, with a word for its author if they wish. */
export function RestorePage({
  ctx,
  group,
  post,
  once = true,
  values = {},
  errors = {},
}: FormProps) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("moderation.restore.title")}
      back={postInThread(group, post)}
      errors={errors}
    >
      {post.hidden ? <p>{t("board.post.hiddenLeaders", { reason: post.hidden.reason })}</p> : null}
      <p>{t("moderation.restore.intro")}</p>
      <QuotedPost ctx={ctx} group={group} post={post} />
      <Form ctx={ctx} action={postPath(group, post.id, "/restore")} once={once}>
        <Textarea
          t={t}
          name="reason"
          label={t("moderation.restore.reason")}
          hint={t("moderation.hide.reasonHint")}
          value={values.reason}
          error={errors.reason}
          rows={3}
        />
        <SubmitButton>{t("moderation.restore.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** The author asks for a hidden post back: why it was hidden, a way to change it, and a message. */
export function AskBackPage({
  ctx,
  group,
  post,
  once = true,
  values = {},
  errors = {},
}: FormProps) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("moderation.askBack.title")}
      back={postInThread(group, post)}
      errors={errors}
    >
      <p class="panel">{t("moderation.askBack.intro", { reason: post.hidden?.reason ?? "" })}</p>
      <QuotedPost ctx={ctx} group={group} post={post} />
      <p>
        {t("moderation.askBack.change")}{" "}
        <a href={postPath(group, post.id, "/edit")}>{t("moderation.askBack.changeLink")}</a>
      </p>
      <Form ctx={ctx} action={postPath(group, post.id, "/ask-back")} once={once}>
        <Textarea
          t={t}
          name="message"
          label={t("moderation.askBack.message")}
          hint={t("moderation.askBack.messageHint")}
          value={values.message}
          error={errors.message}
          rows={4}
        />
        <SubmitButton>{t("moderation.askBack.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}
