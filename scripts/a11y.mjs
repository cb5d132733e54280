// Accessibility check of the member's schedule page in headless Chromium.
//
//   node scripts/a11y.mjs BASE_URL LOGIN PASSWORD [SCREENSHOT.png] [PATH]
//
// Logs in as the member, opens PATH (default /my/schedule) at 360×740,
// injects axe-core (npm package, node_modules/) and prints one JSON object:
// {violations: [...], scrollWidth, keyboard: [...focusable labels in tab order]}.
// Uses Debian's chromium (/usr/bin/chromium, or $CHROMIUM); no browser download.
/* eslint-disable no-process-env -- a command-line script: $CHROMIUM chooses the browser */
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, login, password, screenshot, path = "/my/schedule"] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "fi-FI",
    timezoneId: "Europe/Helsinki",
  });
  await page.goto(`${base}/web/login`);
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  await page.waitForSelector(
    ".o_toimio_schedule, .o_toimio_plan, .o_toimio_work_requests, .o_toimio_work_request, .o_toimio_work_request_new, .o_toimio_work_request_impact, .o_toimio_work_request_cancel",
    { timeout: 20000 },
  );
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  // Keyboard: walk the page with Tab and note what gets the focus.
  const keyboard = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return (el.innerText || el.value || el.getAttribute("aria-label") || el.id || el.tagName)
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 60);
    });
    if (label) keyboard.push(label);
  }
  if (screenshot) {
    await page.keyboard.press("Escape");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot, fullPage: false });
  }
  console.log(JSON.stringify({ violations, scrollWidth, keyboard }));
} finally {
  await browser.close();
}
