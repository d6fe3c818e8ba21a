// Calendar e2e: the sample bakery's posts on the month grid, pointer-drag to reschedule (it
// survives a relaunch), dropping a backlog idea onto a day, the keyboard "Move to…" dialog,
// Japanese, and screenshots of month, week and list.
import { test } from "node:test";
import assert from "node:assert/strict";
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

/** Visible posts on the grid: id, day cell and status. */
function visiblePosts(s) {
  return s.execute(`return [...document.querySelectorAll('[data-testid^="post-"]')]
    .filter((el) => el.closest('[data-date]') && el.getBoundingClientRect().height > 0)
    .map((el) => ({ id: el.dataset.testid.slice(5), date: el.closest('[data-date]').dataset.date, status: el.dataset.status }));`);
}

function dayOf(s, id) {
  return s.execute(`const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
    return el && el.closest('[data-date]') ? el.closest('[data-date]').dataset.date : null;`, [id]);
}

function shiftDay(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function openSampleCalendar(h) {
  await h.launch();
  const s = h.session;
  await (await s.find('[data-testid="welcome-sample"]', { timeout: 30000 })).click();
  await s.waitForText('[data-testid="sidebar-business-name"]', (t) => t === "Komorebi Bakery");
  await (await s.find('[data-testid="nav-calendar"]')).click();
  await s.find('[data-testid="calendar"] [data-testid^="post-"]', { timeout: 15000 });
  return s;
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

test("month view shows posts; dragging one to another day sticks after a relaunch", async () => {
  await withApp("calendar-drag", async (h) => {
    let s = await openSampleCalendar(h);
    const posts = await visiblePosts(s);
    assert.ok(posts.length >= 3, `the sample month shows posts (${posts.length})`);
    await h.screenshot("calendar-month");

    const movable = posts.filter((p) => p.status !== "published");
    assert.ok(movable.length > 0, "some sample posts can still be moved");
    // A post whose neighbour day is on the grid; move it one day (back if it is the last cell).
    let pick = null;
    for (const p of movable) {
      for (const n of [1, -1]) {
        const target = shiftDay(p.date, n);
        if (await s.exists(`.calendar__grid [data-date="${target}"]`)) {
          pick = { ...p, target };
          break;
        }
      }
      if (pick) break;
    }
    assert.ok(pick, "a post with a neighbouring day");
    await s.drag(`[data-testid="post-${pick.id}"]`, `.calendar__grid [data-date="${pick.target}"]`);
    await s.waitForText('[data-testid="calendar-notice"]', (t) => t.startsWith("Moved"));
    assert.equal(await dayOf(s, pick.id), pick.target);

    await h.relaunch();
    s = h.session;
    await (await s.find('[data-testid="nav-calendar"]', { timeout: 30000 })).click();
    await s.find(`[data-testid="post-${pick.id}"]`, { timeout: 15000 });
    assert.equal(await dayOf(s, pick.id), pick.target, "the move was saved");
  });
});

test("a backlog idea dropped on a day is scheduled; the keyboard Move to… dialog works; Japanese; week and list", async () => {
  await withApp("calendar-backlog", async (h) => {
    const s = await openSampleCalendar(h);
    const idea = await s.execute(`const el = document.querySelector('[data-backlog-id]');
      return el ? { id: el.dataset.backlogId, title: el.dataset.title } : null;`);
    assert.ok(idea, "the sample has unscheduled ideas");
    // A day cell on screen once the idea is scrolled into view.
    let target = await s.execute(`
      document.querySelector('[data-backlog-id]').scrollIntoView({ block: "center" });
      const cells = [...document.querySelectorAll('.calendar__grid [data-date]')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.height > 0 && r.top > 0 && r.bottom < window.innerHeight;
      });
      return cells.length ? cells[cells.length - 1].dataset.date : JSON.stringify([...document.querySelectorAll('.calendar__grid [data-date]')].slice(0, 3).map((c) => [c.tagName, JSON.stringify(c.getBoundingClientRect())]));`);
    assert.match(String(target), /^\d{4}-\d{2}-\d{2}$/, `a visible day: ${target}`);
    assert.ok(target, "a visible day to drop on");
    await s.drag(`[data-backlog-id="${idea.id}"]`, `.calendar__grid [data-date="${target}"]`);
    await s.waitForText('[data-testid="calendar-notice"]', (t) => t.includes(idea.title));
    await waitFor(async () => !(await s.exists(`[data-backlog-id="${idea.id}"]`)), "the idea to leave the backlog");
    // The idea is now a post on the grid (the day under the pointer; cells measured before the
    // drag can shift by a row when the page scrolls, so take the day it landed on).
    const landed = await waitFor(() => dayOf(s, idea.id), "the idea on the grid");
    assert.match(landed, /^\d{4}-\d{2}-\d{2}$/);
    target = landed;
    await h.screenshot("calendar-after-drop");

    // Keyboard: focus the post, M opens "Move to…", choose a date, Enter moves it.
    await s.execute(`document.querySelector('[data-testid="post-' + arguments[0] + '"]').focus();`, [idea.id]);
    await s.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: "m" }, { type: "keyUp", value: "m" }] }],
    });
    await s.find('[data-testid="move-dialog"]');
    const newDay = shiftDay(target, 2);
    await s.execute(`const input = document.querySelector('[data-testid="move-date"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, arguments[0]);
      input.dispatchEvent(new Event("input", { bubbles: true }));`, [newDay]);
    await h.screenshot("calendar-move-dialog");
    await (await s.find('[data-testid="move-submit"]')).click();
    await waitFor(async () => !(await s.exists('[data-testid="move-dialog"]')), "the dialog to close");
    await waitFor(async () => (await dayOf(s, idea.id)) === newDay || !(await s.exists(`.calendar__grid [data-date="${newDay}"]`)), "the keyboard move");

    // Undo puts it back on the dropped day.
    await (await s.find('[data-testid="calendar-undo"]')).click();
    await waitFor(async () => (await dayOf(s, idea.id)) === target, "undo");

    // Open a post: the drawer.
    // (The day may be dense enough that the chip sits in the "+N more" overflow, which WebDriver
    // calls not interactable: dispatch the click on the post's element itself.)
    await s.execute(`const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
      el.scrollIntoView({ block: "center" }); el.click();`, [idea.id]);
    await s.find('[data-testid="post-drawer"] [data-testid="post-status"]');
    await h.screenshot("calendar-drawer");
    await (await s.find('[data-testid="post-cancel"]')).click();

    await (await s.find('[data-testid="calendar-view-timeGridWeek"]')).click();
    await s.find('.calendar__grid [data-testid^="post-"]');
    // The week opens at the working morning (or an hour above an earlier post), not at 00:00.
    const week = await waitFor(async () => {
      const v = await s.execute(`
        const slots = [...document.querySelectorAll('.calendar__grid [data-time]')];
        const first = slots[0];
        let scroller = first ? first.parentElement : null;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 4 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
        if (!scroller || scroller.scrollTop === 0) return null;
        const top = scroller.getBoundingClientRect().top;
        const visible = slots.filter((el) => el.getBoundingClientRect().bottom > top + 2 && el.getBoundingClientRect().height > 0);
        const posts = [...document.querySelectorAll('.calendar__grid [data-testid^="post-"]')]
          .filter((el) => el.getBoundingClientRect().height > 0)
          .map((el) => ({ time: (el.getAttribute('aria-label') || '').slice(11, 16), above: el.getBoundingClientRect().top < top }));
        return { firstVisible: visible.length ? visible[0].dataset.time : null, scrollTop: scroller.scrollTop, posts };`);
      return v && v.firstVisible ? v : null;
    }, "the week view to scroll to the morning");
    assert.ok(week.firstVisible >= "04:00" && week.firstVisible <= "07:00", `the week opens in the morning (${JSON.stringify(week)})`);
    assert.ok(week.posts.length > 0 && week.posts.every((p) => !p.above), `no post of the week hides above the view (${JSON.stringify(week.posts)})`);
    await h.screenshot("calendar-week");
    await (await s.find('[data-testid="calendar-view-listMonth"]')).click();
    await s.find('.calendar__grid [data-testid^="post-"]');
    await h.screenshot("calendar-list");

    await (await s.find('[data-testid="nav-settings"]')).click();
    await (await s.find('[data-testid="settings-language"]')).select("ja");
    await (await s.find('[data-testid="nav-calendar"]')).click();
    await s.waitForText('[data-testid="calendar-backlog"] h2', (t) => t === "日付未定のアイデア");
    await (await s.find('[data-testid="calendar-view-dayGridMonth"]')).click();
    const title = await (await s.find('[data-testid="calendar-title"]')).text();
    assert.match(title, /年|月/, `the month title is Japanese (${title})`);
    await h.screenshot("calendar-month-ja");
  });
});

