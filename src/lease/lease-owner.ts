/**
 * Who owns the leases of one run. The CLI's leases follow the job's shell: the nearest
 * ancestor that is not a short-lived wrapper (`timeout`, `xargs`, `npm run`, a subshell, …),
 * which would exit with the CLI and leave the lease stale while the job still uses the port.
 * When no such shell can be found the lease follows no process and lives until its TTL.
 */
import type { LeaseOwner } from './lease-file.js';
import {
  isOwnerAlive,
  normalizeStartToken,
  processIdentity,
  type ProcessIdentity,
} from './process-identity.js';
import {
  lookupOf,
  readProcessLookup,
  type ProcessEntry,
  type ProcessLookup,
} from './process-table.js';

/** The owner pid of a lease that follows no process: it lives until its TTL or a release. */
export const NO_OWNER_PID = 0;

/** The outcome of the search for the job's shell. */
export type OwnerSearch =
  | { found: true; pid: number; start?: string; skipped: ProcessEntry[] }
  | { found: false; reason: string };

/** Programs that run one command and exit with it (or replace themselves with it). */
const WRAPPERS = new Set([
  'timeout',
  'time',
  'nice',
  'ionice',
  'chrt',
  'taskset',
  'nohup',
  'stdbuf',
  'setsid',
  'env',
  'xargs',
  'flock',
  'sudo',
  'doas',
  'su',
  'runuser',
  'setpriv',
  'make',
  'gmake',
]);

const SHELLS = new Set([
  'sh',
  'bash',
  'dash',
  'ash',
  'zsh',
  'ksh',
  'mksh',
  'fish',
  'csh',
  'tcsh',
  'cmd',
  'pwsh',
  'powershell',
]);

/** npm, npx, pnpm, yarn (and corepack's shims), by program or script name without extension. */
const PACKAGE_MANAGER = /^(?:np[mx](?:-cli)?|pnp[mx]|yarn(?:pkg)?(?:-[\d.]+)?|corepack)$/;

/** A program's name: the last path part, without a login shell's `-` or `.exe`/`.cmd`/`.js`. */
export function programName(word: string | undefined): string {
  const base = (word ?? '').split(/[\\/]/).pop() ?? '';
  return base
    .replace(/^-/, '')
    .replace(/\.(?:exe|cmd|bat|ps1|c?js|mjs)$/i, '')
    .toLowerCase();
}

function isNode(name: string): boolean {
  return name === 'node' || name === 'nodejs';
}

/** A shell started for one command: `sh -c …`, `bash -ec …`, `cmd /c …`, `pwsh -Command …`. */
function isOneShotShell(name: string, args: string[]): boolean {
  if (name === 'cmd') return args.some((a) => /^\/c$/i.test(a));
  if (name === 'pwsh' || name === 'powershell')
    return args.some((a) => /^-(?:c|command|encodedcommand|ec)$/i.test(a));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--command') return true;
    if (arg === '--' || (!arg.startsWith('-') && !arg.startsWith('+'))) return false;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg)) return true;
    // `-o pipefail`, `-O extglob`: the option's value is not the script.
    if (/^[-+][oO]$/.test(arg)) i++;
  }
  return false;
}

/** The script a shell runs, when it runs one: its first word that is not an option. */
function shellScript(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (/^[-+][oO]$/.test(arg)) i++;
    else if (!arg.startsWith('-') && !arg.startsWith('+')) return arg;
  }
  return undefined;
}

