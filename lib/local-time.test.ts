import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalTime } from "../components/ui/local-time";
import { formatDateTimeIn } from "./local-time";

const at = new Date("2026-12-02T18:05:00Z");

describe("times in the reader's zone", () => {
  it("formats an instant in the zone asked, naming it", () => {
    expect(formatDateTimeIn(at, "UTC")).toBe("2 Dec 2026, 18:05 UTC");
    expect(formatDateTimeIn(at, "Europe/Paris")).toBe("2 Dec 2026, 19:05 CET");
    expect(formatDateTimeIn(at, "America/New_York")).toBe("2 Dec 2026, 13:05 GMT-5");
    // The day itself may change: late evening in UTC is the next morning in Sydney.
    expect(formatDateTimeIn(at, "Australia/Sydney")).toBe("3 Dec 2026, 05:05 GMT+11");
    // Summer time is the zone's, at that instant.
    expect(formatDateTimeIn(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("1 Jul 2026, 13:00 BST");
  });

  it("renders a stable UTC text on the server, with the instant in dateTime", () => {
    const html = renderToString(createElement(LocalTime, { date: at }));
    expect(html).toBe('<time dateTime="2026-12-02T18:05:00.000Z">2 Dec 2026, 18:05 UTC</time>');
    // A date that crossed the server–client boundary as a string reads the same.
    expect(renderToString(createElement(LocalTime, { date: at.toISOString() }))).toBe(html);
  });
});
