// End-to-end tests of the real Plotline window: tauri-driver + WebKitWebDriver under Xvfb.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { Harness, OUT } from "./lib/harness.mjs";

const SECTIONS = ["plan", "objectives", "personas", "platforms", "pillars", "calendar", "media", "results", "share", "settings"];
const metrics = {};
after(() => {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "metrics.json");
  const old = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, JSON.stringify({ ...old, ...metrics }, null, 2));
  console.log("e2e metrics:", JSON.stringify(metrics));
});

/** Run `body` with a started harness and always stop it (session, driver, Xvfb). */
async function withApp(name, body, extraEnv = {}) {
  const h = new Harness(name, extraEnv);
  try {
    await h.start();
    await body(h);
  } catch (e) {
    if (h.session) await h.screenshot(`FAILED-${name}`).catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
}

test("first run: set up a business, quit, relaunch, it is still there (even without WebView storage)", async () => {
  await withApp("setup", async (h) => {
    const t0 = performance.now();
    await h.launch();
    const s = h.session;
    await s.find('[data-testid="welcome"]', { timeout: 30000 });
    metrics.coldStartToFirstPaintMs = Math.round(performance.now() - t0);

    await (await s.find('[data-testid="welcome-setup"]')).click();
    // Bad input first: an empty name is refused with a message, nothing is saved.
    await (await s.find('[data-testid="setup-name"]')).pressEnter();
    const msg = await s.waitForText('[data-testid="welcome"] .field__error', (t) => t.length > 0);
    assert.match(msg, /name/i);
    assert.ok(await s.exists('[data-testid="welcome"]'));

    await (await s.find('[data-testid="setup-name"]')).type("Blue Door Café");
    await (await s.find('[data-testid="setup-industry"]')).select("cafe_restaurant");
    await (await s.find('[data-testid="setup-audience-b2c"]')).click();
    await (await s.find('[data-testid="setup-timezone"]')).select("Europe/Lisbon");
    await h.screenshot("setup-form");
    await (await s.find('[data-testid="setup-name"]')).pressEnter();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Blue Door Café");
    await s.find('[data-testid="page-plan"]');

    await h.quit();
    h.wipeWebviewStorage();
    await h.launch();
    const name = await h.session.waitForText('[data-testid="sidebar-business-name"]', (t) => t.length > 0, { timeout: 30000 });
    assert.equal(name, "Blue Door Café");
    assert.equal(await h.session.exists('[data-testid="welcome"]'), false);
    await (await h.session.find('[data-testid="nav-settings"]')).click();
    const tz = await (await h.session.find('[data-testid="settings-timezone"]')).prop("value");
    assert.equal(tz, "Europe/Lisbon");
  });
});

test("sample bakery: every section renders, in English and in Japanese", async () => {
  await withApp("sample", async (h) => {
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Komorebi Bakery");

    for (const id of SECTIONS) {
      await (await s.find(`[data-testid="nav-${id}"]`)).click();
      await s.find(`[data-testid="page-${id}"]`);
      const title = await (await s.find(`[data-testid="page-${id}"] [data-testid="page-title"]`)).text();
      assert.ok(title.length > 0, `${id} has a title`);
      assert.equal(await (await s.find(`[data-testid="nav-${id}"]`)).attr("aria-current"), "page");
      await h.screenshot(`en-${id}`);
    }
    // The lower half of Settings: data folder, backups, About.
    await s.execute('document.querySelector("[data-testid=settings-backup]").scrollIntoView({ block: "center" })');
    assert.match(await (await s.find('[data-testid="settings-data-dir"]')).text(), /plotline-data/);
    await h.screenshot("en-settings-backup");
    await s.execute('document.querySelector("[data-testid=settings-version]").scrollIntoView({ block: "center" })');
    await h.screenshot("en-settings-about");
    await new Promise((r) => setTimeout(r, 1500));
    metrics.idlePssKiBWithSample = h.appPss();

    // Switch to Japanese in Settings: the navigation follows at once and after a restart.
    await (await s.find('[data-testid="nav-settings"]')).click();
    await (await s.find('[data-testid="settings-language"]')).select("ja");
    await s.waitForText('[data-testid="nav-settings"]', (t) => t.includes("設定"));
    assert.match(await (await s.find('[data-testid="nav-calendar"]')).text(), /カレンダー/);
    for (const id of SECTIONS) {
      await (await s.find(`[data-testid="nav-${id}"]`)).click();
      await s.find(`[data-testid="page-${id}"]`);
      await h.screenshot(`ja-${id}`);
    }
    await h.relaunch();
    await h.session.waitForText('[data-testid="nav-plan"]', (t) => t.includes("計画"), { timeout: 30000 });
    const lang = await h.session.execute("return document.documentElement.lang");
    assert.equal(lang, "ja");
  });
});

test("the real WebView enforces the security baseline (CSP, no global Tauri object)", async () => {
  await withApp("security", async (h) => {
    await h.launch();
    const s = h.session;
    await s.find('[data-testid="welcome"]', { timeout: 30000 });
    const result = await s.execute(`
      const out = { globalTauri: typeof window.__TAURI__ };
      try { eval("1 + 1"); out.eval = "ran"; } catch (e) { out.eval = "blocked"; }
      const inline = document.createElement("script");
      inline.textContent = "window.__inlineRan = true";
      document.head.appendChild(inline);
      out.inline = window.__inlineRan === true ? "ran" : "blocked";
      return out;`);
    assert.deepEqual(result, { globalTauri: "undefined", eval: "blocked", inline: "blocked" });
    // A remote script never loads: CSP refuses the origin before any network use.
    const remote = await s.cmd("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        const el = document.createElement("script");
        el.src = "https://cdn.example.com/evil.js";
        el.onload = () => done("loaded"); el.onerror = () => done("blocked");
        document.head.appendChild(el);
        setTimeout(() => done(window.__evil ? "ran" : "blocked"), 3000);`,
      args: [],
    });
    assert.equal(remote, "blocked");
    const frozen = await s.execute("return Object.isFrozen(Object.prototype)");
    assert.equal(frozen, true);
  });
});

test("dark mode follows the OS theme", async () => {
  await withApp(
    "dark",
    async (h) => {
      await h.launch();
      const s = h.session;
      await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
      await s.find('[data-testid="page-plan"]');
      const [dark, bg] = await s.execute(`
        const bg = getComputedStyle(document.body).backgroundColor;
        const [r, g, b] = bg.match(/\\d+/g).map(Number);
        return [matchMedia("(prefers-color-scheme: dark)").matches, (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255];`);
      assert.equal(dark, true);
      assert.ok(bg < 0.3, `background luminance ${bg} should be dark`);
      await h.screenshot("dark-plan");
      await (await s.find('[data-testid="nav-settings"]')).click();
      await s.find('[data-testid="page-settings"]');
      await h.screenshot("dark-settings");
    },
    { GTK_THEME: "Adwaita:dark" },
  );
});
