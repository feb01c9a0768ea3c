import { describe, expect, it } from "vitest";
import { interaction, interactions, NOW } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import {
  cadence,
  clientDisengaging,
  emailOnly,
  escalations,
  itCancellations,
  itLate,
  itUnanswered,
  itUnprepared,
  punctualAndPrepared,
  sentiment,
} from "./interactions";

describe("sentiment", () => {
  it("flags a negative share and open hostility", () => {
    const list = [...interactions("n", 2, { sentiment: "VERY_NEGATIVE" }), ...interactions("o", 3, {}, 4)];
    expect(summary(runRule(sentiment, { interactions: list }))).toEqual([
      "interactions.sentiment.negative SNIFFLES 0.5",
      "interactions.sentiment.veryNegative PNEUMONIA 0.4",
    ]);
    expect(summary(runRule(sentiment, { interactions: interactions("n", 4, { sentiment: "NEGATIVE" }) }))).toEqual([
      "interactions.sentiment.negative FLU 0.5",
    ]);
  });

  it("sees mostly positive meetings as healthy, and ignores cancelled ones", () => {
    const list = [...interactions("p", 4, { sentiment: "POSITIVE" }), interaction("c", 1, { sentiment: "NEGATIVE", cancelledBy: "CLIENT" })];
    expect(summary(runRule(sentiment, { interactions: list }))).toEqual(["interactions.sentiment.positive HEALTHY 0.5"]);
  });

  it("needs a few interactions", () => {
    expect(runRule(sentiment, { interactions: interactions("n", 2, { sentiment: "NEGATIVE" }) })).toEqual([]);
  });
});

describe("itCancellations", () => {
  it("grows from a sniffle to avoidance", () => {
    const make = (cancelled: number, total: number) => [
      ...interactions("c", cancelled, { cancelledBy: "IT" }),
      ...interactions("h", total - cancelled, {}, 5),
    ];
    expect(summary(runRule(itCancellations, { interactions: make(2, 10) }))).toEqual(["interactions.itCancellations SNIFFLES 0.4"]);
    expect(summary(runRule(itCancellations, { interactions: make(4, 10) }))).toEqual(["interactions.itCancellations PNEUMONIA 0.5"]);
    expect(summary(runRule(itCancellations, { interactions: make(5, 8) }))).toEqual([
      "interactions.itCancellations DEATH_AND_REINCARNATION 0.5",
    ]);
  });

  it("does not count the client's cancellations or a single one by IT", () => {
    expect(runRule(itCancellations, { interactions: interactions("c", 5, { cancelledBy: "CLIENT" }) })).toEqual([]);
    expect(runRule(itCancellations, { interactions: [interaction("c", 1, { cancelledBy: "IT" }), ...interactions("h", 2)] })).toEqual([]);
  });
});

