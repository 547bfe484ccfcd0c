import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../../infra/db/database.js";
import {
  compilePhrases,
  matchPhrases,
  type PhraseMatcher,
} from "../../infra/text/phrase-matcher.js";
import { createTestDatabase } from "../../test/build-app.js";
import { type RiskCategory, riskCategories, riskPhrases } from "./tables.js";

// Italian posts as members of groups of older people and family carers write them, each
// labelled with the kind of risk it shows. Every one must raise an alert.
const atRisk: [RiskCategory, string][] = [
  ["suicide", "Certe sere voglio solo morire e non pensarci più."],
  ["suicide", "**Voglio morire.** Ecco, l'ho detto."],
  ["suicide", "Sinceramente penso che senza di me starebbero meglio tutti."],
  ["suicide", "Da quando è morto Franco non voglio più vivere."],
  ["suicide", "Continuo a pensare di farla finita, non so a chi dirlo."],
  ["suicide", "Mia madre mi ripete che vuole morire e io non so cosa risponderle."],
  ["suicide", "Vorrei essere morta, almeno non darei fastidio a nessuno."],
  ["suicide", "Non ho più un motivo per vivere adesso che lei non c'è."],
  ["suicide", "Ho deciso di togliermi la vita. Volevo solo che qualcuno lo sapesse."],
  ["suicide", "A volte penso che sarei meglio morto."],
  ["suicide", "Sono STANCA DI VIVERE così"],
  ["suicide", "Spero di addormentarmi e non svegliarmi più."],
  ["suicide", "Ho avuto pensieri suicidi anche questa settimana."],
  ["suicide", "Senza di lui la vita non ha più senso, non vale la pena vivere."],
  ["suicide", "Perché sono ancora qui? Non ho più ragione di vivere."],
  ["suicide", "Stanotte potrei _farla finita_ e nessuno se ne accorgerebbe per giorni."],
  ["suicide", "Ci penso spesso, al suicidio."],
  ["suicide", "non ho piu voglia di vivere"],
  ["suicide", "Piuttosto che andare in quella casa di riposo mi uccido."],
  ["suicide", "Mio padre ieri sera mi ha detto che vuole togliersi la vita."],
  ["suicide", "Non voglio più svegliarmi la mattina."],
  ["suicide", "Vorrei morire, perché è tutto così pesante?"],
  ["suicide", "L'unica soluzione è farla finita, ci penso da mesi."],
  ["suicide", "Non ce la faccio più a vivere così, ogni giorno è una lotta."],
  ["suicide", "Mi voglio ammazzare, scusate se lo scrivo qui."],
  ["suicide", "Stasera la faccio finita."],
  ["suicide", "Ho pensato di suicidarmi più di una volta questo mese."],
  ["suicide", "Tanto vale morire, a cosa servo ormai?"],
  ["suicide", "Sarebbe meglio se non ci fossi più."],
  ["suicide", "NON VOGLIO PIÙ VIVERE\nbasta"],
  ["self_harm", "Ho ricominciato a tagliarmi. Poco, ma l'ho fatto."],
  ["self_harm", "Ieri sera mi sono fatta del male apposta, mi vergogno."],
  ["self_harm", "A volte l'unica cosa che mi aiuta è farmi del male."],
  ["self_harm", "Soffro di autolesionismo da quando mi hanno dato la diagnosi."],
  ["self_harm", "Ho smesso di prendere le medicine apposta la settimana scorsa."],
  ["self_harm", "Ieri sera ho preso troppe pastiglie, non m'importava di cosa sarebbe successo."],
  ["self_harm", "Sto accumulando pastiglie in un cassetto."],
  ["self_harm", "Penso a un'overdose con la morfina della mamma."],
  ["self_harm", "Ho smesso di prendere l’insulina di proposito."],
  ["self_harm", "Mi taglio le braccia per sentire qualcosa."],
  ["self_harm", "Da giorni non mangio più apposta, non me lo merito."],
  ["self_harm", "Voglio ingoiare tutte le pastiglie che ho in casa."],
  ["abuse", "Mio figlio mi picchia quando beve."],
  ["abuse", "Mi picchia. Nessuno mi crede perché agli incontri è così gentile."],
  ["abuse", "Stamattina mi ha dato uno schiaffo perché ho rovesciato il caffè."],
  ["abuse", "Ho paura di mio nipote, urla e lancia le cose."],
  ["abuse", "Mia figlia mi prende la pensione ogni mese e non mi lascia niente per mangiare."],
  ["abuse", "Mi chiude in camera quando esce."],
  [
    "abuse",
    "Mio marito ha cominciato a mettermi le mani addosso da quando la malattia è peggiorata.",
  ],
  ["abuse", "La badante mi ha preso il bancomat e non me lo ridà."],
  ["abuse", "Mi minaccia se lo dico a qualcuno."],
  ["abuse", "Ho paura di mio marito quando fa così."],
  [
    "abuse",
    "Mio nipote mi ha fatto firmare le carte della casa e adesso non mi lascia vedere le amiche.",
  ],
  ["abuse", "La settimana scorsa mi ha spinta giù dalle scale."],
  ["abuse", "Il mio compagno si tiene la mia pensione e devo chiedergli i soldi dell'autobus."],
  ["abuse", "Non mi lascia uscire di casa da sola."],
  ["abuse", "Vengo maltrattata da mio figlio e non so a chi dirlo."],
  ["abuse", "Mia moglie mi ha preso a schiaffi. So che è la malattia, ma ho paura di lei."],
  ["abuse", "Mi ruba i soldi dal portafoglio tutte le settimane."],
  ["danger", "Sono sul ponte adesso. Sto per buttarmi."],
  ["danger", "Ho le pastiglie in mano."],
  ["danger", "Quando leggerete questo messaggio sarà tutto finito."],
  ["danger", "Ho comprato una corda."],
  ["danger", "Ha un coltello ed è in cucina, io sono chiusa in bagno."],
  ["danger", "Sono caduta e non riesco ad alzarmi, il telefono è quasi scarico."],
  ["danger", "Questo è un addio. Grazie a tutti per tutto."],
  ["danger", "Sono sul tetto e guardo giù."],
  ["danger", "Mio marito stasera ha minacciato di uccidermi."],
  ["danger", "Stanotte non mi sento al sicuro in casa."],
  ["danger", "> Mi butto dal ponte\n\nStavolta dico sul serio."],
  ["danger", "Addio a tutti, vi ho voluto bene."],
  ["danger", "Sono seduta qui con le pillole davanti."],
  ["danger", "Ha detto che vuole ammazzarmi e io gli credo."],
  ["suicide", "VOGLIO\nMORIRE"],
  ["suicide", "[farla finita](https://example.org/post/1) è tutto quello a cui penso."],
  ["suicide", "Perché' non riesco a smettere di pensare che vorrei morire?"],
  ["self_harm", "Penso all'auto-lesionismo ogni giorno."],
];

