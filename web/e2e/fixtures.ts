// What every journey shares: the service's URL, signing in as a demo person by role, and an
// accessibility check (axe-core, WCAG 2.1 AA rules) that fails on serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.TALENTGRAPH_WEB_URL;
    if (!url) throw new Error("TALENTGRAPH_WEB_URL is not set: the global set-up did not run");
    await use(url);
  },
});

export { expect };

export type Role = "employee" | "owner" | "manager" | "hr" | "admin";

const ROLE_TITLES: Record<Role, string> = {
  employee: "Employees",
  owner: "Gig owners",
  manager: "Managers",
  hr: "HR",
  admin: "Admin",
};

/** The demo people the sign-in page offers for a role, in order: name and manager. */
export async function demoPeople(page: Page, role: Role): Promise<{ name: string; manager: string | null }[]> {
  await page.goto("/");
  const section = page.getByRole("region", { name: ROLE_TITLES[role] });
  await expect(section.getByRole("button").first()).toBeVisible();
  const buttons = await section.getByRole("button").all();
  const people = [];
  for (const button of buttons) {
    const name = (await button.locator("strong").textContent()) ?? "";
    const managerLine = button.getByText(/^Manager: /);
    const manager = (await managerLine.count())
      ? ((await managerLine.textContent()) ?? "").replace(/^Manager: /, "")
      : null;
    people.push({ name, manager });
  }
  return people;
}

/** Signs in on the development sign-in page as `name` in `role`, and waits for the shell. */
export async function signInAs(page: Page, role: Role, name: string): Promise<void> {
  await page.goto("/");
  const section = page.getByRole("region", { name: ROLE_TITLES[role] });
  await section.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: /Sign in as a demo person/ })).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    blocking.map((v) => `${screen}: ${v.id} (${v.impact ?? ""}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
