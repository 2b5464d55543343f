// Loads the home and candidates screens in headless Chromium `runs` times each (a fresh browser
// context every time: nothing cached) and prints JSON: per load, the time from navigation to the
// screen showing its data (its `screen:<name>` Performance mark) and the time the GraphQL
// requests of that load took (resource timing, requestStart to responseEnd).
//   node bench/screens.mjs <url> <employee token> <owner token> <gig id> <runs>
import { chromium } from "@playwright/test";

const [url, employeeToken, ownerToken, gigId, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? "20");

async function load(browser, token, path, mark) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((value) => {
    sessionStorage.setItem("talentgraph.token", value);
  }, token);
  const page = await context.newPage();
  await page.goto(`${url}${path}`);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, `screen:${mark}`, {
    timeout: 120_000,
  });
  const figures = await page.evaluate((name) => {
    const shown = performance.getEntriesByName(name)[0].startTime;
    const api = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.includes("/graphql") && entry.startTime <= shown);
    return {
      screenMs: shown,
      apiMs: api.reduce((sum, entry) => sum + (entry.responseEnd - entry.requestStart), 0),
      requests: api.length,
    };
  }, `screen:${mark}`);
  await context.close();
  return figures;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
});
const result = { home: [], candidates: [] };
await load(browser, employeeToken, "/", "home"); // warm-up: the service's first queries
await load(browser, ownerToken, `/gigs/${gigId}/candidates`, "candidates");
for (let i = 0; i < runs; i += 1) {
  result.home.push(await load(browser, employeeToken, "/", "home"));
  result.candidates.push(await load(browser, ownerToken, `/gigs/${gigId}/candidates`, "candidates"));
}
await browser.close();
console.log(JSON.stringify(result));