// Ordinary posts of the same groups, with the near misses they write every day: an alert on
// one of these is a false alert.
const ordinary: string[] = [
  "Ho fatto una strage di biscotti, li porto giovedì.",
  "Mia madre è morta l'anno scorso e il gruppo mi ha aiutata tantissimo.",
  "Muoio dalla voglia di rivedervi tutti!",
  "Mi ammazzo di lavoro tutta la settimana, poi la domenica crollo.",
  "Sono stanca morta stasera, ma è stata una bella giornata con papà.",
  "Le pastiglie che il dottore ha dato alla mamma la fanno dormire meglio.",
  "Mio marito mi ha battuta a scopa anche oggi, la testa per le carte ce l'ha ancora.",
  "Sono morta dal ridere con la storia di Giovanna e del pappagallo.",
  "I piedi mi fanno un male cane dopo la passeggiata.",
  "La mamma si è spenta serenamente nel sonno martedì. Grazie per le vostre parole.",
  "Mi sono tagliata il dito tagliando le cipolle, niente di grave.",
  "Non ammazzarti di fatica, chiedi aiuto.",
  "Darei la vita per i miei nipoti.",
  "Mio fratello si è tolto la vita vent'anni fa e ci penso ancora ogni primavera.",
  "Stamattina alla radio parlavano di fine vita, una bella trasmissione.",
  "Salto al volo sull'occasione del pranzo insieme!",
  "Se serve posso fare un salto in macchina e dare un passaggio giovedì.",
  "Mia figlia mi ritira la pensione il giovedì.",
  "Mi chiudo in bagno cinque minuti per avere un po' di pace.",
  "Mio nipote ha preso a calci il pallone oltre la rete e siamo dovuti andare a chiederlo.",
  "Avevo le pastiglie nella borsetta, che sbadata.",
  "Le nuove compresse sono più piccole e si mandano giù meglio.",
  "Qualcuno ha provato il centro diurno di via Roma?",
  "Grazie a tutti per avermi ascoltata la settimana scorsa.",
  "Anche io. Le sere sono le più difficili.",
  "Come è andata la visita, Carla?",
  "In biblioteca ho trovato un bell'opuscolo sull'indennità di accompagnamento.",
  "Qualcuno conosce un podologo che viene a domicilio?",
  "Il parcheggio dell'ospedale è un incubo, portate gli spiccioli.",
  "Oggi papà non mi ha riconosciuta. Mi si spezza il cuore.",
  "Sono sfinita ma ce l'abbiamo fatta anche questa settimana.",
  "Siamo andati al mare e ha sorriso per la prima volta da mesi.",
  "Viene mia sorella così posso prendermi un fine settimana libero.",
  "Il centro per il sollievo era gentile e pulito, lo consiglio.",
  "L'incontro si fa lo stesso se nevica?",
  "Ho fatto troppe crostate di nuovo, le porto giovedì.",
  "Mia moglie chiede sempre di sua madre, che è morta nel 1985.",
  "Mi sento in colpa ogni volta che esco senza di lui.",
  "L'assistente sociale finalmente ha richiamato!",
  "Ho pianto tanto, ma credo sia un pianto buono.",
  "Il dolore arriva a ondate, vero?",
  "È passato un anno da quando è morto Pietro e apparecchio ancora per due.",
  "Pregate per la mia amica Luisa, è in ospedale con la polmonite.",
  "Il caffè Alzheimer è stato bellissimo, hanno suonato le canzoni di Mina.",
  "Non so se riesco a venire giovedì, il ginocchio fa di nuovo male.",
  "Finalmente ho chiesto aiuto e il comune manda qualcuno.",
  "Mio figlio vuole che mi trasferisca vicino a lui ma non voglio lasciare le mie amiche.",
  "Papà la sera è agitato; l'infermiera dice che è la sindrome del tramonto.",
  "I pannoloni della farmacia sono meglio di quelli dell'ASL.",
  "Affogo nelle carte per l'amministratore di sostegno.",
  "La settimana scorsa abbiamo perso anche il gatto. Piove sempre sul bagnato.",
  "Grazie per il biglietto, è sulla mensola.",
  "Si è tagliata i capelli corti e sembra più giovane di dieci anni.",
  "Devo tagliarmi i capelli, sembro un cespuglio.",
  "Il medico dice che il suo cuore è stanco, andiamo avanti giorno per giorno.",
  "È morto a casa, come voleva, con tutti noi vicino.",
  "Non sto in piedi dopo la corsa in ospedale.",
  "Quel film era così triste che sono morta di pianto.",
  "I nipoti mi hanno distrutta, sono cotta.",
  "Le mani mi fanno morire con l'artrite questa settimana.",
  "Ucciderei per un caffè adesso.",
  "Le erbacce mi stanno uccidendo le rose.",
  "Che vergogna, volevo sprofondare.",
  "Sono al limite con la compagnia del telefono.",
  "Sono stufa marcia di questa pioggia.",
  "Mia figlia mi ammazza se scopre quanto ho speso in lana!",
  "Il quiz era difficilissimo, non sapevo una risposta.",
  "Non vede l'ora di farvi vedere i suoi pomodori.",
  "La mamma dice che adesso è pronta per andare al centro diurno.",
  "La torta era da morire.",
  "Mi fa male vederlo così, magro e confuso.",
  "Perderla mi ha fatto più male di qualsiasi altra cosa.",
  "Mi prende sottobraccio quando andiamo a fare la spesa, che tenero.",
  "Mio figlio mi porta in ospedale ogni martedì.",
  "Mio nipote mi insegna a usare il tablet.",
  "Mio marito va a letto alle otto ormai.",
  "Lei coglie sempre nel segno quando parla nel gruppo.",
  "Me ne sono resa conto quando ho visto la sua sedia vuota.",
  "Ho paura di cadere sul ghiaccio quest'inverno.",
  "Ho paura di quello che dirà la TAC.",
  "Ho paura del futuro senza di lei.",
  "La mamma ha paura del buio da quando ha avuto l'ictus.",
  "Ha paura del sollevatore, quindi andiamo piano.",
  "La badante è bravissima, ha sempre tempo per due chiacchiere.",
  "Mio marito chiude la porta a chiave la notte perché papà si allontana.",
  "Adesso teniamo le medicine chiuse in una scatola.",
  "Ho fatto scorta di scatolette per l'inverno.",
  "Ho smesso di prendere le pastiglie per dormire perché mi davano le vertigini, il medico era d'accordo.",
  "Ho preso le pastiglie a colazione e poi non ricordavo di averle prese, adesso uso il portapillole.",
  "Il farmacista mi ha messo tutte le compresse nel blister settimanale.",
  "Mi sono fatta male alla schiena sollevandolo per il bagno.",
  "Ho bruciato di nuovo il pane, è suonato l'allarme del fumo.",
  "Mi sono scottata la mano col forno, sta guarendo.",
  "Siamo stati benissimo al vivaio.",
  "Oggi è una bella giornata, per una volta!",
  "Anche il marito di qualcun altro nasconde le cose e poi accusa di averle rubate?",
  "La mamma pensa che i vicini le rubino la posta.",
  "Mi ha accusata di prendergli i soldi, è la malattia che parla.",
  "Dei truffatori hanno chiamato papà fingendosi la banca, abbiamo bloccato il telefono.",
  "La banca mi ha bloccato di nuovo l'home banking.",
  "Mio figlio è il mio amministratore di sostegno ed è stato bravissimo.",
  "Oggi abbiamo firmato le carte per la RSA. Mi è sembrato un tradimento.",
  "Il modulo va firmato in tre punti.",
  "La minaccia di pioggia ci ha tenuti in casa.",
  "Il ginocchio minaccia di cedere sulle scale.",
  "Ho scritto al comune e al sindaco per l'autobus.",
  "Ho salutato la casa dove abbiamo vissuto quarant'anni.",
  "Ciao a tutti, ci vediamo giovedì!",
  "Abbiamo salutato papà all'hospice.",
  "Saluto il gruppo per qualche settimana, vado da mia figlia in Australia.",
  "A proposito, la sala dell'incontro è cambiata, ora è la numero 4.",
  "Il circolo del burraco si trova il mercoledì pomeriggio, se interessa.",
  "Questo mese faccio i turni per i fiori in chiesa.",
  "Stamattina sono rimasta seduta sul bordo del letto a lungo, a pensare.",
  "Siamo arrivati fino al belvedere ed era una vista meravigliosa.",
  "La mamma è caduta la settimana scorsa ma sta bene, i soccorritori sono stati gentili.",
  "È caduto e non riusciva ad alzarsi, così abbiamo preso il telesoccorso.",
  "Adesso che ci sono i corrimano mi sento al sicuro in casa.",
  "Il cassetto dei coltelli ora ha la serratura per la confusione di papà.",
  "Mio marito da giovane andava a caccia, i fucili li abbiamo dati via da tempo.",
  "Al mercato del sabato c'è l'arrotino.",
  "Mio nipote ha ricevuto una pistola giocattolo per il compleanno e non mi piace.",
  "In giardino c'è ancora l'altalena di corda di quando i bambini erano piccoli.",
  "Stasera guardo il film e vado a letto presto.",
  "Non voglio saltare alle conclusioni sugli esami.",
  "Non corriamo troppo, aspettiamo che chiami il medico.",
  "Mi ha saltato la fila in farmacia!",
  "Sono a dieta, ma i biscotti dell'incontro sono troppo buoni.",
  "La nuova terapia della mamma la fa stare assonnata.",
  "La pompa di morfina lo ha reso molto più tranquillo.",
  "L'équipe delle cure palliative è stata meravigliosa.",
  "La sera mi sento sola da quando i figli si sono trasferiti.",
  "Certi giorni mi viene voglia di mollare tutto, poi esce il sole.",
  "Non voglio essere un peso per i miei figli.",
  "Non voglio andare in una casa di riposo, voglio restare qui.",
  "Non voglio vivere con mio figlio, mi piace la mia indipendenza.",
  "Voglio vivere abbastanza per vedere sposata mia nipote.",
  "Un giorno vorrei vivere al mare.",
  "I miei due nipoti sono il mio motivo per vivere.",
  "Certi giorni non ha senso discutere con lui.",
  "Inutile rimuginarci, quel che è fatto è fatto.",
  "Sono stanca di aspettare la lettera dell'ospedale.",
  "Sono stanca delle solite quattro mura.",
  "Non ce la faccio più con questa lavatrice che perde.",
  "Non ce la faccio più a stare dietro a tutto, ho chiesto un aiuto per la notte.",
  "Martedì non posso venire, va bene mercoledì?",
  "Non posso venire in gita, mio marito ha bisogno di me a casa.",
  "È normale essere arrabbiati con lui perché si è ammalato?",
  "Oggi ho perso la pazienza con la mamma e poi ho pianto in macchina.",
  "Abbiamo riso tanto all'incontro, grazie a tutti.",
  "L'infermiera dell'Alzheimer mi ha dato un numero da chiamare di notte.",
  "Vi consiglio lo sportello caregiver del comune, ascoltano davvero.",
  "Avete consigli per far bere più acqua a papà?",
  "La mamma non mangia se non mi siedo con lei.",
  "Non vuole più che lo aiuti a farsi la barba, vuole farla da solo.",
  "Non mi lascia leggere le lettere della banca, è molto riservata.",
  "La mamma non mi lascia uscire dalla stanza senza chiedermi dove vado.",
  "Da quando ha avuto la diagnosi mio marito non mi perde di vista, poverino.",
  "Mi tiene la mano per tutto il telegiornale.",
  "Ho fatto il vaccino antinfluenzale, non dimenticate il vostro.",
  "In farmacia erano di nuovo senza le sue pastiglie, che rabbia.",
  "Adesso tengo un diario, mi aiuta a ricordare cosa dicono i medici.",
  "La carrozzina è troppo pesante da caricare in macchina.",
  "Finalmente abbiamo il contrassegno disabili.",
  "Grazie, questo mi ha aiutata.",
  "Un abbraccio a tutti questa settimana.",
  "Domenica la mamma compie novant'anni, facciamo una festa in struttura.",
  "Sono fiera di me perché sono venuta all'incontro da sola.",
  "Sto imparando a essere più gentile con me stessa.",
  "Mi sono regalata un cappotto nuovo.",
  "Parlo da sola tutto il giorno, in casa non c'è nessun altro.",
  "Ho imparato da sola a fare le videochiamate per vedere i nipoti.",
  "Ti ho ritagliato l'articolo sul nuovo farmaco per la demenza.",
  "Ha tagliato l'erba per la prima volta da mesi.",
  "Ho ridotto gli zuccheri come ha detto l'infermiera.",
  "Abbiamo accorciato la visita perché era stanco.",
  "Dieci anni fa l'ha investita una macchina e da allora cammina col bastone.",
  "La nostra squadra ha raggiunto l'obiettivo della camminata benefica!",
  "Quella canzone mi ha colpita dritta al cuore.",
  "Papà ha esultato quando ha segnato la sua squadra.",
  "È passato il parroco, che gentile.",
  "La nuova badante spingeva la carrozzina troppo veloce sul porfido.",
  "Mia figlia mi spinge a uscire di più, e ha ragione.",
  "Mio figlio mi ha spinto a entrare in questo gruppo, e sono contento.",
  "Mi ha preso la mano e non la lasciava più, è stato bellissimo.",
  "Rischio di mangiarmi tutti i cioccolatini da sola.",
  "È una strada pericolosa da attraversare, ci vorrebbero le strisce.",
  "Con questo raffreddore attenti a non prendere troppi antidolorifici.",
  "Mia suocera si è fermata troppo a lungo anche stavolta.",
  "Il medico ha rivisto tutte le sue pastiglie e ne ha tolte due.",
  "Avevo dimenticato le compresse in cucina, davanti al bollitore.",
  "Avevo le pastiglie in mano e poi non ricordavo se le avevo prese.",
  "Mi sono tagliato facendomi la barba, da quando prendo le nuove compresse mi tremano le mani.",
  "Mi sono fatta male sollevando papà per il bagno, la fisioterapista mi ha insegnato come fare.",
  "Mio figlio porta il libretto della pensione all'ufficio postale per me.",
  "L'orologio del nonno si è fermato il giorno in cui è morto, strano vero?",
  "Ho finito il puzzle delle Dolomiti!",
  "Siamo andati alla camminata per l'Alzheimer e abbiamo raccolto trecento euro.",
  "Mi sembra di perderlo un po' di più ogni giorno.",
  "Il lutto anticipatorio è una cosa così strana.",
  "Nessuno mi aveva detto quanto ci si sente soli ad assistere qualcuno.",
  "Il gruppo si incontra anche a Natale?",
  "Ho messo le foto del picnic nell'album condiviso.",
  "Mia figlia dice che dovrei scrivere la storia della mia vita, e ho cominciato.",
  "La mamma parla spesso della morte di sua madre, come se fosse ieri.",
  "Papà mi ha chiesto se stava per morire. Non sapevo cosa dire.",
  "Ultimamente parla molto della morte, l'infermiera dice che è normale.",
  "Non ho paura di morire, voglio solo non soffrire.",
  "Ho fatto testamento e ho organizzato il funerale, mi sono tolta un peso.",
  "Ho scritto una lettera ai nipoti per i loro diciotto anni.",
  "Al mercatino dell'hospice ci sono bei libri a un euro.",
  "Finalmente hanno montato il montascale.",
  "Venerdì vado dall'ottico.",
  "Martedì c'è la tombola, chi viene?",
  "Abbiamo un nuovo membro, accoglietela bene.",
  "Voglio farla finita con le sigarette, ho comprato i cerotti.",
  "Non ne posso più di questo caldo.",
  "Mi butto sotto le coperte appena arrivo a casa.",
  "Non mi butto giù, anche se è dura.",
  "Faccio fatica a buttarmi giù dal letto la mattina.",
  "Sono sul ponte di Bassano a fare le foto con i nipoti!",
  "Ha un coltellino svizzero sempre in tasca, da quando era scout.",
];

