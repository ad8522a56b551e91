import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/spec/input-error.js';
import { defaultLeaseDir, openLeaseDir } from '../../src/lease/lease-dir.js';
import { testNeeds } from '../support/needs.js';

const withModes = testNeeds('posix-modes');

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'pg-lease-dir-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

async function refusal(dir: string): Promise<InputError> {
  try {
    await openLeaseDir(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`openLeaseDir(${dir}) accepted it`);
}

test('the default is <os temp dir>/port-guard', () => {
  expect(defaultLeaseDir()).toBe(path.join(os.tmpdir(), 'port-guard'));
});

withModes(
  'a missing directory is created sticky and world-writable (1777), whatever the umask',
  async () => {
    const dir = path.join(base, 'nested', 'leases');
    const old = process.umask(0o077);
    try {
      expect(await openLeaseDir(dir)).toBe(dir);
    } finally {
      process.umask(old);
    }
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
  },
);

withModes('an existing safe directory is used as it is', async () => {
  const dir = path.join(base, 'private');
  mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o700);
  expect(await openLeaseDir(dir)).toBe(dir);
  expect(statSync(dir).mode & 0o7777).toBe(0o700);
});

test('a symbolic link as lease dir is refused, naming the path', async () => {
  const real = path.join(base, 'real');
  mkdirSync(real);
  const link = path.join(base, 'link');
  symlinkSync(real, link);
  const error = await refusal(link);
  expect(error.input).toBe('lease-dir');
  expect(error.message).toContain(`"${link}"`);
  expect(error.message).toMatch(/symbolic link/);
});

test('a file as lease dir is refused, naming the path', async () => {
  const file = path.join(base, 'file');
  writeFileSync(file, 'x');
  const error = await refusal(file);
  expect(error.input).toBe('lease-dir');
  expect(error.message).toContain(`"${file}"`);
  expect(error.message).toMatch(/not a directory/);
});

withModes(
  'a world-writable directory without the sticky bit is refused; with it, accepted',
  async () => {
    const dir = path.join(base, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const error = await refusal(dir);
    expect(error.input).toBe('lease-dir');
    expect(error.message).toContain(`"${dir}"`);
    expect(error.message).toMatch(/mode 0777.*sticky/);

    chmodSync(dir, 0o775);
    expect((await refusal(dir)).message).toMatch(/mode 0775/);

    chmodSync(dir, 0o1777);
    expect(await openLeaseDir(dir)).toBe(dir);
  },
);

test('an empty lease-dir is an input error', async () => {
  expect((await refusal('  ')).input).toBe('lease-dir');
});
