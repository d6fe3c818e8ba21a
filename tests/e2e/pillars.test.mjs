// End-to-end: the Pillars & mix section with the sample bakery — four pillars, the
// promotion-heavy week flagged in the mix, a pillar created after an inline error that
// survives a relaunch, the Plan overview's platforms and pillars links done, and Japanese.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Harness } from "./lib/harness.mjs";

async function withApp(name, body) {
  const h = new Harness(name);
  try {
    await h.start();
    await body(h);
  } catch (e) {
    if (h.session) await h.screenshot(`FAILED-pillars-${name}`).catch(() => {});
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

const scrollTo = (s, id) =>
  s.execute(`document.querySelector("[data-testid=${id}]").scrollIntoView({ block: "start" })`);

test("sample bakery: pillars, the promotion-heavy week, a new pillar that survives a relaunch, the plan", async () => {
  await withApp("sample", async (h) => {
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Komorebi Bakery");

    // Plan overview: platforms and pillars are done.
    await s.find('[data-testid="page-plan"]');
    await s.waitForText('[data-testid="plan-status-platforms"]', (t) => t.includes("Done"));
    await s.waitForText('[data-testid="plan-status-pillars"]', (t) => t.includes("Done"));
    assert.match(await (await s.find('[data-testid="plan-count-pillars"]')).text(), /4 pillars/);
    await scrollTo(s, "plan-step-platforms");
    await shot(h, "pillars-plan-overview");

    await click(s, "nav-pillars");
    await s.find('[data-testid="page-pillars"]');
    await s.find('[data-testid="pillar-card"]', { timeout: 15000 });
    assert.equal((await s.findAll('[data-testid="pillar-card"]')).length, 4);
    await shot(h, "pillars-list");

    // The week strip flags the sample's promotion-heavy week.
    await s.find('[data-testid="week-strip"] [data-heavy="true"]', { timeout: 15000 });
    const heavy = await (await s.find('[data-testid="week-strip"] [data-heavy="true"]')).text();
    assert.match(heavy, /Promotion-heavy/);
    await s.find('[data-testid="mix-gauge"]');
    await scrollTo(s, "mix-section");
    await shot(h, "pillars-mix");

    // A bad (empty) name shows an inline error; a valid one is listed.
    await scrollTo(s, "page-pillars");
    await click(s, "pillar-new");
    await click(s, "pillar-save");
    const name = await s.find('[data-testid="pillar-name"][aria-invalid="true"]');
    assert.match(await (await s.find('[data-testid="pillar-editor"] .field__error')).text(), /pillar a short name/);
    await shot(h, "pillars-name-error");
    await name.type("Neighbourhood news");
    await click(s, "pillar-save");
    await s.waitForText('[data-testid="pillar-list"]', (t) => t.includes("Neighbourhood news"));
    assert.equal((await s.findAll('[data-testid="pillar-card"]')).length, 5);

    await h.relaunch();
    const s2 = h.session;
    await (await s2.find('[data-testid="nav-pillars"]', { timeout: 30000 })).click();
    await s2.waitForText('[data-testid="pillar-list"]', (t) => t.includes("Neighbourhood news"));
    await scrollTo(s2, "cadence-section");
    await shot(h, "pillars-cadence");
    await scrollTo(s2, "team-section");
    await shot(h, "pillars-team");
  });
});

test("sample bakery in Japanese: labels of the Pillars & mix section", async () => {
  await withApp("sample-ja", async (h) => {
    await h.launch();
    const s = h.session;
    await click(s, "welcome-language-ja");
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "こもれびベーカリー");
    await click(s, "nav-pillars");
    await s.find('[data-testid="pillar-card"]', { timeout: 15000 });
    assert.equal(await (await s.find('[data-testid="page-title"]')).text(), "テーマと配分");
    await s.waitForText('[data-testid="mix-section"]', (t) => t.includes("投稿のバランス（7-2-1）"));
    await s.find('[data-testid="week-strip"] [data-heavy="true"]', { timeout: 15000 });
    assert.match(await (await s.find('[data-testid="week-strip"] [data-heavy="true"]')).text(), /宣伝が多い週/);
    await shot(h, "pillars-ja-list");
    await scrollTo(s, "mix-section");
    await shot(h, "pillars-ja-mix");
  });
});
