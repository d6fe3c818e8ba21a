// Connections e2e: a real Secret Service (gnome-keyring in a private D-Bus session that only this
// app run sees, with its own HOME/XDG folders) and a real Radicale started by the test.
// Settings → Connections: add a CalDAV calendar (the password goes to the keyring, never to the
// data folder), test it; Share → Publish to a team calendar: preview, publish, see the events on
// the server; Plan → Due today: copy a post's text and mark it published with its URL, then see
// that URL in the post's drawer. A second run without any Secret Service shows the "no secure
// store" banner.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { Harness, ROOT } from "./lib/harness.mjs";

const CLI = process.env.PLOTLINE_E2E_CLI ?? path.join(ROOT, "target/debug/plotline-cli");
const PASSWORD = "Wonderland-e2e-7f3a";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Radicale on 127.0.0.1 with a temp folder and htpasswd auth; `stop()` kills it by PID. */
async function startRadicale() {
  const dir = mkdtempSync(path.join(tmpdir(), "plotline-e2e-radicale-"));
  writeFileSync(path.join(dir, "users"), `alice:${PASSWORD}\n`);
  writeFileSync(path.join(dir, "config"), "");
  const port = await freePort();
  const child = spawn(
    "setpriv",
    ["--pdeathsig", "KILL", "--", "python3", "-m", "radicale", "--config", path.join(dir, "config"),
      "--server-hosts", `127.0.0.1:${port}`, "--storage-filesystem-folder", path.join(dir, "collections"),
      "--auth-type", "htpasswd", "--auth-htpasswd-filename", path.join(dir, "users"),
      "--auth-htpasswd-encryption", "plain", "--auth-delay", "0", "--rights-type", "owner_only",
      "--logging-level", "warning"],
    { stdio: "ignore", env: { ...process.env, HOME: dir } },
  );
  const stop = () => {
    try { process.kill(child.pid, "SIGKILL"); } catch { /* gone */ }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  const auth = { Authorization: `Basic ${Buffer.from(`alice:${PASSWORD}`).toString("base64")}` };
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      await fetch(base);
      break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) { stop(); throw new Error("Radicale did not start"); }
    await sleep(100);
  }
  const mk = await fetch(`${base}/alice/plan/`, {
    method: "MKCALENDAR",
    headers: { ...auth, "content-type": "application/xml" },
    body: '<?xml version="1.0"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>Plan</d:displayname></d:prop></d:set></c:mkcalendar>',
  });
  assert.equal(mk.status, 201);
  const list = async () => {
    const r = await fetch(`${base}/alice/plan/`, { method: "PROPFIND", headers: { ...auth, Depth: "1" } });
    return (await r.text()).match(/\.ics<\/[^>]*href>/g)?.length ?? 0;
  };
  return { url: `${base}/alice/plan/`, pid: child.pid, stop, list };
}

/** A private D-Bus session with gnome-keyring's Secret Service, in the harness's HOME. */
async function startKeyring(h) {
  const child = spawn(
    "dbus-run-session",
    ["--", "bash", "-c",
      'echo -n keyring-unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null; echo "BUS=$DBUS_SESSION_BUS_ADDRESS"; exec sleep infinity'],
    {
      stdio: ["ignore", "pipe", "ignore"],
      detached: true,
      env: {
        PATH: process.env.PATH,
        HOME: h.home,
        XDG_DATA_HOME: path.join(h.home, ".local/share"),
        XDG_RUNTIME_DIR: h.runtimeDir,
        PLOTLINE_E2E_RUN: h.tmp,
      },
    },
  );
  const bus = await new Promise((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      const m = buf.match(/BUS=(\S+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`dbus-run-session exited (${code})`)));
    setTimeout(() => reject(new Error("no D-Bus session")), 15000);
  });
  const stop = () => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } };
  process.on("exit", stop);
  return { bus, stop };
}

/** A private D-Bus session with no services at all (no Secret Service can be activated). */
async function startEmptyBus(h) {
  const conf = path.join(h.tmp, "empty-bus.conf");
  writeFileSync(
    conf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${h.runtimeDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const child = spawn("dbus-daemon", ["--config-file", conf, "--print-address=1", "--nofork"], {
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
    env: { PATH: process.env.PATH, PLOTLINE_E2E_RUN: h.tmp },
  });
  const bus = await new Promise((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) resolve(buf.trim());
    });
    child.on("exit", (code) => reject(new Error(`dbus-daemon exited (${code})`)));
    setTimeout(() => reject(new Error("no D-Bus daemon")), 15000);
  });
  const stop = () => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } };
  process.on("exit", stop);
  return { bus, stop };
}

