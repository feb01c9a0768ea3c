import { describe, expect, it } from "vitest";
import { interaction, interactions } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import {
  cadence,
  emailOnly,
  escalations,
  itCancellations,
  itLate,
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
