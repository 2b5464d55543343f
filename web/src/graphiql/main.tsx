// GraphiQL on the API's origin, bundled with the app's build: nothing comes from a CDN, so it
// works on an intranet without internet. The headers start with the signed-in tab's token.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import { authorizationHeader } from "../auth/session";
import "graphiql/style.css";

const wsUrl = new URL("/graphql", window.location.href);
wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  subscriptionUrl: wsUrl.toString(),
  wsConnectionParams: authorizationHeader(),
});

const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={JSON.stringify(authorizationHeader(), null, 2)}
      defaultQuery={"# Paste a bearer token into Headers: {\"Authorization\": \"Bearer …\"}\nquery Me {\n  viewer {\n    roles\n    person { name title }\n  }\n}\n"}
    />,
  );
}
