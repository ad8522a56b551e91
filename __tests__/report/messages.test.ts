/**
 * Results into words: every kind of conflict, fallback, wait and cancellation sentence, and
 * every readiness line (ready, one family only, not ready and why, the process's end).
 */
import type { Assignment, Conflict } from '../../src/allocate/allocate.js';
import { CancelledError } from '../../src/allocate/cancellation.js';
import type { Holder } from '../../src/holders/lookup.js';
import {
  annotationsFor,
  cancelledMessage,
  conflictMessage,
  fallbackMessage,
  heldBy,
  printable,
  waitingMessage,
} from '../../src/report/messages.js';
import {
  exitText,
  failureMessages,
  familyWarning,
  missingMessages,
  portLabel,
  readyMessage,
} from '../../src/report/ready-messages.js';

const node: Holder = {
  protocol: 'tcp',
  port: 3000,
  addresses: ['127.0.0.1'],
  state: 'listen',
  pid: 42,
  command: 'node',
  commandLine: 'node server.js',
  user: 'runner',
};
const conflict = (c: Partial<Conflict>): Conflict => ({
  name: 'web',
  port: 3000,
  protocol: 'tcp',
  verdict: 'in-use',
  holders: [],
  ...c,
});

describe('conflicts', () => {
  test('in use: the address, its error code and the holder', () => {
    const c = conflict({ address: '127.0.0.1', code: 'EADDRINUSE', holders: [node] });
    expect(conflictMessage(c)).toMatch(
      /^web: port 3000\/tcp is in use on 127\.0\.0\.1 \(EADDRINUSE\), held by pid 42 `node server\.js` \(user runner\)/,
    );
    expect(heldBy(c)).toContain('pid 42');
  });

  test('an exclusive holder is named as one', () => {
    const c = conflict({ address: '::', code: 'EACCES', reason: 'exclusive', holders: [] });
    expect(conflictMessage(c)).toBe(
      'web: port 3000/tcp is in use on :: (EACCES): a holder refuses to share it (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the same address), held by unknown',
    );
  });

  test('a lease whose file could not be read', () => {
    const c = conflict({ verdict: 'leased' });
    expect(conflictMessage(c)).toBe(
      'web: port 3000/tcp is leased by another port-guard run (its lease file could not be read)',
    );
  });

  test('every reason a bind is denied', () => {
    const denied = (reason?: Conflict['reason'], address?: string) =>
      conflict({ verdict: 'denied', code: 'EACCES', ...(reason ? { reason } : {}), address });
    expect(conflictMessage(denied('reserved', '0.0.0.0'))).toBe(
      'web: port 3000/tcp is refused on 0.0.0.0 (EACCES): it lies in a range the OS reserves (Windows excluded port range)',
    );
    expect(heldBy(denied('reserved'))).toBe('reserved by the OS (an excluded port range)');
    expect(conflictMessage(denied('wildcard-only', '127.0.0.1'))).toContain(
      'a server on 127.0.0.1 needs root (macOS',
    );
    expect(heldBy(denied('wildcard-only'))).toBe(
      'free for a server on the wildcard; a server on a specific address needs root',
    );
    expect(conflictMessage(denied('needs-root', '::'))).toBe(
      'web: port 3000/tcp is refused on :: (EACCES): ports below 1024 need root',
    );
    expect(heldBy(denied('needs-root'))).toContain('binding it needs root');
    expect(conflictMessage(denied(undefined, '::'))).toContain(
      'ports below 1024 need root or CAP_NET_BIND_SERVICE',
    );
    expect(heldBy(denied())).toContain('root or CAP_NET_BIND_SERVICE');
  });

  test('unknown: an address that is gone, or any other error', () => {
    expect(
      conflictMessage(conflict({ verdict: 'unknown', address: '10.9.9.9', code: 'EADDRNOTAVAIL' })),
    ).toContain('10.9.9.9 is not (or is no longer) an address of this host');
    expect(conflictMessage(conflict({ verdict: 'unknown', address: '::1', code: 'EPERM' }))).toBe(
      'web: port 3000/tcp could not be checked on ::1 (EPERM), so it is not known to be free',
    );
    expect(heldBy(conflict({ verdict: 'unknown' }))).toBe('unknown');
  });

  test('a command line with control characters stays one printable line', () => {
    expect(printable('a\nb\u2028c\u0007')).toBe('a\\x0ab\\u2028c\\x07');
    const evil = conflict({ holders: [{ ...node, commandLine: 'x\n::error::owned' }] });
    expect(heldBy(evil)).not.toContain('\n');
  });
});