/** Git for Windows' launcher `…\Git\bin\bash.exe` (or `git-bash.exe`), which starts the real bash. */
function isGitBashShim(entry: ProcessEntry): boolean {
  const exe = (entry.exe ?? entry.argv[0] ?? '').replace(/\//g, '\\').toLowerCase();
  return /\\git\\(?:bin\\(?:bash|sh)\.exe|git-bash\.exe)$/.test(exe);
}

/**
 * Why `entry` is a short-lived wrapper rather than the job's shell, or undefined when it is
 * the job's shell (or whatever long-lived process the walk reached).
 */
export function wrapperReason(
  entry: ProcessEntry,
  parent: ProcessEntry | undefined,
): string | undefined {
  const name = programName(entry.argv[0]);
  const args = entry.argv.slice(1);
  if (WRAPPERS.has(name)) return name;
  if (PACKAGE_MANAGER.test(name)) return name;
  if (isNode(name) && PACKAGE_MANAGER.test(programName(args[0]))) return programName(args[0]);
  if (isGitBashShim(entry)) return "Git Bash's launcher";
  if (!SHELLS.has(name)) return undefined;
  if (isOneShotShell(name, args)) return `${name} running one command`;
  const script = shellScript(args);
  if (script && PACKAGE_MANAGER.test(programName(script))) return `${programName(script)} shim`;
  // A subshell or pipeline stage (`$(… | …)`), or Cygwin's stub for an exec'd program, is a
  // fork of the job's shell: a child with the very same command line. (A script the shell runs,
  // `bash job.sh`, has its own command line and is a job's shell in its own right.)
  if (parent && parent.argv.join('\0') === entry.argv.join('\0')) {
    if (entry.exe === undefined || parent.exe === undefined || sameExe(entry.exe, parent.exe))
      return `a subshell of ${name}`;
  }
  return undefined;
}

function sameExe(a: string, b: string): boolean {
  return a.replace(/\//g, '\\').toLowerCase() === b.replace(/\//g, '\\').toLowerCase();
}

/** The deepest walk; a loop in a recorded table cannot hang it. */
const MAX_DEPTH = 64;

/**
 * The job's shell, walking up from `ppid` (the CLI's parent) past short-lived wrappers. Not
 * found when the walk leaves this pid namespace (parent pid 0), reaches init (pid 1), or
 * meets a process it cannot see.
 */
export function findJobShell(ppid: number, lookup: ProcessLookup): OwnerSearch {
  const skipped: ProcessEntry[] = [];
  let pid = ppid;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (pid === 0)
      return {
        found: false,
        reason: 'its parent pid is 0: outside this pid namespace, or no parent process',
      };
    if (pid === 1) return { found: false, reason: 'the walk up its parents reached init (pid 1)' };
    const entry = lookup(pid);
    if (!entry) return { found: false, reason: `process ${pid} could not be read` };
    const parent = entry.ppid > 1 ? lookup(entry.ppid) : undefined;
    if (!wrapperReason(entry, parent)) {
      const found: OwnerSearch = { found: true, pid, skipped };
      if (entry.start !== undefined) found.start = entry.start;
      return found;
    }
    skipped.push(entry);
    pid = entry.ppid;
  }
  return { found: false, reason: `more than ${MAX_DEPTH} wrappers above it` };
}

/** The warning the CLI prints when its leases follow no process. */
export function noOwnerWarning(reason: string, ttlSeconds: number): string {
  return `no long-lived owner found for the leases (${reason}): they last until lease-ttl (${ttlSeconds}s) or \`port-guard release\`; name the job's shell with --owner PID`;
}

/** The job part of an owner id: `<job>#<step>` (the action in a pid namespace) or `<job>`. */
function jobOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/**
 * Whether two lease owners are one: the same process (pid, and start time where both know it),
 * or — for leases that follow no process — the same job in their owner ids.
 */
export function sameLeaseOwner(a: LeaseOwner, b: LeaseOwner): boolean {
  if (a.pid === NO_OWNER_PID || b.pid === NO_OWNER_PID)
    return (
      a.pid === b.pid && a.id !== undefined && b.id !== undefined && jobOf(a.id) === jobOf(b.id)
    );
  if (a.pid !== b.pid) return false;
  if (a.pidStart !== undefined && b.pidStart !== undefined)
    return normalizeStartToken(a.pidStart) === normalizeStartToken(b.pidStart);
  return true;
}

/** Whether a lease's owner still runs; a lease that follows no process lives until its TTL. */
export function leaseOwnerAlive(owner: LeaseOwner): Promise<boolean> {
  return owner.pid === NO_OWNER_PID ? Promise.resolve(true) : isOwnerAlive(owner);
}

/**
 * One CI job, named from its CI system's variables, for leases that follow no process: the
 * same job asking again (or releasing) finds them as its own. Undefined outside known CI.
 */
export function jobOwnerId(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_RUN_ID)
    return [
      'github',
      env.GITHUB_REPOSITORY ?? '',
      env.GITHUB_RUN_ID,
      env.GITHUB_RUN_ATTEMPT ?? '1',
      env.GITHUB_JOB ?? '',
      env.RUNNER_NAME ?? '',
    ].join(':');
  if (env.CI_JOB_ID) return `gitlab:${env.CI_SERVER_HOST ?? ''}:${env.CI_JOB_ID}`;
  if (env.BUILDKITE_JOB_ID) return `buildkite:${env.BUILDKITE_JOB_ID}`;
  if (env.CIRCLE_WORKFLOW_JOB_ID) return `circleci:${env.CIRCLE_WORKFLOW_JOB_ID}`;
  if (env.BUILD_TAG && env.JENKINS_URL) return `jenkins:${env.BUILD_TAG}`;
  return undefined;
}

/** The CLI's lease owner, and the warning to print when it follows no process. */
export interface CliOwner {
  owner: LeaseOwner;
  warning?: string;
}

/**
 * The owner of the CLI's leases: the process `--owner` named (already checked), else the job's
 * shell above `ppid`, else no process (a TTL-only lease, named by the CI job where there is one).
 */
export async function cliLeaseOwner(
  ppid: number,
  env: NodeJS.ProcessEnv,
  ttlSeconds: number,
  options: { explicit?: ProcessIdentity; readLookup?: () => Promise<ProcessLookup> } = {},
): Promise<CliOwner> {
  if (options.explicit) {
    const { pid, start } = options.explicit;
    return { owner: start === undefined ? { pid } : { pid, pidStart: start } };
  }
  let search: OwnerSearch;
  try {
    // No parent at all needs no process table (and no PowerShell run on Windows).
    const lookup = ppid === 0 ? lookupOf([]) : await (options.readLookup ?? readProcessLookup)();
    search = findJobShell(ppid, lookup);
  } catch (error) {
    search = {
      found: false,
      reason: `the process table could not be read: ${(error as Error).message}`,
    };
  }
  if (search.found)
    return {
      owner:
        search.start === undefined
          ? { pid: search.pid }
          : { pid: search.pid, pidStart: search.start },
    };
  const id = jobOwnerId(env);
  return {
    owner: id === undefined ? { pid: NO_OWNER_PID } : { pid: NO_OWNER_PID, id },
    warning: noOwnerWarning(search.reason, ttlSeconds),
  };
}

/**
 * The process `--owner` names: a positive integer that is a running process. The problem is
 * one line naming the option and the value.
 */
export async function ownerOption(value: string): Promise<ProcessIdentity | { problem: string }> {
  const pid = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(pid) || pid > 0x7fffffff)
    return { problem: `--owner: "${value}" is not a process id (a positive integer)` };
  const identity = await processIdentity(pid);
  if (!identity) return { problem: `--owner: "${value}": no such process is running` };
  return identity;
}
