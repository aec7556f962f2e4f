// The browser tests drive the console in a real Chromium. Where it is: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium (or Ubuntu's chromium-browser). `npm test` runs this first, so a machine without
// it fails at once with one line saying what to install, not with a dozen launch errors later.
const { accessSync, constants, statSync } = require('node:fs');

const STANDARD_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined. */
function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutableFile(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return STANDARD_PLACES.find(isExecutableFile);
}

/** One line: what is missing and how to get it. */
function howToInstall(env = process.env) {
  const where = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file` : `no Chromium at ${STANDARD_PLACES.join(' or ')}`;
  return `The browser tests need Chromium: ${where}. Install it with \`sudo apt-get install chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to its executable.`;
}

module.exports = { findChromium, howToInstall };

if (require.main === module && !findChromium()) {
  console.error(howToInstall());
  process.exit(1);
}
