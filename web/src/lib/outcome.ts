// What a mutation's typed result says: its success type, or a user error (NotFound, Forbidden,
// ValidationError naming a field, Conflict) with a message to show next to what caused it.
// Every mutation asks for the user error the same way: `result { __typename ...UserErrorFields }`.
import type { CombinedError } from "urql";
import { type FragmentType, graphql, useFragment as unmask } from "../gql";

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    message
    ... on ValidationError {
      field
    }
  }
`);

export interface Failure {
  message: string;
  field?: string;
}

/** A mutation's result: its type name, and the user error's fields when it is one. */
export type Typed = { __typename?: string } & FragmentType<typeof UserErrorFields>;

export function failureOf(
  response: { error?: CombinedError; data?: unknown },
  result: Typed | undefined,
  success: string,
): Failure | null {
  if (response.error) {
    return {
      message: response.error.networkError
        ? "The marketplace cannot be reached; nothing was changed."
        : response.error.graphQLErrors.map((e) => e.message).join("; "),
    };
  }
  if (!result) return { message: "No answer from the marketplace; nothing was changed." };
  if (result.__typename === success) return null;
  const error = unmask(UserErrorFields, result);
  return { message: error.message || "That did not work.", field: "field" in error ? error.field : undefined };
}
