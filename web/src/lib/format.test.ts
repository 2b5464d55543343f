import { describe, expect, it } from "vitest";
import { humanise, money, percent, plural, relative } from "./format";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("relative dates", () => {
  it("says how far ahead or back a moment is, in the largest whole unit", () => {
    expect(relative("2026-12-15T12:00:00Z", NOW)).toBe("in 2 weeks");
    expect(relative("2026-11-28T12:00:00Z", NOW)).toBe("3 days ago");
    expect(relative("2026-11-30T12:00:00Z", NOW)).toBe("yesterday");
    expect(relative("2026-12-01T11:59:30Z", NOW)).toBe("just now");
  });

  it("shows a dash for a missing or broken date", () => {
    expect(relative(null, NOW)).toBe("—");
    expect(relative("not a date", NOW)).toBe("—");
  });
});

describe("numbers", () => {
  it("rounds shares to whole percentages and money to whole euros", () => {
    expect(percent(0.4567)).toBe("46%");
    expect(money(12345.67)).toBe("€12,346");
  });

  it("reads enum values as words and counts with the right noun", () => {
    expect(humanise("MICRO_TASK")).toBe("Micro task");
    expect(plural(1, "seat")).toBe("1 seat");
    expect(plural(3, "seat")).toBe("3 seats");
  });
});
