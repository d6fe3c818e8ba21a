// End-to-end: the Share screen with the sample bakery — a calendar file exported through the
// screen (the save dialog replaced by the e2e path hook) and checked on disk, the printable
// calendar previewed in the app, the Japanese screen, and a plan bundle from a teammate with
// a post changed on both sides, resolved in the conflict review.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Harness, ROOT } from "./lib/harness.mjs";

const CLI = path.join(ROOT, "target/debug/plotline-cli");
const cli = (dir, ...args) =>
  JSON.parse(execFileSync(CLI, ["--data-dir", dir, ...args], { env: { ...process.env, PLOTLINE_DATA_DIR: "" } }).toString());

async function withApp(name, body) {
  const h = new Harness(name);
  try {
    await h.start();
    await body(h);
  } catch (e) {
    if (h.session) await h.screenshot(`FAILED-share-${name}`).catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
}

const click = async (s, id) => (await s.find(`[data-testid="${id}"]`)).click();

/** Screenshot after a short pause, so WebKit has painted what the DOM already shows. */
async function shot(h, name) {
  await new Promise((r) => setTimeout(r, 400));
  await h.screenshot(name);
}

const scrollTo = (s, id) => s.execute(`document.querySelector("[data-testid=${id}]").scrollIntoView({ block: "start" })`);
const testPaths = (s, paths) => s.execute(`window.__plotlineTestPaths = ${JSON.stringify(paths)}`);

test("Japanese sample bakery: export a calendar file from the Share screen and preview the printable calendar", async () => {
  await withApp("ics", async (h) => {
    cli(h.dataDir, "demo", "--language", "ja");
    const out = path.join(h.tmp, "exports", "calendar.ics");
    execFileSync("mkdir", ["-p", path.dirname(out)]);
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="nav-share"]', { timeout: 30000 })).click();
    await s.find('[data-testid="page-share"]');
    await s.waitForText('[data-testid="share-options"]', (t) => t.includes("共有する範囲"));
    await shot(h, "share-ja-top");

    await testPaths(s, { save: out });
    await click(s, "share-ics-export");
    const status = await s.waitForText('[data-testid="share-ics-status"]', (t) => t.includes("calendar.ics"), { timeout: 20000 });
    assert.ok(status);
    const ics = readFileSync(out, "utf8");
    const events = ics.match(/BEGIN:VEVENT/g) ?? [];
    assert.ok(events.length >= 5, `${events.length} events`);
    assert.match(ics, /DTSTART;TZID=Asia\/Tokyo:/);
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Tokyo/);
    assert.match(ics, /ステータス: /);
    await shot(h, "share-ja-ics-saved");

    // Holidays from a calendar file go into the events lane after a preview.
    const holidays = path.join(h.tmp, "exports", "holidays.ics");
    writeFileSync(
      holidays,
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:h1\r\n" +
        "DTSTART;VALUE=DATE:20261223\r\nDTEND;VALUE=DATE:20261224\r\nSUMMARY:商店街クリスマス市\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    await testPaths(s, { open: holidays });
    await s.execute('document.querySelector("[data-testid=share-ics-import]").scrollIntoView({ block: "end" })');
    await click(s, "share-ics-import-open");
    await s.waitForText('[data-testid="share-ics-import-review"]', (t) => t.includes("商店街クリスマス市"), { timeout: 20000 });
    await s.execute('document.querySelector("[data-testid=share-ics-import]").scrollIntoView({ block: "end" })');
    await shot(h, "share-ja-ics-import-preview");
    await click(s, "share-ics-import-apply");
    await s.waitForText('[data-testid="share-ics-import-status"]', (t) => t.includes("1件"), { timeout: 20000 });
    await shot(h, "share-ja-ics-imported");
    await scrollTo(s, "share-print");
    await click(s, "share-print-preview");
    await s.find('[data-testid="share-print-pages"] .page', { timeout: 20000 });
    await scrollTo(s, "share-print-pages");
    await shot(h, "share-ja-print-preview");

  });
});

test("a teammate's bundle with a post changed on both sides: review, take theirs, import", async () => {
  const team = mkdtempSync(path.join(tmpdir(), "plotline-e2e-share-team-"));
  try {
    await withApp("bundle", async (h) => {
      // Mine: the sample bakery, exported to the teammate.
      cli(h.dataDir, "demo");
      const first = path.join(team, "mine.plotline");
      cli(h.dataDir, "export", "bundle", "--out", first);
      const theirsDir = path.join(team, "theirs");
      cli(theirsDir, "import", "bundle", first);
      const post = cli(h.dataDir, "posts", "list").find((p) => p.scheduled_at && p.status === "draft");
      // Both sides move the same post after the exchange; the teammate sends the plan back.
      cli(h.dataDir, "posts", "move", post.id, "--to", "2027-03-01T10:00");
      cli(theirsDir, "posts", "move", post.id, "--to", "2027-03-02T11:30");
      const second = path.join(team, "theirs.plotline");
      cli(theirsDir, "export", "bundle", "--out", second);

      await h.launch();
      const s = h.session;
      await (await s.find('[data-testid="nav-share"]', { timeout: 30000 })).click();
      await s.find('[data-testid="page-share"]');
      await testPaths(s, { open: second });
      await scrollTo(s, "share-bundle");
      await click(s, "share-bundle-open");
      await s.find('[data-testid="share-bundle-review"]', { timeout: 20000 });
      const conflicts = await s.findAll('[data-testid="share-conflict"]');
      assert.equal(conflicts.length, 1);
      assert.match(await (await s.find('[data-testid="share-conflict"]')).text(), new RegExp(post.title.slice(0, 10)));
      assert.equal(await (await s.find('[data-testid="share-bundle-import"]')).prop("disabled"), true, "import waits for a choice");
      await scrollTo(s, "share-bundle-review");
      await shot(h, "share-bundle-conflict");
      await click(s, `share-conflict-${post.id}-theirs`);
      await click(s, "share-bundle-import");
      await s.waitForText('[data-testid="share-bundle-status"]', (t) => t.includes("Imported"), { timeout: 20000 });
      await shot(h, "share-bundle-imported");
      await h.quit();
      const after = cli(h.dataDir, "posts", "list").find((p) => p.id === post.id);
      assert.equal(after.scheduled_at, "2027-03-02T11:30:00+09:00");
    });
  } finally {
    rmSync(team, { recursive: true, force: true });
  }
});
