// W4's floor for the action: the least an action could do for "3 ports checked + 1 handed out"
// while talking to the runner the supported way. It loads @actions/core by its public entry
// (from node_modules, as `import * as core from '@actions/core'`), makes one exclusive
// listen()+close() on `::` per port, and writes its outputs with core.setOutput. No self-test,
// no leases, no summary.
import * as core from '@actions/core';
import { createServer } from 'node:net';

const probe = (port) =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '::', port, exclusive: true }, () => s.close(() => resolve(true)));
  });

const requested = process.argv.slice(2).map(Number);
for (const port of requested) if (await probe(port)) core.setOutput(`port-${port}`, String(port));
for (let port = 61000 + Math.floor(Math.random() * 4000); ; port++) {
  if (!requested.includes(port) && (await probe(port))) {
    core.setOutput('api', String(port));
    break;
  }
}
