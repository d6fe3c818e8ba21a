// A small W3C WebDriver client for tauri-driver, with retries for dropped connections
// (tauri-driver 2.1 resets ~3-4% of requests).

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, application, args = []) {
    const value = await request(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async delete() {
    if (!this.id) return;
    const id = this.id;
    this.id = null;
    await request(this.base, "DELETE", `/session/${id}`).catch(() => {});
  }

  async find(css, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
        return new Element(this, v[ELEMENT]);
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) throw new WebDriverError(`no element matches ${css}: ${last?.message}`);
      await sleep(100);
    }
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this, e[ELEMENT]));
  }

  async exists(css) {
    return (await this.findAll(css)).length > 0;
  }

  /** Wait until `css` matches an element whose text satisfies `pred`. */
  async waitForText(css, pred, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    let text;
    for (;;) {
      try {
        text = await (await this.find(css, { timeout: 1000 })).text();
        if (pred(text)) return text;
      } catch {
        // not there yet
      }
      if (Date.now() > deadline) throw new WebDriverError(`${css} text never matched (last: ${JSON.stringify(text)})`);
      await sleep(100);
    }
  }

  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Run `script` with a `done` callback as its last argument (WebDriver "execute async"). */
  executeAsync(script, args = []) {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Viewport centres of `fromCss` and `toCss`, after scrolling the source into view. */
  async centres(fromCss, toCss) {
    return this.execute(
      `const a = document.querySelector(arguments[0]);
       const b = document.querySelector(arguments[1]);
       if (!a || !b) return null;
       a.scrollIntoView({ block: "center", inline: "nearest" });
       const c = (el) => { const r = el.getBoundingClientRect(); return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) }; };
       return { from: c(a), to: c(b) };`,
      [fromCss, toCss],
    );
  }

  /** Pointer-drag from the centre of `fromCss` to the centre of `toCss` (the verified recipe:
   * move, down, pause, several small moves, pause, up). Pointer events, not HTML5 DnD; the
   * target must be on screen once the source is scrolled into view. */
  async drag(fromCss, toCss, { steps = 8, stepMs = 40 } = {}) {
    const at = await this.centres(fromCss, toCss);
    if (!at) throw new WebDriverError(`drag: ${fromCss} or ${toCss} is missing`);
    const start = at.from;
    const to = at.to;
    const actions = [
      { type: "pointerMove", duration: 0, origin: "viewport", x: start.x, y: start.y },
      { type: "pointerDown", button: 0 },
      { type: "pause", duration: 50 },
    ];
    for (let i = 1; i <= steps; i++) {
      actions.push({
        type: "pointerMove",
        duration: stepMs,
        origin: "viewport",
        x: Math.round(start.x + ((to.x - start.x) * i) / steps),
        y: Math.round(start.y + ((to.y - start.y) * i) / steps),
      });
    }
    actions.push({ type: "pause", duration: 50 }, { type: "pointerUp", button: 0 });
    try {
      await this.cmd("POST", "/actions", {
        actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }],
      });
    } finally {
      await this.cmd("DELETE", "/actions").catch(() => {});
    }
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  click() {
    return this.s.cmd("POST", `/element/${this.id}/click`, {});
  }
  async clear() {
    await this.s.cmd("POST", `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.s.cmd("POST", `/element/${this.id}/value`, { text });
  }
  /** The rendered text (innerText). WebKitWebDriver's own "element text" returns "" for
   * some visible, ellipsis-styled elements. */
  text() {
    return this.s.execute("return arguments[0].innerText", [{ [ELEMENT]: this.id }]);
  }
  /** Submit the form this field belongs to by pressing Enter in it, as a user would.
   * (WebKitWebDriver's element click on a submit button fires `click` but not the form's
   * `submit`; a real X11 click does submit, checked with xdotool.) */
  pressEnter() {
    return this.type("\uE007");
  }
  attr(name) {
    return this.s.cmd("GET", `/element/${this.id}/attribute/${name}`);
  }
  prop(name) {
    return this.s.cmd("GET", `/element/${this.id}/property/${name}`);
  }
  /** Choose an <option> of this <select> by value, by clicking it as a user would. */
  async select(value) {
    const v = await this.s.cmd("POST", `/element/${this.id}/element`, {
      using: "css selector",
      value: `option[value="${value}"]`,
    });
    await new Element(this.s, v[ELEMENT]).click();
  }
}

async function request(base, method, path, body) {
  let lastError;
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const res = await fetch(base + path, {
        method,
        headers: body ? { "content-type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(60000),
      });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) {
        const v = json.value ?? {};
        throw new WebDriverError(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`.trim());
      }
      return json.value;
    } catch (e) {
      if (e instanceof WebDriverError) throw e;
      // Retry only dropped connections; a request that timed out is an answer too.
      const code = e?.cause?.code ?? e?.code;
      if (!["ECONNRESET", "ECONNREFUSED", "EPIPE", "UND_ERR_SOCKET"].includes(code)) {
        throw new WebDriverError(`${method} ${path}: ${e?.name === "TimeoutError" ? "no answer within 60 s" : e}`);
      }
      lastError = e;
      await sleep(200 * (attempt + 1));
    }
  }
  throw new WebDriverError(`${method} ${path} failed after retries: ${lastError?.cause?.code ?? lastError}`);
}
