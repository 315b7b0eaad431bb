// Where the boxes of each pathway piece fall, as printed: no two may overlap.
// Job: {"files": [...], "width": 794}. Answer: {file: {pieces, overlaps: [[a, b]], outside: [text]}}
// A box is an activity, a stepping stone, the impact or an arrow. Its words must stay inside it.
'use strict';
const { fileUrl, run } = require('./launch');

run(async (context, job) => {
  const answer = {};
  const page = await context.newPage();
  await page.setViewportSize({ width: job.width || 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  for (const file of job.files) {
    await page.goto(fileUrl(file));
    answer[file] = await page.evaluate(() => {
      const rect = (el) => el.getBoundingClientRect();
      const name = (el) => (el.textContent.trim() || el.getAttribute('class')).slice(0, 40);
      const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const overlaps = [];
      const outside = [];
      const pieces = [...document.querySelectorAll('.piece')];
      for (const piece of pieces) {
        const boxes = [...piece.querySelectorAll('.box, :scope > .picture')];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            if (hit(rect(boxes[i]), rect(boxes[j]))) overlaps.push([name(boxes[i]), name(boxes[j])]);
          }
          const box = rect(boxes[i]);
          const piecebox = rect(piece);
          // The words of a box, line by line, inside the box; the box inside its piece.
          const range = document.createRange();
          range.selectNodeContents(boxes[i]);
          for (const line of range.getClientRects()) {
            if (line.left < box.left - 0.5 || line.right > box.right + 0.5 || line.top < box.top - 0.5 || line.bottom > box.bottom + 0.5) {
              outside.push(name(boxes[i]));
            }
          }
          if (box.left < piecebox.left - 0.5 || box.right > piecebox.right + 0.5) outside.push(name(boxes[i]));
        }
      }
      return { pieces: pieces.length, overlaps, outside: [...new Set(outside)] };
    });
  }
  await page.close();
  return answer;
});
