// `npm test [-- ARGS]`: runs jest in the Node that runs this script, with
// NODE_OPTIONS=--experimental-vm-modules (ts-jest's ESM mode needs it), on every system: the
// former `NODE_OPTIONS=… jest` script is POSIX shell syntax that cmd.exe cannot run. jest's bin
// is found through its package.json (its `exports` allow that path), never through a path into
// node_modules. Always with coverage (of src/, summed up at the end: jest.config.js); ARGS go to
// jest after it as given.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifest = require.resolve('jest/package.json');
const { bin } = require('jest/package.json');
const jestBin = join(dirname(manifest), typeof bin === 'string' ? bin : bin.jest);

const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean);
const child = spawn(process.execPath, [jestBin, '--coverage', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions.join(' ') },
});
// A signal to this process is passed on to jest; jest's outcome is this process's outcome.
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of signals) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  for (const s of signals) process.removeAllListeners(s);
  process.kill(process.pid, signal ?? 'SIGTERM');
});
child.on('error', (err) => {
  console.error(`could not start jest: ${err.message}`);
  process.exit(1);
});
