/**
 * The absolute path of an outside tool (`docker`, `lsof`, `ps`, `sysctl`). A bare name is never
 * handed to `execFile`: Windows looks it up in the current directory first — the checked-out
 * workspace, which a pull request controls — and a relative `PATH` entry (`.`, `node_modules/.bin`)
 * means the same anywhere. So `PATH` is searched here, skipping relative entries and the
 * current directory, and then a few fixed system directories.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** What {@link findTool} looks at; the defaults are this process's. */
export interface ToolSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
  /** Directories tried before `PATH`: where the OS keeps its own tool (`/bin/ps`). */
  firstIn?: readonly string[];
  /** Directories tried after `PATH`. */
  alsoIn?: readonly string[];
  /** Whether `path` is an executable file; the real file system unless told. */
  isExecutable?: (path: string, platform: NodeJS.Platform) => boolean;
}

function executableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `PATH` (or Windows' `Path`), split into its entries with quotes removed. */
export function pathEntries(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const key =
    platform === 'win32'
      ? (Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH')
      : 'PATH';
  const value = env[key] ?? '';
  return value
    .split(platform === 'win32' ? ';' : ':')
    .map((entry) => entry.trim().replace(/^"(.*)"$/, '$1'))
    .filter((entry) => entry !== '');
}

/**
 * The absolute path of `name`, or undefined when it is nowhere to be found. On Windows only
 * `<name>.exe` is looked for: `execFile` cannot run a `.cmd` or `.bat` without a shell.
 */
export function findTool(name: string, options: ToolSearch = {}): string | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const path = platform === 'win32' ? win32 : posix;
  const isExecutable = options.isExecutable ?? executableFile;
  const cwd = options.cwd ?? process.cwd();
  const same = (a: string, b: string): boolean =>
    platform === 'win32'
      ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()
      : path.resolve(a) === path.resolve(b);
  const file = platform === 'win32' && !/\.exe$/i.test(name) ? `${name}.exe` : name;
  const dirs = [
    ...(options.firstIn ?? []),
    ...pathEntries(env, platform),
    ...(options.alsoIn ?? []),
  ];
  for (const dir of dirs) {
    if (!path.isAbsolute(dir)) continue;
    // `\\foo` and `C:foo` pass isAbsolute on win32 only as far as a drive or share goes.
    if (platform === 'win32' && !/^(?:[a-zA-Z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(dir)) continue;
    if (same(dir, cwd)) continue;
    const candidate = path.join(dir, file);
    if (isExecutable(candidate, platform)) return candidate;
  }
  return undefined;
}

/** Where Unix systems keep their own tools (`/usr/sbin/lsof` and `/bin/ps` on macOS). */
export const UNIX_SYSTEM_DIRS: readonly string[] = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The absolute path of a Windows system tool. Windows looks a bare name up in the current
 * directory first — the checked-out workspace, which a pull request controls.
 */
export function windowsSystemTool(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return win32.join(root, 'System32', `${name}.exe`);
}
