/** The helper that skips tests a host cannot run: it must tell the reason, and find tools safely. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath, systemEnv, unmet } from '../support/needs.js';

let dir: string;
const path = process.env.PATH;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pg-needs-'));
  writeFileSync(join(dir, 'pg-fake-tool'), '#!/bin/sh\n');
  chmodSync(join(dir, 'pg-fake-tool'), 0o755);
});
afterAll(() => {
  process.env.PATH = path;
  rmSync(dir, { recursive: true, force: true });
});

test('a tool is found by absolute path in PATH, never through a relative PATH entry', () => {
  process.env.PATH = dir;
  expect(findOnPath('pg-fake-tool')).toBe(join(dir, 'pg-fake-tool'));
  expect(unmet('python3')).toBe('python3 is not installed');
  // A relative entry (the checked-out workspace, searched first on Windows) does not count.
  process.env.PATH = ['.', 'relative/bin'].join(process.platform === 'win32' ? ';' : ':');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(findOnPath('pg-fake-tool')).toBeUndefined();
  } finally {
    process.chdir(cwd);
    process.env.PATH = path;
  }
});

test('every unmet need is a sentence naming what is missing; met needs say nothing', () => {
  const linux = process.platform === 'linux';
  expect(unmet('linux')).toBe(
    linux ? undefined : `needs Linux's /proc; this is ${process.platform}`,
  );
  expect(unmet('root')).toBe(process.getuid?.() === 0 ? undefined : 'needs root');
  expect(unmet('linux', 'root')).toBe(unmet('linux') ?? unmet('root'));
  if (process.platform !== 'win32') {
    expect(unmet('posix-signals', 'posix-modes', 'shebang')).toBeUndefined();
    expect(systemEnv()).toEqual({});
  }
});
