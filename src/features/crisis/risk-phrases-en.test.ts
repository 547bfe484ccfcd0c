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

// English posts as members of groups of older people and family carers write them, each
// labelled with the kind of risk it shows. Every one must raise an alert.
const atRisk: [RiskCategory, string][] = [
  ["suicide", "Some nights I just want to die and be done with it."],
  ["suicide", "**I want to die.** There, I've said it."],
  ["suicide", "Honestly I think everyone would be better off without me."],
  ["suicide", "Since Tom passed I have nothing to live for."],
  ["suicide", "I keep thinking about killing myself and I don't know who else to tell."],
  ["suicide", "I've been thinking of ending it all. I'm so tired."],
  ["suicide", "I don't want to be here anymore."],
  ["suicide", "Mum keeps telling me she wants to die and I don't know what to say to her."],
  ["suicide", "I wish I was dead, then at least I wouldn't be a bother to anyone."],
  ["suicide", "What's the point. There's no reason to live now she's gone."],
  ["suicide", "I'm going to take my own life. I just wanted someone to know."],
  ["suicide", "Some days I think I'd be better off dead."],
  ["suicide", "I'm SO TIRED OF LIVING like this"],
  ["suicide", "I hope I don't wake up tomorrow."],
  ["suicide", "I can't go on living like this, every day is the same fight."],
  ["suicide", "I've had suicidal thoughts again this week, the worst since the funeral."],
  ["suicide", "Life is not worth living without him."],
  ["suicide", "I just want it all to end."],
  ["suicide", "I've thought about ending my life more than once this month."],
  ["suicide", "Please don't judge me but I have been thinking about suicide."],
  ["suicide", "i dont want to live anymore"],
  ["suicide", "I'd rather kill myself than go into that home."],
  ["suicide", "I wish I could go to sleep and never wake up."],
  ["suicide", "There's no point in living when you're this alone."],
  ["suicide", "My dad told me last night that he wants to end his life."],
  ["suicide", "I don’t want to be alive any more, I’m sorry."],
  ["suicide", "Why am I still here? I have no reason to go on."],
  ["suicide", "I could just _end it all_ tonight and nobody would notice for days."],
  ["suicide", "Every morning I wish I hadn't woken. I don't want to wake up again."],
  ["suicide", "I have considered suicide. Not for the first time."],
  ["self_harm", "I've started cutting myself again. Only a little, but I have."],
  ["self_harm", "I hurt myself on purpose last night, and I'm ashamed."],
  ["self_harm", "Sometimes the only thing that helps is to harm myself."],
  ["self_harm", "I've been self-harming since the diagnosis."],
  ["self_harm", "I stopped taking my pills on purpose last week."],
  ["self_harm", "I took too many pills last night, I didn't care what happened."],
  ["self_harm", "I have been saving up my tablets in a drawer."],
  ["self_harm", "I keep thinking about an overdose with mum's morphine."],
  ["self_harm", "I want to hurt myself so it stops hurting inside."],
  ["self_harm", "I burned myself on purpose with the iron."],
  ["self_harm", "Selfharm is the only way I cope right now."],
  ["self_harm", "I have been starving myself, I don't deserve to eat."],
  ["self_harm", "Last night I cut my wrists, not deep."],
  ["self_harm", "I keep hitting myself when I get frustrated with him."],
  ["self_harm", "I stopped taking my insulin on purpose. Let it do what it does."],
  ["abuse", "My son hits me when he's been drinking."],
  ["abuse", "He hits me. Nobody believes me because he's so charming at the meetings."],
  ["abuse", "She slapped me again this morning because I spilled the tea."],
  ["abuse", "I'm afraid of my grandson, he shouts and throws things."],
  ["abuse", "My daughter takes my pension every month and leaves me nothing for food."],
  ["abuse", "He locks me in the bedroom when he goes out."],
  ["abuse", "My husband has started hitting me since the dementia got worse."],
  ["abuse", "The carer took my bank card and I can't get it back."],
  ["abuse", "He threatens me if I tell anyone."],
  ["abuse", "I'm scared of my husband when he's like this."],
  ["abuse", "My nephew made me sign papers for the house, and now he won't let me see my friends."],
  ["abuse", "He pushed me down the stairs last week."],
  ["abuse", "My partner controls all my money and I have to ask for the bus fare."],
  ["abuse", "She won't let me leave the house on my own."],
  ["abuse", "I'm being abused by my son and I don't know who to tell."],
  ["abuse", "My wife hit me with her stick. I know it's the illness but I'm frightened of her."],
  ["danger", "I'm on the bridge now. I'm going to jump."],
  ["danger", "I have the pills in my hand."],
  ["danger", "By the time you read this it will be over."],
  ["danger", "I've bought a rope."],
  ["danger", "He's got a knife and he's in the kitchen, I'm locked in the bathroom."],
  ["danger", "I've fallen and can't get up, my phone is nearly flat."],
  ["danger", "This is goodbye. Thank you all for everything."],
  ["danger", "I'm standing on the edge of the roof."],
  ["danger", "My husband threatened to kill me tonight."],
  ["danger", "I don't feel safe at home tonight."],
  ["danger", "> I'm going to jump off the bridge\n\nI mean it this time."],
  ["danger", "I've written my goodbye letters to the children."],
  ["danger", "I'm sitting here with the tablets in front of me."],
  ["danger", "He said he wants to kill me and I believe him."],
  ["suicide", "I WANT\nTO\nDIE"],
  ["suicide", "[nothing to live for](https://example.org/posts/1) is how I feel."],
  ["suicide", "Thinking about suicide… again."],
  ["self_harm", "Over-dosing felt like the only way out last time."],
];

