import type { StructuralKind } from "@/lib/scoring";

/** Each structural sign with a name and article 001's words for it, shown as the form's help text. */
export const STRUCTURAL_KIND_TEXT: Record<StructuralKind, { label: string; article: string }> = {
  METHODOLOGY_ENFORCED: {
    label: "IT enforced a methodology",
    article: "“IT starts enforcing methodology” — and the business answers “IT is so wound up in red tape these days, you can’t get anything done.”",
  },
  BUSINESS_OWN_SOLUTION: {
    label: "The business built its own solution",
    article: "“The business starts creating its own solutions without IT: ‘We’ve given up waiting for IT; we’ll do it ourselves.’”",
  },
  SHADOW_IT_TEAM: {
    label: "A shadow IT team",
    article: "“Shadow IT systems and teams have grown within the business units. This leads to competition and antagonism: ‘My guys are way better.’”",
  },
  OUTSIDE_CONSULTANTS: {
    label: "Outside consultants engaged",
    article: "“I’m not using IT anymore; I’m going to AAA Consulting—they know what they’re doing.”",
  },
  IT_DIRECTIVE_SAYING_NO: {
    label: "IT directed to say no",
    article: "“Trying to regain control, IT leadership will issue directives: ‘We have to just start saying no, even if they have the money.’”",
  },
  IT_AVOIDING_CONTACT: {
    label: "IT avoiding contact",
    article: "“Many in IT start avoiding contact with their clients: ‘I’ve stopped answering the phone when I know it’s my business client.’”",
  },
  IT_LEADERSHIP_CHANGE: {
    label: "A change of IT leadership",
    article: "“Eventually somebody high up says, ‘I think it’s time for some new leadership in IT’ … it normally spells the end for the CIO.”",
  },
  OUTSOURCING_DECISION: {
    label: "A decision to outsource IT",
    article: "“Maybe we should outsource the IT department.” Either way, it normally spells the end for the CIO.",
  },
};
