#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm's prestart/pretest hooks) on whatever Node the
// machine has, before any dependency is installed: plain JavaScript, no imports beyond Node's own.
// It installs what is missing — Debian/Ubuntu packages when run as root, then the npm
// dependencies — or stops with one message naming exactly what to install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXIT_ENVIRONMENT = 3;
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const forTests = process.argv.includes("--for-tests");

// Debian packages: the browser that prints the PDFs, the libraries canvas (under
// chartjs-node-canvas) is compiled against, and for the tests the PDF readers.
const runtimePackages = [
  "chromium",
  "build-essential",
  "pkg-config",
  "libcairo2-dev",
  "libpango1.0-dev",
  "libjpeg-dev",
  "libgif-dev",
  "librsvg2-dev",
];
const testPackages = ["poppler-utils", "qpdf"];

function say(message) {
  process.stderr.write(`scrutiny setup: ${message}\n`);
}

function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function missingDebianPackages(packages) {
  return packages.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query format, not a template
    const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
    return result.status !== 0 || !result.stdout.includes("install ok installed");
  });
}

function ensureSystemPackages() {
  const wanted = forTests ? [...runtimePackages, ...testPackages] : runtimePackages;
  if (process.env.SCRUTINY_CHROMIUM) {
    if (!existsSync(process.env.SCRUTINY_CHROMIUM)) {
      say(`SCRUTINY_CHROMIUM is set to ${process.env.SCRUTINY_CHROMIUM}, but no file is there.`);
      process.exit(EXIT_ENVIRONMENT);
    }
    wanted.splice(wanted.indexOf("chromium"), 1);
  }
  if (!commandExists("dpkg-query")) {
    const missing = [];
    if (!process.env.SCRUTINY_CHROMIUM)
      missing.push("Chromium or Google Chrome (then set SCRUTINY_CHROMIUM to its path)");
    if (!commandExists("pkg-config"))
      missing.push(
        "pkg-config with the cairo, pango, libjpeg, giflib and librsvg development libraries (for the canvas package)",
      );
    if (forTests && !commandExists("pdftotext")) missing.push("poppler-utils (pdftotext, pdfinfo)");
    if (forTests && !commandExists("qpdf")) missing.push("qpdf");
    if (missing.length > 0) {
      say(
        `this is not a Debian/Ubuntu machine, so Scrutiny cannot install its system requirements itself. Please install: ${missing.join("; ")}.`,
      );
      process.exit(EXIT_ENVIRONMENT);
    }
    return;
  }
  const missing = missingDebianPackages(wanted);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !commandExists("apt-get")) {
    say(`missing system packages. Please run: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(EXIT_ENVIRONMENT);
  }
  say(`installing system packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}

function ensureNpmDependencies() {
  const lockFile = join(projectRoot, "package-lock.json");
  const installedMarker = join(projectRoot, "node_modules", ".package-lock.json");
  const upToDate =
    existsSync(installedMarker) && statSync(installedMarker).mtimeMs >= statSync(lockFile).mtimeMs;
  if (upToDate) return;
  say("installing npm dependencies (npm ci; canvas compiles from source, about a minute)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: projectRoot, stdio: "inherit" });
}

try {
  ensureSystemPackages();
  ensureNpmDependencies();
} catch (error) {
  say(`set-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(EXIT_ENVIRONMENT);
}