describe('a run into annotations', () => {
  const busy = conflict({ address: '127.0.0.1', code: 'EADDRINUSE' });
  const assignment = (a: Partial<Assignment>): Assignment =>
    ({
      name: 'web',
      requested: 3000,
      port: 3000,
      protocol: 'tcp',
      conflicts: [busy],
      ...a,
    }) as Assignment;

  test('an error per conflict, a warning per busy port kept, a notice per replacement, the error', () => {
    const result = {
      ok: false,
      assignments: [
        assignment({ status: 'conflict' }),
        assignment({ name: 'db', status: 'busy' }),
        assignment({ name: 'api', status: 'fallback', port: 61234 }),
        assignment({ name: 'dns', status: 'free', conflicts: [] }),
      ],
      conflicts: [busy],
      error: 'no free port left in 61000-61001',
    } as unknown as Parameters<typeof annotationsFor>[0];
    expect(annotationsFor(result).map((a) => a.level)).toEqual([
      'error',
      'warning',
      'notice',
      'error',
    ]);
    expect(annotationsFor(result)[1].message).toMatch(
      /; keeping it as asked \(on-conflict: warn\)$/,
    );
    expect(annotationsFor(result)[3].message).toBe('no free port left in 61000-61001');
  });

  test('fallback: why, then the port used; a replacement with no conflict recorded was busy', () => {
    expect(fallbackMessage(assignment({ status: 'fallback', port: 61234 }))).toBe(
      'web: port 3000/tcp is in use on 127.0.0.1 (EADDRINUSE), held by unknown → using 61234',
    );
    expect(fallbackMessage(assignment({ status: 'fallback', port: 61234, conflicts: [] }))).toBe(
      'web: was busy → using 61234',
    );
  });

  test('waiting names each port once; a cancelled run says nothing was kept', () => {
    expect(waitingMessage([busy, busy, conflict({ name: 'db', port: 5432 })], 5)).toBe(
      'waiting up to 5 s for web (3000/tcp), db (5432/tcp) to become free',
    );
    expect(cancelledMessage(new CancelledError('SIGTERM'))).toBe(
      'cancelled by SIGTERM: no port was handed out, and every lease this run took was returned',
    );
  });
});

