import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePhrases, firstPhrase, matchPhrases, normaliseText } from "./phrase-matcher.js";

const phrasesOf = (list: string[], text: string) =>
  matchPhrases(compilePhrases(list.map((phrase) => ({ phrase }))), text).map((row) => row.phrase);

describe("a text as the phrase matcher reads it", () => {
  it.each([
    ["**I want to die**", "i want to die"],
    ["_kill myself_", "kill myself"],
    ["Perché? Non ne posso PIÙ", "perche non ne posso piu"],
    ["perche\u0301 piu\u0300", "perche piu"],
    ["perche' piu'", "perche piu"],
    ["l’unica, un'altra, lʼunica, l‘ultima", "l unica un altra l unica l ultima"],
    ["don't, don’t, donʼt, don`t, don´t", "don t don t don t don t don t"],
    ["line\nbreaks\r\n\tand    spaces", "line breaks and spaces"],
    ["> quoted\n> text\n\n- a list\n1. item", "quoted text a list 1 item"],
    ["[I want to die](https://example.org/suicidal-thoughts)", "i want to die"],
    ["see www.example.org/kill-myself or <https://example.org/end-it-all>", "see or"],
    ["`code`, ~~struck~~, # Heading, | table |", "code struck heading table"],
    ["ＫＩＬＬ\u3000ｍｙｓｅｌｆ", "kill myself"],
    ["ÀÉÎÕÜ çñ", "aeiou cn"],
    ["I’m 😢 so—tired…", "i m so tired"],
  ])("reads %j as %j", (text, words) => {
    expect(normaliseText(text)).toBe(words);
  });
});

describe("finding listed phrases", () => {
  it("finds whole words only: not die in diet, nor kill myself in skill myselfie", () => {
    const list = ["die", "kill myself"];
    expect(phrasesOf(list, "The diet is killing me, I died laughing")).toEqual([]);
    expect(phrasesOf(list, "skill myselfie")).toEqual([]);
    expect(phrasesOf(list, "I just want to DIE.")).toEqual(["die"]);
    expect(phrasesOf(list, "kill\n\nmyself")).toEqual(["kill myself"]);
  });

  it("lets a word ending in * go on, but never starts it elsewhere", () => {
    const list = ["overdos*", "stop* taking my pills"];
    expect(phrasesOf(list, "an overdose")).toEqual(["overdos*"]);
    expect(phrasesOf(list, "OVERDOSED twice")).toEqual(["overdos*"]);
    expect(phrasesOf(list, "overdos")).toEqual(["overdos*"]);
    expect(phrasesOf(list, "I overdo things, an overdo")).toEqual([]);
    expect(phrasesOf(list, "he overdosing")).toEqual(["overdos*"]);
    expect(phrasesOf(list, "nonoverdose")).toEqual([]);
    expect(phrasesOf(list, "I stopped taking my pills")).toEqual(["stop* taking my pills"]);
    expect(phrasesOf(list, "I'm stopping taking my pills")).toEqual(["stop* taking my pills"]);
    expect(phrasesOf(list, "I stopped taking my pillsbox")).toEqual([]);
  });

  it("takes an apostrophe in a phrase as typed with any apostrophe, a space or none", () => {
    const list = ["don't want to live", "l'unica soluzione"];
    for (const text of [
      "I don't want to live",
      "I don’t want to live",
      "I donʼt want to live",
      "i dont want to live",
      "I DON'T WANT TO LIVE",
    ]) {
      expect(phrasesOf(list, text)).toEqual(["don't want to live"]);
    }
    for (const text of [
      "l’unica soluzione",
      "L'UNICA SOLUZIONE",
      "lunica soluzione",
      "l' unica soluzione",
    ]) {
      expect(phrasesOf(list, text)).toEqual(["l'unica soluzione"]);
    }
  });

  it("finds a word elided onto by an Italian article or preposition", () => {
    expect(
      phrasesOf(["overdos*", "autolesion*"], "Penso a un'overdose, all’autolesionismo"),
    ).toEqual(["overdos*", "autolesion*"]);
  });

  it("ignores accents on either side", () => {
    const list = ["non voglio più vivere", "perche"];
    expect(phrasesOf(list, "non voglio piu vivere")).toEqual(["non voglio più vivere"]);
    expect(phrasesOf(list, "NON VOGLIO PIÙ VIVERE")).toEqual(["non voglio più vivere"]);
    expect(phrasesOf(list, "Perché?")).toEqual(["perche"]);
  });

  it("gives back the caller's rows, each once, in the order they start, the longest first", () => {
    const rows = [
      { phrase: "kill me", id: 1 },
      { phrase: "wants to kill me", id: 2 },
      { phrase: "to kill", id: 3 },
    ];
    const matcher = compilePhrases(rows);
    const text = "He wants to kill me. He said it twice: he wants to kill me.";
    expect(matchPhrases(matcher, text).map((row) => row.id)).toEqual([2, 3, 1]);
    expect(matchPhrases(matcher, text)[0]).toBe(rows[1]);
    expect(firstPhrase(matcher, text)).toBe(rows[1]);
    expect(firstPhrase(matcher, "to kill a mockingbird")).toBe(rows[2]);
  });

  it("answers an empty list and null when nothing is found", () => {
    const matcher = compilePhrases([{ phrase: "end it all" }]);
    for (const text of ["", "   ", "end it", "all end it", "the end; it was all fine"]) {
      expect(matchPhrases(matcher, text)).toEqual([]);
      expect(firstPhrase(matcher, text)).toBeNull();
    }
  });

  it("leaves out a phrase with no words or with a bare *, and still finds the others", () => {
    const matcher = compilePhrases(
      ["", "   ", "*", "**", "?!", "kill *", "* myself", "end it all"].map((phrase) => ({
        phrase,
      })),
    );
    expect(matcher.size).toBe(1);
    expect(matchPhrases(matcher, "kill anything myself, ?! ** then end it all")).toEqual([
      { phrase: "end it all" },
    ]);
  });

  it("compiles a phrase of many apostrophes at once, and still finds it as typed", () => {
    const phrase = Array.from({ length: 40 }, () => "l'a").join(" ");
    const matcher = compilePhrases([{ phrase }]);
    expect(matcher.size).toBe(1);
    expect(matchPhrases(matcher, `${phrase.replaceAll("'", "’")}!`)).toEqual([{ phrase }]);
  });

  it("finds phrases in a 100 KB post, and reads 100 KB of one word or of markdown alone", () => {
    const matcher = compilePhrases(
      ["want* to die", "end it all", "non voglio più vivere"].map((phrase) => ({ phrase })),
    );
    const filler = "The carers' café was lovely; perché no? **Thank you** all.\n";
    const half = filler.repeat(Math.ceil(50_000 / filler.length));
    const post = `${half}Some days I wanted to die.\n${half}Non voglio piu vivere`;
    expect(post.length).toBeGreaterThan(100_000);
    expect(matchPhrases(matcher, post).map((row) => row.phrase)).toEqual([
      "want* to die",
      "non voglio più vivere",
    ]);
    expect(matchPhrases(matcher, "a".repeat(100_000))).toEqual([]);
    expect(matchPhrases(matcher, "**_".repeat(34_000))).toEqual([]);
    expect(matchPhrases(matcher, "è ".repeat(50_000))).toEqual([]);
  });
});

