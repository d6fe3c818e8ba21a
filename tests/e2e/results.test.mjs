// Results e2e: the sample bakery's dashboard shows the numbers the database computes
// (checked against plotline-cli on the same data folder), a number typed in quick entry
// survives a relaunch, a review is saved and reloaded, and the screen speaks Japanese.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Harness, ROOT } from "./lib/harness.mjs";

const CLI = process.env.PLOTLINE_E2E_CLI ?? path.join(ROOT, "target/debug/plotline-cli");

async function withApp(name, body) {
  const h = new Harness(name);
  try {
    await h.start();
    await body(h);
  } catch (e) {
    if (h.session) await shot(h, `FAILED-${name}`).catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
}

async function shot(h, name) {
  await new Promise((r) => setTimeout(r, 400));
  await h.screenshot(name);
}

async function waitFor(pred, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await pred();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function cli(h, args) {
  return JSON.parse(execFileSync(CLI, ["--data-dir", h.dataDir, ...args], { encoding: "utf8" }));
}

/** The number shown in a text such as "5,400 people" or "12.5%". */
function numberIn(text) {
  const m = text.replace(/,/g, "").match(/-?\d+(\.\d+)?/);
  assert.ok(m, `no number in "${text}"`);
  return Number(m[0]);
}

async function scrollTo(s, css) {
  await s.execute("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", [css]);
}

async function openSampleResults(h, language = "en") {
  await h.launch();
  const s = h.session;
  if (language === "ja") {
    await (await s.find('[data-testid="welcome-language-ja"]', { timeout: 30000 })).click();
  }
  await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
  await s.find('[data-testid="sidebar-business-name"]', { timeout: 15000 });
  await (await s.find('[data-testid="nav-results"]')).click();
  await s.find('[data-testid="results-dashboard"]', { timeout: 15000 });
  return s;
}

test("the dashboard shows the numbers the database computes, and quick entry persists", async () => {
  await withApp("results", async (h) => {
    const s = await openSampleResults(h);
    const summary = cli(h, ["results", "summary"]);

    const reach = summary.platforms.reduce((sum, p) => sum + (p.reach ?? 0), 0);
    assert.equal(numberIn(await (await s.find('[data-testid="total-reach"]')).text()), reach);
    const posts = await (await s.find('[data-testid="total-posts"]')).text();
    assert.equal(posts.replace(/\s/g, ""), `${summary.posts_measured}/${summary.posts_published}`);
    assert.equal(summary.kpis.length, 7);
    for (const k of summary.kpis) {
      const current = await (await s.find(`[data-testid="kpi-${k.id}"] [data-testid="kpi-current"]`)).text();
      const shown = numberIn(current);
      const digits = Math.abs(k.current) < 100 ? 1 : 0;
      assert.equal(shown, Number(k.current.toFixed(digits)), `${k.name}: screen "${current}" vs ${k.current}`);
      const status = await (await s.find(`[data-testid="kpi-${k.id}"] [data-testid="kpi-status"]`)).text();
      assert.equal(status, { on_track: "On track", at_risk: "At risk", no_data: "No data yet", no_target: "No target" }[k.status]);
    }
    const ig = summary.platforms.find((p) => p.platform === "instagram");
    const rate = await (await s.find('[data-testid="breakdown-row-instagram"] [data-testid="breakdown-rate"]')).text();
    assert.equal(numberIn(rate), Number((ig.avg_engagement_rate * 100).toFixed(1)));
    assert.equal(await (await s.find('[data-testid="ranking-explanation"]')).text(), summary.explanation);
    await shot(h, "results-dashboard-top");
    // Reach is summed post by post: the card and the totals say people are counted once per post.
    const note = await s.find('[data-testid="kpi-source-note"]');
    assert.match(await note.text(), /counted more than once/);
    assert.match(await (await s.find('[data-testid="total-reach-note"]')).text(), /counted more than once/);
    await scrollTo(s, "#kpi-title");
    await shot(h, "results-reach-note");
    await scrollTo(s, "#ranking-title");
    await shot(h, "results-dashboard-ranking");
    await scrollTo(s, "#mix-title");
    await shot(h, "results-dashboard-mix");

    // Table view of a chart, for screen readers and exact numbers.
    const toggle = await s.find('[data-testid="mix-chart"] .chart-box__toggle');
    await toggle.click();
    await s.waitForText('[data-testid="mix-chart"] table', (t) => t.includes("Guideline"));
    await shot(h, "results-mix-table");

    // Quick entry: type, Enter, relaunch, still there.
    await (await s.find('[data-testid="results-tab-entry"]')).click();
    const cell = await s.find('[data-testid="cell-reach-0"]');
    await cell.clear();
    await cell.type("4321");
    await cell.pressEnter();
    await s.waitForText('[data-testid="entry-status"]', (t) => t.startsWith("Saved"));
    await shot(h, "results-quick-entry");

    // The day the numbers were read: a day before any post went out is refused by the app,
    // next to the date.
    const tooEarly = await s.execute(`
      const el = document.querySelector('[data-testid="entry-captured-on"]');
      const d = new Date(el.min + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() - 1);
      const day = d.toISOString().slice(0, 10);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, day);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      return day;`);
    const likes = await s.find('[data-testid="cell-likes-0"]');
    await likes.clear();
    await likes.type("77");
    await likes.pressEnter();
    await s.waitForText(".quick-entry__date .field__error", (t) => t.includes(tooEarly) && t.includes("went out"));
    await shot(h, "results-quick-entry-date-refused");

    await h.relaunch();
    const s2 = h.session;
    await (await s2.find('[data-testid="nav-results"]', { timeout: 30000 })).click();
    await (await s2.find('[data-testid="results-tab-entry"]', { timeout: 15000 })).click();
    const again = await s2.find('[data-testid="cell-reach-0"]');
    await waitFor(async () => (await again.prop("value")) === "4321", "the typed reach after a relaunch");
  });
});

test("a review is saved, listed after a relaunch and shown as a one-page report", async () => {
  await withApp("results-review", async (h) => {
    const s = await openSampleResults(h);
    await (await s.find('[data-testid="results-tab-reviews"]')).click();
    const history = await s.find('[data-testid="review-history"]');
    assert.equal((await s.findAll('[data-testid="review-history"] > li')).length, 1, "the sample's monthly review");
    assert.match(await history.text(), /Completed/);
    await new Promise((r) => setTimeout(r, 800));
    await shot(h, "results-review-history");

    await (await s.find('[data-testid="review-new-weekly"]')).click();
    await s.find('[data-testid="review-editor"]');
    await (await s.find('[data-testid="review-worked"]')).type("The slow-motion croissant video");
    await (await s.find('[data-testid="review-hypothesis"]')).type("Two kitchen videos a week double saves");
    await (await s.find('[data-testid="review-add-decision"]')).click();
    await (await s.find('[aria-label="Decision 1"]')).type("Film on Fridays too");
    await shot(h, "results-review-editor");
    await (await s.find('[data-testid="review-complete"]')).click();
    await s.waitForText('[data-testid="review-history"]', (t) => t.includes("Two kitchen videos a week"));

    await h.relaunch();
    const s2 = h.session;
    await (await s2.find('[data-testid="nav-results"]', { timeout: 30000 })).click();
    await (await s2.find('[data-testid="results-tab-reviews"]', { timeout: 15000 })).click();
    await s2.waitForText('[data-testid="review-history"]', (t) => t.includes("Two kitchen videos a week"));
    assert.equal((await s2.findAll('[data-testid="review-history"] > li')).length, 2);
    const reviews = await s2.findAll('[data-testid="review-open-report"]');
    await reviews[0].click();
    await s2.waitForText('[data-testid="review-report"]', (t) => t.includes("Film on Fridays too") && t.includes("Weekly social media review"));
    await shot(h, "results-review-report");
  });
});

test("the results screen in Japanese", async () => {
  await withApp("results-ja", async (h) => {
    const s = await openSampleResults(h, "ja");
    await s.waitForText('[data-testid="results-tab-dashboard"]', (t) => t === "ダッシュボード");
    await s.waitForText("#kpi-title", (t) => t === "KPIの進み具合");
    assert.match(await (await s.find('[data-testid="ranking-explanation"]')).text(), /共通点/);
    await shot(h, "results-ja-dashboard");
    await (await s.find('[data-testid="results-tab-import"]')).click();
    await s.waitForText('[data-testid="import-panel"]', (t) => t.includes("Meta Business Suite"));
    await shot(h, "results-ja-import");
    await (await s.find('[data-testid="results-tab-entry"]')).click();
    const cell = await s.find('[data-testid="cell-reach-0"]');
    await waitFor(async () => (await cell.prop("value")) !== "", "the sample's numbers in quick entry");
    await s.waitForText('[data-testid="quick-entry"] thead', (t) => t.includes("リーチ"));
    await shot(h, "results-ja-entry");
  });
});

test("the dashboard is readable in the dark theme", async () => {
  const h = new Harness("results-dark", { GTK_THEME: "Adwaita:dark" });
  try {
    await h.start();
    const s = await openSampleResults(h);
    const dark = await s.execute('return matchMedia("(prefers-color-scheme: dark)").matches');
    assert.equal(dark, true);
    await s.find('[data-testid^="kpi-"] canvas');
    await shot(h, "results-dark-dashboard");
    await s.execute("document.querySelector('.result-kpi canvas').scrollIntoView({block: 'center'})");
    await shot(h, "results-dark-kpi-chart");
    await scrollTo(s, "#ranking-title");
    await shot(h, "results-dark-ranking");
  } catch (e) {
    if (h.session) await shot(h, "FAILED-results-dark").catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
});
