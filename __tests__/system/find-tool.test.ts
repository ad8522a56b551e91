/**
 * Tools are run by absolute path: PATH is searched without its relative entries and without the
 * current directory (Windows searches the cwd first for a bare name: the checked-out workspace).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool, pathEntries } from '../../src/system/find-tool.js';

describe('on Windows (PATH as the runner has it, file system faked)', () => {
  const present = new Set([
    'C:\\a\\repo\\docker.exe',
    'C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe',
    'C:\\tools\\docker.cmd',
  ]);
  const isExecutable = (path: string): boolean => present.has(path);
  const search = (Path: string, cwd = 'C:\\a\\repo') =>
    findTool('docker', { platform: 'win32', env: { Path }, cwd, isExecutable });

  test('the workspace (the cwd) is skipped, in any spelling; .exe only, never .cmd', () => {
    expect(
      search(
        'C:\\a\\repo;c:\\A\\REPO\\;C:\\tools;"C:\\Program Files\\Docker\\Docker\\resources\\bin"',
      ),
    ).toBe('C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe');
  });

  test('relative entries (., .\\bin, a drive-relative C:bin) are skipped', () => {
    expect(search('.;bin;C:repo', 'C:\\elsewhere')).toBeUndefined();
    expect(search('.;C:\\a\\repo', 'C:\\elsewhere')).toBe('C:\\a\\repo\\docker.exe');
  });

  test('PATH is found under any case of its name; quotes are removed', () => {
    expect(pathEntries({ PaTh: '"C:\\x y";C:\\z;;' }, 'win32')).toEqual(['C:\\x y', 'C:\\z']);
  });
});

describe('on this machine', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'port-guard-find-tool-'));
    for (const sub of ['cwd', 'bin', 'first']) mkdirSync(join(dir, sub));
    for (const sub of ['cwd', 'bin', 'first']) {
      writeFileSync(join(dir, sub, 'tool'), '#!/bin/sh\n');
      chmodSync(join(dir, sub, 'tool'), 0o755);
    }
    writeFileSync(join(dir, 'bin', 'plain'), 'not executable');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('skips the cwd and relative entries, takes the first absolute executable', () => {
    const cwd = join(dir, 'cwd');
    const env = { PATH: `.:cwd:${cwd}:${join(dir, 'bin')}` };
    expect(findTool('tool', { env, cwd, platform: 'linux' })).toBe(join(dir, 'bin', 'tool'));
    expect(findTool('tool', { env: { PATH: `.:${cwd}` }, cwd, platform: 'linux' })).toBe(undefined);
    expect(findTool('plain', { env, cwd, platform: 'linux' })).toBeUndefined();
  });

  test('the system directories come first when asked (ps from /bin, not a PATH look-alike)', () => {
    const env = { PATH: join(dir, 'bin') };
    expect(findTool('tool', { env, platform: 'linux', firstIn: [join(dir, 'first')] })).toBe(
      join(dir, 'first', 'tool'),
    );
    expect(
      findTool('tool', { env: { PATH: '' }, platform: 'linux', alsoIn: [dir, join(dir, 'bin')] }),
    ).toBe(join(dir, 'bin', 'tool'));
  });
});
