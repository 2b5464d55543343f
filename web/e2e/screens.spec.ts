// Every main screen at phone width: it loads its data, says so in words, and passes axe-core;
// the search on "Find gigs"; GraphiQL working with the internet cut off.
import { demoPeople, expect, expectAccessible, screenshot, signInAs, test, type Role } from "./fixtures";

const PHONE = { width: 390, height: 844 };

const SCREENS: { role: Role; path: string; heading: RegExp; name: string }[] = [
  { role: "employee", path: "/", heading: /here are gigs for you/, name: "for you" },
  { role: "employee", path: "/gigs", heading: /^Find gigs$/, name: "find gigs" },
  { role: "employee", path: "/profile", heading: /^My profile$/, name: "my profile" },
  { role: "employee", path: "/applications", heading: /^My applications$/, name: "my applications" },
  { role: "employee", path: "/stories", heading: /^Success stories$/, name: "success stories" },
  { role: "employee", path: "/surveys", heading: /^Surveys$/, name: "surveys" },
  { role: "owner", path: "/my-gigs", heading: /^My gigs$/, name: "my gigs" },
  { role: "owner", path: "/post", heading: /^Post a gig$/, name: "post a gig" },
  { role: "manager", path: "/approvals", heading: /^Approvals$/, name: "approvals" },
  { role: "hr", path: "/hr/near", heading: /^Who is near this skill\?$/, name: "near a skill" },
  { role: "hr", path: "/hr/dashboard", heading: /^Marketplace dashboard$/, name: "dashboard" },
];

test.describe("at phone width", () => {
  test.use({ viewport: PHONE });

  for (const screen of SCREENS) {
    test(`${screen.name} (${screen.role}) loads and passes axe`, async ({ page }) => {
      const [person] = await demoPeople(page, screen.role);
      await signInAs(page, screen.role, person?.name ?? "");
      await page.goto(screen.path);
      await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 60_000 });
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expectAccessible(page, screen.name);
    });
  }
});

test("find gigs searches titles and descriptions and filters remote work", async ({ page }) => {
  const [person] = await demoPeople(page, "employee");
  await signInAs(page, "employee", person?.name ?? "");
  await page.getByRole("link", { name: "Find gigs", exact: true }).click();
  const count = page.getByRole("status").filter({ hasText: /open gigs?$/ });
  await expect(count).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill("dashbord");
  const cards = page.getByRole("article");
  await expect(cards.first()).toContainText(/dashboard/i);
  await page.getByLabel("Remote", { exact: true }).check();
  await expect(count).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText("Remote");
  await expectAccessible(page, "find gigs with a search");
  await screenshot(page, "find-gigs");
});

test("GraphiQL works offline: nothing is fetched from another host", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  const elsewhere: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) await route.continue();
    else {
      elsewhere.push(url);
      await route.abort();
    }
  });
  await page.goto("/graphql");
  await expect(page.locator(".graphiql-container")).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  expect(elsewhere).toEqual([]);
});
