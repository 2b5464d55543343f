import type { CombinedError, OperationContext } from "urql";
import type { ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** A request that failed: what happened in words, the request id to quote, and a retry. */
export function ErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const message = error.networkError
    ? "The marketplace cannot be reached right now."
    : error.graphQLErrors.map((e) => e.message).join("; ");
  return (
    <div className="state state-error" role="alert">
      <p>Something went wrong: {message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A screen's request while its data is not shown: loading it, or the error with a retry that
 * asks the API again (never the cache). */
export function QueryState(props: {
  /** the screen's heading, shown while its data is not */
  title?: string;
  what: string;
  fetching: boolean;
  error: CombinedError | undefined;
  refetch: (context: Partial<OperationContext>) => void;
}) {
  return (
    <>
      {props.title && <h1>{props.title}</h1>}
      {props.fetching && <Loading what={props.what} />}
      {props.error && <ErrorState error={props.error} retry={() => { props.refetch({ requestPolicy: "network-only" }); }} />}
    </>
  );
}

/** The typed error of a mutation result (NotFound, Forbidden, ValidationError, Conflict). */
export function userErrorMessage(result: { __typename?: string; message?: string } | undefined) {
  return result && "message" in result ? result.message : undefined;
}
