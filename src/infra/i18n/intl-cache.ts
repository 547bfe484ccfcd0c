/**
 * Intl formatters are costly to build (a new one per call took a third of the directory page's
 * time at 100,000 groups): each distinct locale and option set is built once and kept.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames>();
const LIMIT = 1000;

function remember<T extends Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
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