describe("the matcher against a plain reading of the rule", () => {
  // Few short words, so that random texts hold the random phrases often.
  const word = fc.constantFrom("a", "b", "ab", "ba", "aab", "è", "ñ", "1");
  const separator = fc.constantFrom(
    " ",
    "\n",
    "**",
    "_",
    "’",
    "ʼ",
    ", ",
    "—",
    "😢",
    "[",
    "](",
    "\u0301 ",
  );
  const phrase = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([words, prefix]) => words.join(" ") + (prefix ? "*" : ""));
  const text = fc
    .array(fc.tuple(word, separator), { maxLength: 30 })
    .map((pieces) => pieces.map(([w, s]) => w + s).join(""));

  /** A phrase is in a text when its words are a run of the text's words, the last one a prefix for `*`. */
  function plainlyIn(listed: string, written: string): boolean {
    const prefix = listed.endsWith("*");
    const words = normaliseText(listed.replace(/\*$/u, "")).split(" ");
    const seen = normaliseText(written).split(" ");
    for (let start = 0; start + words.length <= seen.length; start++) {
      const same = words.every((w, i) =>
        i === words.length - 1 && prefix
          ? (seen[start + i] ?? "").startsWith(w)
          : seen[start + i] === w,
      );
      if (same) return true;
    }
    return false;
  }

  it("finds exactly the listed phrases whose words are in the text, in any mix of phrases", () => {
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { minLength: 1, maxLength: 6 }), text, (list, written) => {
        const expected = list.filter((listed) => plainlyIn(listed, written)).sort();
        expect(phrasesOf(list, written).sort()).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("finds a phrase put anywhere in any text, between any two non-letters", () => {
    fc.assert(
      fc.property(
        fc.string(),
        phrase,
        fc.string(),
        separator,
        separator,
        (before, listed, after, left, right) => {
          const written = listed.endsWith("*") ? `${listed.slice(0, -1)}xyz` : listed;
          const found = phrasesOf([listed], `${before}${left}${written}${right}${after}`);
          expect(found).toEqual([listed]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never fails on any text at all", () => {
    const matcher = compilePhrases([{ phrase: "want* to die" }, { phrase: "l'unica" }]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (written) => {
        expect(Array.isArray(matchPhrases(matcher, written))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