// Ordinary posts of the same groups, with the near misses they write every day: an alert on
// one of these is a false alert.
const ordinary: string[] = [
  "I could kill for a coffee after that meeting.",
  "My mother died last year and the group helped me more than I can say.",
  "The diet is killing me, I miss cake.",
  "I'm dying to see you all on Thursday!",
  "She cut the cake and we sang for Margaret's 80th.",
  "Dead tired tonight, but a good day with Dad.",
  "The pills the doctor gave mum seem to be helping her sleep.",
  "He hit the wall of tiredness around four o'clock.",
  "It really hits me on Sundays that she's gone.",
  "It hit me hard at the funeral, more than I expected.",
  "My husband beat me at Scrabble again, he's still sharp with words.",
  "I nearly died laughing at Jean's story about the parrot.",
  "My feet are killing me after the walk along the river.",
  "Mum died peacefully in her sleep on Tuesday. Thank you for all your kind words.",
  "I cut my finger chopping onions, nothing serious.",
  "Don't kill yourself trying to do everything on your own.",
  "I'd die for my grandchildren, they're my whole world.",
  "My brother took his own life twenty years ago; I still think of him every spring.",
  "We talked about assisted dying on the radio this morning, it was a thoughtful programme.",
  "I'll jump at the chance to come to the picnic.",
  "I can jump in the car and give anyone a lift on Thursday.",
  "My daughter picks up my pension for me on Thursdays.",
  "I lock myself in the bathroom for five minutes of peace and quiet.",
  "My grandson kicked the ball over the fence and we had to go and ask for it back.",
  "I had the pills in my handbag all along, silly me.",
  "The new tablets are smaller and easier to swallow.",
  "Has anyone tried the day centre on Green Street?",
  "Thank you all for listening last week. It meant a lot.",
  "Me too. The evenings are the hardest.",
  "How did the appointment go, Brenda?",
  "I found a lovely leaflet about carers' allowance at the library.",
  "Does anyone know a good chiropodist who does home visits?",
  "The hospital parking is a nightmare, bring coins.",
  "Dad didn't recognise me today. It breaks my heart.",
  "I'm exhausted but we got through the week.",
  "We went to the seaside and he smiled for the first time in months.",
  "My sister is coming to stay so I can have a weekend off.",
  "The respite care place was kind and clean, I'd recommend it.",
  "Is the meeting still on if it snows?",
  "I've made too many scones again, I'll bring them on Thursday.",
  "My wife keeps asking for her mother, who died in 1985.",
  "I feel guilty every time I go out without him.",
  "The social worker finally rang back!",
  "I've been crying a lot, but it's the good kind of crying, I think.",
  "Grief comes in waves, doesn't it.",
  "It's been a year since Peter died and I still set two cups out.",
  "Please pray for my friend Sue, she's in hospital with pneumonia.",
  "The memory café was lovely, they played Vera Lynn songs.",
  "I'm not sure I can make it on Thursday, my knee is bad again.",
  "I finally asked for help and the council are sending someone.",
  "My son wants me to move closer to him but I don't want to leave my friends.",
  "Dad's been agitated in the evenings; the nurse called it sundowning.",
  "The incontinence pads from the chemist are better than the ones from the clinic.",
  "I feel like I'm drowning in paperwork for the power of attorney.",
  "We lost the cat last week too. It never rains but it pours.",
  "Thank you for the card, it's on the mantelpiece.",
  "She cut her hair short and she looks years younger.",
  "The doctor says his heart is tired, we're taking it one day at a time.",
  "He died at home, as he wanted, with all of us there.",
  "I'm dead on my feet after the hospital run.",
  "That film was so sad I thought I'd die of crying.",
  "The grandchildren wore me out, I'm done in.",
  "My hands are killing me with the arthritis this week.",
  "I could murder a cup of tea right now.",
  "The weeds are killing my roses.",
  "I was so embarrassed I wanted the ground to swallow me up.",
  "I'm at the end of my tether with the phone company.",
  "I'm sick to death of the rain.",
  "She'd kill me if she knew I told you, but she's doing better!",
  "My daughter will kill me when she sees how much I spent on wool.",
  "The quiz was murder, I didn't know a single answer.",
  "He's dying to show you his tomatoes.",
  "Mum says she's ready to go to the day centre now.",
  "The cake was to die for.",
  "It hurts me to see him like this, so thin and confused.",
  "Losing her hurt me more than anything in my life.",
  "He takes my arm when we walk to the shops, so sweet.",
  "My son takes me to the hospital every Tuesday.",
  "My grandson shows me how to use the tablet.",
  "My husband hits the sack at eight these days.",
  "She hits the nail on the head every time she speaks in the group.",
  "The realisation hit me when I saw his empty chair.",
  "I'm afraid of falling on the ice this winter.",
  "I'm scared of what the scan will show.",
  "I'm frightened of the future without her.",
  "Mum is afraid of the dark since her stroke.",
  "He is scared of the hoist, so we go slowly.",
  "The carer is lovely, she always has time for a chat.",
  "My husband locks the front door at night because Dad wanders.",
  "We keep the medicines locked in a box now.",
  "I've been stockpiling tins for the winter.",
  "I stopped taking the sleeping tablets because they made me dizzy, the doctor agreed.",
  "I took my pills with breakfast and then forgot I had, so now I use a box.",
  "The pharmacist put all my tablets in a blister pack.",
  "I hurt my back lifting him into the bath.",
  "I burned the toast again, the smoke alarm went off.",
  "I burnt my hand on the oven door, it's healing now.",
  "We had a lovely time at the garden centre.",
  "I'm having a good day for once!",
  "Does anyone else's husband hide things and then accuse them of stealing?",
  "Mum thinks the neighbours are stealing her post.",
  "He accused me of taking his money, it's the illness talking.",
  "Scammers rang Dad pretending to be from the bank, so we put a block on the phone.",
  "The bank locked me out of online banking again.",
  "My son has power of attorney and he's been wonderful.",
  "We signed the forms for the care home today. It felt like a betrayal.",
  "The form says I have to sign in three places.",
  "The threat of rain kept us indoors.",
  "My knee threatens to give out on the stairs.",
  "I've written letters to the council and the MP about the bus service.",
  "I said goodbye to the house where we lived for forty years.",
  "Goodbye for now, see you all on Thursday!",
  "We said our goodbyes to Dad at the hospice.",
  "I'll say goodbye to the group for a few weeks, I'm visiting my daughter in Australia.",
  "By the way, the meeting room has changed to room 4.",
  "The bridge club meets on Wednesday afternoons if anyone's interested.",
  "I'm on the bridge rota at church this month.",
  "I sat on the edge of the bed for ages this morning, just thinking.",
  "We walked to the edge of the cliff path and the view was wonderful.",
  "Mum fell last week but she's fine, the paramedics were kind.",
  "He fell and couldn't get up, so we got one of those pendant alarms.",
  "I feel safe at home now the handrails are in.",
  "The knife drawer has a lock now because of Dad's confusion.",
  "My husband was a keen shot when he was young, the guns went long ago.",
  "There's a knife-sharpening man at the market on Saturdays.",
  "My grandson got a toy gun for his birthday and I don't like it.",
  "The rope swing in the garden is still there from when the children were small.",
  "Tonight I'll watch the snooker and have an early night.",
  "I'm not going to jump to conclusions about the test results.",
  "Don't jump the gun, wait till the doctor calls.",
  "She jumped the queue at the pharmacy!",
  "I'm on a diet, but the biscuits at the meeting are too good.",
  "Mum's new medication is making her drowsy.",
  "The morphine pump has made him much more comfortable.",
  "The palliative team were wonderful with him.",
  "I feel lonely in the evenings since the children moved away.",
  "Some days I feel like giving up, but then the sun comes out.",
  "I don't want to be a burden to my children.",
  "I don't want to go into a home; I want to stay here.",
  "I don't want to live with my son, I like my independence.",
  "I want to live long enough to see my granddaughter married.",
  "I'd like to live by the sea one day.",
  "My reason to live is those two grandchildren.",
  "Some days there's no point in arguing with him.",
  "There's no point going on about it, what's done is done.",
  "I'm tired of waiting for the hospital letter.",
  "I'm tired of the same four walls.",
  "I'm sick of living out of a suitcase while the kitchen is done.",
  "I can't go on Tuesday, is Wednesday all right?",
  "I can't go on the trip, my husband needs me at home.",
  "I cannot go on like this with no sleep, I've asked for respite.",
  "Is it normal to feel angry with him for getting ill?",
  "I lost my temper with mum today and then cried in the car.",
  "We laughed so much at the meeting, thank you all.",
  "The Alzheimer's nurse gave me a number to call at night.",
  "I'd recommend the Admiral nurses, they really listen.",
  "Does anyone have tips for getting Dad to drink more water?",
  "Mum won't eat unless I sit with her.",
  "He won't let me help him shave any more, he wants to do it himself.",
  "She won't let me see the letters from the bank, she's very private.",
  "Mum won't let me leave the room without asking where I'm going.",
  "My husband won't let me out of his sight since the diagnosis, bless him.",
  "He holds my hand all through the news.",
  "I've had my flu jab, don't forget yours.",
  "The chemist was out of his tablets again, so frustrating.",
  "I keep a diary now, it helps me remember what the doctors say.",
  "The wheelchair is too heavy to lift into the car.",
  "We've got a blue badge at last.",
  "Thank you, this helped me.",
  "Sending love to everyone this week.",
  "Mum's 90th birthday is on Sunday, we're having a party at the home.",
  "I'm proud of myself for going to the meeting on my own.",
  "I'm learning to be kinder to myself.",
  "I treated myself to a new coat.",
  "I talk to myself all day now, there's nobody else in the house.",
  "I taught myself to use video calls to see the grandchildren.",
  "I cut out the article about the new dementia drug for you.",
  "He cut the grass for the first time in months.",
  "I cut down on sugar like the nurse said.",
  "We cut the visit short because he was tired.",
  "She was hit by a car ten years ago and has walked with a stick since.",
  "Our team hit the target for the charity walk!",
  "The song hit me right in the heart.",
  "Dad punched the air when his team scored.",
  "The vicar popped in, which was kind.",
  "The new carer pushed the wheelchair too fast on the cobbles.",
  "My daughter pushes me to go out more, and she's right.",
  "My son pushed me to join this group, I'm glad he did.",
  "He grabbed my hand and wouldn't let go, it was lovely.",
  "I'm in danger of eating all the chocolates myself.",
  "It's a dangerous road for crossing, we need a zebra crossing.",
  "We must be careful not to end up taking too many painkillers with this cold.",
  "My mother-in-law overstayed her welcome again.",
  "The doctor reviewed all his pills and took two away.",
  "I'd forgotten my tablets in the kitchen, in front of the kettle.",
  "I had the tablets in my hand and then couldn't remember if I'd taken them.",
  "Cut myself shaving this morning, my hands are shaky since the new tablets.",
  "I hurt myself lifting Dad into the bath, so the physio showed me a better way.",
  "My son takes my pension book to the post office for me.",
  "Grandad's watch stopped on the day he died, strange isn't it?",
  "I've finished the jigsaw of the Lake District!",
  "We went to the memory walk and raised three hundred pounds.",
  "I feel like I'm losing him a little more every day.",
  "Anticipatory grief is such a strange thing.",
  "Nobody warned me how lonely caring would be.",
  "Does the group meet over Christmas?",
  "I've put the photos from the picnic in the shared album.",
  "My daughter says I should write my life story, so I've started.",
  "Mum keeps talking about her own mother's death, as if it was yesterday.",
  "Dad asked if he was going to die. I didn't know what to say.",
  "She talks about death a lot lately, the nurse says it's common.",
  "I'm not afraid of dying, I just want to be comfortable.",
  "I've made my will and my funeral plan, it's a weight off my mind.",
  "I've written a letter to the grandchildren for their eighteenth birthdays.",
  "The hospice shop has lovely books for a pound.",
  "The stairlift is finally in.",
  "I'm going to the opticians on Friday.",
  "It's quiz night on Tuesday, who's in?",
  "We have a new member joining, please make her welcome.",
];

type Seeded = { phrase: string; category: RiskCategory };

/** The English list as the migrations ship it, read from a fresh database. */
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
      .where(eq(riskPhrases.language, "en"));
  } finally {
    await handle.close();
  }
  matcher = compilePhrases(seeded);
});

afterAll(() => dropDatabase());

const categoriesIn = (text: string) => matchPhrases(matcher, text).map((row) => row.category);

describe("the seeded English risk phrases", () => {
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
      `en risk phrases: ${alerted.length} false alerts in ${ordinary.length} ordinary posts (${(rate * 100).toFixed(1)}%)`,
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
