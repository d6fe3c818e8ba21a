// Content e2e (issue 6, second part): the post editor's per-platform versions with live
// counters and errors, the approval flow with a risk word (acknowledge, sign off, approve),
// a recurring series made from the drawer, the events lane with a holiday and a new event,
// the incident playbook, Japanese, and a 300-post month (render and drag-settle times are
// printed, never asserted).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Harness } from "./lib/harness.mjs";

async function withApp(name, body) {
  const h = new Harness(name);
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

async function waitFor(pred, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await pred();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function openSample(h) {
  await h.launch();
  const s = h.session;
  await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
  await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Komorebi Bakery");
  return s;
}

async function openCalendar(s) {
  await (await s.find('[data-testid="nav-calendar"]')).click();
  await s.find('[data-testid="calendar"] [data-testid^="post-"]', { timeout: 15000 });
}

/** Set a React-controlled input/textarea/select the way typing would. */
function setValue(s, css, value) {
  return s.execute(
    `const el = document.querySelector(arguments[0]);
     const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, "value").set.call(el, arguments[1]);
     el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));`,
    [css, value],
  );
}

/** Click through JS (elements in a scrolled drawer or a "+N more" overflow). */
function jsClick(s, css) {
  return s.execute(`const el = document.querySelector(arguments[0]); el.scrollIntoView({ block: "center" }); el.click();`, [css]);
}

async function text(s, css) {
  return (await s.find(css)).text();
}

test("the post editor counts per platform live, and a risky post is approved only after acknowledgement and sign-off", async () => {
  await withApp("content-editor", async (h) => {
    const s = await openSample(h);
    await openCalendar(s);
    await (await s.find('[data-testid="calendar-new"]')).click();
    await s.find('[data-testid="post-drawer"]');
    await (await s.find('[data-testid="post-title"]')).type("Best croissant launch");
    await (await s.find('[data-testid="post-body"]')).type("Our best croissant ever, guaranteed crisp.");
    // A new post starts on the first active platform (Instagram); add LINE.
    assert.equal(await (await s.find('[data-testid="post-platform-instagram"]')).prop("checked"), true);
    await jsClick(s, '[data-testid="post-platform-line_official_account"]');
    await s.find('[data-testid="variant-tab-instagram"]');
    // The Instagram version inherits the main text and counts it.
    await s.waitForText('[data-testid="variant-counter"]', (t) => t.startsWith("42 / 2200"));
    assert.ok(await s.exists('[data-testid="variant-inherits"]'), "inherits the main text");

    // An own, too long version: the counter turns red and the error is shown live.
    await setValue(s, '[data-testid="variant-text"]', "パン".repeat(1150));
    await s.waitForText('[data-testid="variant-counter"]', (t) => t.startsWith("2300 / 2200"));
    await s.waitForText('[data-testid="variant-issues"]', (t) => t.includes("Instagram allows 2200"));
    await s.waitForText('[data-testid="variant-tab-instagram"]', (t) => t.includes("1"));
    await h.screenshot("content-variant-error");
    // Reset goes back to the main text; LINE counts UTF-16 on its own tab.
    await jsClick(s, '[data-testid="variant-reset"]');
    await s.waitForText('[data-testid="variant-counter"]', (t) => t.startsWith("42 / 2200"));
    await jsClick(s, '[data-testid="variant-tab-line_official_account"]');
    await s.waitForText('[data-testid="variant-counter"]', (t) => t.startsWith("42 / 5000"));
    await jsClick(s, '[data-testid="post-save"]');
    await waitFor(async () => !(await s.exists('[data-testid="post-drawer"]')), "the drawer to close");

    // The new draft waits in the backlog (no date); open it and send it for review.
    const id = await waitFor(
      () => s.execute(`const el = [...document.querySelectorAll('[data-backlog-id]')].find((e) => e.dataset.title === "Best croissant launch"); return el ? el.dataset.backlogId : null;`),
      "the new idea in the backlog",
    );
    await jsClick(s, `[data-testid="idea-${id}"] .calendar__idea-open`);
    await s.waitForText('[data-testid="post-status"]', (t) => t === "Draft");
    assert.ok(!(await s.exists('[data-testid="post-to-approved"]')), "a draft cannot jump to approved");
    await jsClick(s, '[data-testid="post-to-in_review"]');
    await s.waitForText('[data-testid="post-status"]', (t) => t === "In review");

    // Approve is blocked by the risk words and the manager sign-off.
    await s.find('[data-testid="risk-ack-best"]');
    await s.find('[data-testid="risk-ack-guaranteed"]');
    await s.waitForText('[data-testid="approve-blockers"]', (t) => t.includes("risk warning") && t.includes("Manager review"));
    assert.equal(await (await s.find('[data-testid="post-to-approved"]')).prop("disabled"), true);
    await h.screenshot("content-approval-blocked");
    // One at a time: each acknowledgement is saved before the next button is enabled again.
    await jsClick(s, '[data-testid="risk-ack-best"]');
    await waitFor(async () => !(await s.exists('[data-testid="risk-ack-best"]')), "“best” acknowledged");
    await waitFor(async () => (await (await s.find('[data-testid="risk-ack-guaranteed"]')).prop("disabled")) === false, "the next button");
    await jsClick(s, '[data-testid="risk-ack-guaranteed"]');
    await waitFor(async () => !(await s.exists('[data-testid^="risk-ack-"]')), "every risk acknowledged");
    await jsClick(s, '[data-testid="signoff-button-manager_review"]');
    await s.waitForText('[data-testid="signoff-manager_review"]', (t) => t.includes("Signed off by"));
    await waitFor(async () => (await (await s.find('[data-testid="post-to-approved"]')).prop("disabled")) === false, "approve to be enabled");
    await jsClick(s, '[data-testid="post-to-approved"]');
    await s.waitForText('[data-testid="post-status"]', (t) => t === "Approved");

    // A comment, and the history records every step.
    await (await s.find('[data-testid="comment-input"]')).type("Checked the claims with Ken.");
    await jsClick(s, '[data-testid="comment-add"]');
    await s.waitForText('[data-testid="post-comments"]', (t) => t.includes("Checked the claims with Ken."));
    await s.execute(`document.querySelector('.approval__history').open = true;`);
    await s.waitForText('[data-testid="post-history"]', (t) => t.includes("In review → Approved"));
    await s.execute(`document.querySelector('[data-testid="approval-panel"]').scrollIntoView({ block: "start" });`);
    await h.screenshot("content-approved-drawer");
  });
});

test("a weekly series from the drawer, the events lane with a holiday and a new event, the playbook, Japanese", async () => {
  await withApp("content-series", async (h) => {
    const s = await openSample(h);
    await openCalendar(s);

    // A weekly series of 3, starting on the second day shown in the grid.
    const days = await s.execute(`return [...document.querySelectorAll('.calendar__grid [data-date]')].map((c) => c.dataset.date);`);
    const start = days[8];
    await (await s.find('[data-testid="calendar-new"]')).click();
    await (await s.find('[data-testid="post-title"]')).type("Weekly sourdough tip");
    await (await s.find('[data-testid="post-body"]')).type("This week's sourdough tip.");
    await setValue(s, '[data-testid="post-scheduled"]', `${start}T10:00`);
    await setValue(s, '[data-testid="series-frequency"]', "weekly");
    await setValue(s, '[data-testid="series-count"]', "3");
    await h.screenshot("content-series-drawer");
    await jsClick(s, '[data-testid="post-save"]');
    await waitFor(async () => !(await s.exists('[data-testid="post-drawer"]')), "the drawer to close");
    const occurrences = await waitFor(async () => {
      const found = await s.execute(
        `return [...document.querySelectorAll('.calendar__grid [data-testid^="post-"]')].filter((el) => el.textContent.includes("Weekly sourdough tip")).map((el) => el.closest('[data-date]').dataset.date);`,
      );
      return found.length === 3 ? found : null;
    }, "three occurrences on the grid");
    assert.deepEqual(
      [...occurrences].sort(),
      [0, 7, 14].map((n) => {
        const d = new Date(`${start}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + n);
        return d.toISOString().slice(0, 10);
      }),
    );

    // The events lane: move forward until the range shows a public holiday.
    let holiday = null;
    for (let i = 0; i < 4 && !holiday; i++) {
      holiday = await s.execute(`const el = document.querySelector('[data-testid^="holiday-"]'); return el ? el.dataset.testid.slice(8) : null;`);
      if (!holiday) {
        await (await s.find('[data-testid="calendar-next"]')).click();
        await new Promise((r) => setTimeout(r, 600));
      }
    }
    assert.ok(holiday, "a holiday within four months");
    await waitFor(() => s.exists(`[data-testid^="lane-holiday-JP-${holiday}"]`), "the holiday shaded on the grid");

    // A new store event on a visible day shows in the list and on the grid; then edit it.
    const eventDay = await s.execute(`return [...document.querySelectorAll('.calendar__grid [data-date]')][10].dataset.date;`);
    await jsClick(s, '[data-testid="event-new"]');
    await (await s.find('[data-testid="event-title"]')).type("Bread fair");
    await setValue(s, '[data-testid="event-starts"]', eventDay);
    await jsClick(s, '[data-testid="event-save"]');
    await waitFor(async () => !(await s.exists('[data-testid="event-dialog"]')), "the event dialog to close");
    await s.waitForText('[data-testid="events-panel"]', (t) => t.includes("Bread fair"));
    await waitFor(
      () => s.execute(`return [...document.querySelectorAll('[data-testid^="lane-event-"]')].some((el) => el.textContent.includes("Bread fair"));`),
      "the event on the grid",
    );
    await h.screenshot("content-events-lane");

    // The incident playbook on the Pillars & mix page, with the sample contacts.
    await (await s.find('[data-testid="nav-pillars"]')).click();
    await s.waitForText('[data-testid="incident-step-escalate"]', (t) => t.includes("Mariko Sato"), { timeout: 15000 });
    await s.find('[data-testid="team-section"]');
    await new Promise((r) => setTimeout(r, 500));
    await s.execute(`document.querySelector('[data-testid="incident-playbook"]').scrollIntoView({ block: "start" });`);
    await h.screenshot("content-incident-playbook");

    // Japanese.
    await (await s.find('[data-testid="nav-settings"]')).click();
    await (await s.find('[data-testid="settings-language"]')).select("ja");
    await (await s.find('[data-testid="nav-pillars"]')).click();
    await s.waitForText('[data-testid="incident-playbook"] h2', (t) => t === "炎上・トラブル対応の手順", { timeout: 15000 });
    await (await s.find('[data-testid="nav-calendar"]')).click();
    await s.waitForText('[data-testid="events-panel"] h2', (t) => t === "イベントと祝日");
    await jsClick(s, '.calendar__grid [data-testid^="post-"]');
    await s.waitForText('[data-testid="approval-panel"] h3', (t) => t === "確認と承認");
    await s.waitForText('[data-testid="variant-editor"]', (t) => t.includes("基本の本文") || t.includes("に戻す"));
    await h.screenshot("content-drawer-ja");
  });
});

test("a 300-post month renders and a drag settles (numbers printed, not asserted)", async () => {
  await withApp("content-perf", async (h) => {
    let s = await openSample(h);
    await h.quit();
    // 300 copies of a sample post spread over this month (wall times in the sample's zone).
    const db = path.join(h.dataDir, "plotline.db");
    const now = new Date();
    const tokyo = new Date(now.getTime() + 9 * 3600 * 1000);
    const ym = tokyo.toISOString().slice(0, 7);
    const daysIn = new Date(Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth() + 1, 0)).getUTCDate();
    const sql = `
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299),
      src AS (SELECT * FROM posts WHERE scheduled_at IS NOT NULL AND status <> 'published' LIMIT 1)
      INSERT INTO posts (id, title, body, pillar_id, content_type, format, scheduled_at, time_zone, local_time, status, notes, links, created_at, updated_at)
      SELECT 'perf-' || printf('%03d', i), 'Load test post ' || i, src.body, src.pillar_id, src.content_type, src.format,
        strftime('%Y-%m-%dT%H:%M:%SZ', datetime('${ym}-01 08:00', '+' || (i % ${daysIn}) || ' days', '+' || (i % 9) || ' hours', '-9 hours')),
        'Asia/Tokyo',
        strftime('%Y-%m-%dT%H:%M', datetime('${ym}-01 08:00', '+' || (i % ${daysIn}) || ' days', '+' || (i % 9) || ' hours')),
        'draft', '', '[]', src.created_at, src.updated_at
      FROM n, src;
      INSERT INTO post_variants (id, post_id, platform, hashtags, link_placement, created_at, updated_at)
      SELECT 'perfv-' || id, id, 'instagram', '[]', 'none', created_at, updated_at FROM posts WHERE id LIKE 'perf-%';
      SELECT count(*) FROM posts WHERE scheduled_at LIKE '${ym}%' OR local_time LIKE '${ym}%';`;
    const count = execFileSync("sqlite3", [db, sql], { encoding: "utf8" }).trim();
    console.log(`# posts this month after seeding: ${count}`);
    assert.ok(Number(count) >= 300, `at least 300 posts this month (${count})`);

    await h.launch();
    s = h.session;
    await s.find('[data-testid="nav-calendar"]', { timeout: 30000 });
    // Every IPC call from here on (Tauri sends them as fetches to ipc://): command, round trip
    // and the size of the answer.
    await s.execute(`window.__ipc = [];
      const original = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const url = String(input && input.url ? input.url : input);
        const t0 = performance.now();
        const response = await original(input, init);
        if (url.startsWith('ipc:') || url.includes('ipc.localhost')) {
          const cmd = decodeURIComponent(url.split('/').pop());
          const bytes = (await response.clone().arrayBuffer()).byteLength;
          window.__ipc.push({ cmd, ms: performance.now() - t0, bytes });
          if (cmd === 'calendar_range' && !window.__rangeAt) window.__rangeAt = performance.now();
        }
        return response;
      };`);
    // Month render: from the click on Calendar to the grid holding its chips (in the page).
    await s.execute(`window.__perf = null;
      const t0 = performance.now();
      document.querySelector('[data-testid="nav-calendar"]').click();
      const tick = () => {
        const chips = document.querySelectorAll('.calendar__grid [data-testid^="post-"]').length;
        if (chips >= 60) requestAnimationFrame(() => { window.__perf = { ms: performance.now() - t0, chips, data: window.__rangeAt - t0 }; });
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);`);
    const render = await waitFor(() => s.execute("return window.__perf;"), "the month to render", 30000);
    // Month switch back and forth (data cached in the page after the first visit).
    await s.execute(`window.__perf2 = null;
      const t0 = performance.now();
      document.querySelector('[data-testid="calendar-next"]').click();
      setTimeout(() => {
        const t1 = performance.now();
        document.querySelector('[data-testid="calendar-prev"]').click();
        const tick = () => {
          if (document.querySelectorAll('.calendar__grid [data-testid^="post-perf-"]').length >= 60)
            requestAnimationFrame(() => { window.__perf2 = { ms: performance.now() - t1 }; });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, 300);`);
    const back = await waitFor(() => s.execute("return window.__perf2;"), "the month to come back", 30000);

    // Drag one load-test post to the next day; time from the drop (pointerup) to the chip
    // sitting in the new day's cell with the "Moved" notice shown.
    const pick = await s.execute(`
      for (const el of document.querySelectorAll('.calendar__grid [data-testid^="post-perf-"]')) {
        const r = el.getBoundingClientRect();
        if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight - 120) continue;
        const day = el.closest('[data-date]').dataset.date;
        const d = new Date(day + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1);
        const target = d.toISOString().slice(0, 10);
        const cell = document.querySelector('.calendar__grid [data-date="' + target + '"]');
        if (cell && cell.getBoundingClientRect().height > 0) return { id: el.dataset.testid.slice(5), day, target };
      }
      return null;`);
    assert.ok(pick, "a visible load-test post with a next day on screen");
    await s.execute(`window.__drop = null; window.__settled = null;
      document.addEventListener('pointerup', () => {
        window.__drop = performance.now();
        const tick = () => {
          const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
          const notice = document.querySelector('[data-testid="calendar-notice"]').innerText;
          if (el && el.closest('[data-date]') && el.closest('[data-date]').dataset.date === arguments[1] && notice.startsWith('Moved'))
            requestAnimationFrame(() => { window.__settled = performance.now() - window.__drop; });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, { capture: true, once: true });`, [pick.id, pick.target]);
    await s.drag(`[data-testid="post-${pick.id}"]`, `.calendar__grid [data-date="${pick.target}"]`);
    const settled = await waitFor(() => s.execute("return window.__settled;"), "the drop to settle", 20000);
    await h.screenshot("content-300-posts-month");
    console.log(`# PERF month render with ${count} posts this month: ${render.ms.toFixed(0)} ms (${render.chips} chips drawn, the rest in "+N more"; the month's posts were in the page after ${render.data.toFixed(0)} ms)`);
    console.log(`# PERF month switch back (cached): ${back.ms.toFixed(0)} ms`);
    console.log(`# PERF drag: drop to settled DOM: ${settled.toFixed(0)} ms`);
    const ipc = await s.execute("return window.__ipc;");
    const byCmd = new Map();
    for (const call of ipc) {
      const sum = byCmd.get(call.cmd) ?? { calls: 0, ms: 0, bytes: 0 };
      byCmd.set(call.cmd, { calls: sum.calls + 1, ms: sum.ms + call.ms, bytes: Math.max(sum.bytes, call.bytes) });
    }
    for (const [cmd, sum] of byCmd) {
      console.log(`# PERF ipc ${cmd}: ${sum.calls} call(s), ${sum.ms.toFixed(0)} ms in total, largest answer ${(sum.bytes / 1024).toFixed(1)} KB`);
    }
    assert.ok(render.ms > 0 && settled > 0);
  });
});
