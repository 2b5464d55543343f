import { demoPeople, expectAccessible, expect, signInAs, test } from "./fixtures";

test("an employee signs in on the development page and sees gigs recommended for them", async ({
  page,
}) => {
  const [employee] = await demoPeople(page, "employee");
  expect(employee).toBeDefined();
  await expectAccessible(page, "sign-in");
  await signInAs(page, "employee", employee?.name ?? "");
  await expect(page.getByRole("heading", { level: 1, name: /here are gigs for you/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recommended gigs" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expectAccessible(page, "for you");
});
