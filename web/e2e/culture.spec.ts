// The cultural half: an employee answers this quarter's pulse survey (once); HR reads engagement
// and managers' sentiment on the dashboard, only for groups above the anonymity floor, and the
// champions to ask for a story, and downloads a quarter's catalyst report; a manager reads their
// own catalyst figures on Approvals.
import { readFile } from "node:fs/promises";
import { demoPeople, expect, expectAccessible, screenshot, signInAs, test } from "./fixtures";

const FLOOR = 5;

test("an employee answers this quarter's growth pulse once, anonymously", async ({ page }) => {
  const [person] = await demoPeople(page, "employee");
  await signInAs(page, "employee", person?.name ?? "");
  await page.getByRole("link", { name: "Surveys", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  const survey = page.getByRole("form", { name: "Growth and opportunity" });
  await expect(survey).toBeVisible();
  await expectAccessible(page, "surveys");
  await screenshot(page, "surveys");

  // nothing is sent until every question is rated
  await survey.getByRole("button", { name: "Send my answers" }).click();
  await expect(survey.getByText("Choose an answer to this question.")).toHaveCount(2);
  const grows = survey.getByRole("group", { name: "I can find work here that grows me." });
  await grows.getByRole("radio", { name: "4", exact: true }).check();
  const recommend = survey.getByRole("group", { name: /recommend the marketplace to a colleague/ });
  await recommend.getByRole("radio", { name: "9", exact: true }).check();
  await survey.getByLabel(/What would make it better\?/).fill("More gigs in Operations.");
  await expect(survey.getByText("Choose an answer to this question.")).toHaveCount(2);
  await survey.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "your answers to “Growth and opportunity” are counted, without your name" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Growth and opportunity" })).toHaveCount(0);

  // answered once: after a reload it is no longer offered
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole("form", { name: "Growth and opportunity" })).toHaveCount(0);
});

test("HR reads engagement and managers' sentiment, never for a group under the floor, the champions, and downloads the catalyst report", async ({ page }) => {
  const [person] = await demoPeople(page, "hr");
  await signInAs(page, "hr", person?.name ?? "");
  await page.getByRole("link", { name: "Dashboard" }).click();
  for (const title of ["Engagement on growth and opportunity", "Managers' sentiment on sharing talent"]) {
    const chart = page.getByRole("region", { name: title });
    await expect(chart).toBeVisible({ timeout: 120_000 });
    await expect(chart).toContainText(/\d\.\d of 5 \(.+ on the quarter before\)(, eNPS -?\d+)?, [\d,]+ answers/);
    const rows = chart.getByRole("table").getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    for (const answers of await chart.getByRole("table").locator("tbody tr td:nth-child(2)").allTextContents()) {
      expect(Number(answers.replaceAll(",", "").replace(/\D.*$/, ""))).toBeGreaterThanOrEqual(FLOOR);
    }
  }
  const champions = page.getByRole("region", { name: "Champions" });
  await expect(champions.getByRole("row").nth(1)).toBeVisible();
  await expect(champions.getByRole("row").nth(1).getByRole("link")).toBeVisible();
  const catalysts = page.getByRole("region", { name: "Managers as catalysts" }).getByRole("form", { name: "Catalyst report" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    catalysts.getByRole("button", { name: "Download catalyst report (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^catalyst-report-\d{4}-Q[1-4]\.csv$/);
  const [header, ...lines] = (await readFile(await download.path(), "utf8")).trim().split(/\r?\n/);
  expect(header).toBe("quarter,manager_id,manager_name,team_department_id,reports,growers,grower_names,growth_share,decisions,approvals,median_decision_hours,team_respondents,team_engagement,team_enps");
  expect(lines.length).toBeGreaterThan(0);
  await expectAccessible(page, "dashboard with pulse results");
});

test("a manager reads their own catalyst figures on Approvals", async ({ page }) => {
  const [person] = await demoPeople(page, "manager");
  await signInAs(page, "manager", person?.name ?? "");
  await page.getByRole("link", { name: "Approvals", exact: true }).click();
  const figures = page.getByRole("region", { name: "You as a talent catalyst" });
  await expect(figures).toBeVisible();
  const quarters = figures.getByRole("heading", { level: 3 });
  await expect(quarters).toHaveCount(2);
  await expect(quarters.first()).toHaveText(/^(Jan–Mar|Apr–Jun|Jul–Sep|Oct–Dec) \d{4}$/);
  await expect(figures.getByText(/of your reports grew on a gig elsewhere/).first()).toBeVisible();
  await expect(figures.getByText(/requests approved/).first()).toBeVisible();
  await expectAccessible(page, "approvals with catalyst figures");
});
