import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./url-safety";

describe("webhook URLs", () => {
  it("accepts public http and https URLs", () => {
    expect(webhookUrlProblem("https://itsm.example.org/hooks", { allowPrivate: false })).toBeNull();
    expect(webhookUrlProblem("http://93.184.216.34:8080/x", { allowPrivate: false })).toBeNull();
  });
  it("refuses other schemes and credentials", () => {
    expect(webhookUrlProblem("file:///etc/passwd", { allowPrivate: true })).toMatch(/Only http/);
    expect(webhookUrlProblem("gopher://x.example/", { allowPrivate: true })).toMatch(/Only http/);
    expect(webhookUrlProblem("https://user:pw@x.example/", { allowPrivate: true })).toMatch(/user name/);
    expect(webhookUrlProblem("not a url", { allowPrivate: true })).toMatch(/full URL/);
  });
  it("refuses loopback and private addresses unless allowed", () => {
    for (const url of ["http://127.0.0.1:3000/", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/", "http://[::ffff:192.168.1.1]/"]) {
      expect(webhookUrlProblem(url, { allowPrivate: false }), url).toMatch(/private network/);
      expect(webhookUrlProblem(url, { allowPrivate: true }), url).toBeNull();
    }
  });
  it("classifies addresses", () => {
    expect(isPrivateAddress("172.20.0.1")).toBe(true);
    expect(isPrivateAddress("172.32.0.1")).toBe(false);
    expect(isPrivateAddress("fd00::1")).toBe(true);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
  });
});
