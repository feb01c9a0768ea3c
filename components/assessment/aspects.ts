import type { Aspect } from "@/lib/data/it-assessments";

/** The client's questions (RATING_DIMENSIONS), named from IT's side: "our business" on the client's form is theirs here. */
export const ASPECT_LABELS: Record<Aspect, string> = {
  overall: "Overall",
  responsiveness: "Responsiveness",
  delivery: "Delivery",
  communication: "Communication",
  businessUnderstanding: "Understanding of the business",
  trust: "Trust",
};
