// Colleagues vouch for each other: someone who completed a gig with a colleague opens the
// colleague's profile from "Worked with" and endorses a skill they saw there; someone who never
// worked with them is told they cannot.
import { demoPeople, expect, expectAccessible, screenshot, signInAs, signOut, test } from "./fixtures";

test("a colleague from a completed gig endorses a skill on their profile; others cannot", async ({ page }) => {
  // who among the demo employees and gig owners completed a gig with someone, and who did not
  // (as their profiles' "Worked with" say)
  const people = [
    ...(await demoPeople(page, "employee")).map((p) => ({ role: "employee" as const, name: p.name })),
    ...(await demoPeople(page, "owner")).map((p) => ({ role: "owner" as const, name: p.name })),
  ];
  let endorser: (typeof people)[number] | null = null;
  let outsider: (typeof people)[number] | null = null;
  for (const person of people) {
    await signInAs(page, person.role, person.name);
    await page.getByRole("link", { name: person.name }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Worked with" })).toBeVisible();
    const hasColleagues = (await page.getByRole("list", { name: "Colleagues on your gigs" }).count()) > 0;
    if (hasColleagues) endorser ??= person;
    else outsider ??= person;
    await signOut(page);
    if (endorser && outsider) break;
  }
  if (!endorser || !outsider) throw new Error("the demo people need one with colleagues and one without");
  await signInAs(page, endorser.role, endorser.name);
  await page.getByRole("link", { name: endorser.name }).click();

  const colleagueLink = page.getByRole("list", { name: "Colleagues on your gigs" }).getByRole("link").first();
  const colleague = (await colleagueLink.textContent()) ?? "";
  await colleagueLink.click();
  await expect(page.getByRole("heading", { level: 1, name: colleague })).toBeVisible();
  const form = page.getByRole("form", { name: "Endorse a skill you saw" });
  await expect(form).toBeVisible();
  await expectAccessible(page, "a colleague's profile");

  // nothing is sent without a skill
  await form.getByRole("button", { name: `Endorse ${colleague}` }).click();
  await expect(form.getByRole("alert")).toHaveText("Choose the skill you saw.");
  const skill = form.getByLabel("Skill", { exact: true });
  const label = (await skill.locator("option").nth(1).textContent()) ?? "";
  await skill.selectOption({ label });
  const gig = (await form.getByLabel("On the gig").locator("option:checked").textContent()) ?? "";
  await form.getByLabel(/What you saw/).fill("Ran the numbers twice before anyone asked.");
  await form.getByRole("button", { name: `Endorse ${colleague}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `You endorsed ${colleague}'s ${label} on “${gig}”.` })).toBeVisible();
  const received = page.getByRole("list", { name: `Endorsements of ${colleague}` }).getByRole("listitem").filter({ hasText: "Ran the numbers twice" });
  await expect(received).toContainText(label);
  await expect(received).toContainText(`by you on ${gig}`);
  await screenshot(page, "colleague");
  const profilePath = new URL(page.url()).pathname;

  // someone who never completed a gig with the colleague reads the endorsement, and cannot add one
  await signOut(page);
  await signInAs(page, outsider.role, outsider.name);
  await page.goto(profilePath);
  await expect(page.getByRole("heading", { level: 1, name: colleague })).toBeVisible();
  await expect(page.getByText(`You can endorse ${colleague} once you have completed a gig together.`)).toBeVisible();
  await expect(page.getByRole("form", { name: "Endorse a skill you saw" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: `Endorsements of ${colleague}` })).toContainText(`by ${endorser.name} on ${gig}`);
});
