/**
 * Finds listed phrases in free text as whole words, however the text was typed: capitals,
 * accents, any kind of apostrophe, punctuation, markdown, line breaks. A `*` at the end of a
 * phrase's word lets that word go on ("overdos*" finds "overdose" and "overdosed"). Pure: the
 * list comes from the caller, and the rows found are the caller's own rows.
 */

/** A listed phrase: words separated by spaces, a word ending in `*` matching as a prefix. */
export type ListedPhrase = { phrase: string };

/** Where the walk stands inside a word: the letters that may come next, and the word's end. */
type Letters<R> = {
  next: Map<number, Letters<R>>;
  /** The phrase's word ends exactly here. */
  word?: WordEnd<R>;
  /** The phrase's word was a prefix (`*`) that ends here: the text's word may go on. */
  star?: WordEnd<R>;
};
/** Where the walk stands once a word is whole: the phrases complete, and the next word. */
type WordEnd<R> = { ends: R[]; nextWord?: Letters<R> };

/** The phrases of a list compiled into a trie of letters, built once and used on many texts. */
export type PhraseMatcher<R extends ListedPhrase> = {
  readonly root: Letters<R>;
  /** How many rows the matcher looks for: rows whose phrase has no words are left out. */
  readonly size: number;
};

// A link's address is not what the person wrote: an article's address ("…/suicidal-thoughts-
// in-carers") would otherwise raise an alert for sharing a resource. The link's text stays.
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]*/gi;
const NOT_PLAIN_ASCII = /[^\x20-\x7e\t\n\r]+/g;
const MARKS = /\p{M}+/gu;
const LETTER = /[\p{L}\p{N}]/u;
// The modifier-letter apostrophe (ʼ) is a letter to Unicode; every other apostrophe, quote and
// mark of punctuation, markdown's included, is already not a letter.
const APOSTROPHE_LETTER = 0x2bc;
// The apostrophes people type, by keyboard and phone: ASCII, typographic, the modifier letter,
// the grave and acute used as apostrophes, the prime and the full-width one.
const APOSTROPHES = /['\u2019\u2018\u02bc\u0060\u00b4\u2032\uff07]/gu;

/**
 * The text lower case, without accents or compatibility forms ("perché" → "perche", a
 * full-width "ＫＩＬＬ" → "kill"), links' addresses blanked. Words are then its runs of letters
 * and digits.
 */
function plainText(text: string): string {
  return (
    text
      .replace(ADDRESS, " ")
      // Only what is not ASCII can decompose; doing it run by run keeps the rest of a long
      // post as it is, which measured 8 times faster than decomposing the whole text.
      .replace(NOT_PLAIN_ASCII, (run) => run.normalize("NFKD").replace(MARKS, ""))
      .toLowerCase()
  );
}

/**
 * Whether a letter or digit is at `at`. A letter written with two UTF-16 units (none of the
 * listed languages has one) breaks words here.
 */
function isLetter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return code !== APOSTROPHE_LETTER && LETTER.test(text.charAt(at));
}

/**
 * The words of a text as the matcher sees them. Apostrophes break words ("l'unica" → "l",
 * "unica"; "don't" → "don", "t"): Italian elides onto the next word ("un'overdose"), which must
 * stand alone to be found, and a phrase's apostrophe stands for both ways of typing it.
 */
