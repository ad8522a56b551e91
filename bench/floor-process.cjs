/* eslint-disable @typescript-eslint/no-require-imports */
// W4's floor: the least a whole process could do for "3 ports checked + 1 handed out" on Linux:
// one exclusive listen()+close() on `::` per port, the outputs appended to $GITHUB_OUTPUT.
// No self-test, no leases, no summary. CommonJS, because an ES module entry costs Node 20
// about 7 ms more CPU before the first line runs (see the "W4 parts" table).
'use strict';
const { createServer } = require('node:net');
const { appendFileSync } = require('node:fs');

const probe = (port) =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '::', port, exclusive: true }, () => s.close(() => resolve(true)));
  });

(async () => {
  const requested = process.argv.slice(2).map(Number);
  const out = [];
  for (const port of requested) if (await probe(port)) out.push(`port-${port}=${port}`);
  for (let port = 61000 + Math.floor(Math.random() * 4000); ; port++) {
    if (!requested.includes(port) && (await probe(port))) {
      out.push(`api=${port}`);
      break;
    }
  }
  appendFileSync(process.env.GITHUB_OUTPUT || '/dev/null', `${out.join('\n')}\n`);
})();
