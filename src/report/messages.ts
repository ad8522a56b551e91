/**
 * Results into sentences: one per conflict, fallback, wait and cancellation, and the
 * annotations a finished run makes. No I/O.
 */
import type { AllocationResult, Assignment, Conflict } from '../allocate/allocate.js';
import type { CancelledError } from '../allocate/cancellation.js';
import { describeHolders } from '../holders/describe-holder.js';
import { CONTROL_CHARACTER } from '../holders/command-line.js';
import type { LeaseRecord } from '../lease/lease-file.js';
import type { JobEndReport } from '../lease/job-end.js';

/** "leased by octo-org/repo run 123 job e2e", or "leased by pid 4711" outside GitHub. */
export function describeLease(record: LeaseRecord): string {
  const { repository, runId, runAttempt, job, pid } = record.owner;
  if (repository && runId) {
    let text = `leased by ${repository} run ${runId}`;
    if (runAttempt && runAttempt !== '1') text += ` attempt ${runAttempt}`;
    if (job) text += ` job ${job}`;
    return text;
  }
  return pid === 0 ? 'leased until its lease-ttl (it follows no process)' : `leased by pid ${pid}`;
}

/** Who holds a lease, or that its file could not be read as anyone's. */
function describeLeaseOwner(lease: LeaseRecord | undefined): string {
  return lease
    ? describeLease(lease)
    : 'leased by another port-guard run (its lease file could not be read)';
}

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTER.source, 'g');

/**
 * Text another process controls (a command line, a lease file's owner) made safe for one line of
 * a log: control characters and Unicode line breaks become visible `\xNN`/`\uNNNN` escapes.
 * A line break would let a process on the host start a line of its own in the job's log, and a
 * log line starting with `::` is a workflow command to the runner (stdout and stderr alike).
 */
export function printable(text: string): string {
  return text.replace(EVERY_CONTROL_CHARACTER, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Who or what makes a conflict, for messages and the summary's "held by" column. */
export function heldBy(c: Conflict): string {
  switch (c.verdict) {
    case 'leased':
      return printable(describeLeaseOwner(c.lease));
    case 'in-use':
      return printable(describeHolders(c.holders));
    case 'denied':
      switch (c.reason) {
        case 'reserved':
          return 'reserved by the OS (an excluded port range)';
        case 'wildcard-only':
          return `free for a server on the wildcard; a server on ${c.address ?? 'a specific address'} needs root`;
        case 'needs-root':
          return 'not known: binding it needs root, so whether another process holds it cannot be seen';
        default:
          return 'not known: binding it needs privilege (root or CAP_NET_BIND_SERVICE), so whether another process holds it cannot be seen';
      }
    default:
      return 'unknown';
  }
}

/** One sentence per conflict: the port, the protocol, the address that showed it, who holds it. */
export function conflictMessage(c: Conflict): string {
  const head = `${c.name}: port ${c.port}/${c.protocol}`;
  const at = c.address ? ` on ${c.address}${c.code ? ` (${c.code})` : ''}` : '';
  switch (c.verdict) {
    case 'leased':
      return `${head} is ${heldBy(c)}`;
    case 'in-use':
      return c.reason === 'exclusive'
        ? `${head} is in use${at}: a holder refuses to share it (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the same address), held by ${heldBy(c)}`
        : `${head} is in use${at}, held by ${heldBy(c)}`;
    case 'denied':
      switch (c.reason) {
        case 'reserved':
          return `${head} is refused${at}: it lies in a range the OS reserves (Windows excluded port range)`;
        case 'wildcard-only':
          return `${head} is free for a server on the wildcard; a server on ${c.address ?? 'a specific address'} needs root (macOS: ports below 1024 on a specific address)`;
        case 'needs-root':
          return `${head} is refused${at}: ports below 1024 need root`;
        default:
          return `${head} is refused${at}: ports below 1024 need root or CAP_NET_BIND_SERVICE`;
      }
    default:
      if (c.code === 'EADDRNOTAVAIL' && c.address)
        return `${head} could not be checked: ${c.address} is not (or is no longer) an address of this host (EADDRNOTAVAIL); check the hosts input`;
      return `${head} could not be checked${at}, so it is not known to be free`;
  }
}

/** The message for a port that was replaced. */
export function fallbackMessage(a: Assignment): string {
  const why = a.conflicts[0] ? conflictMessage(a.conflicts[0]).replace(/^[^:]+: /, '') : 'was busy';
  return `${a.name}: ${why} → using ${a.port}`;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
}

/**
 * What to tell the user about a finished run, by policy: an error per conflict when the step
 * fails, a warning per busy port kept, a notice per replacement.
 */
export function annotationsFor(result: AllocationResult): Annotation[] {
  const out: Annotation[] = [];
  for (const a of result.assignments) {
    if (a.status === 'conflict')
      for (const c of a.conflicts) out.push({ level: 'error', message: conflictMessage(c) });
    if (a.status === 'busy')
      for (const c of a.conflicts)
        out.push({
          level: 'warning',
          message: `${conflictMessage(c)}; keeping it as asked (on-conflict: warn)`,
        });
    if (a.status === 'fallback') out.push({ level: 'notice', message: fallbackMessage(a) });
  }
  if (result.error) out.push({ level: 'error', message: result.error });
  return out;
}

/** Said once when busy requested ports are waited for, so a long pause has a reason in the log. */
export function waitingMessage(conflicts: readonly Conflict[], seconds: number): string {
  const ports = [...new Set(conflicts.map((c) => `${c.name} (${c.port}/${c.protocol})`))];
  return `waiting up to ${seconds} s for ${ports.join(', ')} to become free`;
}

/** What a run stopped by a signal says. */
export function cancelledMessage(err: CancelledError): string {
  return `${err.message}: no port was handed out, and every lease this run took was returned`;
}

/** The notice for a port still bound at the end of the job. */
export function stillBoundMessage(bound: JobEndReport['stillBound'][number]): string {
  const by = bound.holders.length > 0 ? `, held by ${describeHolders(bound.holders)}` : '';
  return `${bound.name}: port ${bound.port}/${bound.protocol} is still bound at the end of the job${by}; a server the job started was not stopped`;
}
