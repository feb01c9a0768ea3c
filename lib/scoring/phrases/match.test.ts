import { describe, expect, it } from "vitest";
import { PHRASE_CATALOGUE } from "./catalogue";
import { detectPhrases, patternMatch } from "./match";

const ids = (text: string | string[], side?: "BUSINESS" | "IT") => detectPhrases(text, side).map((h) => h.phraseId);

describe("detectPhrases", () => {
  it.each(PHRASE_CATALOGUE.map((e) => [e.id, e.quote] as const))("finds %s in the article's own words", (id, q) => {
    expect(ids(q)).toContain(id);
  });

  it.each([
    ["it-just-doesnt-get-it", "they just don't get it"],
    ["it-just-doesnt-get-it", "IT just doesn’t get it."],
    ["it-just-doesnt-get-it", "Honestly, the IT team still doesnt understand the business"],
    ["it-just-doesnt-get-it", "IT JUST DOESN'T GET IT!!!"],
    ["we-will-do-it-ourselves", "we'll build it ourselves"],
    ["we-will-do-it-ourselves", "We’ve given up waiting for IT; we’ll do it ourselves."],
    ["we-will-do-it-ourselves", "Fine, we're going to just build it ourselves"],
    ["we-will-do-it-ourselves", "We might as well buy our own CRM"],
    ["no-time-need-it-now", "I don't have time for this — I need this functionality now"],
    ["no-time-need-it-now", "we need it yesterday"],
    ["users-kept-changing-their-minds", "The users keep changing their minds"],
    ["requirements-until-uat", "requirements only surfaced in UAT"],
    ["wound-up-in-red-tape", "they're tied up in red tape"],
    ["my-guys-are-way-better", "Our team is far better than the IT guys"],
    ["outsource-the-it-department", "we should outsource IT"],
    ["outsource-the-it-department", "Outsourcing the whole IT function is on the table"],
    ["not-using-it-anymore", "I’m not using IT any more"],
    ["it-just-doesnt-get-it", "Nobody in IT seems to understand our business."],
    ["users-kept-changing-their-minds", "The users changed the requirements three times this month."],
    ["not-supporting-systems-we-did-not-create", "We're done supporting systems the business bought without us."],
    ["why-not-told-sooner", "We only found out from the vendor, why did nobody tell us?"],
    ["not-using-it-anymore", "we're switching to Acme Consulting"],
    ["new-leadership-in-it", "we need a new CIO"],
    ["stopped-answering-the-phone", "I no longer pick up... I've stopped picking up their calls"],
    ["it-manager-not-cutting-it", "The CIO just isn't cutting it"],
    ["line-does-not-know-what-they-want", "the users never know what they want"],
  ])("finds %s in %j", (id, text) => {
    expect(ids(text)).toContain(id);
  });

  it.each([
    "IT gets it.",
    "Nobody in IT understands why the printer jams.",
    "Why did nobody tell us the party moved to Friday?",
    "We support tools the business bought without us, happily.",
    "Does IT get it? Yes, they get it.",
    "the script doesn't get it right",
    "it doesn't get it done on time",
    "we'll do the testing ourselves",
    "we can do it ourselves with IT's help",
    "We will introduce ourselves at the workshop",
    "I'm not using it anymore, the old printer is in the bin",
    "we could outsource it to a contractor",
    "the phone stopped working",
    "I stopped answering emails after 6pm",
    "We cut through the red tape quickly",
    "my team is much better prepared this time",
    "I'm going to the consulting skills workshop",
    "The new system was late by a day but cost what we estimated",
    "IT said no to the request and explained why",
    "Requirements were agreed before UAT",
    "We have well documented business processes",
    "Welcome to the new leadership team in finance",
    "We need new management software",
    "I don't have time for this meeting today",
    "Well, do it ourselves? No, IT is helping.",
    "The analysts were great. Project managers too.",
    "We are outsourcing the print service to a local firm.",
    "The new leadership training starts on Monday.",
    "The analysts presented their findings to the project managers.",
    "My team is better prepared this time.",
    "I signed up for the consulting skills workshop.",
    "The project was delivered on time and on budget.",
    "The CIO has to go to the board meeting on Friday.",
    "We told the client about the delay early, as agreed.",
    "Why did the build fail earlier?",
    "IT responded within the hour.",
    "The server is unresponsive again.",
    "We changed our minds about the vendor.",
    "The migration is half finished, on schedule.",
    "Let it ring twice, then transfer the call.",
    "We support all systems, including those we didn't build.",
    "Nobody wants to fire the IT team.",
    "The IT manager is cutting costs this year.",
    "Our new CIO starts next week.",
    "The new laptops cost twice as much as the old ones, but worth every penny.",
    "The project cost twice as much because we doubled the scope.",
    "The team-building day included a game of telephone.",
    "There's only one layer between us and the developers.",
  ])("finds nothing in the neutral %j", (text) => {
    expect(detectPhrases(text)).toEqual([]);
  });

  // Issue 7's table: each class as a domain expert reads it.
  it.each([
    ["Outsourcing IT is off the table for us.", "BUSINESS", []],
    ["I never said IT doesn't get it.", "BUSINESS", []],
    ["We don't support anything we didn't build.", "IT", ["not-supporting-systems-we-did-not-create"]],
    ["They promised it in March; it landed in July, at double the price, half-finished.", "BUSINESS", ["cost-twice-does-half"]],
    ["Honestly we just went ahead and built our own tool.", "BUSINESS", ["we-will-do-it-ourselves"]],
    ["I let it ring when the sales director calls.", "IT", ["stopped-answering-the-phone"]],
    ["Why did nobody tell us about the delay earlier?", "BUSINESS", ["why-not-told-sooner"]],
    ["We would never outsource IT.", "BUSINESS", []],
    ["We have no plans to build our own tool.", "BUSINESS", []],
    ["If they ever said IT doesn't get it, we would be worried.", "BUSINESS", []],
    ["It would be a problem if someone said IT just says no.", "BUSINESS", []],
    ["Outsource IT? Never.", "BUSINESS", []],
    ["My team is no longer better than IT.", "BUSINESS", []],
    ["No, IT just says no.", "BUSINESS", ["it-just-says-no"]],
    ["I don't know why IT always says no.", "BUSINESS", ["it-just-says-no"]],
  ] as const)("reads %j (%s) as %j", (text, side, expected) => {
    expect(ids(text, side)).toEqual(expected);
  });

  it("gives reported words the side of whoever said them", () => {
    expect(detectPhrases("The client said IT doesn't get it.", "IT")).toEqual([
      { phraseId: "it-just-doesnt-get-it", side: "BUSINESS", stage: "SNIFFLES", matchedText: "IT doesn't get it" },
    ]);
    expect(ids("\"IT just says no,\" the CFO told me.", "IT")).toEqual(["it-just-says-no"]);
    expect(ids("The developers said the users keep changing their minds.", "BUSINESS")).toEqual(["users-kept-changing-their-minds"]);
    expect(ids("The client said the users keep changing their minds.")).toEqual([]);
    expect(ids("I said IT doesn't get it.", "IT")).toEqual([]);
  });

  it("keeps each phrase's catalogue side in notes without a speaker", () => {
    expect(detectPhrases("They just don't get it. The users keep changing their minds.").map((h) => [h.phraseId, h.side])).toEqual([
      ["it-just-doesnt-get-it", "BUSINESS"],
      ["users-kept-changing-their-minds", "IT"],
    ]);
  });

  it("does not match across sentence ends", () => {
    expect(ids("IT just doesn't. Get it done by Friday.")).toEqual([]);
  });

  it("keeps the text as written", () => {
    expect(detectPhrases("Honestly — “IT just doesn’t get it”.")[0]).toEqual({
      phraseId: "it-just-doesnt-get-it",
      side: "BUSINESS",
      stage: "SNIFFLES",
      matchedText: "IT just doesn’t get it",
    });
  });

  it("with a known speaker, only counts that side's phrases", () => {
    expect(ids("The business needs to get its own house in order", "BUSINESS")).toEqual([]);
    expect(ids("The business needs to get its own house in order", "IT")).toEqual(["house-in-order"]);
  });

  it("scans several texts, one hit per phrase", () => {
    expect(ids(["IT just doesn't get it", "They still don't get it. We'll do it ourselves"])).toEqual([
      "it-just-doesnt-get-it",
      "we-will-do-it-ourselves",
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(detectPhrases("")).toEqual([]);
    expect(detectPhrases([])).toEqual([]);
  });

  describe("reads how people write, not only the pattern's words", () => {
    it("steps over up to two fillers between a pattern's words, never over a negation", () => {
      expect(patternMatch("@it be unresponsive", "The helpdesk is really quite unresponsive")).toBe("The helpdesk is really quite unresponsive");
      expect(patternMatch("@it be unresponsive", "The helpdesk is very very truly unresponsive")).toBeUndefined();
      expect(patternMatch("@it be unresponsive", "The helpdesk is not unresponsive")).toBeUndefined();
      // Not before the first word: a match starts with the pattern's own word.
      expect(patternMatch("unresponsive", "really unresponsive")).toBe("unresponsive");
    });

    it('meets "be" in the perfect: "has been", "have been"', () => {
      expect(patternMatch("@it be unresponsive", "The helpdesk has been unresponsive")).toBe("The helpdesk has been unresponsive");
      expect(patternMatch("@it be unresponsive", "The helpdesk has unresponsive")).toBeUndefined();
    });

    it('reads "\'s" as "is" or "has" unless a noun follows', () => {
      expect(ids("The answer's always no from IT.", "BUSINESS")).toContain("it-just-says-no");
      expect(patternMatch("@it be unresponsive", "The helpdesk's been unresponsive")).toBe("The helpdesk's been unresponsive");
      expect(patternMatch("take (IT's) budget", "Take IT's budget")).toBe("Take IT's budget");
      expect(patternMatch("@it be", "IT's budget")).toBeUndefined();
    });

    it("ends an exclusion at the clause: a tag question does not exclude, a possessive does not hide", () => {
      expect(patternMatch("get it!(done)", "We get it, done deal.")).toBe("get it");
      expect(patternMatch("get it!(done)", "get it done")).toBeUndefined();
      expect(patternMatch("get it!(done)", "get it does")).toBe("get it");
      expect(patternMatch("go to ~ consulting!(conference)", "going to AAA Consulting's conference")).toBeUndefined();
    });

    it("drops a symptom told in the past when a contrasting clause says it is over, not when one adds to it", () => {
      expect(ids("Last year IT just said no to everything; now they explain their reasons.", "BUSINESS")).toEqual([]);
      expect(ids("The users kept changing their minds, but these days the scope is stable.", "IT")).toEqual([]);
      expect(ids("IT just said no to everything, and now they want more budget.", "BUSINESS")).toContain("it-just-says-no");
      expect(ids("IT just says no to everything; now they want more budget.", "BUSINESS")).toContain("it-just-says-no");
      // The past told by a verb of saying or a time before it.
      expect(ids("Last year people said IT just doesn't get it, but that has changed completely.", "BUSINESS")).toEqual([]);
      expect(ids("IT just doesn't get it, but now we have a plan.", "BUSINESS")).toContain("it-just-doesnt-get-it");
      // Over when the contrasting clause says the trouble was dealt with, anywhere in it.
      expect(ids("Back in 2022 the users kept changing their minds, but the new sign-off process fixed that.", "IT")).toEqual([]);
      expect(ids("The users kept changing their minds, but the new sign-off process is slow.", "IT")).toContain("users-kept-changing-their-minds");
    });

    it("a course weighed and not taken says nothing: \"we thought about building it ourselves\"", () => {
      expect(ids("We thought about building it ourselves but decided IT should do it.", "BUSINESS")).toEqual([]);
      expect(ids("We considered going around IT, then agreed to wait.", "BUSINESS")).toEqual([]);
      expect(ids("We built it ourselves in the end.", "BUSINESS")).toContain("we-will-do-it-ourselves");
    });

    it("a phrase talked about is not said: \"phrases like '…'\", a text as the speaker; one heard is", () => {
      expect(ids("Presented the illness model: phrases like 'IT just doesn't get it' signal the sniffles stage.")).toEqual([]);
      expect(ids("The article says 'game of telephone' describes too many layers.")).toEqual([]);
      expect(ids("We keep hearing phrases like 'IT just doesn't get it' from sales.")).toContain("it-just-doesnt-get-it");
      expect(ids("The client says IT just says no.")).toContain("it-just-says-no");
    });

    it("\"says no\" refuses and reports no one: the business's own words stay the business's", () => {
      expect(ids("IT says no to everything, so we should fire the IT team and give the budget to my team.", "BUSINESS")).toEqual([
        "it-just-says-no",
        "fire-the-it-team",
      ]);
    });

    it("a quoted phrase named by the noun after it is talked about: \"the 'IT just says no' complaint\"", () => {
      expect(ids("The 'IT just says no' complaint came up at the workshop.")).toEqual([]);
      expect(ids("Training slide: symptoms include 'IT just says no'.")).toEqual([]);
      expect(ids("The client said 'IT just says no' and walked out.")).toContain("it-just-says-no");
    });

    it("reaches back over a name in apposition for the speaker: \"Our RM, Jamal, said …\" is IT's", () => {
      expect(detectPhrases("Our RM, Jamal, said the users keep changing their minds.")).toEqual([
        expect.objectContaining({ phraseId: "users-kept-changing-their-minds", side: "IT" }),
      ]);
      expect(ids("Our RM, Jamal, said the users keep changing their minds.", "BUSINESS")).toEqual([]);
    });

    it("phrases taught or studied are talked about: a quiz, a role-play, a training agenda's quoted examples", () => {
      expect(ids("Quiz for the offsite: which stage is 'IT just says no'?")).toEqual([]);
      expect(ids("In the coaching session we role-played a client saying 'why are we only hearing this now?'")).toEqual([]);
      expect(ids("RM training agenda: 'IT just doesn't get it' and 'the users keep changing their minds'.")).toEqual([]);
      // "e.g." names examples only in quotes: "IT says no to everything, e.g. …" is said.
      expect(ids("IT says no to everything, e.g. the laptop request.", "BUSINESS")).toContain("it-just-says-no");
      // A training room is still a room where people say things: unquoted, it is heard.
      expect(ids("At the training session, the CFO said IT just doesn't get it.")).toContain("it-just-doesnt-get-it");
      expect(ids("At the workshop the client said 'IT just doesn't get it'.")).toContain("it-just-doesnt-get-it");
    });

    it("a course taken with IT's help is no breakdown: \"with our support, they built their own\"", () => {
      expect(ids("With IT's help the sales team set up their own reporting.")).toEqual([]);
      expect(ids("Finance built their own database without us.")).toContain("we-will-do-it-ourselves");
    });

    it("splits \"I'm\" like any contraction: \"I'm not picking up\" is \"I am not picking up\"", () => {
      expect(ids("I'm not picking up her calls any more.", "IT")).toContain("stopped-answering-the-phone");
      expect(ids("I’m not picking up her calls any more.", "IT")).toContain("stopped-answering-the-phone");
    });

    it("reads a lower-case \"it\" in a speaker's phrase as the department only where it names one", () => {
      expect(ids("In the middle of it Gareth said that IT simply doesn't get how stores run.")).toContain("it-just-doesnt-get-it");
      expect(ids("The it team said the users keep changing their minds.")).toContain("users-kept-changing-their-minds");
    });

    it("starts a clause at \"and\" with an adverb before its subject: \"… and maybe it's time …\"", () => {
      expect(ids("The IT manager isn't up to it and maybe it's time to farm the whole IT department out.", "BUSINESS")).toEqual([
        "it-manager-not-cutting-it",
        "outsource-the-it-department",
      ]);
    });

    it("names the speaker by the phrase that ends last, the longest of those: \"project manager Ravi\" is IT's", () => {
      expect(ids("Project manager Ravi said most of the real requirements only emerged during UAT.")).toContain("requirements-until-uat");
      expect(ids("Sales manager Priya said most of the real requirements only emerged during UAT.")).toEqual([]);
    });

    it("reads a question that takes its claim for granted as that claim; other questions say nothing", () => {
      expect(ids("Why is the service desk so unresponsive?", "BUSINESS")).toContain("it-not-responsive");
      expect(ids("Why didn't anyone in IT warn us sooner?", "BUSINESS")).toContain("why-not-told-sooner");
      expect(ids("How come we're only hearing about the outage now?", "BUSINESS")).toContain("why-not-told-sooner");
      expect(ids("Doesn't IT always say no?", "BUSINESS")).toContain("it-just-says-no");
      expect(ids("Is the service desk unresponsive?", "BUSINESS")).toEqual([]);
      // Quoted as written, though the reading reorders the words.
      expect(detectPhrases("Why is the service desk so unresponsive?", "BUSINESS")[0]!.matchedText).toBe("is the service desk so unresponsive");
      expect(ids("Doesn't IT need new leadership training this year?", "BUSINESS")).toEqual([]);
      expect(ids("When will the service desk be less unresponsive?", "BUSINESS")).toEqual([]);
      // A yes/no question that doubts its own claim ("even", "ever", "really", "actually") denies it.
      expect(ids("Does IT even get it?", "BUSINESS")).toContain("it-just-doesnt-get-it");
      expect(ids("Is this IT manager really up to it?", "BUSINESS")).toContain("it-manager-not-cutting-it");
      expect(ids("Can IT ever deliver what they say they will?", "BUSINESS")).toContain("never-deliver-what-promised");
      expect(ids("Does IT get it?", "BUSINESS")).toEqual([]);
      expect(ids("Is this IT manager new?", "BUSINESS")).toEqual([]);
      // "Why don't we …?" suggests, it does not deny.
      expect(ids("Why don't we just outsource the whole of IT?", "BUSINESS")).toContain("outsource-the-it-department");
    });

    it("a denied saying denies everything it introduces", () => {
      expect(ids("It's rubbish to claim that the users keep changing their minds.", "IT")).toEqual([]);
      expect(ids("I disagree that IT just says no.", "BUSINESS")).toEqual([]);
      expect(ids("Nobody thinks the users want everything for nothing and they want it yesterday.", "IT")).toEqual([]);
    });

    it("reads an IT qualifier on a role as IT: the dev manager, the infrastructure lead", () => {
      expect(ids("The infrastructure lead said the users keep changing their minds.")).toContain("users-kept-changing-their-minds");
      expect(ids("The finance manager said the users keep changing their minds.")).not.toContain("users-kept-changing-their-minds");
    });

    it("reads reported speech in the speaker's own words, for the speaker's side", () => {
      expect(ids("One developer admitted he stopped answering the client's calls.")).toContain("stopped-answering-the-phone");
      expect(ids("One developer admitted he stopped answering the client's calls.", "BUSINESS")).toContain("stopped-answering-the-phone");
      // The client reporting that they stopped answering IT is not an IT symptom.
      expect(ids("The client admitted she stopped answering the helpdesk's calls.")).not.toContain("stopped-answering-the-phone");
      // Words reported from the other side: the writer's "we" is the speaker's "they".
      expect(ids("The CIO told us we keep changing the requirements.", "BUSINESS")).toContain("users-kept-changing-their-minds");
    });
  });
});
