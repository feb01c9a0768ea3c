import type { SickStage, Side } from "../enums";

// The symptom phrases of article 001 (and a few from 000 and 002), per stage and side. Data, not
// code: `quote` is the article's wording; `patterns` (see compile.ts for the notation) are the
// variations people actually say. Every pattern has a near-miss test in match.test.ts.

export interface CatalogueEntry {
  id: string;
  stage: SickStage;
  side: Side;
  article: string;
  quote: string;
  patterns: string[];
}

export const PHRASE_MACROS: Record<string, string[]> = {
  it: [
    "it",
    "IT",
    "they",
    "the it team",
    "the it department",
    "the it guys",
    "the it people",
    "the it folks",
    "it team",
    "it department",
    "it guys",
    "you guys",
    "those guys",
    "the techies",
    "techies",
  ],
  itnoun: ["IT", "the it team", "the it department", "the it guys", "the it people", "you guys", "those guys", "them"],
  business: [
    "they",
    "the business",
    "business",
    "the users",
    "users",
    "business users",
    "the business users",
    "the client",
    "the clients",
    "clients",
    "the line",
    "line managers",
    "the customer",
    "customers",
  ],
};

export const PHRASE_CATALOGUE: readonly CatalogueEntry[] = [
  // Sniffles: "relatively mild expressions of frustration and maybe some early finger pointing".
  {
    id: "it-just-doesnt-get-it",
    stage: "SNIFFLES",
    side: "BUSINESS",
    article: "001",
    quote: "IT just doesn't get it",
    patterns: [
      "@it [just|simply|really|still|clearly|honestly|totally] (does not|do not|did not|never) (get|understand|grasp) (it|us|the business|what we need|what we do)!(done|right|wrong|working|fixed|through|back|to|in|out|off|up|on|going|sorted|running|live|approved|signed|from)",
    ],
  },
  {
    id: "no-time-need-it-now",
    stage: "SNIFFLES",
    side: "BUSINESS",
    article: "001",
    quote: "I don't have time for this—I need this functionality now",
    patterns: [
      "(i|we) (do not|did not) (have|got) [the|any] time for (this|that|all this)!(today|tomorrow|week|morning|afternoon|meeting|call|until|till|now|right|at|before|after|on)",
      "(i|we) (need|needed) (this|it|that|the) [new] (functionality|feature|features|fix|system|change) (now|yesterday|immediately|asap|right now)",
      "(i|we) need (it|this|that) (now|yesterday|immediately|asap|right now)",
    ],
  },
  {
    id: "it-just-says-no",
    stage: "SNIFFLES",
    side: "BUSINESS",
    article: "002",
    quote: "IT just says no",
    patterns: ["@it (just|always|simply|only|keeps|keep) (says|say|saying|said) no"],
  },
  {
    id: "it-not-responsive",
    stage: "SNIFFLES",
    side: "BUSINESS",
    article: "001",
    quote: "IT is not responsive enough",
    patterns: [
      "@it (is not|are not|is never|are never|was not) [very|really|at all] responsive",
      "@it (is|are|was|were) [so|completely|totally|really|just] unresponsive",
    ],
  },
  {
    id: "users-kept-changing-their-minds",
    stage: "SNIFFLES",
    side: "IT",
    article: "001",
    quote: "The business users kept changing their minds",
    patterns: [
      "(kept|keep|keeps|keeping|always|constantly|continually|forever) changing (their|its|his|her) (mind|minds)",
      "@business (change|changed|changes) (their|its) (mind|minds) (again|constantly|all the time|every week|every day|weekly|daily)",
    ],
  },
  {
    id: "requirements-until-uat",
    stage: "SNIFFLES",
    side: "IT",
    article: "001",
    quote: "Lots of requirements didn't come out until UAT",
    patterns: [
      "requirements ~ (until|till) [the] (uat|user acceptance testing|acceptance testing|testing)",
      "requirements [only|just|all] (came out|surfaced|emerged|appeared|turned up|showed up) (in|during|at) [the] (uat|user acceptance testing|acceptance testing)",
    ],
  },
  {
    id: "line-does-not-know-what-they-want",
    stage: "SNIFFLES",
    side: "IT",
    article: "000",
    quote: "Very often the line does not know what they want!",
    patterns: [
      "@business [just|simply|really|often|never|still] (do not|does not|did not|never) know what (they|it) (want|wants|wanted|need|needs)",
    ],
  },
  // Flu: "a high-profile project that didn't meet expectations"; methodology, analysts, blame.
  {
    id: "cost-twice-does-half",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "It cost twice as much as they said it would and it doesn't do half the things we need it to",
    patterns: [
      "(cost|costs|costing) (twice|double|two times|three times|triple) as much as ~ (said|promised|quoted|estimated|budgeted|planned|agreed)",
      "(does not|did not|can not|could not|will not) do half [of] the things",
    ],
  },
  {
    id: "wound-up-in-red-tape",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "IT is so wound up in red tape these days, you can't get anything done",
    patterns: [
      "(wound up|tied up|buried|drowning|bogged down|mired|caught up|tangled up) in (red tape|bureaucracy)",
      "so much (red tape|bureaucracy)",
      "red tape ~ (can not|could not|never) get anything done",
    ],
  },
  {
    id: "just-as-bad-as-it",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "just as bad as IT",
    patterns: ["(just|every bit|equally) as bad as (IT|the it team|the it department|the techies|the rest of it)"],
  },
  {
    id: "analysts-or-project-managers",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "Are they analysts or project managers?",
    patterns: ["analysts or (project managers|pms|project management)"],
  },
  {
    id: "if-they-knew-what-they-were-doing",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "We wouldn't have these problems if they knew what they were doing over there",
    patterns: ["if (they|IT|the it team|those guys|you guys|it) (knew|know|had a clue about|had any idea) what (they|it|you) (were|are|was) doing"],
  },
  {
    id: "we-will-do-it-ourselves",
    stage: "FLU",
    side: "BUSINESS",
    article: "001",
    quote: "We've given up waiting for IT; we'll do it ourselves",
    patterns: [
      "given up (waiting for|waiting on|on) @itnoun",
      "(we will|we are going to|we are gonna|we can|we could|we should|we might as well|we would rather|we have to|we had better|we will have to|i will|i am going to) [just|simply|now|probably] (do|build|make|develop|write|create|buy|fix|solve|code|sort|handle) (it|this|that|them|one|the whole thing|the thing) ourselves!(with|together|alongside|and IT|and the it team)",
      "(build|buy|develop|create|write|hire|run|start) our own (system|systems|solution|solutions|tool|tools|app|apps|application|applications|software|crm|platform|database|developers|devs|it team)",
    ],
  },
  {
    id: "never-deliver-what-promised",
    stage: "FLU",
    side: "BUSINESS",
    article: "000",
    quote: "a service provider who seemed incapable of delivering what they had promised",
    patterns: [
      "(never|do not|does not|did not|can not|could not|failed to|fail to|unable to|incapable of) (deliver|delivering|delivered) (what|anything) (they|it|you|IT) [had|have|has] (promised|said|committed to)",
    ],
  },
  {
    id: "house-in-order",
    stage: "FLU",
    side: "IT",
    article: "001",
    quote: "The business needs to get its own house in order before it starts trying to fix ours",
    patterns: ["(get|put|sort|getting|putting|sorting|gets|puts) (its|their|your) [own] house in order"],
  },
  {
    id: "need-documented-processes",
    stage: "FLU",
    side: "IT",
    article: "001",
    quote: "What we need is well-documented business processes",
    patterns: ["(need|needs|want|require|requires) ~ (well documented|properly documented|documented) [business] processes"],
  },
  {
    id: "just-as-bad-as-the-users",
    stage: "FLU",
    side: "IT",
    article: "001",
    quote: "just as bad as the users",
    patterns: ["(just|every bit|equally) as bad as (the users|users|the business|the client|the clients)"],
  },
  {
    id: "everything-for-nothing",
    stage: "FLU",
    side: "IT",
    article: "000",
    quote: "the client was being totally unreasonable in wanting everything for nothing",
    patterns: ["(want|wants|wanting|wanted|expect|expects|expecting|expected) everything for nothing"],
  },
  // Pneumonia: layers upon layers, shadow IT teams, "competition and antagonism".
  {
    id: "my-guys-are-way-better",
    stage: "PNEUMONIA",
    side: "BUSINESS",
    article: "001",
    quote: "My guys are way better",
    patterns: [
      "(my|our) (guys|team|people|folks|developers|devs|own team|own people) (are|is) (way|much|far|so much|a lot|miles) better!(organised|organized|prepared|informed|trained|rested|equipped|staffed|at|now|this|today|than last|than before|than they were)",
      "(are|is) (way|much|far|a lot|miles) better than (IT|the it team|the it department|the it guys)",
    ],
  },
  {
    id: "fire-the-it-team",
    stage: "PNEUMONIA",
    side: "BUSINESS",
    article: "001",
    quote: "We should fire the IT team and give their budget to my team",
    patterns: [
      "fire (the|our|all the|the whole|the entire|all of) it (team|department|dept|guys|people|staff|group|function)",
      "(give|hand|move|transfer) (their|its|the it|IT's) budget to (my|our|us)",
    ],
  },
  {
    id: "it-manager-not-cutting-it",
    stage: "PNEUMONIA",
    side: "BUSINESS",
    article: "001",
    quote: "This IT manager just isn't cutting it",
    patterns: [
      "(it manager|it director|cio|it lead|it team|it department|IT) [just|simply|really|still] (is not|are not|was not|were not) cutting it",
    ],
  },
  {
    id: "game-of-telephone",
    stage: "PNEUMONIA",
    side: "BUSINESS",
    article: "001",
    quote: "six or seven layers between the user and developer, making requirements gathering into a hopeless game of telephone",
    patterns: [
      "(game of|like) (telephone|chinese whispers|broken telephone)",
      "layers ~ between (us|me|the users|users|the user|the business) and [the] (developers|devs|developer|it)",
    ],
  },
  {
    id: "not-supporting-systems-we-did-not-create",
    stage: "PNEUMONIA",
    side: "IT",
    article: "001",
    quote: "We're no longer supporting any systems we didn't create",
    patterns: [
      "(no longer|not|never|stop|stopped|will not|refuse to) (support|supporting|maintain|maintaining) ~ (we|that we) (did not|do not|have not|never) (create|created|build|built|write|wrote|develop|developed|buy|bought|approve|approved|sanction|sanctioned)",
    ],
  },
  // Death and reincarnation: open antagonism, outside consultants, IT avoiding its clients.
  {
    id: "not-using-it-anymore",
    stage: "DEATH_AND_REINCARNATION",
    side: "BUSINESS",
    article: "001",
    quote: "I'm not using IT anymore; I'm going to AAA Consulting—they know what they're doing",
    patterns: [
      "not (using|use|going to use|going through|working with) (IT|the it team|the it department|you guys) (anymore|any more|again|any longer)",
      "(going|go|switching|switch|moving|move|turning|turn|went) to ~ (consulting|consultants|consultancy)!(skills|session|sessions|workshop|course|training|module|class)",
      "(hire|hired|hiring|bring in|brought in|bringing in|engage|engaged|engaging) (outside|external|third party|our own) consultants",
    ],
  },
  {
    id: "new-leadership-in-it",
    stage: "DEATH_AND_REINCARNATION",
    side: "BUSINESS",
    article: "001",
    quote: "I think it's time for some new leadership in IT",
    patterns: [
      "new leadership (in|for|at) (IT|the it department|the it team)",
      "(time for|need|needs|want|wants|get|bring in|hire) [a|some] new (cio|head of it|it director|it leadership|it management)",
      "(replace|fire|sack) (the|our) (cio|head of it|it director)",
    ],
  },
  {
    id: "outsource-the-it-department",
    stage: "DEATH_AND_REINCARNATION",
    side: "BUSINESS",
    article: "001",
    quote: "Maybe we should outsource the IT department",
    patterns: [
      "(outsource|outsourcing|outsourced) (the|our|all|all of|the whole|the entire|all our) it",
      "(outsource|outsourcing) IT",
    ],
  },
  {
    id: "start-saying-no",
    stage: "DEATH_AND_REINCARNATION",
    side: "IT",
    article: "001",
    quote: "We have to just start saying no, even if they have the money",
    patterns: [
      "(start|starting|begin|beginning) (saying|to say) no ~ even if",
      "[just] (start|starting|begin) (saying|to say) no (to them|to the business|to everything|to all of it|to their requests)",
      "(say|saying) no even if they have the (money|budget)",
    ],
  },
  {
    id: "stopped-answering-the-phone",
    stage: "DEATH_AND_REINCARNATION",
    side: "IT",
    article: "001",
    quote: "I've stopped answering the phone when I know it's my business client",
    patterns: [
      "(stopped|stop|no longer|avoid|avoiding|ignore|ignoring|quit|not) (answering|picking up|taking|returning) [the|their|his|her|my|any] (phone|calls|call|emails|messages)!(after|at|during|on weekends|on holiday|while|for a|for an)",
    ],
  },
];
