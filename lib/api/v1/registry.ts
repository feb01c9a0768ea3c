import type { Operation } from "./operation";
import { operations as accounts } from "./resources/accounts";
import { operations as contacts } from "./resources/contacts";
import { operations as diagnoses } from "./resources/diagnoses";
import { operations as interactions } from "./resources/interactions";
import { operations as actions } from "./resources/actions";
import { operations as badNews } from "./resources/bad-news";
import { operations as campaigns } from "./resources/campaigns";
import { operations as followUps } from "./resources/follow-ups";
import { operations as goals } from "./resources/goals";
import { operations as projects } from "./resources/projects";
import { operations as ratings } from "./resources/ratings";
import { operations as serviceLevels } from "./resources/service-levels";
import { operations as structuralEvents } from "./resources/structural-events";

// Every /api/v1 operation, one import per resource file (lib/api/v1/resources/<name>.ts exports
// `operations`). The dispatcher routes to these, the OpenAPI document describes these, and the
// authorization matrix calls each of these as every role: a new resource is added here only.

export const operations: readonly Operation[] = [...accounts, ...contacts, ...interactions, ...diagnoses, ...followUps, ...ratings, ...projects, ...serviceLevels, ...structuralEvents, ...goals, ...badNews, ...actions, ...campaigns];
