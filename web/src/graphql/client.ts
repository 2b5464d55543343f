// The GraphQL client: urql over HTTP for queries and mutations, graphql-ws for subscriptions,
// both authenticated with the token of the session module.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "urql";
import { createClient as createWsClient } from "graphql-ws";
import { authorizationHeader, signOut } from "../auth/session";

function websocketUrl(): string {
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

export function createClient(): Client {
  const ws = createWsClient({
    url: websocketUrl(),
    connectionParams: () => authorizationHeader(),
    lazy: true,
    retryAttempts: 5,
  });
  return new Client({
    url: "/graphql",
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
    fetchOptions: () => ({ headers: authorizationHeader() }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) signOut();
      return response;
    },
    requestPolicy: "cache-and-network",
  });
}