type Seeded = { phrase: string; category: RiskCategory };

/** The Italian list as the migrations ship it, read from a fresh database. */
let seeded: Seeded[] = [];
let matcher: PhraseMatcher<Seeded>;
let dropDatabase: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  const handle = connectDatabase(database.url, { max: 1 });
  try {
    seeded = await handle.db
      .select({ phrase: riskPhrases.phrase, category: riskPhrases.category })
      .from(riskPhrases)
      .where(eq(riskPhrases.language, "it"));
  } finally {
    await handle.close();
  }
  matcher = compilePhrases(seeded);
});

afterAll(() => dropDatabase());

const categoriesIn = (text: string) => matchPhrases(matcher, text).map((row) => row.category);

describe("the seeded Italian risk phrases", () => {
  it("name every kind of risk, and every phrase can be looked for", () => {
    for (const category of riskCategories) {
      expect(seeded.filter((row) => row.category === category).length).toBeGreaterThan(10);
    }
    expect(matcher.size).toBe(seeded.length);
  });

  it("alert every labelled risk post, with a phrase of the kind it shows", () => {
    expect(atRisk.length).toBeGreaterThanOrEqual(50);
    const missed = atRisk.filter(([category, text]) => !categoriesIn(text).includes(category));
    expect(missed).toEqual([]);
  });

  it("raise a false alert on at most 5% of ordinary support-group posts", () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(200);
    const alerted = ordinary
      .map((text) => ({ text, phrases: matchPhrases(matcher, text).map((row) => row.phrase) }))
      .filter(({ phrases }) => phrases.length > 0);
    const rate = alerted.length / ordinary.length;
    console.info(
      `it risk phrases: ${alerted.length} false alerts in ${ordinary.length} ordinary posts (${(rate * 100).toFixed(1)}%)`,
      alerted,
    );
    expect(rate).toBeLessThanOrEqual(0.05);
  });

  it("are found wherever they are written in ordinary text, whatever splits their words", () => {
    const ordinaryWords = ordinary.join(" ").split(/\s+/u);
    const separator = fc.constantFrom(
      " ",
      "\n",
      "  ",
      ", ",
      " - ",
      "** **",
      "_ _",
      "\n> ",
      "... ",
      " (",
      ") ",
      "\r\n\t",
    );
    const around = fc.constantFrom(
      " ",
      "\n\n",
      ". ",
      " **",
      "** ",
      " _",
      "_ ",
      " [",
      "](https://example.org) ",
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.constantFrom(...ordinaryWords), { maxLength: 40 }),
        fc.array(fc.constantFrom(...ordinaryWords), { maxLength: 40 }),
        fc.array(separator, { minLength: 8, maxLength: 8 }),
        fc.array(fc.stringMatching(/^[a-z]{0,4}$/), { minLength: 8, maxLength: 8 }),
        fc.constantFrom("'", "\u2019", "\u02bc"),
        fc.constantFrom("as listed", "upper", "capitalised"),
        around,
        around,
        (pick, before, after, separators, endings, apostrophe, letters, left, right) => {
          const row = seeded[pick % seeded.length]!;
          const words = row.phrase.split(" ").map((word, i) => {
            const written = word.endsWith("*") ? word.slice(0, -1) + endings[i % 8] : word;
            return written.replaceAll("'", apostrophe);
          });
          let phrase = words.map((word, i) => (i === 0 ? word : separators[i % 8] + word)).join("");
          if (letters === "upper") phrase = phrase.toUpperCase();
          if (letters === "capitalised") phrase = phrase.charAt(0).toUpperCase() + phrase.slice(1);
          const text = `${before.join(" ")}${left}${phrase}${right}${after.join(" ")}`;
          expect(matchPhrases(matcher, text)).toContain(row);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
