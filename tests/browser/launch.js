// Start Debian's Chromium through playwright-core: quiet, offline, with a fresh profile.
// Never `npx playwright install`: it downloads a browser, and there is no internet here.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--log-level=3',
];

async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backmap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...options,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

function fileUrl(file) {
  return require('url').pathToFileURL(path.resolve(file)).href;
}

// Read a JSON job from the file named on the command line, print a JSON answer.
async function main(work, options) {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf-8'));
  const { context, close } = await launch(options);
  try {
    const answer = await work(context, job);
    process.stdout.write(JSON.stringify(answer, null, 1));
  } finally {
    await close();
  }
}

function run(work, options = {}) {
  main(work, options).catch((error) => {
    process.stderr.write(String((error && error.stack) || error) + '\n');
    process.exit(1);
  });
}

module.exports = { launch, fileUrl, run, FLAGS, CHROMIUM };
