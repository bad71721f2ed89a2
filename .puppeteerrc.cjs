// Scrutiny prints with the system Chromium (Debian's /usr/bin/chromium or SCRUTINY_CHROMIUM);
// Puppeteer must never download a browser of its own.
module.exports = { skipDownload: true };
