/**
 * Names people type that the town list spells another way. The list (GeoNames' main names)
 * uses English names for big Italian cities ("Rome", "Milan") and only the Italian name in
 * South Tyrol ("Bolzano", not "Bozen"), so "Roma" would otherwise find Roma in Texas.
 * Each entry points at the listed name and country; `shown` is how to write it back.
 */
type AlternateName = { listed: string; country: string; shown: { en: string; it: string } };

const entries: [string[], AlternateName][] = [
  [["roma"], { listed: "Rome", country: "IT", shown: { en: "Rome", it: "Roma" } }],
  [["milano"], { listed: "Milan", country: "IT", shown: { en: "Milan", it: "Milano" } }],
  [["napoli"], { listed: "Naples", country: "IT", shown: { en: "Naples", it: "Napoli" } }],
  [["torino"], { listed: "Turin", country: "IT", shown: { en: "Turin", it: "Torino" } }],
  [["firenze"], { listed: "Florence", country: "IT", shown: { en: "Florence", it: "Firenze" } }],
  [["venezia"], { listed: "Venice", country: "IT", shown: { en: "Venice", it: "Venezia" } }],
  [["genova"], { listed: "Genoa", country: "IT", shown: { en: "Genoa", it: "Genova" } }],
  [["padua"], { listed: "Padova", country: "IT", shown: { en: "Padua", it: "Padova" } }],
  [["mantua"], { listed: "Mantova", country: "IT", shown: { en: "Mantua", it: "Mantova" } }],
  [["syracuse"], { listed: "Siracusa", country: "IT", shown: { en: "Syracuse", it: "Siracusa" } }],
  [
    ["reggio emilia"],
    {
      listed: "Reggio nell'Emilia",
      country: "IT",
      shown: { en: "Reggio Emilia", it: "Reggio Emilia" },
    },
  ],
  [["bozen"], { listed: "Bolzano", country: "IT", shown: { en: "Bolzano", it: "Bolzano" } }],
  [
    ["brixen"],
    { listed: "Bressanone", country: "IT", shown: { en: "Bressanone", it: "Bressanone" } },
  ],
  [["meran"], { listed: "Merano", country: "IT", shown: { en: "Merano", it: "Merano" } }],
  [["bruneck"], { listed: "Brunico", country: "IT", shown: { en: "Brunico", it: "Brunico" } }],
  [["sterzing"], { listed: "Vipiteno", country: "IT", shown: { en: "Vipiteno", it: "Vipiteno" } }],
  [["trient"], { listed: "Trento", country: "IT", shown: { en: "Trento", it: "Trento" } }],
  [["londra"], { listed: "London", country: "GB", shown: { en: "London", it: "Londra" } }],
  [
    ["edimburgo"],
    { listed: "Edinburgh", country: "GB", shown: { en: "Edinburgh", it: "Edimburgo" } },
  ],
  [["parigi"], { listed: "Paris", country: "FR", shown: { en: "Paris", it: "Parigi" } }],
  [
    ["marsiglia"],
    { listed: "Marseille", country: "FR", shown: { en: "Marseille", it: "Marsiglia" } },
  ],
  [["lione"], { listed: "Lyon", country: "FR", shown: { en: "Lyon", it: "Lione" } }],
  [["nizza"], { listed: "Nice", country: "FR", shown: { en: "Nice", it: "Nizza" } }],
  [
    ["monaco di baviera", "munchen"],
    { listed: "Munich", country: "DE", shown: { en: "Munich", it: "Monaco di Baviera" } },
  ],
  [["berlino"], { listed: "Berlin", country: "DE", shown: { en: "Berlin", it: "Berlino" } }],
  [["amburgo"], { listed: "Hamburg", country: "DE", shown: { en: "Hamburg", it: "Amburgo" } }],
  [
    ["colonia", "cologne"],
    { listed: "Köln", country: "DE", shown: { en: "Cologne", it: "Colonia" } },
  ],
  [
    ["norimberga", "nuremberg"],
    { listed: "Nürnberg", country: "DE", shown: { en: "Nuremberg", it: "Norimberga" } },
  ],
  [
    ["geneva", "ginevra", "geneve"],
    { listed: "Genève", country: "CH", shown: { en: "Geneva", it: "Ginevra" } },
  ],
  [
    ["zurich", "zurigo"],
    { listed: "Zürich", country: "CH", shown: { en: "Zurich", it: "Zurigo" } },
  ],
  [["vienna", "wien"], { listed: "Vienna", country: "AT", shown: { en: "Vienna", it: "Vienna" } }],
  [
    ["bruxelles", "brussel"],
    { listed: "Brussels", country: "BE", shown: { en: "Brussels", it: "Bruxelles" } },
  ],
  [
    ["lisbona", "lisboa"],
    { listed: "Lisbon", country: "PT", shown: { en: "Lisbon", it: "Lisbona" } },
  ],
  [
    ["siviglia", "seville"],
    { listed: "Sevilla", country: "ES", shown: { en: "Seville", it: "Siviglia" } },
  ],
  [
    ["varsavia", "warszawa"],
    { listed: "Warsaw", country: "PL", shown: { en: "Warsaw", it: "Varsavia" } },
  ],
  [["praga", "praha"], { listed: "Prague", country: "CZ", shown: { en: "Prague", it: "Praga" } }],
  [["atene"], { listed: "Athens", country: "GR", shown: { en: "Athens", it: "Atene" } }],
  [["mosca"], { listed: "Moscow", country: "RU", shown: { en: "Moscow", it: "Mosca" } }],
  [
    ["belgrado", "beograd"],
    { listed: "Belgrade", country: "RS", shown: { en: "Belgrade", it: "Belgrado" } },
  ],
  [
    ["bucarest", "bucuresti"],
    { listed: "Bucharest", country: "RO", shown: { en: "Bucharest", it: "Bucarest" } },
  ],
  [["kiev", "kyiv", "kiew"], { listed: "Kyiv", country: "UA", shown: { en: "Kyiv", it: "Kiev" } }],
  [
    ["il cairo", "cairo"],
    { listed: "Cairo", country: "EG", shown: { en: "Cairo", it: "Il Cairo" } },
  ],
  [["algeri"], { listed: "Algiers", country: "DZ", shown: { en: "Algiers", it: "Algeri" } }],
  [
    ["new york"],
    { listed: "New York City", country: "US", shown: { en: "New York", it: "New York" } },
  ],
];

const byTypedName = new Map<string, AlternateName>(
  entries.flatMap(([typed, target]) => typed.map((name) => [name, target] as const)),
);

/** Lower case without accents, as the database's immutable_unaccent(lower(…)) writes it. */
export function searchForm(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function alternateName(typed: string): AlternateName | undefined {
  return byTypedName.get(searchForm(typed));
}
