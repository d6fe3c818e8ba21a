// Starts Xvfb and tauri-driver for the real Plotline binary, each run in its own HOME and
// XDG folders, and always stops every process it started (also on failure).

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync, writeFileSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "./webdriver.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const APP = process.env.PLOTLINE_E2E_APP ?? path.join(ROOT, "target/debug/plotline");
export const OUT = path.join(ROOT, "test-output/e2e");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = new Set();

function track(child) {
  started.add(child);
  child.on("exit", () => started.delete(child));
  return child;
}

function stopAll() {
  for (const child of started) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      try { child.kill("SIGKILL"); } catch { /* gone */ }
    }
  }
}
process.on("exit", stopAll);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stopAll(); process.exit(130); });

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

async function startXvfb() {
  const child = track(
    spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x860x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
      detached: true,
    }),
  );
  const display = await new Promise((resolve, reject) => {
    let buf = "";
    child.stdio[3].on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) resolve(`:${buf.trim()}`);
    });
    child.on("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => reject(new Error("Xvfb did not start")), 10000);
  });
  return { child, display };
}

/** One isolated app environment: its own HOME, XDG folders and Plotline data folder. */
export class Harness {
  constructor(name, extraEnv = {}) {
    this.name = name;
    this.extraEnv = extraEnv;
    this.tmp = mkdtempSync(path.join(tmpdir(), `plotline-e2e-${name}-`));
    this.home = path.join(this.tmp, "home");
    this.dataDir = path.join(this.tmp, "plotline-data");
    this.runtimeDir = path.join(this.tmp, "run");
    for (const d of [this.home, this.dataDir, this.runtimeDir]) mkdirSync(d, { recursive: true, mode: 0o700 });
    this.session = null;
  }

  env() {
    const env = { ...process.env };
    // Never reach a developer's desktop session: a Plotline already open there would take
    // the single-instance D-Bus name and our test window would hand over to it.
    delete env.DBUS_SESSION_BUS_ADDRESS;
    return {
      ...env,
      HOME: this.home,
      XDG_DATA_HOME: path.join(this.home, ".local/share"),
      XDG_CONFIG_HOME: path.join(this.home, ".config"),
      XDG_CACHE_HOME: path.join(this.home, ".cache"),
      XDG_RUNTIME_DIR: this.runtimeDir,
      // Every process of this run inherits the marker, so stop() can find the ones that
      // detached from us (an autolaunched D-Bus daemon, a portal, a stray WebKit process).
      PLOTLINE_E2E_RUN: this.tmp,
      // No desktop portals: a document portal would mount a FUSE file system in the runtime dir.
      GTK_USE_PORTAL: "0",
      GDK_DEBUG: "no-portals",
      PLOTLINE_DATA_DIR: this.dataDir,
      DISPLAY: this.display,
      LANG: "en_US.UTF-8",
      TZ: "Asia/Tokyo",
      ...this.extraEnv,
    };
  }

  async start() {
    if (!existsSync(APP)) throw new Error(`${APP} is missing: build it with 'cargo build --bin plotline'`);
    const x = await startXvfb();
    this.xvfb = x.child;
    this.display = x.display;
    this.port = await freePort();
    const nativePort = await freePort();
    this.driver = track(
      spawn("tauri-driver", ["--port", String(this.port), "--native-port", String(nativePort)], {
        env: this.env(),
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      }),
    );
    this.driverLog = "";
    this.driver.stderr.on("data", (d) => { this.driverLog += d; });
    const deadline = Date.now() + 15000;
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/status`);
        if (r.ok || r.status < 500) break;
      } catch { /* not yet */ }
      if (Date.now() > deadline) throw new Error(`tauri-driver did not start: ${this.driverLog}`);
      await sleep(100);
    }
    return this;
  }

  /** Launch the app (a new WebDriver session). Returns ms from request to session ready. */
  async launch() {
    const t0 = performance.now();
    this.session = await Session.create(`http://127.0.0.1:${this.port}`, APP);
    return performance.now() - t0;
  }

  /** Quit the app by ending the session. */
  async quit() {
    if (this.session) await this.session.delete();
    this.session = null;
    await sleep(500);
  }

  async relaunch() {
    await this.quit();
    return this.launch();
  }

  /** Everything the WebView may have stored (its data and cache folders). */
  wipeWebviewStorage() {
    for (const d of [".local/share", ".cache", ".config"]) rmSync(path.join(this.home, d), { recursive: true, force: true });
  }

  async screenshot(name) {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `${name}.png`);
    // A capture right after a change can show the previous frame: let two frames paint.
    await this.session
      .executeAsync("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")
      .catch(() => {});
    writeFileSync(file, await this.session.screenshot());
    return file;
  }

  /** Memory of the app's processes (PSS, kB) from /proc/<pid>/smaps_rollup. */
  appPss() {
    try {
      const out = execFileSync("bash", ["-c",
        `for p in $(pgrep -f "${APP}|WebKitWebProcess|WebKitNetworkProcess"); do ` +
        `awk '/^Pss:/ {s+=$2} END {print s+0}' /proc/$p/smaps_rollup 2>/dev/null; done`]).toString();
      return out.split("\n").filter(Boolean).reduce((a, b) => a + Number(b), 0);
    } catch {
      return null;
    }
  }

  async stop() {
    try {
      await this.quit();
    } finally {
      for (const child of [this.driver, this.xvfb]) {
        if (!child || child.exitCode !== null) continue;
        try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
        await new Promise((r) => { child.once("exit", r); setTimeout(r, 3000); });
        try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
      }
      killMarked(this.tmp);
      unmountUnder(this.tmp);
      removeDir(this.tmp);
    }
  }
}

/** SIGKILL every process whose environment carries this run's marker. */
function killMarked(marker) {
  const needle = `PLOTLINE_E2E_RUN=${marker}\0`;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    if (Number(pid) === process.pid) continue;
    let env;
    try {
      env = readFileSync(`/proc/${pid}/environ`, "latin1");
    } catch {
      continue; // gone, or not ours
    }
    if (env.includes(needle)) {
      try { process.kill(Number(pid), "SIGKILL"); } catch { /* gone */ }
    }
  }
}

/** Lazily unmount anything a desktop service mounted below `dir` (e.g. a FUSE portal). */
function unmountUnder(dir) {
  let mounts = [];
  try {
    mounts = readFileSync("/proc/self/mounts", "utf8")
      .split("\n")
      .map((l) => l.split(" ")[1])
      .filter((m) => m && m.startsWith(dir + "/"));
  } catch { /* no /proc */ }
  for (const m of mounts.reverse()) {
    for (const [cmd, args] of [["fusermount3", ["-u", "-z", m]], ["fusermount", ["-u", "-z", m]], ["umount", ["-l", m]]]) {
      try { execFileSync(cmd, args, { stdio: "ignore" }); break; } catch { /* try the next tool */ }
    }
  }
}

/** Remove the run's temp dir; a leftover temp dir is reported, never a test failure. */
function removeDir(dir) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (e) {
      if (attempt === 4) console.warn(`# could not remove ${dir}: ${e.message}`);
      else execFileSync("sleep", ["0.2"]);
    }
  }
}
