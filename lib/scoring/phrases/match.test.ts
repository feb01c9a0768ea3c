import { describe, expect, it } from "vitest";
import { PHRASE_CATALOGUE } from "./catalogue";
import { detectPhrases } from "./match";

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
  ])("finds nothing in the neutral %j", (text) => {
    expect(detectPhrases(text)).toEqual([]);
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
});
