import {
  type FieldErrors,
  Form,
  SubmitButton,
  Textarea,
  TextField,
} from "../../../infra/html/form.js";
import { FormPage } from "../../../infra/html/form-page.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { PostView } from "../present.js";
import { type BoardGroup, boardPath, PostBody, postPath, threadPath } from "./parts.js";

type Values = Record<string, string>;

/** A new conversation, or (for those who lead) an announcement. */
export function NewThreadPage({
  ctx,
  group,
  announcement,
  once = true,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: BoardGroup;
  announcement: boolean;
  once?: string | true;
  values?: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = announcement ? t("board.announce.title") : t("board.new.title");
  return (
    <FormPage ctx={ctx} title={title} back={boardPath(group)} errors={errors}>
      <p>{announcement ? t("board.announce.intro") : t("board.new.intro")}</p>
      <Form
        ctx={ctx}
        action={boardPath(group, announcement ? "/announcements" : "/threads")}
        once={once}
      >
        <TextField
          t={t}
          name="title"
          label={t("board.new.titleLabel")}
          value={values.title}
          error={errors.title}
          maxLength={150}
        />
        <Textarea
          t={t}
          name="body"
          label={t("board.new.body")}
          hint={t("board.body.hint")}
          value={values.body}
          error={errors.body}
          rows={8}
        />
        {announcement ? (
          <div class="field">
            <div class="radio">
              <input
                type="checkbox"
                id="toEveryone"
                name="toEveryone"
                value="yes"
                checked={values.toEveryone !== undefined}
              />
              <label for="toEveryone">{t("board.announce.toEveryone")}</label>
            </div>
          </div>
        ) : null}
        <SubmitButton>
          {announcement ? t("board.announce.submit") : t("board.new.submit")}
        </SubmitButton>
      </Form>
    </FormPage>
  );
}

/** The author puts a post right. */
export function EditPostPage({
  ctx,
  group,
  post,
  values,
  errors = {},
}: {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
  values?: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("board.edit.title")}
      back={`${threadPath(group, post.threadId)}#post-${post.id}`}
      errors={errors}
    >
      {post.hidden ? (
        <p class="panel">{t("board.edit.hiddenIntro", { reason: post.hidden.reason })}</p>
      ) : (
        <p>{t("board.edit.intro")}</p>
      )}
      <Form ctx={ctx} action={postPath(group, post.id, "/edit")}>
        <Textarea
          t={t}
          name="body"
          label={t("board.edit.body")}
          hint={t("board.body.hint")}
          value={values?.body ?? post.body ?? ""}
          error={errors.body}
          rows={8}
        />
        <SubmitButton>{t("board.edit.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** Are you sure? The post's words go; its place stays. */
export function DeletePostPage({
  ctx,
  group,
  post,
}: {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("board.delete.title")}
      back={`${threadPath(group, post.threadId)}#post-${post.id}`}
      errors={{}}
    >
      <p>{t("board.delete.intro")}</p>
      <blockquote>
        <PostBody ctx={ctx} post={post} />
      </blockquote>
      <Form ctx={ctx} action={postPath(group, post.id, "/delete")}>
        <SubmitButton variant="warning">{t("board.delete.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}
