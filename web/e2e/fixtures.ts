// What every journey shares: the service's URL, signing in as a demo person by role, and an
// accessibility check (axe-core, WCAG 2.1 AA rules) that fails on serious or critical violations.
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { palettePng } from "./png";

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
export interface DemoPerson {
  name: string;
  manager: string | null;
  /** Everything the sign-in card says (title, department, top-level department). */
  card: string;
}

export async function demoPeople(page: Page, role: Role): Promise<DemoPerson[]> {
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
    people.push({ name, manager, card: (await button.textContent()) ?? "" });
  }
  return people;
}

/** Signs in on the development sign-in page as `name` in `role`, and waits for the shell. */
export async function signInAs(page: Page, role: Role, name: string): Promise<void> {
  await page.goto("/");
  const section = page.getByRole("region", { name: ROLE_TITLES[role] });
  await section.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 60_000 });
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

const SCREENSHOTS = resolve(import.meta.dirname, "..", "..", "docs", "screenshots");

/** A small PNG of the screen for the README (docs/screenshots/<name>.png), when asked for with
 * TALENTGRAPH_SCREENSHOTS=1 (the journeys run without it in `make test`): the top 1280 × 800
 * CSS pixels of the page at scale 1, where the screen's title and data are, with a palette of its
 * 256 most used colours (e2e/png.ts): 20–70 KB each. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.TALENTGRAPH_SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const clip = { x: 0, y: 0, width: Math.min(viewport.width, 1280), height: Math.min(viewport.height, 800) };
  await page.evaluate(() => { window.scrollTo(0, 0); });
  const png = await page.screenshot({ scale: "css", clip });
  await writeFile(resolve(SCREENSHOTS, `${name}.png`), palettePng(png));
}
