// The signed-in frame: the viewer (one request, shared by every screen), navigation by role,
// the notifications bell, and the screens, each loaded when first opened.
import { Suspense, lazy, useMemo } from "react";
import { useQuery } from "urql";
import { Link, Route, Switch, useRoute } from "wouter";
import { signOut } from "./auth/session";
import { Bell } from "./components/Bell";
import { ErrorState, Loading } from "./components/States";
import { graphql } from "./gql";
import { ForYou } from "./screens/ForYou";
import { ViewerContext, type ViewerInfo } from "./viewer";


const FindGigs = lazy(() => import("./screens/FindGigs"));
const GigPage = lazy(() => import("./screens/GigPage"));
const Profile = lazy(() => import("./screens/Profile"));
const PostGig = lazy(() => import("./screens/PostGig"));
const MyGigs = lazy(() => import("./screens/MyGigs"));
const Candidates = lazy(() => import("./screens/Candidates"));
const Pipeline = lazy(() => import("./screens/Pipeline"));
const Finish = lazy(() => import("./screens/Finish"));
const MyApplications = lazy(() => import("./screens/MyApplications"));
const Approvals = lazy(() => import("./screens/Approvals"));
const Stories = lazy(() => import("./screens/Stories"));
const Surveys = lazy(() => import("./screens/Surveys"));
const Colleague = lazy(() => import("./screens/Colleague"));
const NearSkill = lazy(() => import("./screens/NearSkill"));
const Dashboard = lazy(() => import("./screens/Dashboard"));

const ShellQuery = graphql(`
  query Shell {
    viewer {
      roles
      person {
        id
        name
        department {
          id
        }
        reports {
          id
        }
      }
    }
  }
`);

function NavLink({ href, children }: { href: string; children: string }) {
  const [active] = useRoute(href === "/" ? "/" : `${href}/*?`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function Shell() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ShellQuery });
  const viewer = useMemo<ViewerInfo | null>(() => {
    const person = data?.viewer.person;
    if (!data || !person) return null;
    const roles = data.viewer.roles;
    return {
      id: person.id,
      name: person.name,
      roles,
      departmentId: person.department?.id ?? null,
      isManager: person.reports.length > 0,
      isHr: roles.includes("hr") || roles.includes("admin"),
    };
  }, [data]);

  if (!viewer) {
    return (
      <main id="main" className="page">
        {fetching && <Loading what="your marketplace" />}
        {error && (
          <ErrorState
            error={error}
            retry={() => {
              refetch({ requestPolicy: "network-only" });
            }}
          />
        )}
        {data && !data.viewer.person && (
          <div role="alert">
            <p>Your sign-in names nobody in the organisation.</p>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </main>
    );
  }

  return (
    <ViewerContext.Provider value={viewer}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          talentgraph
        </Link>
        <nav aria-label="Main">
          <NavLink href="/">For you</NavLink>
          <NavLink href="/gigs">Find gigs</NavLink>
          <NavLink href="/applications">My applications</NavLink>
          <NavLink href="/my-gigs">My gigs</NavLink>
          <NavLink href="/post">Post a gig</NavLink>
          {viewer.isManager && <NavLink href="/approvals">Approvals</NavLink>}
          <NavLink href="/stories">Success stories</NavLink>
          <NavLink href="/surveys">Surveys</NavLink>
          {viewer.isHr && <NavLink href="/hr/near">Near a skill</NavLink>}
          {viewer.isHr && <NavLink href="/hr/dashboard">Dashboard</NavLink>}
        </nav>
        <div className="topbar-end">
          <Bell />
          <Link href="/profile" className="me">
            {viewer.name}
          </Link>
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Switch>
            <Route path="/" component={ForYou} />
            <Route path="/gigs" component={FindGigs} />
            <Route path="/gigs/:id/candidates" component={Candidates} />
            <Route path="/gigs/:id/pipeline" component={Pipeline} />
            <Route path="/gigs/:id/finish" component={Finish} />
            <Route path="/gigs/:id" component={GigPage} />
            <Route path="/profile" component={Profile} />
            <Route path="/post" component={PostGig} />
            <Route path="/my-gigs" component={MyGigs} />
            <Route path="/applications" component={MyApplications} />
            <Route path="/approvals" component={Approvals} />
            <Route path="/stories" component={Stories} />
            <Route path="/surveys" component={Surveys} />
            <Route path="/people/:id" component={Colleague} />
            <Route path="/hr/near" component={NearSkill} />
            <Route path="/hr/dashboard" component={Dashboard} />
            <Route>
              <h1>Not found</h1>
              <p>
                There is no such page. <Link href="/">Back to your gigs</Link>
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </ViewerContext.Provider>
  );
}
