// The mermaid package in headless Chromium: render each block, report parse errors and labels.
// Job: {"blocks": {"name": "flowchart LR ..."}}.
// Answer: {"name": {"html": {ok, error, labels: {nodeKey: text}}, "svg": {ok, error}}}
// "html" uses Mermaid's defaults (HTML labels, as code hosts draw them); "svg" uses plain
// SVG text labels (htmlLabels: false), the form other SVG tools read.
'use strict';
const { run } = require('./launch');

async function renderAll(page, blocks, htmlLabels) {
  return page.evaluate(
    async ({ blocks, htmlLabels }) => {
      const config = { startOnLoad: false, securityLevel: 'strict' };
      if (!htmlLabels) Object.assign(config, { htmlLabels: false, flowchart: { htmlLabels: false } });
      window.mermaid.initialize(config);
      const answer = {};
      let number = 0;
      for (const [name, text] of Object.entries(blocks)) {
        number += 1;
        try {
          const { svg } = await window.mermaid.render(`m${number}${htmlLabels ? 'h' : 's'}`, text);
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          const labels = {};
          for (const node of holder.querySelectorAll('g.node')) {
            const key = (node.id.match(/flowchart-(.+)-\d+$/) || [])[1];
            const label = htmlLabels ? node.querySelector('.nodeLabel') : node.querySelector('text');
            if (key && label) labels[key] = label.textContent.replace(/\s+/g, ' ').trim();
          }
          answer[name] = { ok: true, error: null, labels, scripts: holder.querySelectorAll('script').length };
        } catch (error) {
          answer[name] = { ok: false, error: String((error && error.message) || error), labels: {} };
        }
      }
      return answer;
    },
    { blocks, htmlLabels },
  );
}

run(async (context, job) => {
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.setContent('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const html = await renderAll(page, job.blocks, true);
  const svg = await renderAll(page, job.blocks, false);
  const answer = {};
  for (const name of Object.keys(job.blocks)) answer[name] = { html: html[name], svg: svg[name] };
  return { results: answer, dialogs };
});
