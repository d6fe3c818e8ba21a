// End-to-end: the Platforms section in the real window — reference cards, the wizard with
// quick answers, confirming two platforms that survive a relaunch, account design, Japanese.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Harness } from "./lib/harness.mjs";

async function withApp(name, body) {
  const h = new Harness(name);
  try {
    await h.start();
    await body(h);
  } catch (e) {
    if (h.session) await h.screenshot(`FAILED-platforms-${name}`).catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
}

const click = async (s, id) => (await s.find(`[data-testid="${id}"]`)).click();

/** Screenshot after a short pause, so WebKit has painted what the DOM already shows
 * (a settle delay for the picture only; nothing is asserted on timing). */
async function shot(h, name) {
  await new Promise((r) => setTimeout(r, 400));
  await h.screenshot(name);
}

test("wizard with quick answers: confirm two platforms, relaunch, they are still active", async () => {
  await withApp("wizard", async (h) => {
    await h.launch();
    const s = h.session;
    await click(s, "welcome-setup");
    await (await s.find('[data-testid="setup-name"]', { timeout: 30000 })).type("Blue Door Café");
    await (await s.find('[data-testid="setup-industry"]')).select("cafe_restaurant");
    await click(s, "setup-audience-b2c");
    await (await s.find('[data-testid="setup-name"]')).pressEnter();
    await s.find('[data-testid="page-plan"]');

    await click(s, "nav-platforms");
    await s.find('[data-testid="page-platforms"]');
    await shot(h, "platforms-empty");

    // The reference: one card per platform, filterable.
    await click(s, "platforms-tab-reference");
    await s.find('[data-testid="platform-card-line_official_account"]');
    assert.equal((await s.findAll('[data-testid^="platform-card-"]')).length, 12);
    const x = await (await s.find('[data-testid="platform-card-x"]')).text();
    assert.match(x, /280/);
    await shot(h, "platforms-reference");
    await click(s, "platforms-filter-b2b");
    await s.waitForText('[data-testid="page-platforms"]', (t) => !t.includes("TikTok"));
    assert.ok(await s.exists('[data-testid="platform-card-linkedin"]'));
    await shot(h, "platforms-reference-b2b");

    // The wizard with quick answers.
    await click(s, "platforms-tab-mine");
    await click(s, "platforms-start-wizard");
    await click(s, "wizard-age-age25to34");
    await click(s, "wizard-age-under25");
    await click(s, "wizard-local");
    await shot(h, "platforms-wizard-audience");
    await click(s, "wizard-next");
    await click(s, "wizard-goal-awareness");
    await click(s, "wizard-goal-fan_ltv");
    await click(s, "wizard-next");
    await click(s, "wizard-add-competitor");
    await (await s.find('[data-testid="wizard-competitor-0-name"]')).type("Sunny Side Coffee");
    await (await s.find('[data-testid="wizard-competitor-0-instagram"]')).select("succeeding");
    await shot(h, "platforms-wizard-competitors");
    await click(s, "wizard-next");
    const hours = await s.find('[data-testid="wizard-hours"]');
    await hours.clear();
    await hours.type("4");
    await click(s, "wizard-next");
    await s.find('[data-testid="wizard-result"]', { timeout: 15000 });
    const headline = await (await s.find('[data-testid="wizard-recommended"]')).text();
    assert.match(headline, /Instagram/);
    const reasons = await (await s.find('[data-testid="wizard-rank-instagram"]')).text();
    assert.match(reasons, /Sunny Side Coffee/);
    await shot(h, "platforms-wizard-result");
    await click(s, "wizard-model");
    await s.execute('document.querySelector("[data-testid=wizard-model]").scrollIntoView({ block: "center" })');
    await shot(h, "platforms-wizard-scoring");

    // Make sure exactly two are chosen: keep the recommendation, add the runner-up if needed.
    const chosen = () =>
      s.execute(
        'return [...document.querySelectorAll("[data-testid^=wizard-choose-]")].filter((e) => e.checked).map((e) => e.dataset.testid.slice(14))',
      );
    let ids = await chosen();
    if (ids.length === 1) {
      const all = await s.execute(
        'return [...document.querySelectorAll("[data-testid^=wizard-choose-]")].map((e) => e.dataset.testid.slice(14))',
      );
      await click(s, `wizard-choose-${all.find((id) => !ids.includes(id))}`);
      ids = await chosen();
    }
    assert.equal(ids.length, 2);
    await click(s, "wizard-confirm");
    await s.find(`[data-testid="active-platform-${ids[0]}"]`, { timeout: 15000 });
    assert.ok(await s.exists(`[data-testid="active-platform-${ids[1]}"]`));
    await shot(h, "platforms-active");

    await h.relaunch();
    const s2 = h.session;
    await (await s2.find('[data-testid="nav-platforms"]', { timeout: 30000 })).click();
    await s2.find(`[data-testid="active-platform-${ids[0]}"]`, { timeout: 15000 });
    assert.ok(await s2.exists(`[data-testid="active-platform-${ids[1]}"]`));

    // Re-running keeps the previous answers.
    await click(s2, "platforms-rerun-wizard");
    assert.equal(await (await s2.find('[data-testid="wizard-local"]')).prop("checked"), true);
    await click(s2, "wizard-cancel");

    // Account design: the bio is counted live against the platform's limit.
    await click(s2, `edit-design-${ids[0]}`);
    const bio = await s2.find('[data-testid="design-bio"]');
    await bio.type("Coffee and cake by the river");
    await s2.waitForText('[data-testid="design-bio-count"]', (t) => t.startsWith("28 /"));
    await (await s2.find('[data-testid="design-concept"]')).type("For river walkers: slow coffee, told simply.");
    await shot(h, "platforms-design");
    await s2.execute('document.querySelector("[data-testid=design-bio]").scrollIntoView({ block: "center" })');
    await shot(h, "platforms-design-bio");
  });
});

test("sample bakery in Japanese: Instagram and LINE are active with their account design", async () => {
  await withApp("sample-ja", async (h) => {
    await h.launch();
    const s = h.session;
    await click(s, "welcome-language-ja");
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "こもれびベーカリー");
    await click(s, "nav-platforms");
    await s.find('[data-testid="active-platform-instagram"]');
    const line = await (await s.find('[data-testid="active-platform-line_official_account"]')).text();
    assert.match(line, /LINE公式アカウント/);
    const tab = await (await s.find('[data-testid="platforms-tab-reference"]')).text();
    assert.equal(tab, "プラットフォーム早見表");
    const meter = await (await s.find('[data-testid="active-platform-instagram-completeness"]')).text();
    assert.match(meter, /% 完成/);
    await shot(h, "platforms-ja-active");

    await click(s, "edit-design-instagram");
    const concept = await (await s.find('[data-testid="design-concept"]')).prop("value");
    assert.match(concept, /三軒茶屋/);
    await shot(h, "platforms-ja-design");

    await click(s, "design-close");
    await click(s, "platforms-rerun-wizard");
    // The audience step starts from the persona builder's personas (the sample's primary: ユキ).
    assert.match(await (await s.find('[data-testid="wizard-personas"]')).text(), /ユキ.*メイン/);
    for (let i = 0; i < 4; i++) await click(s, "wizard-next");
    await s.find('[data-testid="wizard-result"]', { timeout: 15000 });
    assert.match(await (await s.find('[data-testid="wizard-recommended"]')).text(), /Instagram.*LINE公式アカウント/);
    await shot(h, "platforms-ja-result");

    await click(s, "wizard-cancel");
    await click(s, "platforms-tab-reference");
    const card = await (await s.find('[data-testid="platform-card-line_official_account"]')).text();
    assert.match(card, /利用者層/);
    await shot(h, "platforms-ja-reference");
  });
});
