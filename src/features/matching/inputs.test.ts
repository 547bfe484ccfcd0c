import { describe, expect, it } from "vitest";
import {
  answerParams,
  checkAnswer,
  findHref,
  firstUnanswered,
  helpInput,
  type QueryValues,
  type Question,
  readAnswers,
  widened,
} from "./inputs.js";

const complete = {
  difficulty: "dementia-care",
  who: "carer",
  how: "in_person",
  place: "Trento",
  radius: "25",
  day: ["2", "4"],
  time: "morning",
  language: "it",
};

describe("reading the answers from an address", () => {
  it("keeps well-formed answers, in the questions' order", () => {
    const answers = readAnswers(complete);
    expect(answers).toEqual({
      difficulty: "dementia-care",
      who: "carer",
      how: "in_person",
      place: "Trento",
      radius: 25,
      days: [2, 4],
      times: ["morning"],
      anyTime: false,
      language: "it",
    });
    expect(firstUnanswered(answers)).toBeNull();
    expect(findHref("/find/summary", answers)).toBe(
      "/find/summary?difficulty=dementia-care&who=carer&how=in_person&place=Trento&radius=25&day=2&day=4&time=morning&language=it",
    );
  });

  it("drops what is not well formed, so that question is simply asked again", () => {
    const answers = readAnswers({
      difficulty: "<b>",
      who: ["me", "carer"],
      how: "by pigeon",
      place: "x".repeat(101),
      radius: "7",
      day: ["9", "1", "1"],
      time: ["night", "evening"],
      when: "sometimes",
      language: "Italian",
    });
    expect(answers).toEqual({
      difficulty: undefined,
      who: undefined,
      how: undefined,
      place: undefined,
      radius: undefined,
      days: [1],
      times: ["evening"],
      anyTime: false,
      language: undefined,
    });
    expect(firstUnanswered(answers)).toBe("difficulty");
  });

  it("forgets the town and distance for video and telephone", () => {
    const answers = readAnswers({ ...complete, how: "telephone" });
    expect(answers.place).toBeUndefined();
    expect(answers.radius).toBeUndefined();
    expect(firstUnanswered(answers)).toBeNull();
  });

  it("takes control characters out of a town's name", () => {
    expect(readAnswers({ ...complete, place: " Tren\u0000to\n " }).place).toBe("Tren to");
  });

  it.each([
    [{ ...complete, when: "any" }, "when"],
    [{ ...complete, day: [], time: [] }, "when"],
    [{ ...complete, place: "" }, "where"],
    [{ ...complete, how: "any", radius: "" }, "where"],
    [{ ...complete, language: undefined }, "language"],
  ])("finds the first question still to answer in %j", (values, question) => {
    const { language, ...rest } = values;
    expect(
      firstUnanswered(readAnswers(language === undefined ? rest : { ...rest, language })),
    ).toBe(question);
  });

  it("leaves one question's answer out of the hidden fields of its own page", () => {
    expect(answerParams(readAnswers(complete), ["when", "where"])).toEqual([
      ["difficulty", "dementia-care"],
      ["who", "carer"],
      ["language", "it"],
    ]);
  });
});

describe("looking wider", () => {
  it.each([
    [5, 10],
    [10, 20],
    [20, 50],
    [25, 50],
    [50, 100],
  ])("from %i km goes to %i km, any day and any time", (from, to) => {
    const answers = readAnswers({ ...complete, radius: String(from) });
    expect(widened(answers)).toMatchObject({ radius: to, days: [], times: [], anyTime: true });
  });

  it("has nothing to widen at the farthest distance, or for video and telephone", () => {
    expect(widened(readAnswers({ ...complete, radius: "100" }))).toBeNull();
    expect(widened(readAnswers({ ...complete, how: "online" }))).toBeNull();
  });
});

describe("checking one question's answer", () => {
  it.each([
    ["difficulty", {}, { difficulty: "matching.difficulty.error" }],
    ["difficulty", { difficulty: ["any", "alcohol"] }, { difficulty: "matching.difficulty.error" }],
    ["who", { who: "everyone" }, { who: "matching.who.error" }],
    ["where", {}, { how: "matching.where.error" }],
    [
      "where",
      { how: "any", place: "  ", radius: "3" },
      { place: "matching.where.placeMissing", radius: "matching.where.radiusError" },
    ],
    [
      "where",
      { how: "in_person", place: "T".repeat(101), radius: "25" },
      { place: "matching.where.placeTooLong" },
    ],
    ["when", {}, { day: "matching.when.error" }],
    ["when", { day: "2", when: "any" }, { when: "matching.when.bothError" }],
    ["when", { day: "8" }, { day: "matching.when.dayError" }],
    ["when", { time: "night" }, { time: "matching.when.timeError" }],
    ["language", { language: "Italiano" }, { language: "matching.language.error" }],
  ] as [Question, QueryValues, Record<string, string>][])(
    "%s with %j gives %j",
    (question, values, errors) => {
      expect(checkAnswer(question, values)).toEqual({ ok: false, errors });
    },
  );

  it("gives the clean answer when it is right", () => {
    expect(checkAnswer("where", { how: "online", place: "Trento", radius: "25" })).toEqual({
      ok: true,
      data: { how: "online", place: undefined, radius: undefined },
    });
    expect(checkAnswer("where", { how: "in_person", place: " Trento ", radius: "10" })).toEqual({
      ok: true,
      data: { how: "in_person", place: "Trento", radius: 10 },
    });
    expect(checkAnswer("when", { day: ["4", "2"], time: "evening" })).toEqual({
      ok: true,
      data: { days: [2, 4], times: ["evening"], anyTime: false },
    });
    expect(checkAnswer("when", { when: "any" })).toEqual({
      ok: true,
      data: { days: [], times: [], anyTime: true },
    });
  });
});

describe("the help form", () => {
  it("keeps plain text only, and the one way of reaching the person they chose", () => {
    const parsed = helpInput.parse({
      name: "  Ada\u0007 ",
      reach: "email",
      email: "ADA@example.org",
      phone: "not used",
      message: "Riga uno\r\n\r\n\r\n\r\nRiga\tdue\u0000",
    });
    expect(parsed).toEqual({
      name: "Ada",
      contact: { kind: "email", address: "ada@example.org" },
      message: "Riga uno\n\nRiga due",
    });
  });

  it("accepts telephone numbers written the usual ways", () => {
    for (const phone of ["0461 123456", "+39 0461 123456", "(0461) 12-34-56", "0113 496 0000"]) {
      expect(helpInput.safeParse({ name: "Ada", reach: "phone", phone }).success, phone).toBe(true);
    }
    for (const phone of ["123", "call me", "+39 0461 123456 789 000 111"]) {
      expect(helpInput.safeParse({ name: "Ada", reach: "phone", phone }).success, phone).toBe(
        false,
      );
    }
  });
});
