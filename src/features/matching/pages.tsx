import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { htmlDoor } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { MessagePage } from "../../infra/html/message-page.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { isUuid } from "../../infra/http/ids.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { collator } from "../../infra/i18n/intl-cache.js";
import { findPlace, type Place } from "../../infra/places/find-place.js";
import { type DifficultyOption, listDifficulties } from "../difficulties/reads.js";
import { languageName } from "../directory/views/words.js";
import { groupLanguages } from "../groups/inputs.js";
import { askForHelpAction } from "./actions.js";
import {
  ANY_DIFFICULTY,
  type Answers,
  checkAnswer,
  findHref,
  firstUnanswered,
  helpFields,
  needsPlace,
  type Question,
  queryValues,
  questions,
  readAnswers,
} from "./inputs.js";
import { answerRows, presentMatches } from "./present.js";
import { findMatches } from "./reads.js";
import { HelpPage } from "./views/help-page.js";
import { type QuestionChoices, QuestionPage } from "./views/question-page.js";
import { ResultsPage } from "./views/results-page.js";
import { StartPage } from "./views/start-page.js";
import { SummaryPage } from "./views/summary-page.js";

/** Towns called the same in several countries: an Italian reader most likely means Italy's. */
const countryHint = (language: Language) => (language === "it" ? "IT" : undefined);

/** Back to a question, showing what is wrong with the answer there. */
const askAgain = (reply: FastifyReply, question: Question, answers: Answers) =>
  reply.code(303).redirect(findHref(`/find/${question}`, answers, [["sent", "1"]]));

/**
 * Finding the right group, one question per page, without JavaScript: /find, the five
 * questions, "Check your answers", the groups that fit, and asking a person for help.
 */