export function wordsOf(text: string): string[] {
  const plain = plainText(text);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const letter = i < plain.length && isLetter(plain, i);
    if (letter && start < 0) start = i;
    if (!letter && start >= 0) {
      words.push(plain.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** A text as the matcher sees it: its words joined by single spaces. */
export function normaliseText(text: string): string {
  return wordsOf(text).join(" ");
}

type Word = { letters: string; prefix: boolean };
const MAX_FORMS = 16;

/**
 * The word sequences one listed phrase stands for. A word with an apostrophe is typed with it
 * or without ("don't", "dont"; "l'unica", "lunica"), so each such word gives both. Null for a
 * phrase with no word left, or with a bare `*`, which would match any word at all.
 */
function sequencesOf(phrase: string): Word[][] | null {
  let sequences: Word[][] = [[]];
  for (const written of phrase.trim().split(/\s+/u)) {
    const prefix = written.endsWith("*");
    const bare = written.replace(/\*+$/u, "");
    const apart = wordsOf(bare);
    const joined = wordsOf(bare.replace(APOSTROPHES, ""));
    if (apart.length === 0) {
      if (prefix) return null;
      continue;
    }
    // Both forms double the sequences at each such word; past a few, the written form alone,
    // so that no phrase, however written, can make the list slow to compile.
    const both = apart.join(" ") !== joined.join(" ") && sequences.length < MAX_FORMS;
    const forms = both ? [apart, joined] : [apart];
    const tails = forms.map((words) =>
      words.map((letters, i) => ({ letters, prefix: prefix && i === words.length - 1 })),
    );
    sequences = sequences.flatMap((head) => tails.map((tail) => [...head, ...tail]));
  }
  return sequences.some((sequence) => sequence.length > 0) ? sequences : null;
}

/**
 * Compiles a list of phrases. A row whose phrase has no words is left out rather than refused,
 * so one bad row in an edited list never stops the others from being looked for.
 */
export function compilePhrases<R extends ListedPhrase>(rows: readonly R[]): PhraseMatcher<R> {
  const root: Letters<R> = { next: new Map() };
  let size = 0;
  for (const row of rows) {
    const sequences = sequencesOf(row.phrase);
    if (!sequences) continue;
    size += 1;
    for (const sequence of sequences) {
      let at = root;
      let end: WordEnd<R> | undefined;
      for (const { letters, prefix } of sequence) {
        if (end) {
          end.nextWord ??= { next: new Map() };
          at = end.nextWord;
        }
        for (let i = 0; i < letters.length; i++) {
          const code = letters.charCodeAt(i);
          let next = at.next.get(code);
          if (!next) {
            next = { next: new Map() };
            at.next.set(code, next);
          }
          at = next;
        }
        if (prefix) at.star ??= { ends: [] };
        else at.word ??= { ends: [] };
        end = prefix ? at.star : at.word;
      }
      if (end && !end.ends.includes(row)) end.ends.push(row);
    }
  }
  return { root, size };
}

type Found<R> = { row: R; end: number };

/** A text readied once for the walks that start at each of its words. */
type Walk<R> = { text: string; found: Found<R>[] };

function fromLetters<R>(walk: Walk<R>, at: Letters<R>, i: number): void {
  const { text } = walk;
  if (i >= text.length || !isLetter(text, i)) {
    if (at.word) fromWordEnd(walk, at.word, i);
    if (at.star) fromWordEnd(walk, at.star, i);
    return;
  }
  if (at.star) {
    let end = i + 1;
    while (end < text.length && isLetter(text, end)) end++;
    fromWordEnd(walk, at.star, end);
  }
  const next = at.next.get(text.charCodeAt(i));
  if (next) fromLetters(walk, next, i + 1);
}

function fromWordEnd<R>(walk: Walk<R>, at: WordEnd<R>, i: number): void {
  for (const row of at.ends) walk.found.push({ row, end: i });
  if (!at.nextWord) return;
  const { text } = walk;
  let start = i;
  while (start < text.length && !isLetter(text, start)) start++;
  if (start < text.length) fromLetters(walk, at.nextWord, start);
}

/**
 * The phrases found, each once, in the order they start; of those starting at the same word,
 * the longest first, being the more particular ("threatened me with a knife" before
 * "threatened me").
 */
function* phrasesIn<R extends ListedPhrase>(matcher: PhraseMatcher<R>, text: string) {
  const walk: Walk<R> = { text: plainText(text), found: [] };
  const seen = new Set<R>();
  let inWord = false;
  for (let i = 0; i < walk.text.length; i++) {
    const letter = isLetter(walk.text, i);
    const starts = letter && !inWord;
    inWord = letter;
    if (!starts) continue;
    fromLetters(walk, matcher.root, i);
    if (walk.found.length === 0) continue;
    walk.found.sort((a, b) => b.end - a.end);
    for (const { row } of walk.found) {
      if (seen.has(row)) continue;
      seen.add(row);
      yield row;
    }
    walk.found.length = 0;
  }
}

/** Every listed phrase found in the text, each once, in the order they occur; empty if none. */
export function matchPhrases<R extends ListedPhrase>(matcher: PhraseMatcher<R>, text: string): R[] {
  return [...phrasesIn(matcher, text)];
}

/** The first listed phrase found in the text (the longest, of several starting there), or null. */
export function firstPhrase<R extends ListedPhrase>(
  matcher: PhraseMatcher<R>,
  text: string,
): R | null {
  for (const row of phrasesIn(matcher, text)) return row;
  return null;
}
