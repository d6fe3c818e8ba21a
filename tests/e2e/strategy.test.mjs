// End-to-end: objectives, personas and the Plan overview in the real window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Harness } from "./lib/harness.mjs";

async function withApp(name, body, extraEnv = {}) {
  const h = new Harness(name, extraEnv);
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

/** Wait until `css` matches nothing (the UI removed it). */
async function waitGone(s, css, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (!(await s.exists(css))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${css} is still shown after ${timeout} ms`);
}

/** Let the WebView paint what the last assertion saw before taking a screenshot. */
async function shot(h, name) {
  await new Promise((r) => setTimeout(r, 300));
  await h.screenshot(name);
}

async function nth(s, css, index) {
  const all = await s.findAll(css);
  assert.ok(all.length > index, `expected at least ${index + 1} × ${css}, found ${all.length}`);
  return all[index];
}

test("objective with KPIs in two stages, persona built in the wizard, both survive a relaunch and show on the plan", async () => {
  await withApp("strategy", async (h) => {
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="welcome-setup"]', { timeout: 30000 })).click();
    await (await s.find('[data-testid="setup-name"]')).type("Blue Door Café");
    await (await s.find('[data-testid="setup-audience-b2c"]')).click();
    await (await s.find('[data-testid="setup-name"]')).pressEnter();
    await s.find('[data-testid="page-plan"]', { timeout: 15000 });

    // An empty plan says what is missing and warns about posting without an objective.
    await s.waitForText('[data-testid="plan-status-objectives"]', (t) => t.includes("Missing"));
    assert.match(await (await s.find('[data-testid="plan-pitfalls"]')).text(), /Posting without an objective/);
    await shot(h, "strategy-plan-empty");

    // Persona, step by step, with one interview as evidence.
    await (await s.find('[data-testid="nav-personas"]')).click();
    await (await s.find('[data-testid="persona-wizard"]')).click();
    await (await s.find('[data-testid="persona-name"]')).type("Weekend Yuki");
    await (await s.find('[data-testid="persona-quote"]')).type("Saturday starts with warm bread.");
    await shot(h, "strategy-wizard-basics");
    await (await s.find('[data-testid="wizard-next"]')).click();
    await s.waitForText('[data-testid="wizard-step"]', (t) => t.includes("Step 2 of 5"));
    await (await s.find('[data-testid="persona-ageRange"]')).type("32–40");
    await (await s.find('[data-testid="persona-occupation"]')).type("Office worker");
    await (await s.find('[data-testid="wizard-next"]')).click();
    await s.waitForText('[data-testid="wizard-step"]', (t) => t.includes("Step 3 of 5"));
    await (await s.find('[data-testid="persona-painPoints"]')).type("Favourites sold out by 11:00");
    await shot(h, "strategy-wizard-psychographics");
    await (await s.find('[data-testid="wizard-next"]')).click();
    await s.waitForText('[data-testid="wizard-step"]', (t) => t.includes("Step 4 of 5"));
    await (await s.find('[data-testid="usage-add"]')).click();
    await s.find('[data-testid="usage-row"]');
    await (await s.find('[data-testid="wizard-next"]')).click();
    await s.waitForText('[data-testid="wizard-step"]', (t) => t.includes("Step 5 of 5"));
    await (await s.find('[data-testid="evidence-add"]')).click();
    assert.equal(await (await s.find('[data-testid="evidence-kind"]')).prop("value"), "interview");
    await (await s.find('[data-testid="evidence-note"]')).type("Talked with 4 Saturday regulars");
    await shot(h, "strategy-wizard-evidence");
    await (await s.find('[data-testid="evidence-note"]')).pressEnter();
    await s.waitForText('[data-testid="persona-card"] h2', (t) => t === "Weekend Yuki", { timeout: 15000 });
    assert.equal(await s.exists('[data-testid="persona-hypothesis"]'), false, "interview-backed, not a hypothesis");
    await shot(h, "strategy-personas");

    // Objective: a sales goal with two KPIs in two stages.
    await (await s.find('[data-testid="nav-objectives"]')).click();
    await (await s.find('[data-testid="objective-new"]')).click();
    await (await s.find('[data-testid="objective-kind"]')).select("purchase_conversion");
    await (await s.find('[data-testid="objective-statement"]')).type("+15% online pre-orders by March");
    await (await s.find('[data-testid="objective-baseline"]')).type("200");
    await (await s.find('[data-testid="objective-target"]')).type("230");
    await (await s.find('[data-testid="objective-unit"]')).type("orders / month");
    await (await s.find('[data-testid="objective-persona"]')).click();
    await (await s.find('[data-testid="kpi-add"]')).click();
    await (await nth(s, '[data-testid="kpi-name"]', 0)).type("Follower growth");
    await (await nth(s, '[data-testid="kpi-stage"]', 0)).select("interest");
    await (await s.find('[data-testid="kpi-add"]')).click();
    await (await nth(s, '[data-testid="kpi-name"]', 1)).type("Weekly reach");
    // Both KPIs only count attention: the vanity warning appears.
    await s.find('[data-testid="warning-vanity_only"]', { timeout: 10000 });
    await s.waitForText('[data-testid="smart-relevant"]', (t) => t.includes("Relevant"));
    assert.equal(await (await s.find('[data-testid="smart-relevant"]')).attr("data-state"), "met");
    await shot(h, "strategy-objective-vanity");
    // Measure an action instead: the warning goes away.
    await (await nth(s, '[data-testid="kpi-stage"]', 1)).select("action");
    assert.equal(await (await nth(s, '[data-testid="kpi-metric"]', 1)).prop("value"), "link_clicks");
    await waitGone(s, '[data-testid="warning-vanity_only"]');
    await shot(h, "strategy-objective-ok");
    await (await s.find('[data-testid="objective-target"]')).pressEnter();
    await s.waitForText('[data-testid="objective-card"]', (t) => t.includes("+15% online pre-orders by March"), {
      timeout: 15000,
    });
    assert.match(await (await s.find('[data-testid="objective-card"]')).text(), /2 KPIs/);
    await shot(h, "strategy-objectives");

    // Relaunch: both are still there, and the Plan overview counts them.
    await h.relaunch();
    const s2 = h.session;
    await s2.find('[data-testid="page-plan"]', { timeout: 30000 });
    await s2.waitForText('[data-testid="plan-count-objectives"]', (t) => t === "1 objective");
    await s2.waitForText('[data-testid="plan-count-personas"]', (t) => t === "1 persona");
    assert.equal(await s2.exists('[data-testid="plan-pitfalls"]'), false);
    assert.match(await (await s2.find('[data-testid="plan-step-objectives"]')).text(), /without a deadline/);
    await shot(h, "strategy-plan-filled");
    await (await s2.find('[data-testid="nav-objectives"]')).click();
    await s2.waitForText('[data-testid="objective-card"]', (t) => t.includes("+15% online pre-orders by March"));
    await (await s2.find('[data-testid="nav-personas"]')).click();
    await s2.waitForText('[data-testid="persona-card"] h2', (t) => t === "Weekend Yuki");

    // Japanese labels on all three screens.
    await (await s2.find('[data-testid="nav-settings"]')).click();
    await (await s2.find('[data-testid="settings-language"]')).select("ja");
    await s2.waitForText('[data-testid="nav-settings"]', (t) => t.includes("設定"));
    await (await s2.find('[data-testid="nav-plan"]')).click();
    await s2.waitForText('[data-testid="plan-count-objectives"]', (t) => t === "目標 1件");
    await shot(h, "strategy-ja-plan");
    await (await s2.find('[data-testid="nav-objectives"]')).click();
    await s2.waitForText('[data-testid="objective-new"]', (t) => t.includes("目標を追加"));
    await (await s2.find('[data-testid="objective-edit"]')).click();
    await s2.waitForText('[data-testid="smart-check"]', (t) => t.includes("SMARTチェック"));
    await shot(h, "strategy-ja-objective");
    await (await s2.find('[data-testid="nav-personas"]')).click();
    await s2.waitForText('[data-testid="persona-wizard"]', (t) => t.includes("ステップごとにペルソナを作る"));
    await shot(h, "strategy-ja-personas");
  });
});

test("the sample bakery's objectives and personas are shown with their evidence", async () => {
  await withApp("strategy-sample", async (h) => {
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.find('[data-testid="page-plan"]');
    await s.waitForText('[data-testid="plan-status-objectives"]', (t) => t.includes("Done"));
    await shot(h, "strategy-sample-plan");
    await (await s.find('[data-testid="nav-objectives"]')).click();
    await s.find('[data-testid="objective-card"]');
    assert.equal((await s.findAll('[data-testid="objective-card"]')).length, 2);
    await shot(h, "strategy-sample-objectives");
    await (await s.find('[data-testid="objective-edit"]')).click();
    await s.find('[data-testid="smart-check"] [data-testid="smart-specific"]');
    await shot(h, "strategy-sample-objective-editor");
    await (await s.find('[data-testid="nav-personas"]')).click();
    await s.find('[data-testid="persona-card"]');
    assert.equal((await s.findAll('[data-testid="persona-card"]')).length, 3);
    assert.equal((await s.findAll('[data-testid="persona-hypothesis"]')).length, 1);
    await shot(h, "strategy-sample-personas");
  });
});

test("objectives and personas are readable in dark mode", async () => {
  await withApp(
    "strategy-dark",
    async (h) => {
      await h.launch();
      const s = h.session;
      await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
      await s.waitForText('[data-testid="plan-status-personas"]', (t) => t.length > 0);
      await shot(h, "strategy-dark-plan");
      await (await s.find('[data-testid="nav-objectives"]')).click();
      await (await s.find('[data-testid="objective-edit"]')).click();
      await s.find('[data-testid="smart-specific"]');
      await shot(h, "strategy-dark-objective");
      await (await s.find('[data-testid="nav-personas"]')).click();
      await s.find('[data-testid="persona-card"]');
      const avatarBg = await s.execute(
        'return getComputedStyle(document.querySelector(".avatar")).backgroundColor',
      );
      const [r, g, b] = avatarBg.match(/\d+/g).map(Number);
      assert.ok((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.4, `avatar ${avatarBg} follows the dark theme`);
      await shot(h, "strategy-dark-personas");
    },
    { GTK_THEME: "Adwaita:dark" },
  );
});
