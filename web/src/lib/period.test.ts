import { describe, expect, it } from "vitest";
import { byMonth, lastDays, monthLabel, previousQuarter, quarterLabel, quarterOf, quartersUpTo } from "./period";

describe("dashboard periods", () => {
  it("counts whole days back from today, both ends included", () => {
    expect(lastDays(365, new Date("2026-12-01T10:00:00Z"))).toEqual({ from: "2025-12-02", to: "2026-12-01" });
    expect(lastDays(1, new Date("2026-12-01T10:00:00Z"))).toEqual({ from: "2026-12-01", to: "2026-12-01" });
  });

  it("sums month × department rows per month, in order", () => {
    const rows = [
      { month: "2026-02-01", savings: 10 },
      { month: "2026-01-01", savings: 5 },
      { month: "2026-02-01", savings: 2.5 },
    ];
    expect(byMonth(rows, (r) => r.savings)).toEqual([
      { month: "2026-01-01", value: 5 },
      { month: "2026-02-01", value: 12.5 },
    ]);
    expect(monthLabel("2026-02-01")).toBe("Feb 2026");
  });

  it("names quarters and the one before, across a year's turn", () => {
    expect(quarterOf(new Date("2026-12-01T10:00:00Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2026-01-01T00:00:00Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-06-30T23:59:59Z"))).toBe("2026-Q2");
    expect(previousQuarter("2026-Q4")).toBe("2026-Q3");
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4");
    expect(quarterLabel("2026-Q4")).toBe("Oct–Dec 2026");
    expect(quartersUpTo("2026-Q2", 4)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
  });
});
