// Media e2e: the sample bakery's photos in the library grid (loaded through the
// plotline-media:// scheme: every <img> really decoded), importing photos through the
// "Add photos…" dialog (answered by the debug build's PLOTLINE_E2E_PICK_* hook, as IPC tests
// answer dialogs with a fake picker), an unsupported file's message, the focal point moved
// with the keyboard, live previews, exporting variants to a folder (files checked on disk),
// attaching a photo to a post in the calendar drawer, and Japanese. Screenshots throughout.
// Then Plan → Due today → "Export photos": a due post's photos in each platform's size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Harness, ROOT } from "./lib/harness.mjs";

async function waitFor(pred, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await pred();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** src and decoded width of every image matching `css`. */
function images(s, css) {
  return s.execute(
    `return [...document.querySelectorAll(arguments[0])].map((i) => ({ src: i.getAttribute("src"), w: i.naturalWidth, done: i.complete }));`,
    [css],
  );
}

async function allLoaded(s, css, min) {
  return waitFor(async () => {
    const imgs = await images(s, css);
    return imgs.length >= min && imgs.every((i) => i.done && i.w > 0) ? imgs : null;
  }, `${min}+ loaded images for ${css}`);
}

test("library, import, focal point, previews, export, attach to a post, Japanese", async () => {
  const h = new Harness("media");
  const photos = path.join(h.tmp, "photos");
  const exportDir = path.join(h.tmp, "export");
  mkdirSync(photos, { recursive: true });
  copyFileSync(path.join(ROOT, "tests/fixtures/fresh-flower.jpg"), path.join(photos, "fresh-flower.jpg"));
  writeFileSync(path.join(photos, "IMG_0001.HEIC"), Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic", "latin1"));
  h.extraEnv = {
    PLOTLINE_E2E_PICK_FILES: [path.join(photos, "fresh-flower.jpg"), path.join(photos, "IMG_0001.HEIC")].join("\n"),
    PLOTLINE_E2E_PICK_FOLDER: exportDir,
  };
  try {
    await h.start();
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
    await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Komorebi Bakery", { timeout: 20000 });

    // The sample's photos, served by id through the custom scheme.
    await (await s.find('[data-testid="nav-media"]')).click();
    const sample = await allLoaded(s, '[data-testid="media-grid"] img', 6);
    for (const img of sample) assert.match(img.src, /^plotline-media:\/\/localhost\/thumb\/[0-9a-f-]{36}$/);
    await h.screenshot("media-library");

    // Search by tag.
    await (await s.find('[data-testid="media-search"]')).type("croissant");
    await waitFor(async () => (await images(s, '[data-testid="media-grid"] img')).length === 1, "the search to narrow the grid");
    await (await s.find('[data-testid="media-search"]')).type("\uE003".repeat("croissant".length));
    await allLoaded(s, '[data-testid="media-grid"] img', 6);

    // Import through the dialog: one photo and one HEIC the core explains.
    await (await s.find('[data-testid="media-add"]')).click();
    await s.waitForText('[data-testid="media-status"]', (t) => t.includes("Added 1 photo"), { timeout: 30000 });
    const failed = await (await s.find('[data-testid="media-import-failed"]')).text();
    assert.match(failed, /IMG_0001\.HEIC/);
    assert.match(failed, /Export it as JPEG/);
    await allLoaded(s, '[data-testid="media-grid"] img', 7);
    await s.waitForText('[data-testid="media-details"]', (t) => t.includes("fresh-flower.jpg"));
    await new Promise((r) => setTimeout(r, 600));
    await h.screenshot("media-imported");

    // Alt text.
    const alt = await s.find('[data-testid="media-alt"]');
    await alt.type("Pink flowers in soft light");
    await (await s.find('[data-testid="media-save"]')).click();
    await s.waitForText('[data-testid="media-details"]', (t) => t.includes("Details saved."));

    // Variants: move the focal point with the arrow keys; every preview renders.
    await (await s.find('[data-testid="media-open-variants"]')).click();
    const focal = await s.find('[data-testid="media-focal"]');
    await allLoaded(s, '[data-testid="media-focal"] img', 1);
    await s.execute(`document.querySelector('[data-testid="media-focal"]').focus();`);
    await focal.type("\uE014\uE014\uE014\uE015");
    await waitFor(async () => (await focal.attr("data-focal")) === "0.56,0.52", "the focal point to move");
    const previews = await allLoaded(s, '[data-testid^="variant-"] img', 9);
    for (const p of previews) assert.match(p.src, /^data:image\/jpeg;base64,/);
    assert.ok(await s.exists('[data-testid="variant-instagram:story"] .variant-card__unsafe--top'), "Story safe zone shown");
    await h.screenshot("media-variants");

    // Fit with padding, then export every size to the picked folder.
    await (await s.find('[data-testid="media-mode-fit"]')).click();
    await allLoaded(s, '[data-testid^="variant-"] img', 9);
    await h.screenshot("media-variants-fit");
    await (await s.find('[data-testid="media-export"]')).click();
    await s.waitForText('[data-testid="media-export-status"]', (t) => t.includes("Saved 9 files"), { timeout: 60000 });
    const files = readdirSync(exportDir).sort();
    assert.equal(files.length, 9, files.join(", "));
    for (const f of files) {
      assert.match(f, /^\d{4}-\d{2}-\d{2}_fresh-flower_[a-z-]+-[a-z_]+\.jpg$/);
      assert.ok(statSync(path.join(exportDir, f)).size > 10_000, f);
    }
    assert.ok(files.some((f) => f.endsWith("_instagram-story.jpg")));
    await h.screenshot("media-exported");

    // The focal point was saved: it is still there after going back and in again.
    await (await s.find('[data-testid="media-variants-back"]')).click();
    await (await s.find('[data-testid="media-open-variants"]')).click();
    await waitFor(async () => (await (await s.find('[data-testid="media-focal"]')).attr("data-focal")) === "0.56,0.52", "the saved focal point");

    // Attach the photo to a post from the calendar drawer.
    await (await s.find('[data-testid="nav-calendar"]')).click();
    await s.find('[data-testid="calendar"] [data-testid^="post-"]', { timeout: 15000 });
    await s.execute(`const el = document.querySelector('[data-testid="calendar"] [data-testid^="post-"]');
      el.scrollIntoView({ block: "center" }); el.click();`);
    await s.find('[data-testid="post-drawer"] [data-testid="media-picker"]');
    await s.find('[data-testid="media-picker-toggle"]'); // once the attached photos have loaded
    await s.execute(`const b = document.querySelector('[data-testid="media-picker-toggle"]');
      b.scrollIntoView({ block: "center" }); b.click();`);
    await allLoaded(s, ".media-picker__choices img", 7);
    const before = (await images(s, '[data-testid="media-picker-attached"] img')).length;
    const choice = await s.execute(`const boxes = [...document.querySelectorAll('[data-testid^="media-picker-choice-"]')].filter((b) => !b.checked);
      boxes[0].scrollIntoView({ block: "center" }); boxes[0].click(); return boxes.length;`);
    assert.ok(choice > 0, "a photo to attach");
    await allLoaded(s, '[data-testid="media-picker-attached"] img', before + 1);
    await s.execute(`document.querySelector('[data-testid="media-picker"]').scrollIntoView({ block: "center" });`);
    await h.screenshot("media-post-drawer");

    // One platform gets its own photo instead of the post's.
    await s.execute(`document.querySelector('[data-testid="variant-photos"]').scrollIntoView({ block: "center" });`);
    await s.waitForText('[data-testid="variant-photos-inherit"]', (t) => /Uses the post's/.test(t));
    await s.find('[data-testid="variant-photos-own"]');
    await s.execute(`const b = document.querySelector('[data-testid="variant-photos-own"]');
      b.scrollIntoView({ block: "center" }); b.click();`);
    await allLoaded(s, '[data-testid="variant-photos"] .media-picker__choices img', 7);
    await s.execute(`const box = document.querySelector('[data-testid^="variant-photos-choice-"]');
      box.scrollIntoView({ block: "center" }); box.click();`);
    await allLoaded(s, '[data-testid="variant-photos-attached"] img', 1);
    await s.execute(`document.querySelector('[data-testid="variant-photos"]').scrollIntoView({ block: "center" });`);
    await h.screenshot("media-variant-photos");
    await (await s.find('[data-testid="post-cancel"]')).click();

    // Japanese.
    await (await s.find('[data-testid="nav-settings"]')).click();
    await (await s.find('[data-testid="settings-language"]')).select("ja");
    await (await s.find('[data-testid="nav-media"]')).click();
    await s.waitForText('[data-testid="page-title"]', (t) => t === "写真・動画");
    await s.waitForText('[data-testid="media-add"]', (t) => t === "写真を追加…");
    await allLoaded(s, '[data-testid="media-grid"] img', 7);
    await h.screenshot("media-library-ja");
    await (await s.find('[data-testid^="media-card-"] .media-card__thumb')).click();
    await (await s.find('[data-testid="media-open-variants"]')).click();
    await allLoaded(s, '[data-testid^="variant-"] img', 9);
    await s.waitForText('[data-testid="media-export"]', (t) => t.includes("フォルダに書き出す"));
    await h.screenshot("media-variants-ja");
  } catch (e) {
    if (h.session) await h.screenshot("FAILED-media").catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
});

const CLI = process.env.PLOTLINE_E2E_CLI ?? path.join(ROOT, "target/debug/plotline-cli");
const cli = (dataDir, args) => JSON.parse(execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8" }));

test("Due today exports a post's photos in each of its platforms' sizes", async () => {
  const h = new Harness("media-handoff");
  const out = path.join(h.tmp, "desktop");
  h.extraEnv = { PLOTLINE_E2E_PICK_FOLDER: out };
  try {
    // The sample bakery, with one of its scheduled posts that has photos moved to an hour ago.
    cli(h.dataDir, ["demo"]);
    const db = path.join(h.dataDir, "plotline.db");
    const id = execFileSync("sqlite3", [db, `SELECT p.id FROM posts p JOIN post_media m ON m.post_id = p.id
      WHERE p.status IN ('scheduled', 'approved') GROUP BY p.id ORDER BY count(*) DESC, p.scheduled_at LIMIT 1;`], { encoding: "utf8" }).trim();
    assert.ok(id, "the sample has a scheduled post with photos");
    const photos = Number(execFileSync("sqlite3", [db, `SELECT count(*) FROM post_media WHERE post_id = '${id}';`], { encoding: "utf8" }).trim());
    const platforms = cli(h.dataDir, ["posts", "list"]).find((p) => p.id === id).platforms;
    const tokyo = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 16);
    cli(h.dataDir, ["posts", "move", id, "--to", tokyo]);

    await h.start();
    await h.launch();
    const s = h.session;
    const button = await s.find(`[data-testid="due-images-${id}"]`, { timeout: 30000 });
    assert.match(await button.text(), photos === 1 ? /Export the photo/ : new RegExp(`Export ${photos} photos`));
    await s.execute(`document.querySelector('[data-testid="due-images-${id}"]').scrollIntoView({ block: "center" });`);
    await button.click();
    const status = await s.waitForText(`[data-testid="due-images-status-${id}"]`, (t) => /^Saved \d+ images? to /.test(t), { timeout: 60000 });
    const folders = readdirSync(out);
    assert.equal(folders.length, 1, folders.join(", "));
    assert.match(folders[0], /^\d{4}-\d{2}-\d{2}_/);
    const files = readdirSync(path.join(out, folders[0])).sort();
    const sized = platforms.filter((p) => p !== "line_official_account").length;
    assert.equal(files.length, photos * sized, `${files.join(", ")} for ${platforms.join(", ")}`);
    assert.ok(status.includes(String(files.length)), status);
    for (const f of files) {
      assert.match(f, /_0\d-[a-z0-9-]+_[a-z-]+-[a-z_]+\.(jpg|png)$/);
      assert.ok(statSync(path.join(out, folders[0], f)).size > 5_000, f);
    }
    await s.execute(`document.querySelector('[data-testid="due-${id}"]').scrollIntoView({ block: "start" });`);
    await h.screenshot("media-due-today-export");
  } catch (e) {
    if (h.session) await h.screenshot("FAILED-media-handoff").catch(() => {});
    throw e;
  } finally {
    await h.stop();
  }
});
