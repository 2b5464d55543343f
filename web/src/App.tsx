import { useMemo } from "react";
import { Provider } from "urql";
import { useToken } from "./auth/useSession";
import { SignIn } from "./auth/SignIn";
import { createClient } from "./graphql/client";
import { Shell } from "./Shell";

export function App() {
  const token = useToken();
  // a new client per session: nothing cached for one person is shown to the next
  const client = useMemo(() => (token ? createClient() : null), [token]);
  if (!token || !client) return <SignIn />;
  return (
    <Provider value={client}>
      <Shell />
    </Provider>
  );
}
