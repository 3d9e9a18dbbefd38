import { describe, expect, it } from "vitest";
import { latest, STALE } from "./latest";

const later = <T>(ms: number, v: T) => new Promise<T>((ok) => setTimeout(() => ok(v), ms));
const failing = (ms: number) => new Promise<never>((_, no) => setTimeout(() => no(new Error("boom")), ms));

describe("latest", () => {
  it("drops an earlier answer that arrives after a newer one", async () => {
    const guard = latest();
    const slow = guard(later(30, "unfiltered"));
    const fast = guard(later(5, "filtered"));
    expect(await fast).toBe("filtered");
    expect(await slow).toBe(STALE);
  });

  it("passes the newest error on and swallows a stale one", async () => {
    const guard = latest();
    const old = guard(failing(5));
    const current = guard(failing(10));
    expect(await old).toBe(STALE);
    await expect(current).rejects.toThrow("boom");
  });

  it("cancel makes what is in flight stale", async () => {
    const guard = latest();
    const pending = guard(later(5, 1));
    guard.cancel();
    expect(await pending).toBe(STALE);
    expect(await guard(later(1, 2))).toBe(2);
  });
});
