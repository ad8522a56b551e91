import {
  chmodSync,
  chownSync,
  existsSync,
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

test('the default is host-wide: /tmp/port-guard on Linux and macOS, %ProgramData%\\port-guard on Windows', () => {
  // Not os.tmpdir(): per user on macOS (/var/folders/…) and Windows (%TEMP%).
  expect(defaultLeaseDir('linux', { TMPDIR: '/home/u/tmp' })).toBe('/tmp/port-guard');
  expect(defaultLeaseDir('darwin', { TMPDIR: '/var/folders/xy/T/' })).toBe('/tmp/port-guard');
  expect(defaultLeaseDir('win32', { ProgramData: 'D:\\Data', TEMP: 'C:\\Users\\u\\Temp' })).toBe(
    'D:\\Data\\port-guard',
  );
  expect(defaultLeaseDir('win32', {})).toBe('C:\\ProgramData\\port-guard');
  // A relative ProgramData would put leases in the cwd: the fixed fallback instead.
  expect(defaultLeaseDir('win32', { ProgramData: 'rel' })).toBe('C:\\ProgramData\\port-guard');
  if (process.platform !== 'win32') expect(defaultLeaseDir()).toBe('/tmp/port-guard');
});

test('a relative lease-dir is refused, naming it; nothing is created in the cwd', async () => {
  const error = await refusal('leases-here');
  expect(error.input).toBe('lease-dir');
  expect(error.message).toContain('"leases-here"');
  expect(error.message).toMatch(/relative/);
  expect(existsSync(path.join(process.cwd(), 'leases-here'))).toBe(false);
});

test('a missing parent is an error, not created', async () => {
  const dir = path.join(base, 'nested', 'leases');
  const error = await refusal(dir);
  expect(error.input).toBe('lease-dir');
  expect(error.message).toContain(`"${path.join(base, 'nested')}" does not exist`);
  expect(existsSync(path.join(base, 'nested'))).toBe(false);
});

const asRoot = testNeeds('root');

asRoot(
  'a lease dir owned by another user (not root, not the caller) is refused; by root or the caller, accepted',
  async () => {
    const dir = path.join(base, 'theirs');
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    chownSync(dir, 65534, 65534);
    const error = await refusal(dir);
    expect(error.input).toBe('lease-dir');
    expect(error.message).toContain(`"${dir}"`);
    expect(error.message).toMatch(/owned by uid 65534, neither root nor this user/);
    chownSync(dir, 0, 0);
    expect(await openLeaseDir(dir)).toBe(dir);
  },
);

withModes(
  'a missing directory is created sticky and world-writable (1777), whatever the umask',
  async () => {
    const dir = path.join(base, 'leases');
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
