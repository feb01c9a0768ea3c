// The words scope.ts reads a sentence's frame with: negation, hypothetical and reported speech,
// and the words that name a side. Data, like the catalogue: lower case, American spelling, each
// entry one or more words (compared by lemma as well as by form).

/** Words that negate what follows in their clause, unless the pattern names them itself. */
export const NEGATION_CUES = [
  "not",
  "never",
  "no",
  "nobody",
  "no one",
  "none",
  "nothing",
  "neither",
  "nor",
  "without",
  "instead of",
  "rather than",
  "far from",
  "hardly",
  "barely",
  "rarely",
  "seldom",
  "used to",
  "stop",
  "quit",
  "refuse to",
  "avoid",
  "prevent",
  "unlikely",
  "doubt",
  // Frames that deny what follows: "It's rubbish to claim that …", "I disagree that …".
  "rubbish to",
  "nonsense to",
  "untrue that",
  "not true that",
  "wrong to say",
  "wrong to claim",
  "unfair to say",
  "unfair to claim",
  "not fair to say",
  "disagree that",
  "disagree with the idea",
  "reject the idea",
  "dismiss the idea",
  "a myth that",
  "deny that",
];

/** Uses of those words that affirm rather than negate ("not only", "no wonder", "no doubt"). */
export const NOT_NEGATION = [
  "not only",
  "not just",
  "no doubt",
  "no wonder",
  "no surprise",
  "no question that",
  "no question about it",
  "why not",
  "why do not",
  "why can not",
  "why would not",
  "why should not",
  "no matter",
  "no kidding",
  "no joke",
  "no exaggeration",
  "not surprisingly",
  "nothing but",
  "not least",
  "no less",
  "no doubt",
  "without doubt",
  "without a doubt",
  "never mind",
];

/** After a negation, these make the clause a presupposition, not a denial: "I don't know why IT says no". */
export const WH_COMPLEMENTS = ["why", "how come"];

/** Words that put the rest of their clause in a hypothetical. */
export const HYPOTHETICAL_CUES = [
  "if",
  "unless",
  "whether",
  "suppose",
  "supposing",
  "imagine",
  "in case",
  "as if",
  "as though",
  "whenever",
  "hypothetically",
  "in theory",
  "in the event",
  "assuming",
  "ever",
];
/** Help that makes a course a joint one, not a breakdown: "with our support, the analysts built their own dashboards". */
export const ENDORSED_CUES = ["with our support", "with our help", "with our blessing", "with it 's support", "with it 's help", "with it 's blessing", "with help from it", "with support from it", "with the it team 's help", "with the it team 's support"];
/** A course weighed in the past, anywhere before the match's end: "we thought about building our own". */
export const CONSIDERED_CUES = ["thought about", "thought of", "considered", "toyed with", "were tempted to", "was tempted to", "debated"];
/** "ever" keeps its ordinary meaning here. */
export const NOT_HYPOTHETICAL = ["ever since", "than ever", "as ever", "for ever", "ever more", "ever so"];

/** Modals that make a verb of saying hypothetical ("someone might say"). */
export const MODALS = ["would", "could", "might", "may"];

/**
 * Words that name what follows as a phrase talked about, not said: "phrases like 'IT just doesn't
 * get it' signal the sniffles".
 */
export const MENTION_CUES = ["phrases like", "phrase like", "phrases such as", "words like", "expressions like", "sayings like", "examples like", "examples such as", "agenda item", "session on", "training on", "workshop on", "talk on", "the line", "an example of", "quotes like", "quotes such as", "symptoms include", "symptoms like", "symptoms such as", "training slide", "the article", "the point about", "which stage is"];
/** A noun right after a quoted phrase that makes the quote a name for it: "the 'IT just says no' complaint". */
export const MENTION_NOUNS = ["complaint", "phrase", "quote", "line", "remark", "comment", "example", "symptom", "saying", "cliche", "cliché", "story", "sign", "warning"];
/**
 * Settings in which phrases are taught or studied, not said: anywhere in the sentence, every
 * phrase in it is talked about ("Quiz for the away day: which stage is '…'?", "we role-played a
 * client saying '…'").
 */
