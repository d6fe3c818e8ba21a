#!/usr/bin/env node
// Lists the open-source components shipped inside Plotline (runtime Rust crates of the app
// and the UI's production npm packages) with their licences, for Settings → About.
//   node scripts/third-party.mjs          write ui/src/features/settings/third-party.json
//   node scripts/third-party.mjs --check  fail when the committed list is out of date
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "ui/src/features/settings/third-party.json");

function crates() {
  const meta = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--locked", "--filter-platform", "x86_64-unknown-linux-gnu"], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    }).toString(),
  );
  const byId = new Map(meta.packages.map((p) => [p.id, p]));
  const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
  const app = meta.packages.find((p) => p.name === "plotline");
  // Walk normal (runtime) dependencies only: no build or dev dependencies.
  const seen = new Set();
  const stack = [app.id];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id)?.deps ?? []) {
      if (dep.dep_kinds.some((k) => k.kind === null)) stack.push(dep.pkg);
    }
  }
  return [...seen]
    .map((id) => byId.get(id))
    .filter((p) => p.source) // our own workspace crates are not third-party
    .map((p) => ({ name: p.name, version: p.version, license: p.license ?? "see package", kind: "rust" }));
}

function npmPackages() {
  const lock = JSON.parse(readFileSync(path.join(root, "ui/package-lock.json"), "utf8"));
  return Object.entries(lock.packages)
    .filter(([key, p]) => key.startsWith("node_modules/") && !p.dev && !p.optional)
    .map(([key, p]) => ({
      name: key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length),
      version: p.version,
      license: p.license ?? "see package",
      kind: "npm",
    }));
}

const list = [...crates(), ...npmPackages()]
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.kind.localeCompare(b.kind));
const text = JSON.stringify(list, null, 1) + "\n";

if (process.argv.includes("--check")) {
  const current = readFileSync(out, "utf8");
  if (current !== text) {
    console.error("ui/src/features/settings/third-party.json is out of date: run node scripts/third-party.mjs");
    process.exit(1);
  }
  console.log(`third-party list up to date (${list.length} components)`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${list.length} components to ${path.relative(root, out)}`);
}