function cli(dataDir, args) {
  return JSON.parse(execFileSync(CLI, ["--data-dir", dataDir, ...args], { env: { ...process.env, PLOTLINE_DATA_DIR: "" } }).toString());
}

/** The sample bakery, with one scheduled post moved to an hour ago so Due today lists it. */
function seedBakery(dataDir) {
  cli(dataDir, ["demo"]);
  const posts = cli(dataDir, ["posts", "list"]);
  const post = posts.find((p) => p.status === "scheduled");
  assert.ok(post, "the sample has scheduled posts");
  const tokyo = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 16);
  cli(dataDir, ["posts", "move", post.id, "--to", tokyo]);
  return post;
}

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

async function typeInto(s, css, text) {
  const el = await s.find(css);
  await el.clear();
  await el.type(text);
  return el;
}

test("CalDAV through the real keyring: add, test, publish from Share, mark a due post published", async () => {
  const server = await startRadicale();
  const h = new Harness("connections");
  const keyring = await startKeyring(h);
  h.extraEnv.DBUS_SESSION_BUS_ADDRESS = keyring.bus;
  try {
    const due = seedBakery(h.dataDir);
    await h.start();
    await h.launch();
    const s = h.session;

    // Plan → Due today lists the post that is due now.
    const item = await s.find(`[data-testid="due-${due.id}"]`, { timeout: 30000 });
    assert.match(await item.text(), /Post now/);
    await h.screenshot("connections-due-today");

    // Copy text: WebKitGTK's async clipboard works on a click.
    const copy = await s.find(`[data-testid^="due-copy-${due.id}-"]`);
    const platform = (await copy.attr("data-testid")).split(`due-copy-${due.id}-`)[1];
    await copy.click();
    await s.waitForText(`[data-testid="due-${due.id}"] .status`, (t) => /^Copied the /.test(t));
    const expected = await (await s.find(`[data-testid="due-text-${due.id}-${platform}"]`)).text();
    // Read it back the way a user would: paste (Ctrl+V) into the URL field of "Mark as
    // published" (WebKit refuses navigator.clipboard.readText to pages, so paste is the check).
    await (await s.find(`[data-testid="due-mark-${due.id}"]`)).click();
    const field = await s.find(`[data-testid="due-url-${due.id}"]`);
    await field.type("\uE009v\uE009");
    const pasted = await field.prop("value");
    // A single-line <input> drops the line breaks of the pasted text.
    assert.equal(pasted.replace(/\s+/g, " ").trim(), expected.replace(/\s+/g, " ").trim());

    // Mark as published: a bad URL is refused next to the field, a good one publishes it.
    let url = await typeInto(s, `[data-testid="due-url-${due.id}"]`, "instagram.com/p/1");
    await url.pressEnter();
    await s.waitForText(`[data-testid="due-${due.id}"] .field__error`, (t) => /https:\/\//.test(t));
    url = await typeInto(s, `[data-testid="due-url-${due.id}"]`, "https://www.instagram.com/p/komorebi1/");
    await h.screenshot("connections-mark-published");
    await url.pressEnter();
    await s.waitForText('[data-testid="due-status"]', (t) => /is marked as published/.test(t));
    assert.equal(await s.exists(`[data-testid="due-${due.id}"]`), false);
    const after = cli(h.dataDir, ["posts", "list"]).find((p) => p.id === due.id);
    assert.equal(after.status, "published");

    // Calendar → the post's drawer shows where it went live, per platform, with a Copy button.
    await (await s.find('[data-testid="nav-calendar"]')).click();
    await s.find(`[data-testid="post-${due.id}"]`, { timeout: 15000 });
    await s.execute(`const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
      el.scrollIntoView({ block: "center" }); el.click();`, [due.id]);
    await s.waitForText('[data-testid="post-published"] [data-testid="post-published-url"]', (t) => t === "https://www.instagram.com/p/komorebi1/");
    await s.execute(`document.querySelector('[data-testid="post-published"]').scrollIntoView({ block: "center" });`);
    // The drawer may still be settling (its post is re-read once open, which can reset the
    // section's "Copied" note): click again if the note does not appear.
    for (let attempt = 1; ; attempt++) {
      await (await s.find('[data-testid="post-published-copy"]')).click();
      try {
        await s.waitForText('[data-testid="post-published-status"]', (t) => /Copied the link/.test(t), { timeout: 3000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await h.screenshot("connections-drawer-published");
    await (await s.find('[data-testid="post-cancel"]')).click();

    // Settings → Connections: the keyring is there, add and test a calendar.
    await (await s.find('[data-testid="nav-settings"]')).click();
    await s.find('[data-testid="settings-connections"]');
    assert.equal(await s.exists('[data-testid="connections-no-secure-store"]'), false);
    await typeInto(s, '[data-testid="connection-label"]', "Team calendar");
    await typeInto(s, '[data-testid="connection-url"]', server.url);
    await typeInto(s, '[data-testid="connection-username"]', "alice");
    const pw = await typeInto(s, '[data-testid="connection-password"]', "wrong-password");
    await (await s.find('[data-testid="connection-test-new"]')).click();
    await s.waitForText('[data-testid="settings-connections"] .field__error', (t) => /\(401\)/.test(t), { timeout: 20000 });
    await typeInto(s, '[data-testid="connection-password"]', PASSWORD);
    assert.equal(await pw.attr("type"), "password");
    await (await s.find('[data-testid="connection-test-new"]')).click();
    await s.waitForText('[data-testid="connection-form-status"]', (t) => /Connected/.test(t), { timeout: 20000 });
    await (await s.find('[data-testid="connection-password"]')).pressEnter();
    await s.waitForText('[data-testid="connections-list"]', (t) => t.includes("Team calendar"), { timeout: 20000 });
    assert.equal(await (await s.find('[data-testid="connection-password"]')).prop("value"), "");
    await (await s.find('[data-testid^="connection-test-"]:not([data-testid="connection-test-new"])')).click();
    await s.waitForText('[data-testid="connections-list"] .status', (t) => /Connected/.test(t), { timeout: 20000 });
    await s.execute("document.querySelector('[data-testid=\"settings-connections\"]').scrollIntoView()");
    await h.screenshot("connections-settings");

    // Share → preview, publish, and the events are on the server.
    await (await s.find('[data-testid="nav-share"]')).click();
    await (await s.find('[data-testid="caldav-preview"]', { timeout: 15000 })).click();
    const preview = await s.waitForText('[data-testid="caldav-preview-result"]', (t) => /to create/.test(t), { timeout: 30000 });
    const planned = Number(preview.match(/(\d+) to create/)[1]);
    assert.ok(planned >= 30, preview);
    assert.equal(await server.list(), 0, "a preview sends nothing");
    await s.execute("document.querySelector('[data-testid=\"caldav-panel\"]').scrollIntoView()");
    await h.screenshot("connections-share-preview");
    await (await s.find('[data-testid="caldav-publish"]')).click();
    const done = await s.waitForText('[data-testid="caldav-publish-result"]', (t) => /^Published\./m.test(t), { timeout: 60000 });
    assert.match(done, new RegExp(`${planned} created`));
    assert.equal(await server.list(), planned);
    await s.waitForText('[data-testid="caldav-last-run"]', (t) => /Last published/.test(t));
    await s.execute("document.querySelector('[data-testid=\"caldav-panel\"]').scrollIntoView()");
    await h.screenshot("connections-share-published");

    // R14: the password is in the keyring only — not in the data folder (DB, WAL), nor anywhere
    // in the app's HOME in clear (gnome-keyring's file is encrypted).
    for (const f of [...filesUnder(h.dataDir), ...filesUnder(h.home)]) {
      const bytes = readFileSync(f);
      assert.equal(bytes.includes(Buffer.from(PASSWORD)), false, `password found in ${f}`);
    }
    assert.ok(filesUnder(path.join(h.home, ".local/share/keyrings")).length > 0, "gnome-keyring kept a keyring in the test HOME");
  } catch (e) {
    if (h.session) await h.screenshot("FAILED-connections").catch(() => {});
    throw e;
  } finally {
    await h.stop().catch(() => {});
    keyring.stop();
    server.stop();
  }
});

test("without a Secret Service the Connections section says so and stores nothing", async () => {
  const h = new Harness("connections-nostore");
  const empty = await startEmptyBus(h);
  h.extraEnv.DBUS_SESSION_BUS_ADDRESS = empty.bus;
  try {
    mkdirSync(h.dataDir, { recursive: true });
    cli(h.dataDir, ["demo"]);
    await h.start();
    await h.launch();
    const s = h.session;
    await (await s.find('[data-testid="nav-settings"]', { timeout: 30000 })).click();
    const banner = await s.waitForText('[data-testid="connections-no-secure-store"]', (t) => /No secure password store/.test(t), { timeout: 20000 });
    assert.match(banner, /nothing can be saved/);
    assert.equal(await (await s.find('[data-testid="connection-password"]')).prop("disabled"), true);
    // Nothing was stored: no connection row, and no keyring appeared in the app's HOME.
    assert.equal(await s.exists('[data-testid="connections-list"]'), false);
    await s.execute("document.querySelector('[data-testid=\"settings-connections\"]').scrollIntoView()");
    await h.screenshot("connections-no-secure-store");
  } catch (e) {
    if (h.session) await h.screenshot("FAILED-connections-nostore").catch(() => {});
    throw e;
  } finally {
    await h.stop().catch(() => {});
    empty.stop();
  }
});