export const TEACHING_CONTEXTS = ["book club", "reading group", "quiz", "lunch and learn", "role play", "role played", "roleplay", "roleplayed", "role playing", "case study", "community of practice", "new starters", "onboarding session", "training agenda", "training deck", "training course", "training module", "webinar"];
/** Settings that make only a quoted phrase a mention: "RM training: 'IT just doesn't get it' …". */
export const QUOTED_TEACHING_CONTEXTS = ["training", "agenda", "slide", "deck", "lists", "listed", "covered", "course", "module", "lesson", "seminar", "coaching", "e.g."];
/** Verbs before a mention cue that make it a use: "we keep hearing phrases like …". */
export const USE_VERBS = ["hear", "hearing", "heard", "say", "saying", "said", "use", "using", "used", "get", "getting", "got", "receive", "write", "repeat", "mutter", "throw"];
/** Speakers that are texts, not sides: "the article says 'a game of telephone' means …". */
export const DOCUMENT_WORDS = ["article", "articles", "book", "paper", "author", "slide", "slides", "deck", "model", "framework", "textbook", "handbook", "guide", "course", "training", "glossary"];

/** Verbs of saying, and of thinking aloud, that introduce someone else's words. */
export const REPORTING_VERBS = [
  "say",
  "tell",
  "complain",
  "claim",
  "mention",
  "remark",
  "grumble",
  "moan",
  "insist",
  "shout",
  "yell",
  "scream",
  "write",
  "email",
  "warn",
  "joke",
  "ask",
  "wonder",
  "mutter",
  "concede",
  "confess",
  "snap",
  "quip",
  "observe",
  "suggest",
  "threaten",
  "argue",
  "note",
  "admit",
  "report",
  "announce",
  "declare",
  "state",
  "reply",
  "respond",
  "repeat",
  "vent",
  "rant",
  "whine",
  "gripe",
  "hint",
  "accuse",
  "feel",
  "think",
  "believe",
  "reckon",
  "according",
];

/** Phrases after a symptom that dismiss it: "Outsourcing IT is off the table". */
export const DENIALS = [
  "off the table",
  "out of the question",
  "not an option",
  "not on the table",
  "not on the agenda",
  "not on the cards",
  "not going to happen",
  "never going to happen",
  "not happen",
  "never happen",
  "not happening",
  "ruled out",
  "rule out",
  "not something",
  "not the plan",
  "not planned",
  "not true",
  "not the case",
  "non starter",
  "nonsense",
  "a myth",
  "unfounded",
];

/** Short replies that deny the question before them: "Outsource IT? Never." */
export const DENYING_REPLIES = ["never", "no", "not", "nope", "nah", "absolutely not", "of course not", "no way"];

/** Conjunctions that start a new clause (so a negation before them does not reach past). */
export const CLAUSE_CONJUNCTIONS = ["but", "however", "although", "though", "whereas", "yet", "because", "while", "so", "except"];
/** Subordinating conjunctions: a negation before one does not reach the clause it opens. */
export const SUBORDINATORS = ["if", "unless", "because", "when", "whenever", "until", "since", "once", "before", "after"];
/** "and", "or" start a clause only when a subject follows. */
export const COORDINATORS = ["and", "or"];

/** Words naming the side of whoever speaks; the last one in a speaker's phrase decides. */
export const SPEAKER_WORDS: Record<"BUSINESS" | "IT", string[]> = {
  IT: [
    "developer",
    "dev",
    "engineer",
    "programmer",
    "architect",
    "helpdesk",
    "help desk",
    "service desk",
    "support",
    "sysadmin",
    "admin",
    "cio",
    "cto",
    "tester",
    "dba",
    "techie",
    "analyst",
    "project manager",
    "relationship manager",
    "delivery manager",
    "service manager",
    "delivery lead",
    "scrum master",
  ],
  BUSINESS: [
    "client",
    "sponsor",
    "customer",
    "user",
    "business",
    "line",
    "sales",
    "finance",
    "marketing",
    "hr",
    "operations",
    "ops",
    "procurement",
    "legal",
    "cfo",
    "ceo",
    "coo",
    "cmo",
    "vp",
    "board",
    "executive",
    "exec",
    "stakeholder",
    "sponsor",
    "requester",
    "director",
    "manager",
    "head",
    "owner",
    "unit",
  ],
};

/** A speaker phrase with these is the writer (or the writer's own people). */
export const WRITER_WORDS = ["i", "we", "me", "us", "my", "our"];

