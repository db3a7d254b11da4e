// Puppeteer (pulled by the Firefox test launcher) must never download a browser: we use Debian's.
module.exports = { skipDownload: true };
