// Screenshots of Toimio screens for the README, in Debian's headless Chromium.
//
//   [CLICK=text] node scripts/screenshots.mjs BASE_URL LOGIN PASSWORD OUT.png PATH [WxH]
//
// e.g. node scripts/screenshots.mjs http://127.0.0.1:8170 admin admin \
//        docs/screenshots/engagements.png "/odoo/action-toimio_members.toimio_engagement_action"
/* eslint-disable no-process-env -- a command-line script: $CHROMIUM and $CLICK configure it */
import { chromium } from "playwright-core";

const [base, login, password, out, path, size = "1280x800"] = process.argv.slice(2);
const [width, height] = size.split("x").map(Number);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`console: ${message.text()}`);
  });
  await page.goto(`${base}/web/login`);
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  await page.goto(`${base}${path}`);
  // The web client keeps a long-polling connection open: wait for the view.
  await page.waitForSelector(".o_view_controller, .o_portal_wrap, main", { timeout: 20000 });
  await page.waitForTimeout(2000);
  if (process.env.CLICK) {
    // E.g. CLICK="Tuettu työ" opens that notebook tab first
    await page.getByText(process.env.CLICK, { exact: true }).first().click();
    await page.waitForTimeout(1000);
  }
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
}
