// Open each HTML file in headless Chromium and watch: does anything run or load?
// Job: {"files": ["/abs/a.html"], "texts": ["<script>", ...]}.
// Answer per file: every request, console message, dialog, page error, popup and
// Content-Security-Policy violation, what the DOM holds, whether the typed texts show
// as text, and whether anything is wider than the page on screen or in print.
// (layout.js checks that the boxes of the pathway pieces keep their words and do not overlap.)
'use strict';
const { fileUrl, run } = require('./launch');

async function watch(context, file, texts) {
  const page = await context.newPage();
  const seen = { requests: [], console: [], dialogs: [], errors: [], popups: [], downloads: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('popup', (popup) => seen.popups.push(popup.url()));
  page.on('download', (download) => seen.downloads.push(download.url()));
  // Ours, added by the browser itself (it is not bound by the page's policy): it records
  // any policy violation, which would mean the page tried to run or load something.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(fileUrl(file), { waitUntil: 'load' });
  // Give anything that would run later (onerror, timers, lazy images) its chance.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const dom = await page.evaluate((texts) => {
    const all = [...document.querySelectorAll('*')];
    const onAttributes = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    const linking = all.filter((el) => el.hasAttribute('href') || el.hasAttribute('src') || el.hasAttribute('xlink:href'));
    const shown = document.body.innerText;
    return {
      scripts: document.scripts.length,
      onAttributes,
      linking: linking.map((el) => el.tagName),
      images: document.images.length,
      // Each picture: its alt text, whether it drew, and the kind of address it came from.
      pictures: [...document.images].map((img) => ({
        alt: img.alt,
        shown: img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0,
        scheme: img.src.split(':')[0],
      })),
      iframes: document.querySelectorAll('iframe, object, embed').length,
      missingTexts: texts.filter((text) => !shown.includes(text)),
      violations: window.__violations,
      screenOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  }, texts);
  await page.emulateMedia({ media: 'print' });
  dom.printOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.close();
  return { url: fileUrl(file), ...seen, ...dom };
}

run(async (context, job) => {
  const answer = {};
  for (const file of job.files) answer[file] = await watch(context, file, job.texts || []);
  return answer;
});