/**
 * Words a pattern steps over between its own words (at most two in a row), so a pattern need not
 * list every intensifier: "IT has been completely unresponsive", "isn't very responsive". No
 * negation and no word that changes who or what is meant.
 */
export const FILLERS = [
  "just",
  "really",
  "very",
  "so",
  "completely",
  "totally",
  "utterly",
  "still",
  "simply",
  "actually",
  "basically",
  "literally",
  "honestly",
  "frankly",
  "genuinely",
  "clearly",
  "obviously",
  "quite",
  "pretty",
  "truly",
  "absolutely",
  "entirely",
  "fully",
  "incredibly",
  "painfully",
  "hopelessly",
  "seriously",
  "increasingly",
  "even",
  "ever",
  "always",
  "all",
  "single",
];

/**
 * Words that make a role IT's whatever it is called: "the infrastructure manager", "the dev
 * lead" (a manager or a lead alone is the business's, SPEAKER_WORDS).
 */
/** Nouns after a lower-case "it" that make it the department: "the it team said …". */
export const DEPARTMENT_NOUNS = ["team", "department", "dept", "guys", "people", "folks", "lead", "manager", "director", "head", "side", "staff", "support", "helpdesk", "desk", "function", "crew", "lot", "boss", "chief"];
export const IT_QUALIFIERS = ["dev", "development", "infrastructure", "infra", "network", "platform", "engineering", "software", "technical"];

/**
 * Words that open a later clause saying a symptom told in the past is over: "Last year IT just
 * said no to everything; now they explain their reasons."
 */
export const SINCE_CHANGED = ["now", "nowadays", "these days", "today", "since then", "not anymore", "not any more", "no longer", "that has changed", "that changed", "things have changed", "things changed", "all that has changed", "that is no longer", "that is not the case", "since", "things have improved", "it has improved", "that has improved", "that has turned around", "things have turned around", "this time", "on this project"];

/** Anywhere in that later clause, words saying the trouble was dealt with: "…, but the new sign-off fixed that". */
export const SINCE_RESOLVED = ["was dropped", "been dropped", "was shelved", "been shelved", "was abandoned", "never came up again", "was fixed", "was sorted", "was resolved", "was solved", "were fixed", "got resolved", "off the table", "been sorted", "been fixed", "been solved", "been resolved", "been dealt with", "been addressed", "is sorted", "is fixed", "is resolved", "got fixed", "got sorted", "his replacement", "her replacement", "their replacement", "his successor", "her successor", "their successor", "the new one", "fixed that", "fixed it", "fixed this", "solved that", "solved it", "sorted that", "sorted it", "sorted that out", "sorted it out", "put an end to that", "put a stop to that", "put paid to that", "ended that", "cured that", "cured it", "is behind us", "are behind us"];

/** Times before a match that tell it of the past: with SINCE_CHANGED after it, the symptom is over. */
export const PAST_TIMES = ["ago", "back in", "the old", "our old", "the previous", "our previous", "last time", "the last time", "last year", "last month", "last quarter", "in the past", "back then", "at first", "previously", "at the time", "in those days"];

/** Past forms a match's verb may take without "-ed": with SINCE_CHANGED, the symptom is over. */
export const IRREGULAR_PAST = ["said", "was", "were", "had", "did", "went", "kept", "took", "built", "made", "got", "told", "thought", "knew", "gave", "came", "felt", "left", "let"];

/**
 * Parties other than IT that a business complaint may be about: "The caterers charged double",
 * "HR's policy team is drowning in red tape". A sentence naming one of them, and nothing of IT,
 * is not a business symptom about IT.
 */
export const OTHER_PARTIES = [
  "caterer", "caterers", "catering", "hr", "human resources", "facilities", "legal", "payroll", "the landlord", "the council",
  "the bank", "the airline", "the courier", "the couriers", "the cleaners", "the auditors", "the printers", "the hotel", "the venue",
  "the tax office", "the taxman", "the regulator", "the post office", "the builders", "the contractors next door", "the canteen",
  "the travel desk", "the travel agent", "the estates team", "the property team", "the insurer", "the insurers",
];
/** Words that name IT or its work, besides "IT" itself: with one of them the sentence is about IT after all. */
export const IT_WORDS = [
  "tech", "techies", "technology", "system", "systems", "developer", "developers", "devs", "dev", "software", "servers", "network",
  "helpdesk", "service desk", "app", "application", "platform", "database", "laptop", "laptops", "login", "portal", "cio",
];