describe("outcomes", () => {
  it("default to cancelled when a side is named, else held, as the app stored them before", () => {
    // The same two IT cancellations, with and without an explicit outcome.
    const implicit = [...interactions("c", 2, { cancelledBy: "IT" }), ...interactions("h", 8, {}, 5)];
    const explicit = [...interactions("c", 2, { cancelledBy: "IT", outcome: "CANCELLED" }), ...interactions("h", 8, { outcome: "HELD" }, 5)];
    expect(runRule(itCancellations, { interactions: explicit })).toEqual(runRule(itCancellations, { interactions: implicit }));
    expect(summary(runRule(itCancellations, { interactions: explicit }))).toEqual(["interactions.itCancellations SNIFFLES 0.4"]);
  });

  it("count an IT no-show as IT cancelling", () => {
    const list = [...interactions("n", 2, { outcome: "NO_SHOW", cancelledBy: "IT" }), interaction("c", 4, { cancelledBy: "IT" }), ...interactions("h", 5, {}, 5)];
    const [e] = runRule(itCancellations, { interactions: list });
    expect(summary([e!])).toEqual(["interactions.itCancellations PNEUMONIA 0.5"]);
    expect(e?.message).toBe("IT cancelled 1 and did not turn up to 2 of 8 recent interactions (38%).");
  });

  it("do not let the client's misses water down IT's", () => {
    const it = [...interactions("c", 2, { cancelledBy: "IT" }), ...interactions("h", 4, {}, 5)];
    const client = interactions("x", 6, { outcome: "NO_SHOW", cancelledBy: "CLIENT" }, 7);
    expect(runRule(itCancellations, { interactions: [...it, ...client] })).toEqual(runRule(itCancellations, { interactions: it }));
  });

  it("count only held interactions as contact", () => {
    const missed = [
      interaction("u", 2, { outcome: "UNANSWERED", cancelledBy: "IT", sentiment: "VERY_NEGATIVE" }),
      interaction("n", 3, { outcome: "NO_SHOW", cancelledBy: "CLIENT", sentiment: "VERY_NEGATIVE" }),
    ];
    expect(runRule(cadence, { agreedCadenceDays: 14, interactions: [interaction("m", 40), ...missed] })[0]?.sourceIds).toEqual(["m"]);
    expect(runRule(sentiment, { interactions: [...interactions("p", 3), ...missed] })).toEqual([]);
  });
});

describe("itUnanswered", () => {
  it("sees the client's calls left unanswered grow into IT avoiding contact", () => {
    const unanswered = (n: number) => interactions("u", n, { type: "CALL", outcome: "UNANSWERED", cancelledBy: "IT" }, 2, 7);
    expect(summary(runRule(itUnanswered, { interactions: unanswered(1) }))).toEqual(["interactions.itUnanswered SNIFFLES 0.3"]);
    expect(summary(runRule(itUnanswered, { interactions: unanswered(3) }))).toEqual([
      "interactions.itUnanswered DEATH_AND_REINCARNATION 0.5",
    ]);
    expect(summary(runRule(itUnanswered, { interactions: unanswered(5) }))).toEqual([
      "interactions.itUnanswered DEATH_AND_REINCARNATION 0.7",
    ]);
  });

  it("ignores calls the client left unanswered, and ones older than 90 days", () => {
    const list = [
      ...interactions("c", 3, { type: "CALL", outcome: "UNANSWERED", cancelledBy: "CLIENT" }),
      interaction("old", 100, { type: "CALL", outcome: "UNANSWERED", cancelledBy: "IT" }),
    ];
    expect(runRule(itUnanswered, { interactions: list })).toEqual([]);
  });
});

describe("clientDisengaging", () => {
  it("flags a client who stops answering or turning up, but not one who cancels", () => {
    const list = (n: number, extra: Parameters<typeof interaction>[2]) => [...interactions("x", n, extra), ...interactions("h", 8 - n, {}, 5)];
    expect(summary(runRule(clientDisengaging, { interactions: list(2, { outcome: "NO_SHOW", cancelledBy: "CLIENT" }) }))).toEqual([
      "interactions.clientDisengaging SNIFFLES 0.4",
    ]);
    expect(summary(runRule(clientDisengaging, { interactions: list(4, { outcome: "UNANSWERED", cancelledBy: "CLIENT" }) }))).toEqual([
      "interactions.clientDisengaging FLU 0.4",
    ]);
    expect(runRule(clientDisengaging, { interactions: list(4, { cancelledBy: "CLIENT" }) })).toEqual([]);
  });

  it("does not let IT's own misses water down the client's", () => {
    const client = [...interactions("x", 2, { outcome: "NO_SHOW", cancelledBy: "CLIENT" }), ...interactions("h", 6, {}, 5)];
    const itMissed = interactions("i", 6, { outcome: "UNANSWERED", cancelledBy: "IT" }, 7);
    expect(runRule(clientDisengaging, { interactions: [...client, ...itMissed] })).toEqual(runRule(clientDisengaging, { interactions: client }));
  });
});