export async function matchingPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  async function choicesFor(lang: Language): Promise<QuestionChoices> {
    const difficulties = await listDifficulties(db, lang);
    const languages = [...new Set([lang, ...groupLanguages])].sort((a, b) =>
      collator(lang).compare(languageName(a, lang), languageName(b, lang)),
    );
    return { difficulties, languages };
  }

  const find = (lang: Language, typed: string) =>
    findPlace(db, typed, { language: lang, country: countryHint(lang) });

  /**
   * What the address alone cannot prove: that the difficulty is still offered, the language is
   * one groups use, and (when asked) that the town exists. Sends the person back to the first
   * question that needs a look.
   */
  async function confirm(
    request: FastifyRequest,
    reply: FastifyReply,
    answers: Answers,
    options: { findTown: boolean },
  ): Promise<{ difficulties: DifficultyOption[]; place: Place | null } | null> {
    const missing = firstUnanswered(answers);
    if (missing) {
      reply.code(303).redirect(findHref(`/find/${missing}`, answers));
      return null;
    }
    const choices = await choicesFor(request.lang);
    const { difficulty, language } = answers;
    if (difficulty !== ANY_DIFFICULTY && !choices.difficulties.some((d) => d.slug === difficulty)) {
      askAgain(reply, "difficulty", answers);
      return null;
    }
    if (!language || !choices.languages.includes(language)) {
      askAgain(reply, "language", answers);
      return null;
    }
    let place: Place | null = null;
    if (options.findTown && needsPlace(answers.how) && answers.place) {
      place = await find(request.lang, answers.place);
      if (!place) {
        askAgain(reply, "where", answers);
        return null;
      }
    }
    return { difficulties: choices.difficulties, place };
  }

  const wordsFor = (
    request: FastifyRequest,
    difficulties: DifficultyOption[],
    placeName: string | undefined,
  ) => ({
    t: request.t,
    lang: request.lang,
    difficultyName: (slug: string) => difficulties.find((d) => d.slug === slug)?.name,
    placeName,
  });

  app.get("/find", async (request, reply) =>
    sendHtml(reply, <StartPage ctx={pageContext(request)} />),
  );

  questions.forEach((question, index) => {
    app.get(`/find/${question}`, async (request, reply) => {
      const values = queryValues(request.query);
      const answers = readAnswers(values);
      const change = values.change === "1";
      const choices = await choicesFor(request.lang);
      const show = (errors: FieldErrors, status: number) =>
        sendHtml(
          reply,
          <QuestionPage
            ctx={pageContext(request)}
            question={question}
            answers={answers}
            values={values}
            errors={errors}
            change={change}
            choices={choices}
          />,
          status,
        );
      // Opened by a link or the back button: the question, with any earlier answer chosen.
      if (values.sent === undefined) return show({}, 200);

      const checked = checkAnswer(question, values);
      if (!checked.ok) return show(checked.errors, 400);
      const answer = checked.data;
      if (
        answer.difficulty !== undefined &&
        answer.difficulty !== ANY_DIFFICULTY &&
        !choices.difficulties.some((d) => d.slug === answer.difficulty)
      ) {
        return show({ difficulty: "matching.difficulty.error" }, 400);
      }
      if (answer.language !== undefined && !choices.languages.includes(answer.language)) {
        return show({ language: "matching.language.error" }, 400);
      }
      if (answer.place && !(await find(request.lang, answer.place))) {
        return show({ place: "matching.where.placeUnknown" }, 400);
      }
      const next = questions[index + 1];
      const to = change || !next ? "summary" : next;
      return reply.code(303).redirect(findHref(`/find/${to}`, { ...answers, ...answer }));
    });
  });

  app.get("/find/summary", async (request, reply) => {
    const answers = readAnswers(queryValues(request.query));
    const confirmed = await confirm(request, reply, answers, { findTown: true });
    if (!confirmed) return reply;
    const rows = answerRows(
      answers,
      wordsFor(request, confirmed.difficulties, confirmed.place?.name),
    );
    return sendHtml(
      reply,
      <SummaryPage ctx={pageContext(request)} answers={answers} rows={rows} />,
    );
  });

  app.get("/find/results", async (request, reply) => {
    const answers = readAnswers(queryValues(request.query));
    // The search finds the town itself, and says so when it cannot.
    const confirmed = await confirm(request, reply, answers, { findTown: false });
    if (!confirmed) return reply;
    const result = await findMatches(db, answers, { now: clock(), language: request.lang });
    if (!result.ok) {
      return askAgain(reply, result.reason === "UNKNOWN_PLACE" ? "where" : "difficulty", answers);
    }
    return sendHtml(
      reply,
      <ResultsPage
        ctx={pageContext(request)}
        answers={answers}
        found={presentMatches(result, answers)}
      />,
    );
  });

  // Help paths are never rate-limited (FIELD-NOTES, safety norms): no limit on these routes.
  async function helpRows(request: FastifyRequest, answers: Answers) {
    const difficulties = await listDifficulties(db, request.lang);
    return answerRows(answers, wordsFor(request, difficulties, undefined));
  }

  app.get("/find/help", async (request, reply) => {
    const answers = readAnswers(queryValues(request.query));
    return sendHtml(
      reply,
      <HelpPage
        ctx={pageContext(request)}
        answers={answers}
        requestId={randomUUID()}
        rows={await helpRows(request, answers)}
      />,
    );
  });

  htmlDoor(app, askForHelpAction, {
    // The form again, with the person's words and the reason by each field, in the form's order.
    invalid: (ctx, { scope }, form) => {
      const errors: FieldErrors = {};
      for (const field of [...helpFields, ...Object.keys(form.errors)]) {
        const error = form.errors[field];
        if (error && !errors[field]) errors[field] = error;
      }
      const sent = form.values.request;
      return (
        <HelpPage
          ctx={ctx}
          answers={scope.answers}
          rows={scope.rows}
          requestId={isUuid(sent) ? sent : randomUUID()}
          values={form.values}
          errors={errors}
        />
      );
    },
    // Nowhere to send it: the page says whom to call instead, and nothing is sent.
    explain: {
      NO_HELP_CONTACT: {
        status: 200,
        page: (ctx, { scope }) => (
          <HelpPage ctx={ctx} answers={scope.answers} rows={scope.rows} requestId={randomUUID()} />
        ),
      },
    },
    done: () => ({ to: "/find/help/sent" }),
  });

  app.get("/find/help/sent", async (request, reply) => {
    const ctx = pageContext(request);
    return sendHtml(
      reply,
      <MessagePage
        ctx={ctx}
        title={ctx.t("matching.help.sent.title")}
        body={ctx.t("matching.help.sent.body")}
      />,
    );
  });
}
