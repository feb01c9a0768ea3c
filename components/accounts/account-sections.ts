/**
 * The account's sections, one route each under /accounts/[id]: every kind of signal IT records
 * has its own screen (issue 6 §4). Only IT people with full access see these tabs; a client sees
 * the overview alone.
 */
export const ACCOUNT_SECTIONS = [
  { segment: "", label: "Overview" },
  { segment: "contacts", label: "Contacts" },
  { segment: "delivery", label: "Delivery" },
  { segment: "reliability", label: "Reliability" },
  { segment: "structure", label: "Structure" },
  { segment: "actions", label: "Action plan" },
  { segment: "goals", label: "Goals" },
  { segment: "bad-news", label: "Bad news" },
  { segment: "requests", label: "Declined requests" },
  { segment: "assessment", label: "IT's assessment" },
  { segment: "maturity", label: "Maturity" },
  { segment: "stakeholders", label: "People & services" },
  { segment: "epochs", label: "Epochs" },
  { segment: "reports", label: "Reports" },
  { segment: "settings", label: "Unit settings" },
] as const;

export type AccountSection = (typeof ACCOUNT_SECTIONS)[number]["segment"];
