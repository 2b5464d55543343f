import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { failureOf } from "./outcome";

describe("what a mutation's result says", () => {
  it("is nothing to show when the success type came back", () => {
    expect(failureOf({}, { __typename: "Story" }, "Story")).toBeNull();
  });

  it("is the user error's message, and the field a validation error names", () => {
    const invalid = { __typename: "ValidationError", message: "must be 500 characters or fewer", field: "line" };
    expect(failureOf({}, invalid, "Story")).toEqual({ message: "must be 500 characters or fewer", field: "line" });
    const forbidden = { __typename: "Forbidden", message: "only the helper and the owner" };
    expect(failureOf({}, forbidden, "Story")).toEqual({
      message: "only the helper and the owner",
      field: undefined,
    });
  });

  it("says nothing was changed when the marketplace cannot be reached or did not answer", () => {
    const offline = new CombinedError({ networkError: new Error("Failed to fetch") });
    expect(failureOf({ error: offline }, undefined, "Story")).toEqual({
      message: "The marketplace cannot be reached; nothing was changed.",
    });
    expect(failureOf({}, undefined, "Story")).toEqual({ message: "No answer from the marketplace; nothing was changed." });
  });
});