test("an existing single post becomes the first of a weekly series that ends on a date", async () => {
  await withApp("calendar-series", async (h) => {
    const s = await openSampleCalendar(h);
    const posts = (await visiblePosts(s)).filter((p) => p.status !== "published");
    assert.ok(posts.length > 0, "the sample month has posts that are not published");
    let pick = null;
    for (const p of posts) {
      await s.execute(`const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
        el.scrollIntoView({ block: "center" }); el.click();`, [p.id]);
      await s.find('[data-testid="post-drawer"] [data-testid="post-status"]');
      if (await s.exists('[data-testid="post-drawer"] [data-testid="series-fields"]')) {
        pick = p;
        break;
      }
      await (await s.find('[data-testid="post-cancel"]')).click();
      await waitFor(async () => !(await s.exists('[data-testid="post-drawer"]')), "the drawer to close");
    }
    assert.ok(pick, "a sample post that is not in a series yet");
    const title = await s.execute(`return document.querySelector('[data-testid="post-title"]').value;`);
    await (await s.find('[data-testid="series-frequency"]')).select("weekly");
    await (await s.find('[data-testid="series-ends-until"]')).click();
    const setUntil = (day) =>
      s.execute(`const input = document.querySelector('[data-testid="series-until"]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, arguments[0]);
        input.dispatchEvent(new Event("input", { bubbles: true }));`, [day]);
    // An end date before the post: core's message appears next to the date field.
    await setUntil(shiftDay(pick.date, -1));
    await (await s.find('[data-testid="post-save"]')).click();
    await s.waitForText('[data-testid="series-until-error"]', (t) => t.includes("after the first post"));
    await s.execute(`document.querySelector('[data-testid="series-fields"]').scrollIntoView({ block: "center" });`);
    await h.screenshot("calendar-series-until-error");

    await setUntil(shiftDay(pick.date, 14));
    await s.execute(`document.querySelector('[data-testid="series-fields"]').scrollIntoView({ block: "center" });`);
    await h.screenshot("calendar-series-from-post");
    await (await s.find('[data-testid="post-save"]')).click();
    await waitFor(async () => !(await s.exists('[data-testid="post-drawer"]')), "the drawer to close after starting the series");

    // The next occurrence is on the grid a week later (when that day is in view), and the
    // original post now offers the series choices.
    const nextDay = shiftDay(pick.date, 7);
    if (await s.exists(`.calendar__grid [data-date="${nextDay}"]`)) {
      await waitFor(
        () =>
          s.execute(`return [...document.querySelectorAll('.calendar__grid [data-date="' + arguments[0] + '"] [data-testid^="post-"]')]
            .some((el) => (el.getAttribute('aria-label') || '').endsWith(arguments[1]));`, [nextDay, title]),
        "the copy a week later",
      );
    }
    await s.execute(`const el = document.querySelector('[data-testid="post-' + arguments[0] + '"]');
      el.scrollIntoView({ block: "center" }); el.click();`, [pick.id]);
    await s.find('[data-testid="post-drawer"] [data-testid="series-scope"]');
    assert.equal(await s.exists('[data-testid="post-drawer"] [data-testid="series-fields"]'), false);
  });
});