describe('readiness', () => {
  const web = { name: 'web', port: 3000, protocol: 'tcp' as const };
  const dns = { port: 5353, protocol: 'udp' as const };

  test('ready: the families, the GET, the holder; UDP is bound', () => {
    expect(portLabel(dns)).toBe('port 5353/udp');
    expect(readyMessage({ target: web, accepts: [4, 6], holders: [node], httpStatus: 204 })).toBe(
      'web: port 3000/tcp is ready: accepts connections on 127.0.0.1 and ::1, GET answered 204; pid 42 `node server.js` (user runner) on 127.0.0.1',
    );
    expect(readyMessage({ target: dns, accepts: [], holders: [] })).toBe(
      'port 5353/udp is ready: bound',
    );
  });

  test('one family only: where it listens and who will fail', () => {
    const ready = { target: web, accepts: [6 as const], holders: [] };
    expect(familyWarning(ready)).toBeUndefined();
    expect(familyWarning({ ...ready, oneFamilyOnly: 6 })).toBe(
      'web: port 3000/tcp accepts connections on ::1 only: clients that dial 127.0.0.1 (e.g. tools that resolve `localhost` to IPv4) will fail',
    );
    expect(familyWarning({ ...ready, oneFamilyOnly: 4, holders: [node] })).toBe(
      'web: port 3000/tcp listens on 127.0.0.1 only: clients that dial ::1 (e.g. `localhost` on Node 17+ and in most browsers) will fail',
    );
    expect(
      familyWarning({
        ...ready,
        oneFamilyOnly: 4,
        holders: [{ ...node, addresses: ['10.0.0.5'] }],
      }),
    ).toContain('accepts connections on IPv4 only (listens on 10.0.0.5)');
  });

  test('how a process ended', () => {
    expect(exitText({ code: null, signal: 'SIGKILL' })).toBe('was killed by SIGKILL');
    expect(exitText({ code: 3, signal: null })).toBe('exited with code 3');
    expect(exitText({ code: null, signal: null })).toBe(
      'exited (its exit code is known only to its parent)',
    );
  });

  test('not ready: every reason a port is still waited for', () => {
    const lines = missingMessages([
      { waiting: { why: 'nothing-listens', target: web }, holders: [] },
      { waiting: { why: 'nothing-listens', target: dns }, holders: [] },
      { waiting: { why: 'nothing-listens', target: web }, holders: [node] },
      {
        waiting: {
          why: 'family-refused',
          target: web,
          accepts: [6],
          refused: [4],
          holders: [node],
        },
        holders: [],
      },
      { waiting: { why: 'holder-unseen', target: web, accepts: [4] }, holders: [] },
      { waiting: { why: 'http', target: web, answer: { status: 503 }, accepts: [4] }, holders: [] },
      {
        waiting: { why: 'http', target: web, answer: { error: 'ECONNRESET' }, accepts: [4] },
        holders: [],
      },
    ] as Parameters<typeof missingMessages>[0]);
    expect(lines).toEqual([
      'web: port 3000/tcp is not ready: nothing listens on it',
      'port 5353/udp is not ready: no socket is bound to it',
      expect.stringMatching(/holds it, but no connection to 127\.0\.0\.1 or ::1 succeeds$/),
      expect.stringMatching(/listens, but 127\.0\.0\.1 refuses connections \(accepted on ::1\)$/),
      expect.stringContaining('cannot see which process holds it'),
      'web: port 3000/tcp is not ready: it listens, but GET answered 503 (2xx or 3xx needed)',
      'web: port 3000/tcp is not ready: it listens, but GET failed: ECONNRESET',
    ]);
  });

  test('failures: a stranger, the process ended, the timeout; none when ready', () => {
    const missing = [{ waiting: { why: 'nothing-listens' as const, target: web }, holders: [] }];
    expect(failureMessages({ ok: true, ready: [], elapsedMs: 1 }, 5)).toEqual([]);
    const stranger = {
      ok: false as const,
      reason: 'stranger' as const,
      target: web,
      holders: [node],
      ready: [],
      elapsedMs: 1,
    };
    expect(failureMessages(stranger, 5, { pid: 7, role: 'the server' })[0]).toMatch(
      /which is not the server \(pid 7\) or one of its descendants; stop it or use another port$/,
    );
    expect(failureMessages(stranger, 5)[0]).toContain('which is not the expected process');
    const exited = {
      ok: false as const,
      reason: 'exited' as const,
      exit: { code: 1, signal: null },
      ready: [],
      missing,
      elapsedMs: 1,
    };
    expect(failureMessages(exited, 5, { pid: 7 })).toEqual([
      'pid 7 exited with code 1 before every port was ready',
      'web: port 3000/tcp is not ready: nothing listens on it',
    ]);
    expect(failureMessages(exited, 5)[0]).toBe(
      'the process exited with code 1 before every port was ready',
    );
    expect(
      failureMessages({ ok: false, reason: 'timeout', ready: [], missing, elapsedMs: 5000 }, 5),
    ).toEqual(['not ready after 5 s', 'web: port 3000/tcp is not ready: nothing listens on it']);
  });
});
