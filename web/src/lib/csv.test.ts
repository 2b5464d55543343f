import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV of a chart", () => {
  it("writes a header and one line per row, quoting what needs quoting", () => {
    const csv = toCsv(
      ["department", "savings"],
      [
        ["Data & Analytics", 1200],
        ['Sales, "North"', null],
      ],
    );
    expect(csv).toBe('department,savings\r\nData & Analytics,1200\r\n"Sales, ""North""",\r\n');
  });
});
