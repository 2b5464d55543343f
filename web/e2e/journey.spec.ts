// The marketplace's main journey, as the people in it see it: an employee edits the profile and
// applies to a recommended gig; the owner, who posted it, reads the candidates' explanations and
// shortlists; the applicant's manager sees the approval only then and approves; the owner
// offers (the employee's bell rings live); the employee accepts; the owner completes with
// feedback; the skill shows as validated on the profile; HR finds the employee near the skill,
// opens the dashboard and downloads a CSV.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { type DemoPerson, demoPeople, expect, expectAccessible, screenshot, signInAs, signOut, test } from "./fixtures";

const SKILL = "Haskell";
const FUNCTIONS = ["Finance", "Marketing", "Sales", "Operations", "Engineering"];

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

test("from a profile edit to a validated skill, with the manager's approval and a live notification", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const url = baseURL ?? "";
  // two tabs: the employee's stays open (the live notification), the other one signs in as the
  // owner, the manager and HR in turn
  const employee = await newPage(browser, url);
  const owner = await newPage(browser, url);
  const manager = owner;
  const hr = owner;

  // an employee with a manager, and an owner of another function, who posts for their own
  const functionOf = (person: DemoPerson) => FUNCTIONS.find((f) => person.card.includes(f));
  const employees = (await demoPeople(owner, "employee")).filter((p) => p.manager !== null);
  const owners = await demoPeople(owner, "owner");
  const [me, gigOwner] =
    employees
      .flatMap((e) => owners.map((o) => [e, o] as const))
      .find(([e, o]) => o.name !== e.name && o.name !== e.manager && functionOf(o) && functionOf(o) !== functionOf(e)) ?? [];
  if (!me?.manager || !gigOwner) throw new Error("the demo data has no employee and gig owner of different functions");
  const gigDepartment = functionOf(gigOwner) ?? "";
  const title = `${SKILL} code review ${String(Date.now()).slice(-6)}`;

  // the owner posts a gig that needs Haskell, for their function, which the employee is not in
  await signInAs(owner, "owner", gigOwner.name);
  await owner.getByRole("link", { name: "Post a gig" }).first().click();
  await owner.getByLabel("Title").fill(title);
  await owner.getByLabel("What is the work?").fill("Review the pricing engine's Haskell before the audit.");
  await owner.getByLabel("For department").selectOption({ label: gigDepartment });
  await owner.getByLabel("Hours a week").fill("2");
  await owner.getByLabel("Weeks").fill("4");
  const typeahead = owner.getByRole("combobox", { name: "Add a skill the gig needs" });
  await typeahead.fill(SKILL);
  await owner.getByRole("option", { name: new RegExp(`^${SKILL}`) }).first().click();
  await expect(owner.getByRole("list", { name: "Skills of the gig" })).toContainText(SKILL);
  await expectAccessible(owner, "post a gig");
  await screenshot(owner, "post-a-gig");
  await owner.getByRole("button", { name: "Publish" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(owner.getByText("Open", { exact: true })).toBeVisible();

  // the employee adds the skill and more gig time, and finds the gig recommended
  await signInAs(employee, "employee", me.name);
  await employee.getByRole("link", { name: me.name }).click();
  await expect(employee.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
  await employee.getByRole("combobox", { name: "Add a skill" }).fill(SKILL);
  await employee.getByRole("option", { name: new RegExp(`^${SKILL}`) }).first().click();
  await employee.getByLabel("Your level").selectOption("5");
  await employee.getByRole("button", { name: "Add skill" }).click();
  await expect(employee.getByRole("status").filter({ hasText: `${SKILL} added at level 5` })).toBeVisible();
  const mySkill = employee.getByRole("list", { name: "Your skills" }).locator("li", { hasText: SKILL });
  await expect(mySkill).toContainText("Claimed");
  await employee.getByLabel("Share of my week for gigs (%)").fill("30");
  await employee.getByRole("button", { name: "Save" }).click();
  await expect(employee.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  // the employee opts out of the champions list, which holds after a reload, and back in
  const champion = employee.getByRole("region", { name: "Champions list" });
  await expect(champion.getByRole("status")).toHaveText("HR may list you as a champion.");
  await champion.getByRole("button", { name: "Opt out of the champions list" }).click();
  await expect(champion.getByRole("status")).toHaveText("You opted out: HR never lists you as a champion.");
  await employee.reload();
  await expect(champion.getByRole("status")).toHaveText("You opted out: HR never lists you as a champion.");
  await champion.getByRole("button", { name: "List me again" }).click();
  await expect(champion.getByRole("status")).toHaveText("HR may list you as a champion.");
  await expectAccessible(employee, "my profile");
  await screenshot(employee, "my-profile");

  await employee.getByRole("link", { name: "For you", exact: true }).click();
  const card = employee.getByRole("article", { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`Uses your ${SKILL}`);
  await expectAccessible(employee, "for you");
  await screenshot(employee, "for-you");
  await card.getByRole("link", { name: title }).click();
  await expect(employee.getByText("You have it (level 5)")).toBeVisible();
  await employee.getByLabel("A note to the owner (optional)").fill("I wrote our Haskell style guide.");
  await employee.getByRole("button", { name: "Apply" }).click();
  await expect(employee.getByText("Your application is in.")).toBeVisible();
  await expectAccessible(employee, "a gig");
  await screenshot(employee, "a-gig");

  // the manager sees nothing yet: interest stays private until the owner shortlists
  await signOut(owner);
  await signInAs(manager, "manager", me.manager);
  await manager.getByRole("link", { name: "Approvals" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(manager.getByText(/Nothing waits for you|for “/).first()).toBeVisible();
  await expect(manager.getByText(`${me.name} for “${title}”`)).toHaveCount(0);

  // the owner reads the candidates' explanations and shortlists the applicant
  await signOut(manager);
  await signInAs(owner, "owner", gigOwner.name);
  await owner.getByRole("link", { name: "My gigs", exact: true }).click();
  await expect(owner.getByRole("article", { name: title })).toBeVisible();
  await screenshot(owner, "my-gigs");
  await owner.getByRole("article", { name: title }).getByRole("link", { name: "Candidates" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: `Candidates for ${title}` })).toBeVisible();
  const candidate = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { name: me.name }) });
  await expect(candidate).toContainText("Has it at level 5 (claimed)");
  await expect(candidate.getByRole("img", { name: /^Score \d+%/ })).toBeVisible();
  await expectAccessible(owner, "candidates");
  await screenshot(owner, "candidates");
  await candidate.getByRole("button", { name: `Shortlist ${me.name}` }).click();
  await expect(owner.getByText(`${me.name} is shortlisted.`)).toBeVisible();
  await expect(candidate).toContainText("waiting for the manager");

  const gigPath = new URL(owner.url()).pathname.replace(/\/candidates$/, "");

  // now the manager is asked, and approves
  await signOut(owner);
  await signInAs(manager, "manager", me.manager);
  await manager.getByRole("link", { name: "Approvals", exact: true }).click();
  const request = manager.getByRole("listitem").filter({ hasText: `${me.name} for “${title}”` });
  await expect(request).toBeVisible();
  await expectAccessible(manager, "approvals");
  await screenshot(manager, "approvals");
  await request.getByRole("button", { name: `Approve ${me.name}` }).click();
  await expect(manager.getByText("Approved 1 request.")).toBeVisible();

  // the employee waits on the home screen; the owner's offer rings the bell live
  await employee.getByRole("link", { name: "For you", exact: true }).click();
  const bell = employee.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  const before = Number((await bell.getAttribute("aria-label"))?.match(/\d+/)?.[0] ?? "0");
  await signOut(manager);
  await signInAs(owner, "owner", gigOwner.name);
  await owner.goto(`${gigPath}/pipeline`);
  const pipelineRow = owner.getByRole("listitem").filter({ hasText: me.name });
  await pipelineRow.getByRole("button", { name: `Offer ${me.name} a seat` }).click();
  await expect(owner.getByText(`${me.name} has your offer.`)).toBeVisible();
  await expectAccessible(owner, "applications");
  await screenshot(owner, "applications");
  await expect(employee.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible({ timeout: 20_000 });
  await employee.getByRole("button", { name: /^Notifications/ }).click();
  await expect(employee.getByRole("region", { name: "Notifications" })).toContainText(title);
  await screenshot(employee, "notifications");
  await employee.keyboard.press("Escape");

  // the employee accepts the offer
  await employee.getByRole("link", { name: "My applications", exact: true }).click();
  const mine = employee.getByRole("listitem").filter({ hasText: title });
  await expect(mine).toContainText("You have an offer");
  await mine.getByRole("button", { name: "Accept the offer" }).click();
  await expect(employee.getByText(`You are on “${title}”. Congratulations!`)).toBeVisible();
  await expectAccessible(employee, "my applications");
  await screenshot(employee, "my-applications");

  // the owner completes the engagement with feedback and the level shown
  await owner.getByRole("link", { name: "Finish the gig" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: `Finish “${title}”` })).toBeVisible();
  await owner.getByLabel("Hours worked").fill("8");
  await owner.getByLabel(`Feedback for ${me.name}`).fill("Found two real bugs; clear write-up.");
  await owner.getByLabel(SKILL, { exact: true }).selectOption("4");
  await expectAccessible(owner, "finish");
  await screenshot(owner, "finish");
  await owner.getByRole("button", { name: "Complete" }).click();
  await expect(owner.getByText(`${me.name}'s work is complete`)).toBeVisible();

  // the owner starts the gig's story there and agrees: not published until the helper agrees too
  const ownerLine = owner.getByRole("form", { name: `Your line of the story of “${title}”` });
  await ownerLine.getByLabel("Your line, in your own words").fill("Two real bugs found before the audit.");
  await ownerLine.getByRole("button", { name: "Save and agree to publish" }).click();
  await expect(owner.getByRole("status").filter({ hasText: `Saved. The story is published once ${me.name} agrees too.` })).toBeVisible();
  await expect(owner.getByRole("article", { name: title })).toContainText(`Not published: waiting for ${me.name}'s consent`);

  // the skill is validated on the employee's profile
  await employee.getByRole("link", { name: me.name }).click();
  const validated = employee.getByRole("list", { name: "Your skills" }).locator("li", { hasText: SKILL });
  await expect(validated).toContainText("Evidenced");
  await expect(validated).toContainText("shown on a gig");
  await expect(employee.getByRole("region", { name: "Completed gigs" }).or(employee.locator("section", { hasText: "Completed gigs" })).first()).toContainText(title);


  // the helper reads the owner's line on Success stories, adds theirs and agrees: published, with
  // the hours and the savings and never a rating; then withdraws, and it is unpublished again
  await employee.getByRole("link", { name: "Success stories", exact: true }).click();
  const story = employee.getByRole("region", { name: "Your stories" }).getByRole("article", { name: title });
  await expect(story).toContainText("“Two real bugs found before the audit.”");
  await expect(story).toContainText("Not published: waiting for your consent");
  await story.getByLabel("Your line, in your own words").fill("I learnt how a pricing engine thinks.");
  await story.getByRole("button", { name: "Save and agree to publish" }).click();
  await expect(employee.getByRole("status").filter({ hasText: "Saved. The story is published: you both agreed." })).toBeVisible();
  await expect(story).toContainText("Published: both agreed");
  await expect(story).toContainText(/8 h · saved €[\d,]+/);
  await expect(story).not.toContainText(/rated|Found two real bugs/);
  await expectAccessible(employee, "success stories");
  await screenshot(employee, "success-stories");
  await story.getByRole("button", { name: "Withdraw my consent" }).click();
  await expect(employee.getByRole("status").filter({ hasText: "Saved. The story stays unpublished while you do not agree." })).toBeVisible();
  await expect(story).toContainText("Not published: waiting for your consent");

  // someone who is not in it does not see it unpublished; once the helper agrees again, they do
  const outsider = employees.find((p) => ![me.name, me.manager, gigOwner.name].includes(p.name));
  if (!outsider) throw new Error("the demo data has no third employee");
  await signOut(owner);
  await signInAs(owner, "employee", outsider.name);
  await owner.getByRole("link", { name: "Success stories", exact: true }).click();
  await expect(owner.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();
  await expect(owner.getByRole("article", { name: title })).toHaveCount(0);
  await story.getByRole("button", { name: "Save and agree to publish" }).click();
  await expect(story).toContainText("Published: both agreed");
  await owner.reload();
  const published = owner.getByRole("region", { name: "Published" }).getByRole("article", { name: title });
  await expect(published).toContainText(me.name);
  await expect(published).toContainText("“I learnt how a pricing engine thinks.”");
  await expect(published).toContainText("“Two real bugs found before the audit.”");
  await expect(published).toContainText(/8 h · saved €[\d,]+/);
  await expect(published).not.toContainText(/rated|Found two real bugs/);
  await expect(published.getByRole("form")).toHaveCount(0);

  // HR: who is near Haskell (the employee, holding it), the dashboard, a CSV
  await signOut(owner);
  const hrPeople = await demoPeople(hr, "hr");
  await signInAs(hr, "hr", hrPeople[0]?.name ?? "");
  await hr.getByRole("link", { name: "Near a skill" }).click();
  await hr.getByRole("combobox", { name: "Skill" }).fill(SKILL);
  await hr.getByRole("option", { name: new RegExp(`^${SKILL}`) }).first().click();
  const row = hr.getByRole("row").filter({ hasText: me.name });
  await expect(row).toBeVisible();
  await expect(row.getByRole("list", { name: "Path of skills" })).toContainText(SKILL);
  await expectAccessible(hr, "near a skill");
  await screenshot(hr, "near-a-skill");
  await hr.getByRole("link", { name: "Dashboard" }).click();
  // the dashboard computes every metric of a year in one request: give it a loaded CI's time
  await expect(hr.getByRole("heading", { name: "Savings per month" })).toBeVisible({ timeout: 120_000 });
  await expect(hr.getByRole("heading", { name: "Cross-functional collaboration" })).toBeVisible();
  await expect(hr.locator(".recharts-surface").first()).toBeVisible();
  await expectAccessible(hr, "dashboard");
  await screenshot(hr, "dashboard");
  const download = hr.waitForEvent("download");
  await hr.getByRole("button", { name: "Download Savings per month as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("savings.csv");
  const csv = await readFile((await file.path()), "utf8");
  expect(csv.split("\r\n")[0]).toBe("month,department,hours worked,savings (EUR)");
  expect(csv.split("\r\n").length).toBeGreaterThan(2);
});
