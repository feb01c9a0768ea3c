import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip";

const forwarded = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("the client address", () => {
  it("is unknown without a declared proxy, whatever the request says", () => {
    expect(clientAddress(forwarded("203.0.113.7"), 0)).toBeNull();
    expect(clientAddress(forwarded(), 0)).toBeNull();
  });

  it("is the entry the nearest declared proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(forwarded("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(forwarded("1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(forwarded("1.2.3.4,203.0.113.7 , 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddress(forwarded("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  it("is unknown when a declared proxy sent no header, and the leftmost when there are fewer entries than proxies", () => {
    expect(clientAddress(forwarded(), 1)).toBeNull();
    expect(clientAddress(forwarded(" , "), 1)).toBeNull();
    expect(clientAddress(forwarded("203.0.113.7"), 2)).toBe("203.0.113.7");
  });
});
