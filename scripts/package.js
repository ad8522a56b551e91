// Builds the bundles GitHub and users run: dist/index.js (action main + post),
// dist/cli/index.js (the command line) and wait/dist/index.js (the `wait/` action: a nested
// action's `runs.main` is documented only as a file of the action itself, so it gets its own
// bundle in its own directory). Deterministic so CI can compare against the commit.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', '--target', 'es2022'];
rmSync('dist', { recursive: true, force: true });
rmSync('wait/dist', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/wait-action.ts', '-o', 'wait/dist'], {
  stdio: 'inherit',
});
const cli = 'dist/cli/index.js';
const body = readFileSync(cli, 'utf8');
if (!body.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${body}`);
chmodSync(cli, 0o755);
writeFileSync('dist/package.json', '{ "type": "module" }\n');
writeFileSync('wait/dist/package.json', '{ "type": "module" }\n');
