// What a mutation's typed result says: its success type, or a user error (NotFound, Forbidden,
// ValidationError naming a field, Conflict) with a message to show next to what caused it.
import type { CombinedError } from "urql";

export interface Failure {
  message: string;
  field?: string;
}

export interface Typed {
  __typename?: string;
  message?: string;
  field?: string;
}

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
  return { message: result.message ?? "That did not work.", field: result.field };
}