describe("itLate and itUnprepared", () => {
  it("flag IT arriving late or unprepared", () => {
    const list = [...interactions("l", 2, { itOnTime: false, itPrepared: false }), ...interactions("h", 3, {}, 5)];
    expect(summary(runRule(itLate, { interactions: list }))).toEqual(["interactions.itLate FLU 0.4"]);
    expect(summary(runRule(itUnprepared, { interactions: list }))).toEqual(["interactions.itUnprepared FLU 0.4"]);
  });

  it("treat unknown punctuality as unknown, not as on time", () => {
    const list = [...interactions("l", 1, { itOnTime: false }), ...interactions("u", 6, { itOnTime: null }, 5)];
    expect(runRule(itLate, { interactions: list })).toEqual([]);
    expect(runRule(punctualAndPrepared, { interactions: interactions("u", 6, { itOnTime: null, itPrepared: null }) })).toEqual([]);
  });

  it("see consistent punctuality and preparation as healthy", () => {
    expect(summary(runRule(punctualAndPrepared, { interactions: interactions("h", 5) }))).toEqual([
      "interactions.punctualAndPrepared HEALTHY 0.3",
    ]);
  });
});

describe("escalations", () => {
  it("counts escalations in the last 90 days", () => {
    const list = [...interactions("e", 3, { type: "ESCALATION" }, 10, 20), interaction("old", 120, { type: "ESCALATION" })];
    expect(summary(runRule(escalations, { interactions: list }))).toEqual(["interactions.escalations FLU 0.6"]);
  });
});

describe("emailOnly", () => {
  it("flags contact that is almost all e-mail", () => {
    expect(summary(runRule(emailOnly, { interactions: interactions("m", 5, { type: "EMAIL" }) }))).toEqual([
      "interactions.emailOnly SNIFFLES 0.4",
    ]);
    expect(runRule(emailOnly, { interactions: [...interactions("m", 3, { type: "EMAIL" }), ...interactions("c", 2, {}, 5)] })).toEqual([]);
  });
});

describe("cadence", () => {
  it("flags a long silence against the agreed rhythm", () => {
    expect(summary(runRule(cadence, { agreedCadenceDays: 14, interactions: [interaction("m", 30)] }))).toEqual([
      "interactions.cadence.gap SNIFFLES 0.4",
    ]);
    expect(summary(runRule(cadence, { agreedCadenceDays: 14, interactions: [interaction("m", 60)] }))).toEqual([
      "interactions.cadence.gap FLU 0.4",
    ]);
    expect(summary(runRule(cadence, { agreedCadenceDays: 14, interactions: [] }))).toEqual(["interactions.cadence.gap FLU 0.4"]);
  });

  it("counts no silence from before the account was tracked: a unit set up last week is not overdue", () => {
    const since = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
    expect(runRule(cadence, { agreedCadenceDays: 14, interactions: [], trackedSince: since(7) })).toEqual([]);
    expect(summary(runRule(cadence, { agreedCadenceDays: 14, interactions: [], trackedSince: since(30) }))).toEqual([
      "interactions.cadence.gap SNIFFLES 0.4",
    ]);
  });

  it("does not count e-mails, escalations or cancelled meetings as conversations", () => {
    const list = [
      interaction("m", 40),
      interaction("e", 2, { type: "EMAIL" }),
      interaction("x", 3, { type: "ESCALATION" }),
      interaction("c", 4, { cancelledBy: "IT" }),
    ];
    expect(runRule(cadence, { agreedCadenceDays: 14, interactions: list })[0]?.sourceIds).toEqual(["m"]);
  });

  it("sees a kept rhythm as healthy, and says nothing without an agreement", () => {
    const list = interactions("m", 12, {}, 2, 14);
    expect(summary(runRule(cadence, { agreedCadenceDays: 14, interactions: list }))).toEqual([
      "interactions.cadence.kept HEALTHY 0.3",
    ]);
    expect(runRule(cadence, { interactions: list })).toEqual([]);
  });
});
