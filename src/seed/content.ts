// The facts of the award from the organiser's published pages (2021 and 2022), in Swedish as published.
// Contact details use a role title and a placeholder address, never a person's own phone or e-mail.

export const CONTACT = { title: 'Affärsansvarig, Vitalis', email: 'kontakt@example.org' }

export const CRITERIA = [
  {
    title: 'Ledning',
    description: [
      'Att leda införandet av nya arbetssätt med stöd av digitala lösningar så att det blir ett naturligt, självklart verktyg, kräver såväl kunskap som förståelse kring möjligheterna med digitala verktyg i verksamheten. Det är ett område som snabbt förändras, ibland från en dag till en annan, och det är av stor vikt att skapa en organisation som främjar innovation och tar tillvara på nya möjligheter.',
      'Området ledning vill belysa olika insatser för att skapa en god grund att leda verksamheten framåt när det gäller digitalisering. Det handlar om såväl visioner som budget, organisation, kommunikation, riktlinjer och uppföljning.',
    ],
    guidingQuestions: [
      'Hur ser era visioner, er budget och er organisation för digitaliseringen ut?',
      'Hur kommunicerar ni, vilka riktlinjer har ni och hur följer ni upp arbetet?',
      'Hur skapar ni en organisation som främjar innovation och tar tillvara nya möjligheter?',
    ],
  },
  {
    title: 'Infrastruktur',
    description: [
      'För att kunna öka digitaliseringsgraden och arbeta med olika digitala verktyg på ett flexibelt och effektivt sätt, behövs en genomtänkt infrastruktur. Det handlar om tillgång till både fungerande hårdvara och mjukvara och om säkerhetsfrågor.',
    ],
    guidingQuestions: ['Hur säkerställer ni tillgång till fungerande hårdvara och mjukvara?', 'Hur arbetar ni med säkerhetsfrågor?'],
  },
  {
    title: 'Kompetens',
    description: [
      'Inom detta område ligger fokus på medarbetarnas digitala kompetens och hur ni säkerställer grundläggande kunskaper inom relevanta områden. Att skapa förutsättningar för kompetensutveckling är också en viktig del.',
    ],
    guidingQuestions: ['Hur säkerställer ni medarbetarnas grundläggande digitala kunskaper inom relevanta områden?', 'Hur skapar ni förutsättningar för kompetensutveckling?'],
  },
  {
    title: 'Användning',
    description: ['Att identifiera relevanta användningsområden och besluta om verksamhetens strategi i arbetet är också ett viktigt grundläggande steg för verksamheten och ledningen.'],
    guidingQuestions: ['Hur identifierar ni relevanta användningsområden?', 'Hur beslutar ni om verksamhetens strategi, och vilka nyttor har uppnåtts för individer, medarbetare och verksamhet?'],
  },
] as const

export const ASSESSMENT_FOCUS = [
  'Vid bedömningen läggs särskild vikt vid arbete som främjar inflytande och delaktighet för den enskilda medborgaren, men även vid insatser kring förändrade arbetssätt och stärkt arbetsmiljö. Juryn vill premiera kommuner som tagit stora utvecklingssteg eller gjort andra särskilt berömvärda insatser under året och tittar också på de resultat som uppnåtts med hänsyn till kommunens förutsättningar.',
]

export const PARTNERS = [
  { name: 'Vitalis', shortName: 'Vitalis', role: 'organiser', website: 'https://www.vitalis.nu', allowedOrigins: ['https://www.vitalis.nu'] },
  { name: 'Sveriges Kommuner och Regioner', shortName: 'SKR', role: 'partner', website: 'https://skr.se', allowedOrigins: [] },
  { name: 'Föreningen Sveriges Socialchefer', shortName: 'FSS', role: 'partner', website: 'https://www.socialchefer.se', allowedOrigins: [] },
  { name: 'Funktionsrätt Sverige', shortName: 'Funktionsrätt Sverige', role: 'partner', website: 'https://funktionsratt.se', allowedOrigins: [] },
  { name: 'Vårdförbundet', shortName: 'Vårdförbundet', role: 'partner', website: 'https://www.vardforbundet.se', allowedOrigins: [] },
  { name: 'Myndigheten för delaktighet', shortName: 'MFD', role: 'partner', website: 'https://www.mfd.se', allowedOrigins: [] },
] as const

