// The smallest text the browser draws in each HTML file, as printed, and axe-core with
// forced colours. Job: {"files": [...]}. Answer: {file: {smallest: [px, tag, text], forced: [ids]}}
'use strict';
const { fileUrl, run } = require('./launch');

run(async (context, job) => {
  const answer = {};
  const page = await context.newPage();
  for (const file of job.files) {
    await page.emulateMedia({ media: 'print', forcedColors: 'none' });
    await page.goto(fileUrl(file));
    // Every element that holds text of its own, with its computed font size in CSS pixels.
    const smallest = await page.evaluate(() => {
      let found = [1e9, '', ''];
      for (const element of document.body.querySelectorAll('*')) {
        const own = [...element.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
        if (!own.length) continue;
        const style = getComputedStyle(element);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const size = parseFloat(style.fontSize);
        if (size < found[0]) found = [size, element.tagName, own[0].textContent.trim().slice(0, 40)];
      }
      return found;
    });
    await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
    await page.goto(fileUrl(file));
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    answer[file] = { smallest, forced: result.violations.map((v) => v.id) };
  }
  return answer;
  // The summary's own policy forbids every script; axe is ours, so this page lets it in.
}, { bypassCSP: true });
