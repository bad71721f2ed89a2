#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm's prestart/pretest hooks) on whatever Node the
// machine has, before any dependency is installed: plain JavaScript, no imports beyond Node's own.
// It installs what is missing — Debian packages when run as root, then the npm dependencies — or
// stops with one message naming exactly what to install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXIT_ENVIRONMENT = 3;
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const forTests = process.argv.includes("--for-tests");

// Debian packages: the browser that prints the PDFs, the libraries canvas (under
// chartjs-node-canvas) is compiled against, and for the tests the PDF readers.
const browserPackages = ["chromium"];
const buildPackages = [
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

function stop(message) {
  say(message);
  process.exit(EXIT_ENVIRONMENT);
}

function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function operatingSystemId() {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^ID=("?)([^"\n]*)\1$/m.exec(release)?.[2] ?? "";
  } catch {
    return "";
  }
}

function missingDebianPackages(packages) {
  return packages.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query format, not a template
    const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
    return result.status !== 0 || !result.stdout.includes("install ok installed");
  });
}

function chromiumConfigured() {
  const configured = process.env.SCRUTINY_CHROMIUM;
  if (configured && !existsSync(configured)) {
    stop(`SCRUTINY_CHROMIUM is set to ${configured}, but no file is there.`);
  }
  return Boolean(configured);
}

/** Debian and Ubuntu as root: apt-get installs what is missing. */
function ensureDebianPackages() {
  const ubuntu = operatingSystemId() === "ubuntu";
  const haveBrowser = chromiumConfigured() || existsSync("/usr/bin/chromium");
  // Ubuntu ships Chromium only as a snap, which apt cannot install in a container or CI job.
  if (ubuntu && !haveBrowser) {
    stop(
      "Ubuntu has no Chromium package for apt (only a snap). Install Chromium or Google Chrome, e.g. `snap install chromium`, then set SCRUTINY_CHROMIUM to its path (such as /snap/bin/chromium).",
    );
  }
  const wanted = [
    ...(haveBrowser ? [] : browserPackages),
    ...buildPackages,
    ...(forTests ? testPackages : []),
  ];
  const missing = missingDebianPackages(wanted);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !commandExists("apt-get")) {
    stop(`missing system packages. Please run: sudo apt-get install -y ${missing.join(" ")}`);
  }
  say(`installing system packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}

/** Elsewhere nothing is installed for you: name exactly what is missing. */
function checkOtherSystem() {
  const missing = [];
  const browserFound = ["chromium", "chromium-browser", "google-chrome"].some(commandExists);
  if (!chromiumConfigured()) {
    missing.push(
      browserFound
        ? "SCRUTINY_CHROMIUM set to your Chromium or Chrome (it is not at /usr/bin/chromium)"
        : "Chromium or Google Chrome, then set SCRUTINY_CHROMIUM to its path",
    );
  }
  const libraries = ["cairo", "pangocairo", "libjpeg", "librsvg-2.0"];
  const librariesFound =
    commandExists("pkg-config") &&
    spawnSync("pkg-config", ["--exists", ...libraries], { stdio: "ignore" }).status === 0;
  if (!librariesFound) {
    missing.push(
      `pkg-config and the development files of ${libraries.join(", ")} and giflib (for the canvas package)`,
    );
  }
  if (!commandExists("c++") || !commandExists("make")) missing.push("a C++ compiler and make");
  if (!commandExists("python3")) missing.push("python3 (node-gyp builds canvas with it)");
  if (forTests && !commandExists("pdftotext")) missing.push("poppler-utils (pdftotext, pdfinfo, pdffonts)");
  if (forTests && !commandExists("qpdf")) missing.push("qpdf");
  if (missing.length > 0) {
    stop(
      `Scrutiny cannot install its system requirements on this machine itself. Please install: ${missing.join("; ")}.`,
    );
  }
}

/**
 * canvas compiles from source here (its prebuilt binaries live on GitHub, out of reach). node-gyp
 * needs Node's C headers; rather than download them it can use those of the Node running this
 * script. canvas uses Node-API, so headers of another Node version build a working module.
 */
function nodeHeadersEnvironment() {
  if (process.env.npm_config_nodedir) return {};
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? { npm_config_nodedir: prefix } : {};
}

function ensureNpmDependencies() {
  const lockFile = join(projectRoot, "package-lock.json");
  const installedMarker = join(projectRoot, "node_modules", ".package-lock.json");
  const upToDate =
    existsSync(installedMarker) && statSync(installedMarker).mtimeMs >= statSync(lockFile).mtimeMs;
  if (upToDate) return;
  say("installing npm dependencies (npm ci; canvas compiles from source, about a minute)");
  // The machine's own Node may be older than the packages ask for; they run on the Node 24 that
  // this install brings (the `node` devDependency), so engine warnings are noise here.
  const result = spawnSync(
    "npm",
    ["ci", "--no-audit", "--no-fund", "--engine-strict=false", "--loglevel=error"],
    {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, ...nodeHeadersEnvironment() },
    },
  );
  if (result.status !== 0) {
    stop(
      "npm ci failed (see above). If the canvas package failed to build, it needs the cairo, pango, libjpeg, giflib and librsvg development files, a C++ compiler, and Node's headers: set npm_config_nodedir to a Node installation that has include/node/node_api.h.",
    );
  }
}

try {
  if (commandExists("dpkg-query")) ensureDebianPackages();
  else checkOtherSystem();
  ensureNpmDependencies();
} catch (error) {
  stop(`set-up failed: ${error instanceof Error ? error.message : String(error)}`);
}
