/**
 * Intl formatters are costly to build (a new one per call took a third of the directory page's
 * time at 100,000 groups): each distinct locale and option set is built once and kept.
 */
type Kept = Intl.DateTimeFormat | Intl.DisplayNames | Intl.Collator;
const cache = new Map<string, Kept>();
const LIMIT = 1000;

function remember<T extends Kept>(key: string, make: () => T): T {
  const found = cache.get(key);
  if (found) return found as T;
  const made = make();
  if (cache.size >= LIMIT) cache.clear();
  cache.set(key, made);
  return made;
}

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return remember(
    `d|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

export function displayNames(locale: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  return remember(`n|${locale}|${type}`, () => new Intl.DisplayNames([locale], { type }));
}

/** Sorting words as the reader's language orders them (`localeCompare(b, locale)` builds one per call). */
export function collator(locale: string): Intl.Collator {
  return remember(`c|${locale}`, () => new Intl.Collator(locale));
}