/** The 2022 jury: name, title, organisation (a partner's short name). */
export const JURY_2022 = [
  { name: 'Patrik Sundström', title: 'Programansvarig för eHälsa', organisation: 'SKR' },
  { name: 'Malin Aldén', title: 'Generaldirektör', organisation: 'MFD' },
  { name: 'Jonas Vallgårda', title: 'Utredare', organisation: 'Vårdförbundet' },
  { name: 'Jonas Hampus', title: 'Styrelseledamot', organisation: 'FSS' },
  { name: 'Elisabeth Wallenius', title: 'Ordförande', organisation: 'Funktionsrätt Sverige' },
  { name: 'Maria Sterner', title: 'Affärsansvarig', organisation: 'Vitalis' },
] as const

export const WINNER_2021 = {
  municipality: '1281', // Lunds kommun
  motivation: [
    'En kommun som satt digitaliseringsfrågorna inte bara högt på agendan, utan på allas agenda. En kommun som med lust, engagemang och bred samverkan format en organisation som står redo att utveckla välfärden till nytta för brukare, anhöriga och medarbetare. En kommun som satt digitalt först under förutsättning att det bidrar till att öka enskildas trygghet, aktivitet, delaktighet och självständighet.',
    'En kommun som med ett inkluderande arbetssätt söker nya smarta lösningar för människor, med människor. För ett moget, målmedvetet och inspirerande arbete med att på område efter område utveckla sitt erbjudande till invånare – priset till Sveriges e-hälsokommun 2021 går till Lunds kommun.',
  ],
  successFactors: [
    'Alla vård- och omsorgs verksamheter arbetar utifrån Socialstyrelsens modell IBIC där brukarnas behov är tydligt kartlagda och det finns individuella, mätbara mål att jobba mot.',
    'När det är möjligt väljer vi digitalt först, för att bibehålla eller öka trygghet, aktivitet, delaktighet eller självständighet för den enskilde. Vi följer upp och premierar måluppfyllelse.',
    'En modell för digitaliseringsprocessen skapar grundläggande struktur för kommunens arbete.',
    'Det finns ett engagemang och intresse hela vägen från nämnd, ledning, medarbetare och brukare och kommuninvånare.',
    'Utrymme skapas där det finns möjlighet att påverka och utveckla. Vi går från att planera till att genomföra och skala upp – vi vågar prova!',
    'Vård- och omsorgsförvaltningen jobbar aktivt för att skapa en kultur med ett gemensamt ägarskap där vi lyfter goda exempel och stimulerar innovationstänk genom till exempel projektfond och innovationspris.',
    'Vi jobbar för en gemensam målbild och det finns ett stort handlingsutrymme i hur vi kommer dit. Lunds kommun samverkar, skapar dialog och utvecklar tillsammans – för oss är digitalisering en lagsport där vi gärna samarbetar både internt och externt.',
    'Vi har en bredd av välfärdsteknik som används inom våra verksamheter och flera e-tjänster och RPA som ökar tillgängligheten för medborgarna.',
  ],
}

export const WINNER_2022 = {
  municipality: '0380', // Uppsala kommun
  motivation: [
    'Med ökad tydlighet, utvecklade arbetssätt och invånares behov i centrum har man tagit stora steg på väg mot en mer modern och individanpassad vård och omsorg. En kommun som på ett metodiskt sätt byggt ut sin infrastruktur och genomfört omfattande kompetenslyft hos brukare och medarbetare. En kommun där användarnas behov, drivkrafter och förmågor är utgångspunkten för verksamhetsutvecklingen, inte tekniken eller systemen. En kommun som ser tillgång till modern teknik som en fråga om demokrati och delaktighet – en självklarhet för alla.',
    'För ett strukturerat, värderingsdrivet och inspirerande arbete, priset till Sveriges eHälsokommun 2022 går till Uppsala kommun!',
  ],
}

/** The 2022 timeline (hålltider) as published: [from, to, what]. */
export const TIMELINE_2022 = [
  ['2022-04-14', null, 'Sista dag för anmälan till Sveriges eHälsokommun 2022'],
  ['2022-04-19', null, 'Juryn utser 5 finalister'],
  ['2022-04-20', '2022-05-18', 'Juryarbete för att utse vinnare'],
  ['2022-05-17', null, 'Vinnaren av Sveriges eHälsokommun 2022 tillkännages under högtidliga former på Vitalis invigning.'],
] as const

/** The winners' own applications are not published; their demo records say so instead of inventing text. */
export const UNPUBLISHED_ANSWER = 'Ansökningstexten är inte publicerad och ingår inte i demoinnehållet.'
