export const id = 45;
export const ids = [45];
export const modules = {

/***/ 2045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ startServerStep),
  o: () => (/* binding */ stopServerStep)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/allocate/cancellation.ts
var cancellation = __webpack_require__(1656);
// EXTERNAL MODULE: ./src/lease/lease-registry.ts + 6 modules
var lease_registry = __webpack_require__(6456);
// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/ready/log-tail.ts
/** The last lines of a server's log, for the message when it died before it was ready. */

/** At most `lines` lines from the end of `path`, reading no more than `maxBytes`; '' if unreadable. */
function lastLines(path, lines = 20, maxBytes = 16 * 1024) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        const length = Math.min(size, maxBytes);
        const buffer = Buffer.alloc(length);
        (0,external_node_fs_.readSync)(fd, buffer, 0, length, size - length);
        let text = buffer.toString('utf8');
        // A cut-off first line is dropped, unless it is all there is.
        if (length < size && text.includes('\n'))
            text = text.slice(text.indexOf('\n') + 1);
        const all = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
        return all.slice(-lines).join('\n');
    }
    catch {
        return '';
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./src/ready/server-process.ts
var server_process = __webpack_require__(7980);
// EXTERNAL MODULE: ./src/spec/input-error.ts
var input_error = __webpack_require__(5376);
// EXTERNAL MODULE: ./src/holders/describe-holder.ts
var describe_holder = __webpack_require__(1593);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/ready/loopback-connect.ts
/**
 * The connect half of a TCP readiness check: does a connection to this machine's own
 * loopback address on a port succeed? Nothing here binds the port (a bind probe while a
 * server starts could make the server's own listen fail) and nothing dials another machine.
 */


/** The loopback address of each family. */
const LOOPBACK = { 4: '127.0.0.1', 6: '::1' };
const UNAVAILABLE = new Set(['EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT', 'EHOSTUNREACH']);
/** Connects to `address:port` and closes at once; never throws. */
function connectOnce(address, port, timeoutMs = 1000) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: address, port, noDelay: true });
        // A readiness check must never keep a test runner's process alive.
        socket.unref();
        const finish = (verdict) => {
            clearTimeout(timer);
            socket.removeAllListeners();
            socket.on('error', () => { });
            socket.destroy();
            resolve(verdict);
        };
        const timer = setTimeout(() => finish('unknown'), timeoutMs);
        timer.unref();
        socket.once('connect', () => finish('accepted'));
        socket.once('error', (err) => {
            if (err.code === 'ECONNREFUSED')
                finish('refused');
            else
                finish(UNAVAILABLE.has(err.code ?? '') ? 'unavailable' : 'unknown');
        });
    });
}
/**
 * The loopback families this host has: IPv4 always; IPv6 when an interface carries `::1`
 * (absent in containers started without IPv6).
 */
function loopbackFamilies(interfaces = (0,external_node_os_.networkInterfaces)()) {
    const hasV6 = Object.values(interfaces).some((infos) => (infos ?? []).some((i) => i.family === 'IPv6' && i.address === '::1'));
    return hasV6 ? [4, 6] : [4];
}
/** Connects to the loopback of every given family at once (different addresses never collide). */
async function connectLoopbacks(port, families, timeoutMs) {
    const verdicts = await Promise.all(families.map((f) => connectOnce(LOOPBACK[f], port, timeoutMs)));
    const answers = {};
    families.forEach((f, i) => (answers[f] = verdicts[i]));
    return answers;
}

;// CONCATENATED MODULE: ./src/report/ready-messages.ts
/**
 * Readiness results into words, for every front: one line per ready port, the one-family
 * warning, and the failures (timeout, the process ended, a stranger on the port). No I/O.
 */


/** `web: port 3000/tcp`, or `port 3000/tcp` for an unnamed port. */
function portLabel(t) {
    return `${t.name !== undefined ? `${t.name}: ` : ''}port ${t.port}/${t.protocol}`;
}
const listFamilies = (families) => families.map((f) => LOOPBACK[f]).join(' and ');
/** `web: port 3000/tcp is ready: accepts connections on 127.0.0.1 and ::1; pid 42 `node s.js``. */
function readyMessage(r) {
    const how = r.target.protocol === 'udp' ? 'bound' : `accepts connections on ${listFamilies(r.accepts)}`;
    const http = r.httpStatus !== undefined ? `, GET answered ${r.httpStatus}` : '';
    const who = r.holders.length > 0 ? `; ${(0,describe_holder/* describeHolders */.hX)(r.holders)}` : '';
    return `${portLabel(r.target)} is ready: ${how}${http}${who}`;
}
/**
 * The warning for a TCP port only one family accepts: `web: port 3000/tcp listens on ::1 only:
 * clients that dial 127.0.0.1 will fail`. Undefined when both do (or the host has one).
 */
function familyWarning(r) {
    const only = r.oneFamilyOnly;
    if (only === undefined)
        return undefined;
    const other = only === 4 ? 6 : 4;
    const addresses = [...new Set(r.holders.flatMap((h) => h.addresses))];
    const where = addresses.length === 1 && addresses[0] === LOOPBACK[only]
        ? `listens on ${LOOPBACK[only]} only`
        : addresses.length === 0
            ? `accepts connections on ${LOOPBACK[only]} only`
            : `accepts connections on IPv${only} only (listens on ${addresses.join(', ')})`;
    const hint = other === 6
        ? ' (e.g. `localhost` on Node 17+ and in most browsers)'
        : ' (e.g. tools that resolve `localhost` to IPv4)';
    return `${portLabel(r.target)} ${where}: clients that dial ${LOOPBACK[other]}${hint} will fail`;
}
/** How a process ended, in words. */
function exitText(exit) {
    if (exit.signal)
        return `was killed by ${exit.signal}`;
    if (exit.code !== null)
        return `exited with code ${exit.code}`;
    return 'exited (its exit code is known only to its parent)';
}
function waitingText(w, holders) {
    const listening = holders.filter((h) => h.state === 'listen' || h.protocol === 'udp');
    switch (w.why) {
        case 'nothing-listens':
            if (listening.length > 0)
                return `${(0,describe_holder/* describeHolders */.hX)(listening)} holds it, but no connection to ${w.target.protocol === 'udp' ? 'it' : '127.0.0.1 or ::1'} succeeds`;
            return w.target.protocol === 'udp' ? 'no socket is bound to it' : 'nothing listens on it';
        case 'family-refused':
            return `${(0,describe_holder/* describeHolders */.hX)(w.holders)} listens, but ${listFamilies(w.refused)} refuses connections (accepted on ${listFamilies(w.accepts)})`;
        case 'holder-unseen':
            return "something answers, but port-guard cannot see which process holds it (another user's process? it needs root to be seen)";
        case 'http':
            return 'status' in w.answer
                ? `it listens, but GET answered ${w.answer.status} (2xx or 3xx needed)`
                : `it listens, but GET failed: ${w.answer.error}`;
    }
}
/** One line per port still missing. */
function missingMessages(missing) {
    return missing.map((m) => `${portLabel(m.waiting.target)} is not ready: ${waitingText(m.waiting, m.holders)}`);
}
const expectedText = (e) => (e.role ? `${e.role} (pid ${e.pid})` : `pid ${e.pid}`);
/** The error lines for a wait that did not end ready; [] for one that did. */
function failureMessages(outcome, timeoutSeconds, expected) {
    if (outcome.ok)
        return [];
    switch (outcome.reason) {
        case 'stranger':
            return [
                `${portLabel(outcome.target)} is held by ${(0,describe_holder/* describeHolders */.hX)(outcome.holders)}, which is not ${expected ? `${expectedText(expected)} or one of its descendants` : 'the expected process'}; stop it or use another port`,
            ];
        case 'exited':
            return [
                `${expected ? expectedText(expected) : 'the process'} ${exitText(outcome.exit)} before every port was ready`,
                ...missingMessages(outcome.missing),
            ];
        case 'timeout':
            return [`not ready after ${timeoutSeconds} s`, ...missingMessages(outcome.missing)];
    }
}

// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
// EXTERNAL MODULE: ./src/holders/linux.ts + 1 modules
var holders_linux = __webpack_require__(8177);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/ready/http-check.ts
/**
 * The HTTP half of readiness (`--http PATH`, `ready-http`): a GET on this machine's loopback
 * address must answer 2xx or 3xx. No proxy, no keep-alive, no redirect followed: a 3xx is an
 * answer from the server, which is what readiness asks.
 */

/** Whether an answer counts as ready. */
const httpReady = (answer) => 'status' in answer && answer.status >= 200 && answer.status < 400;
/** GETs `http://<address>:<port><path>` once; never throws. */
function httpGet(address, port, path, timeoutMs = 2000) {
    return new Promise((resolve) => {
        let settled = false;
        const done = (answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(answer);
        };
        const req = (0,external_node_http_.request)({
            host: address,
            family: address.includes(':') ? 6 : 4,
            port,
            path,
            method: 'GET',
            agent: false,
            headers: { connection: 'close', 'user-agent': 'port-guard' },
        });
        const timer = setTimeout(() => {
            done({ error: `no answer within ${timeoutMs} ms` });
            req.destroy();
        }, timeoutMs);
        timer.unref();
        req.on('socket', (socket) => socket.unref());
        req.once('response', (res) => {
            done({ status: res.statusCode ?? 0 });
            res.resume();
            res.destroy();
        });
        req.once('error', (err) => done({ error: err.code ?? err.message }));
        req.end();
    });
}

// EXTERNAL MODULE: ./src/ready/process-tree.ts
var process_tree = __webpack_require__(7779);
;// CONCATENATED MODULE: ./src/ready/ready-deps.ts
/** The real system behind the readiness checks: loopback connects, /proc, lsof, netstat, ps. */





/** This machine, as the readiness checks see it. */
function readyDeps(platform = process.platform) {
    const linux = platform === 'linux' || platform === 'android';
    return {
        families: loopbackFamilies(),
        connect: (port, families) => connectLoopbacks(port, families),
        findHolders: lookup/* findHoldersWhenNeeded */.wr,
        ...(linux
            ? {
                countUdpSockets: (port) => (0,holders_linux/* blockingSocketsLinux */.QE)([{ port, protocol: 'udp' }])[0].length,
            }
            : {}),
        processTable: () => (0,process_tree/* snapshotProcessTable */.iF)(platform),
        httpGet: (address, port, path) => httpGet(address, port, path),
    };
}
/** The start of `pid` in the units of this machine's process table (for the Docker rule). */
async function processStart(pid, platform = process.platform) {
    const table = platform === 'linux' || platform === 'android'
        ? (0,process_tree/* linuxProcessTable */.Ox)()
        : await (0,process_tree/* snapshotProcessTable */.iF)(platform);
    return table.row(pid)?.start;
}

// EXTERNAL MODULE: ./src/ready/ready-options.ts
var ready_options = __webpack_require__(6459);
;// CONCATENATED MODULE: ./src/ready/holder-ownership.ts

/** Whether a holder is Docker's (a `docker-proxy`, or a process docker named a container for). */
function isDockerHolder(holder) {
    return holder.container !== undefined;
}
/**
 * The Docker rule: bound after the command started, known either from having seen the port
 * free since, or from the holder process's own start time (one `docker-proxy` is started per
 * published port, when the port is bound).
 */
function boundAfterStart(holder, facts) {
    if (facts.seenFreeSinceStart)
        return true;
    const start = facts.expected.start;
    if (holder.pid === undefined || start === undefined)
        return false;
    const holderStart = facts.table.row(holder.pid)?.start;
    return holderStart !== undefined && holderStart >= start;
}
/**
 * Classifies one holder:
 * - a process in the expected process's tree is ours;
 * - a Docker holder is ours when it was bound after the command started;
 * - a process this user cannot see (another user's, e.g. a `sudo` child or a root
 *   `docker-proxy` docker did not name) is ours only when the port was seen free after the
 *   command started; one that was there before is a stranger;
 * - once the command has exited with code 0 (it daemonized), a holder of a port seen free
 *   since it started is ours;
 * - anything else is a stranger.
 */
function classifyHolder(holder, facts) {
    if (holder.pid !== undefined && (0,process_tree/* isInTree */.mx)(facts.expected.pid, holder.pid, facts.table))
        return 'ours';
    if (facts.exitedCleanly && facts.seenFreeSinceStart)
        return 'ours';
    if (isDockerHolder(holder))
        return boundAfterStart(holder, facts) ? 'ours' : 'stranger';
    if (holder.pid === undefined && holder.hidden)
        return facts.seenFreeSinceStart ? 'ours' : 'stranger';
    return 'stranger';
}
/** The holders that are not the expected process's. */
function strangers(holders, facts) {
    return holders.filter((h) => classifyHolder(h, facts) === 'stranger');
}

;// CONCATENATED MODULE: ./src/ready/port-check.ts
/**
 * One look at one port: is it ready, still to come, or taken by a stranger? TCP is ready when a
 * socket listens there and a connection succeeds on the loopback address of each family it
 * listens on; UDP when a socket is bound. A connect answers most looks on its own: the holder
 * lookup (a walk of the process table) runs only once something answers, and once per server.
 */




const familyOf = (address) => {
    const v = (0,external_node_net_.isIP)(address.replace(/%.*$/, ''));
    return v === 4 ? 4 : v === 6 ? 6 : undefined;
};
const occupying = (h) => h.protocol === 'udp' ? h.state !== 'time-wait' : h.state === 'listen';
/**
 * Watches one port across looks. It remembers whether the port was seen free since the watch
 * began (the Docker rule) and whose holders it has already verified, so a server that answers
 * 503 for a while is not looked up on every tick.
 */
class PortWatch {
    target;
    ctx;
    seenFree = false;
    verified;
    constructor(target, ctx) {
        this.target = target;
        this.ctx = ctx;
    }
    /** Whether the port had nothing on it at some look since the watch began. */
    get seenFreeSinceStart() {
        return this.seenFree;
    }
    markFree() {
        this.seenFree = true;
        this.verified = undefined;
        return { kind: 'waiting', waiting: { why: 'nothing-listens', target: this.target } };
    }
    /**
     * The holders of this port, checked against the expected process: a stranger when any is
     * not its; undefined when nothing could be seen.
     */
    async holders() {
        if (this.verified)
            return { holders: this.verified };
        const { deps, expected } = this.ctx;
        const found = (await deps.findHolders([{ port: this.target.port, protocol: this.target.protocol }])).filter((h) => h.port === this.target.port && occupying(h));
        if (found.length === 0)
            return undefined;
        if (expected) {
            const foreign = strangers(found, {
                expected,
                table: await deps.processTable(),
                seenFreeSinceStart: this.seenFree,
                exitedCleanly: this.ctx.exitedCleanly === true,
            });
            if (foreign.length > 0)
                return { stranger: foreign };
        }
        this.verified = found;
        return { holders: found };
    }
    /** Looks once. */
    async look() {
        return this.target.protocol === 'udp' ? this.lookUdp() : this.lookTcp();
    }
    async lookUdp() {
        const count = this.ctx.deps.countUdpSockets?.(this.target.port);
        if (count === 0)
            return this.markFree();
        const seen = await this.holders();
        if (seen === undefined) {
            // The socket table shows a socket but no process could be found for it: not ours to claim.
            if (count === undefined)
                return this.markFree();
            if (this.ctx.expected)
                return {
                    kind: 'waiting',
                    waiting: { why: 'holder-unseen', target: this.target, accepts: [] },
                };
            return { kind: 'ready', ready: { target: this.target, accepts: [], holders: [] } };
        }
        if ('stranger' in seen)
            return { kind: 'stranger', target: this.target, holders: seen.stranger };
        return { kind: 'ready', ready: { target: this.target, accepts: [], holders: seen.holders } };
    }
    async lookTcp() {
        const { deps } = this.ctx;
        const answers = await deps.connect(this.target.port, deps.families);
        const accepts = deps.families.filter((f) => answers[f] === 'accepted');
        if (accepts.length === 0) {
            const definite = deps.families.every((f) => isDefinitelyClosed(answers[f]));
            if (definite)
                return this.markFree();
            return { kind: 'waiting', waiting: { why: 'nothing-listens', target: this.target } };
        }
        // Without an expected process, the connects answer the question on their own: no walk of
        // the process table (its holder is named only when something is wrong).
        const seen = this.ctx.expected ? await this.holders() : undefined;
        if (seen && 'stranger' in seen)
            return { kind: 'stranger', target: this.target, holders: seen.stranger };
        if (!seen && this.ctx.expected)
            return { kind: 'waiting', waiting: { why: 'holder-unseen', target: this.target, accepts } };
        const holders = seen?.holders ?? [];
        // The families it listens on: from its addresses when the lookup saw them, else what accepted.
        const listened = new Set();
        for (const h of holders)
            for (const a of h.addresses) {
                const f = familyOf(a);
                if (f !== undefined && deps.families.includes(f))
                    listened.add(f);
            }
        const refused = [...listened].filter((f) => !accepts.includes(f));
        if (refused.length > 0)
            return {
                kind: 'waiting',
                waiting: { why: 'family-refused', target: this.target, accepts, refused, holders },
            };
        const ready = { target: this.target, accepts, holders };
        if (accepts.length === 1 && deps.families.length > 1)
            ready.oneFamilyOnly = accepts[0];
        if (this.ctx.httpPath !== undefined) {
            const answer = await deps.httpGet(LOOPBACK[accepts[0]], this.target.port, this.ctx.httpPath);
            if (!httpReady(answer))
                return { kind: 'waiting', waiting: { why: 'http', target: this.target, answer, accepts } };
            ready.httpStatus = answer.status;
        }
        return { kind: 'ready', ready };
    }
    /** Who holds the port now, for a message at the end (a full lookup; any state). */
    async currentHolders() {
        const all = await this.ctx.deps.findHolders([
            { port: this.target.port, protocol: this.target.protocol },
        ]);
        return all.filter((h) => h.port === this.target.port);
    }
}
function isDefinitelyClosed(verdict) {
    return verdict === 'refused' || verdict === 'unavailable';
}

;// CONCATENATED MODULE: ./src/ready/wait-loop.ts
/**
 * The poll loop: look at every port not yet ready, back off between looks (10 ms growing to
 * 500 ms), and stop at once when the watched process ends, a stranger holds a port, the
 * deadline passes or the signal aborts.
 */


const FIRST_DELAY_MS = 10;
const MAX_DELAY_MS = 500;
const GROWTH = 1.6;
/**
 * Waits until every target is ready; see {@link WaitOutcome} for every way it ends. The probe
 * sockets and their timers are unref()ed; one timer holds the process open while the wait is
 * pending (a process must not quit mid-wait) and is gone once it ends.
 */
async function waitUntilReady(targets, options) {
    const keepAlive = setInterval(() => { }, 1 << 30);
    try {
        return await waitLoop(targets, options);
    }
    finally {
        clearInterval(keepAlive);
    }
}
async function waitLoop(targets, options) {
    const began = Date.now();
    const elapsed = () => Date.now() - began;
    const expected = options.process
        ? {
            pid: options.process.pid,
            ...(options.processStart !== undefined ? { start: options.processStart } : {}),
        }
        : undefined;
    const firstTcp = targets.find((t) => t.protocol === 'tcp');
    const watches = targets.map((target) => new PortWatch(target, {
        deps: options.deps,
        ...(expected ? { expected } : {}),
        ...(options.http !== undefined && target === firstTcp ? { httpPath: options.http } : {}),
    }));
    const ready = new Map();
    const readyList = () => watches.flatMap((w) => (ready.has(w) ? [ready.get(w)] : []));
    let waiting = new Map();
    const missing = async () => Promise.all(watches
        .filter((w) => !ready.has(w))
        .map(async (w) => ({
        waiting: waiting.get(w) ?? { why: 'nothing-listens', target: w.target },
        holders: await w.currentHolders().catch(() => []),
    })));
    let delay = FIRST_DELAY_MS;
    for (;;) {
        options.signal?.throwIfAborted();
        const exit = await options.process?.exited();
        if (exit?.code === 0)
            for (const w of watches)
                w.ctx.exitedCleanly = true;
        const looks = await Promise.all(watches.filter((w) => !ready.has(w)).map(async (w) => [w, await w.look()]));
        waiting = new Map();
        for (const [watch, look] of looks) {
            if (look.kind === 'stranger')
                return {
                    ok: false,
                    reason: 'stranger',
                    target: look.target,
                    holders: look.holders,
                    ready: readyList(),
                    elapsedMs: elapsed(),
                };
            if (look.kind === 'ready')
                ready.set(watch, look.ready);
            else
                waiting.set(watch, look.waiting);
        }
        if (ready.size === watches.length)
            return { ok: true, ready: readyList(), elapsedMs: elapsed() };
        // The look that followed the exit was its last chance (a `docker compose up -d` that has
        // handed its ports to docker and left).
        if (exit)
            return {
                ok: false,
                reason: 'exited',
                exit,
                ready: readyList(),
                missing: await missing(),
                elapsedMs: elapsed(),
            };
        options.onRound?.([...waiting.values()], elapsed());
        const left = options.timeoutMs - elapsed();
        if (left <= 0)
            return {
                ok: false,
                reason: 'timeout',
                ready: readyList(),
                missing: await missing(),
                elapsedMs: elapsed(),
            };
        // Until the delay passed, the process ended or the signal aborted (then it rejects).
        await (0,cancellation/* abortableSleep */.Mf)(Math.min(delay, left), options.signal, options.process?.ended);
        delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
    }
}

// EXTERNAL MODULE: ./src/lease/process-identity.ts
var process_identity = __webpack_require__(2714);
;// CONCATENATED MODULE: ./src/ready/watched-process.ts



/** Watches a child port-guard spawned: its exit is known the moment it happens. */
function watchChild(child) {
    let exit = child.exitCode !== null || child.signalCode !== null
        ? { code: child.exitCode, signal: child.signalCode }
        : undefined;
    const ended = new Promise((resolve) => {
        if (exit)
            resolve(exit);
        child.once('exit', (code, signal) => {
            exit = { code, signal };
            resolve(exit);
        });
    });
    return { pid: child.pid, exited: async () => exit, ended };
}
/**
 * The exit code of an unreaped zombie, from field 52 of `/proc/<pid>/stat` (Linux 3.5+):
 * the `waitpid` status, whose high byte is the code and low 7 bits the signal.
 */
function zombieExit(statText) {
    const close = statText.lastIndexOf(')');
    const fields = statText
        .slice(close + 1)
        .trim()
        .split(/\s+/);
    if (fields[0] !== 'Z')
        return undefined;
    const status = Number(fields[49]);
    if (!Number.isSafeInteger(status))
        return { code: null, signal: null };
    const signalNumber = status & 0x7f;
    if (signalNumber !== 0)
        return { code: null, signal: signalName(signalNumber) };
    return { code: (status >> 8) & 0xff, signal: null };
}
function signalName(n) {
    const entry = Object.entries(external_node_os_.constants.signals).find(([, v]) => v === n);
    return entry ? entry[0] : null;
}
/**
 * Watches a process named by pid (and, when known, start token, so a reused pid reads as the
 * end of the original). Its end is noticed on the next `exited()` call.
 */
function watchPid(pid, start) {
    let resolveEnded;
    const ended = new Promise((resolve) => (resolveEnded = resolve));
    let exit;
    return {
        pid,
        ended,
        async exited() {
            if (exit)
                return exit;
            let zombie;
            if (process.platform === 'linux') {
                try {
                    zombie = zombieExit((0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8'));
                }
                catch {
                    // Gone: its parent has collected it, and its code with it.
                }
            }
            const identity = zombie ? undefined : await (0,process_identity/* processIdentity */.I9)(pid);
            const alive = identity !== undefined &&
                (start === undefined || identity.start === undefined || identity.start === start);
            if (alive)
                return undefined;
            exit = zombie ?? { code: null, signal: null };
            resolveEnded(exit);
            return exit;
        },
    };
}

;// CONCATENATED MODULE: ./src/ready/wait-request.ts
/**
 * One readiness wait as every front runs it: the raw options checked together (each problem
 * naming its input), then the poll loop bound to the process, then the words for the result.
 */






/** Checks a wait's options together; throws InputErrors with every problem. */
async function parseWaitRequest(raw, names) {
    const errors = [];
    const attempt = async (fn) => {
        try {
            return await fn();
        }
        catch (err) {
            if (err instanceof InputError) {
                errors.push(err);
                return undefined;
            }
            throw err;
        }
    };
    const targets = await attempt(() => parseReadyTargets(raw.ports, names.ports));
    const timeoutSeconds = await attempt(() => parseReadyTimeout(raw.timeout, names.timeout));
    const http = await attempt(() => parseHttpPath(raw.http, names.http));
    const pid = await attempt(() => parseLivePid(raw.pid, names.pid));
    if (http !== undefined && targets && !targets.some((t) => t.protocol === 'tcp'))
        errors.push(new InputError(names.http, `${names.http}: needs a TCP port to send the GET to; every port given is UDP`));
    if (errors.length > 0)
        throw new InputErrors(errors);
    return {
        targets: targets,
        timeoutSeconds: timeoutSeconds,
        ...(pid ? { pid } : {}),
        ...(http !== undefined ? { http } : {}),
    };
}
/** Runs a checked wait to its end. Rejects only when the signal aborts. */
async function runWait(request, options = {}) {
    const watched = options.process ?? (request.pid ? watchPid(request.pid.pid, request.pid.start) : undefined);
    const start = watched ? await processStart(watched.pid) : undefined;
    const outcome = await waitUntilReady(request.targets, {
        timeoutMs: request.timeoutSeconds * 1000,
        deps: options.deps ?? readyDeps(),
        ...(watched ? { process: watched } : {}),
        ...(start !== undefined ? { processStart: start } : {}),
        ...(request.http !== undefined ? { http: request.http } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onRound ? { onRound: options.onRound } : {}),
    });
    const label = watched
        ? { pid: watched.pid, ...(options.role ? { role: options.role } : {}) }
        : undefined;
    return {
        outcome,
        ready: outcome.ready.map(readyMessage),
        warnings: outcome.ready.flatMap((r) => familyWarning(r) ?? []),
        errors: failureMessages(outcome, request.timeoutSeconds, label),
    };
}

// EXTERNAL MODULE: ./src/spec/port-spec.ts
var port_spec = __webpack_require__(9910);
;// CONCATENATED MODULE: ./src/action/server-step.ts
/**
 * The action's `run` input: start the server once the ports are assigned, wait until it
 * listens on every port (or fail fast), and in the post step stop it and print its log.
 */













/** The grace a cancelled step gives the server: the runner kills the step 7.5 s after SIGINT. */
const CANCEL_GRACE_MS = 5000;
/** The server's environment: the step's own, without the action's inputs, plus the ports. */
function serverEnv(result) {
    const env = {};
    for (const [name, value] of Object.entries(process.env))
        if (!/^INPUT_/i.test(name))
            env[name] = value;
    for (const [name, value] of (0,outputs/* envPairs */.ff)(result))
        env[name] = value;
    env.PORT = String(result.assignments[0].port);
    return env;
}
/** The last lines of the server's log, made safe for one annotation. */
function logTail(record) {
    const tail = lastLines(record.logPath, 20);
    if (tail === '')
        return '';
    return `\nLast lines of its output (${record.logPath}):\n${tail.split('\n').map(messages/* printable */.g$).join('\n')}`;
}
/**
 * Starts the server and waits for it. Returns whether the step may succeed. On failure or
 * cancellation the server is stopped and the run's leases are returned before this returns.
 */
async function startServerStep(io, plan, result, leases) {
    const logPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `port-guard-server-${(0,external_node_crypto_.randomUUID)()}.log`);
    let record;
    let given;
    const giveUp = (graceMs) => (given ??= (async () => {
        if (record)
            await (0,server_process/* stopServer */.gG)(record, graceMs !== undefined ? { graceMs } : {});
        if (leases)
            await (0,lease_registry/* releaseLeases */.Rc)(leases.dir, { ownerId: leases.ownerId }).catch(() => []);
    })());
    try {
        // Start, wait and (on a signal) stop all run inside one cancellation scope: a signal at
        // any moment ends in the stop, and the runner's SIGTERM that follows its SIGINT cannot cut
        // the stop short.
        const report = await (0,cancellation/* withSignalCancellation */.Y8)(async (signal) => {
            try {
                const started = await (0,server_process/* startServer */.UD)({
                    command: plan.command,
                    shell: plan.shell,
                    env: serverEnv(result),
                    logPath,
                });
                record = started.record;
                // Saved at once: whatever happens next, the post step can stop it.
                io.saveState(state/* StateKey */.z.Server, JSON.stringify(record));
                io.info(`port-guard: started the server (pid ${record.pid}, ${plan.shell.name}); its output goes to ${logPath}`);
                // The step must be able to end while the server runs on.
                started.child.unref();
                if (plan.timeoutSeconds === 0)
                    return undefined;
                return await runWait({
                    targets: result.assignments.flatMap((a) => (0,port_spec/* protocolsOf */.LE)(a.protocol).map((protocol) => ({ name: a.name, port: a.port, protocol }))),
                    timeoutSeconds: plan.timeoutSeconds,
                    ...(plan.http !== undefined ? { http: plan.http } : {}),
                }, { process: watchChild(started.child), role: 'the server', signal });
            }
            catch (err) {
                if (err instanceof cancellation/* CancelledError */.cc)
                    await giveUp(CANCEL_GRACE_MS);
                throw err;
            }
        });
        if (report === undefined) {
            io.info('port-guard: ready-timeout is 0: not waiting for the server');
            return true;
        }
        for (const line of report.warnings)
            io.annotate('warning', line);
        if (report.outcome.ok) {
            for (const line of report.ready)
                io.info(line);
            return true;
        }
        io.annotate('error', report.errors.join('\n') + logTail(record), 'port-guard: the server is not ready');
        await giveUp();
        return false;
    }
    catch (err) {
        if (!(err instanceof cancellation/* CancelledError */.cc))
            throw err;
        await giveUp(CANCEL_GRACE_MS);
        io.annotate('error', `port-guard: ${(0,messages/* cancelledMessage */.$6)(err)}; the server was stopped`);
        io.setExitCode(err.exitCode);
        return false;
    }
}
const STOPPED = {
    'not-running': 'had already exited',
    stopped: 'stopped (SIGTERM)',
    killed: 'killed (it did not stop within 10 s of SIGTERM)',
};
/** The post step's part: stop the server, then print its log in a collapsed group. */
async function stopServerStep(io, record) {
    const outcome = await (0,server_process/* stopServer */.gG)(record);
    io.info(`port-guard: the server (pid ${record.pid}) ${STOPPED[outcome]}`);
    const log = lastLines(record.logPath, 2000, 1024 * 1024);
    io.group(`port-guard: output of the server (${record.logPath})`, log === '' ? '(no output)' : log);
}


/***/ }),

/***/ 6725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ allocatePorts),
  Z: () => (/* reexport */ isAssigned)
});

// EXTERNAL MODULE: ./src/allocate/cancellation.ts
var cancellation = __webpack_require__(1656);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/spec/port-ranges.ts
var port_ranges = __webpack_require__(8639);
;// CONCATENATED MODULE: ./src/allocate/candidate-ports.ts


/**
 * A seed string as sfc32's 128 bits of state: the first 16 bytes of its SHA-256. node:crypto is
 * loaded on every run anyway (the lease registry's tokens), so nothing is gained by hashing here.
 */
function hashSeed(seed) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(seed, 'utf8').digest();
    return [0, 4, 8, 12].map((offset) => digest.readUInt32BE(offset));
}
/** sfc32: small and fast; seeded, so a rerun with the same seed repeats its order. */
function sfc32([a, b, c, d]) {
    return () => {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        return (t >>> 0) / 4294967296;
    };
}
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
/** The port at `offset` counting through sorted, disjoint ranges. */
function portAt(ranges, offset) {
    for (const r of ranges) {
        const size = r.hi - r.lo + 1;
        if (offset < size)
            return r.lo + offset;
        offset -= size;
    }
    throw new RangeError(`offset ${offset} past the ranges`);
}
/**
 * Walks one part in a random order without listing it: offset k is (start + k·stride) mod n
 * with stride coprime to n, a permutation that costs nothing up front. A 16k-port list and a
 * shuffle cost about 5 MB of a short-lived process's peak memory (measured with `npm run bench`).
 */
function* walk(ranges, random) {
    const n = (0,port_ranges/* countPorts */.Ws)(ranges);
    if (n === 0)
        return;
    let start = 0;
    let stride = 1;
    if (random) {
        start = Math.floor(random() * n);
        if (n > 2) {
            do
                stride = 1 + Math.floor(random() * (n - 1));
            while (gcd(stride, n) !== 1);
        }
    }
    for (let k = 0; k < n; k++)
        yield portAt(ranges, (start + k * stride) % n);
}
/**
 * Every port that may be handed out, in the order to try them: outside the OS ephemeral range
 * first (where the configured range allows), then inside it; each part random (seeded or not)
 * or lowest first.
 */
function candidatePorts(options) {
    const allowed = (0,port_ranges/* subtractRanges */.N1)(options.ranges, options.exclude);
    const inside = options.ephemeral ? (0,port_ranges/* intersectRanges */.im)(allowed, [options.ephemeral]) : [];
    const outside = options.ephemeral ? (0,port_ranges/* subtractRanges */.N1)(allowed, [options.ephemeral]) : allowed;
    // Not a secret: an unseeded order only has to differ between concurrent jobs.
    const random = options.strategy === 'sequential'
        ? undefined
        : sfc32(options.seed === undefined
            ? [0, 1, 2, 3].map(() => (Math.random() * 2 ** 32) >>> 0)
            : hashSeed(options.seed));
    const parts = [walk(outside, random), walk(inside, random)];
    return {
        size: (0,port_ranges/* countPorts */.Ws)(allowed),
        next() {
            while (parts.length > 0) {
                const step = parts[0].next();
                if (!step.done)
                    return step.value;
                parts.shift();
            }
            return undefined;
        },
    };
}
/** All candidates as a list, for tests and small ranges. */
function listCandidatePorts(options) {
    const source = candidatePorts(options);
    const out = [];
    for (let p = source.next(); p !== undefined; p = source.next())
        out.push(p);
    return out;
}

;// CONCATENATED MODULE: ./src/allocate/candidate-pool.ts
class CandidatePool {
    source;
    avoid;
    constructor(source, avoid) {
        this.source = source;
        this.avoid = avoid;
    }
    /** Up to `n` untried candidates; fewer (or none) once the range is used up. */
    take(n) {
        const out = [];
        while (out.length < n) {
            const port = this.source.next();
            if (port === undefined)
                break;
            if (!this.avoid.has(port))
                out.push(port);
        }
        return out;
    }
    /** How many candidates the range has in all. */
    get size() {
        return this.source.size;
    }
}

// EXTERNAL MODULE: ./src/probe/probe-pool.ts
var probe_pool = __webpack_require__(6647);
// EXTERNAL MODULE: ./src/spec/port-spec.ts
var port_spec = __webpack_require__(9910);
;// CONCATENATED MODULE: ./src/allocate/hand-out.ts
/**
 * Handing out ports from the fallback range: lease a batch of candidates, probe them in
 * parallel, keep the first free ones, return the rest; then re-probe what was handed out right
 * before it is published, and replace any port taken in the meantime.
 */


const REPROBE_ROUNDS = 3;
/**
 * A range used up only because other jobs' leases are on it is tried again for this long:
 * those leases are often candidates another run is probing, given back milliseconds later.
 */
const CONTENTION_RETRY_MS = 5000;
/** "no free port for c in …: of 2 candidate ports, 2 handed out to this run's other specs". */
function exhaustedMessage(group, where, size, counts) {
    const parts = [];
    if (counts.mine > 0)
        parts.push(`${counts.mine} handed out to this run's other specs`);
    if (counts.leased > 0)
        parts.push(`${counts.leased} leased by other jobs`);
    if (counts.busy > 0)
        parts.push(`${counts.busy} busy`);
    const rest = size - counts.mine - counts.leased - counts.busy;
    if (rest > 0)
        parts.push(`${rest} not tried (reserved by the OS or requested by this run)`);
    return `no free port for ${group.map((s) => s.name).join(', ')} in ${where}: of ${size} candidate ports, ${parts.join(', ') || 'none could be used'}`;
}
/**
 * Hands out a port to every spec in `needs`, recording it in `assignments`. Returns the
 * message when the range ran out (after {@link CONTENTION_RETRY_MS} of retries when other jobs'
 * leases used it up); the leases of ports handed out stay in `book` either way.
 */
async function handOut(needs, firstPool, assignments, book, probe, 
/** The range, for messages. */
where, retry) {
    let pool = firstPool;
    let waiting = [...needs];
    let counts = { leased: 0, busy: 0 };
    const deadline = retry ? retry.now() + CONTENTION_RETRY_MS : 0;
    let pause = 50;
    for (let round = 0; waiting.length > 0; round++) {
        // What this round hands out; earlier rounds' ports were re-probed already.
        const thisRound = waiting;
        while (waiting.length > 0) {
            const spec = waiting[0];
            const protocols = (0,port_spec/* protocolsOf */.LE)(spec.protocol);
            // Same-protocol needs are served from one batch; a little slack absorbs busy candidates
            // (each extra candidate costs a lease: about 0.3 ms, `node bench/lease-bench.mjs`).
            const group = waiting.filter((s) => s.protocol === spec.protocol);
            const batch = pool.take(Math.min(probe_pool/* DEFAULT_CONCURRENCY */.W * 4, group.length + Math.max(2, group.length >> 4)));
            if (batch.length === 0) {
                if (retry && counts.leased > 0 && retry.now() < deadline) {
                    // Jittered, so runs that collided do not collide again in step.
                    await retry.sleep(Math.min(pause + Math.random() * pause, deadline - retry.now()));
                    pause = Math.min(pause * 2, 400);
                    const handed = needs.filter((s) => !waiting.includes(s));
                    pool = retry.freshPool(new Set(handed.map((s) => assignments.get(s.name).port)));
                    counts = { leased: 0, busy: 0 };
                    continue;
                }
                const mine = needs.filter((s) => !waiting.includes(s)).length;
                return exhaustedMessage(group, where, pool.size, { ...counts, mine });
            }
            const leased = [];
            for (const port of batch) {
                if ((await book.take(port, protocols)).ok)
                    leased.push(port);
                else
                    counts.leased++;
            }
            const queries = leased.flatMap((port) => protocols.map((protocol) => ({ port, protocol })));
            const verdicts = await probe(queries);
            const busy = new Set(verdicts.filter((v) => v.verdict !== 'free').map((v) => v.port));
            counts.busy += busy.size;
            const free = leased.filter((port) => !busy.has(port));
            for (const port of busy)
                await book.drop(port, protocols);
            for (const port of free) {
                const next = group.shift();
                if (!next) {
                    await book.drop(port, protocols);
                    continue;
                }
                waiting = waiting.filter((s) => s !== next);
                const before = assignments.get(next.name);
                assignments.set(next.name, {
                    name: next.name,
                    requested: next.port,
                    port,
                    protocol: next.protocol,
                    status: next.port === 'auto' ? 'auto' : 'fallback',
                    conflicts: before?.conflicts ?? [],
                });
            }
        }
        // After the last re-probe round the ports just handed out stand on their own probe.
        if (round >= REPROBE_ROUNDS)
            break;
        // Time passed since each port was probed (other batches, holder lookups): check again.
        const handed = thisRound.map((s) => assignments.get(s.name));
        const queries = handed.flatMap((a) => (0,port_spec/* protocolsOf */.LE)(a.protocol).map((protocol) => ({ port: a.port, protocol })));
        const verdicts = await probe(queries);
        const lost = handed.filter((a) => verdicts.some((v) => v.port === a.port && v.verdict !== 'free'));
        for (const a of lost)
            await book.drop(a.port, (0,port_spec/* protocolsOf */.LE)(a.protocol));
        waiting = thisRound.filter((s) => lost.some((a) => a.name === s.name));
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/allocate/lease-book.ts
const key = (port, protocol) => `${protocol}/${port}`;
class LeaseBook {
    gate;
    held = new Set();
    constructor(gate) {
        this.gate = gate;
    }
    /** Whether leases are taken at all (`lease: false` skips the bookkeeping). */
    get active() {
        return this.gate !== undefined;
    }
    /** Takes leases on every protocol of a port, or none of them. */
    async take(port, protocols) {
        if (!this.gate)
            return { ok: true };
        const taken = [];
        for (const protocol of protocols) {
            const attempt = await this.gate.acquire(port, protocol);
            if (!attempt.acquired) {
                await this.drop(port, taken);
                return attempt.heldBy
                    ? { ok: false, protocol, lease: attempt.heldBy }
                    : { ok: false, protocol };
            }
            taken.push(protocol);
            this.held.add(key(port, protocol));
        }
        return { ok: true };
    }
    async drop(port, protocols) {
        if (!this.gate)
            return;
        for (const protocol of protocols) {
            if (this.held.delete(key(port, protocol)))
                await this.gate.release(port, protocol);
        }
    }
    async dropAll() {
        for (const k of [...this.held]) {
            const [protocol, port] = k.split('/');
            await this.drop(Number(port), [protocol]);
        }
    }
}

// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
;// CONCATENATED MODULE: ./src/allocate/requested-ports.ts
/**
 * Checking the ports a run asks for by number: lease each, probe the leased ones, drop the
 * lease of any that is busy; and, for the conflicts found, who holds the port.
 */


function conflictFrom(name, verdict) {
    const at = verdict.addresses.find((a) => a.verdict === verdict.verdict) ??
        verdict.addresses[verdict.addresses.length - 1];
    return {
        name,
        port: verdict.port,
        protocol: verdict.protocol,
        verdict: verdict.verdict === 'free' || verdict.verdict === 'not-applicable'
            ? 'unknown'
            : verdict.verdict,
        ...(at ? { address: at.address } : {}),
        ...(at?.code ? { code: at.code } : { code: 'ENOADDR' }),
        ...(at?.reason ? { reason: at.reason } : {}),
        holders: [],
    };
}
/**
 * Leases then probes the requested ports of `specs`; returns the conflicts per spec name. A
 * spec is used whole: the leases of a spec with any conflict are all dropped.
 */
async function checkRequested(specs, book, probe) {
    const conflicts = new Map();
    const add = (c) => conflicts.set(c.name, [...(conflicts.get(c.name) ?? []), c]);
    const toProbe = [];
    for (const spec of specs) {
        const port = spec.port;
        for (const protocol of (0,port_spec/* protocolsOf */.LE)(spec.protocol)) {
            if (!book.active) {
                toProbe.push({ name: spec.name, port, protocol });
                continue;
            }
            const lease = await book.take(port, [protocol]);
            if (!lease.ok)
                add({
                    name: spec.name,
                    port,
                    protocol,
                    verdict: 'leased',
                    holders: [],
                    ...(lease.lease ? { lease: lease.lease } : {}),
                });
            else
                toProbe.push({ name: spec.name, port, protocol });
        }
    }
    const verdicts = await probe(toProbe);
    for (const [i, verdict] of verdicts.entries()) {
        if (verdict.verdict === 'free')
            continue;
        const { name, port, protocol } = toProbe[i];
        await book.drop(port, [protocol]);
        add(conflictFrom(name, verdict));
    }
    for (const name of conflicts.keys()) {
        const spec = specs.find((s) => s.name === name);
        // If one protocol of `both` is busy, the other's lease goes too.
        await book.drop(spec.port, (0,port_spec/* protocolsOf */.LE)(spec.protocol));
    }
    return conflicts;
}
/** Fills in who holds each in-use conflict's port; a failed look-up leaves them empty. */
async function attachHolders(conflicts, findHolders) {
    const busy = conflicts.filter((c) => c.verdict === 'in-use');
    if (!findHolders || busy.length === 0)
        return;
    let perConflict;
    try {
        perConflict = await (0,lookup/* holdersPerQuery */.B)(findHolders, busy);
    }
    catch {
        // Who holds a port is a courtesy; failing to find out must not change the verdict.
        return;
    }
    busy.forEach((c, i) => (c.holders = perConflict[i]));
}

// EXTERNAL MODULE: ./src/probe/probe.ts
var probe_probe = __webpack_require__(5396);
// EXTERNAL MODULE: ./src/system/system-error.ts
var system_error = __webpack_require__(4903);
;// CONCATENATED MODULE: ./src/allocate/assignment.ts
/** Whether the assignment hands out a port (`conflict` and `unassigned` do not). */
function isAssigned(a) {
    return a.status !== 'conflict' && a.status !== 'unassigned';
}

;// CONCATENATED MODULE: ./src/allocate/allocate.ts











/**
 * Checks every requested port and hands out the rest: lease first, then probe; a busy port's
 * lease is dropped at once. On failure no lease of this run is left behind.
 */
async function allocatePorts(config, deps) {
    const book = new LeaseBook(deps.leases);
    try {
        let result = await allocate(config, deps, book);
        if (!result.ok) {
            await book.dropAll();
            result = unassignedResult(config, result);
        }
        // Cancelled while finishing: the caller will not publish these ports, so return them.
        await (0,cancellation/* checkpoint */.Fn)(deps.signal);
        return result;
    }
    catch (err) {
        await book.dropAll();
        throw err;
    }
}
/**
 * A failed run as it must be reported: every spec, none assigned (their leases were just given
 * back). A spec keeps its conflicts; one without any is `unassigned`.
 */
function unassignedResult(config, result) {
    const found = new Map(result.assignments.map((a) => [a.name, a]));
    const assignments = config.specs.map((spec) => {
        const conflicts = found.get(spec.name)?.conflicts ?? [];
        return {
            name: spec.name,
            requested: spec.port,
            port: spec.port === 'auto' ? 0 : spec.port,
            protocol: spec.protocol,
            status: conflicts.length > 0 ? 'conflict' : 'unassigned',
            conflicts,
        };
    });
    return { ...result, assignments };
}
/** The SystemError for a probe that kept running out of descriptors (or memory). */
function exhaustedProbe(verdict) {
    const code = verdict.addresses.find((a) => a.code && probe_probe/* EXHAUSTION_CODES */.Kw.has(a.code))?.code;
    const error = Object.assign(new Error(code ?? 'EMFILE'), { code: code ?? 'EMFILE' });
    return (0,system_error/* systemError */.Oj)(error, `probing ${verdict.protocol} port ${verdict.port}`);
}
async function allocate(config, deps, book) {
    const sleep = deps.sleep ?? ((ms) => (0,cancellation/* abortableSleep */.Mf)(ms, deps.signal));
    const now = deps.now ?? Date.now;
    const probe = async (queries) => {
        await (0,cancellation/* checkpoint */.Fn)(deps.signal);
        const verdicts = await (0,probe_pool/* probePorts */.n)(queries, deps.plan, {
            concurrency: deps.concurrency ?? probe_pool/* DEFAULT_CONCURRENCY */.W,
        });
        await (0,cancellation/* checkpoint */.Fn)(deps.signal);
        // Still out of descriptors after the pool's retries: the host, not the port, is the problem.
        const starved = verdicts.find(probe_probe/* isExhausted */.qo);
        if (starved)
            throw exhaustedProbe(starved);
        return verdicts;
    };
    const requested = config.specs.filter((s) => s.port !== 'auto');
    let conflicts = await checkRequested(requested, book, probe);
    if (conflicts.size > 0 && config.waitSeconds > 0) {
        deps.onWait?.({ conflicts: [...conflicts.values()].flat(), seconds: config.waitSeconds });
        const deadline = now() + config.waitSeconds * 1000;
        let delay = 250;
        // Only a holder or a lease can go away; an address that is gone or a port that needs
        // privilege stays as it is, and waiting for it would only stall the job until the deadline.
        const waitable = () => [...conflicts.values()].flat().some((c) => c.verdict === 'in-use' || c.verdict === 'leased');
        while (conflicts.size > 0 && waitable() && now() < deadline) {
            await sleep(Math.min(delay, Math.max(0, deadline - now())));
            deps.signal?.throwIfAborted();
            delay = Math.min(delay * 2, 2000);
            conflicts = await checkRequested(requested.filter((s) => conflicts.has(s.name)), book, probe);
        }
    }
    const allConflicts = config.specs.flatMap((s) => conflicts.get(s.name) ?? []);
    await attachHolders(allConflicts, deps.findHolders);
    const assignments = new Map();
    for (const spec of requested) {
        const mine = conflicts.get(spec.name) ?? [];
        const status = mine.length === 0 ? 'free' : config.onConflict === 'warn' ? 'busy' : 'conflict';
        assignments.set(spec.name, {
            name: spec.name,
            requested: spec.port,
            port: spec.port,
            protocol: spec.protocol,
            status,
            conflicts: mine,
        });
    }
    const ordered = () => config.specs
        .map((s) => assignments.get(s.name))
        .filter((a) => a !== undefined);
    if (allConflicts.length > 0 && config.onConflict === 'fail') {
        return { ok: false, assignments: ordered(), conflicts: allConflicts };
    }
    const needs = config.specs.filter((s) => s.port === 'auto' || (config.onConflict === 'fallback' && conflicts.has(s.name)));
    if (needs.length > 0) {
        const candidates = () => candidatePorts({
            ranges: config.fallbackRanges,
            exclude: [...config.exclude, ...(deps.osReserved ?? [])],
            strategy: config.fallbackStrategy,
            ...(deps.ephemeral ? { ephemeral: deps.ephemeral } : {}),
            ...(config.seed !== undefined ? { seed: config.seed } : {}),
        });
        // Never hand out a port this run also asks for by number, busy or not.
        const avoid = new Set(requested.map((s) => s.port));
        const pool = new CandidatePool(candidates(), avoid);
        const where = `fallback-range ${(0,port_ranges/* formatRanges */.Gk)(config.fallbackRanges)}${config.exclude.length ? ` (exclude: ${(0,port_ranges/* formatRanges */.Gk)(config.exclude)})` : ''}`;
        const retry = {
            freshPool: (handed) => new CandidatePool(candidates(), new Set([...avoid, ...handed])),
            sleep,
            now,
        };
        const error = await handOut(needs, pool, assignments, book, probe, where, retry);
        if (error) {
            return { ok: false, assignments: ordered(), conflicts: allConflicts, error };
        }
    }
    return { ok: true, assignments: ordered(), conflicts: allConflicts };
}


/***/ }),

/***/ 1656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fn: () => (/* binding */ checkpoint),
/* harmony export */   Mf: () => (/* binding */ abortableSleep),
/* harmony export */   Y8: () => (/* binding */ withSignalCancellation),
/* harmony export */   cc: () => (/* binding */ CancelledError)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The run was stopped by a signal (a cancelled CI step: the runner sends SIGINT, then SIGTERM).
 * The allocator returns every lease it took before this error leaves it.
 */
class CancelledError extends Error {
    signal;
    constructor(signal) {
        super(`cancelled by ${signal}`);
        this.name = 'CancelledError';
        this.signal = signal;
    }
    /** The shell convention: 128 + the signal number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
    get exitCode() {
        return 128 + (node_os__WEBPACK_IMPORTED_MODULE_0__.constants.signals[this.signal] ?? 15);
    }
}
/**
 * Lets a pending signal in, then throws if the run was cancelled. Needed because a hand-out can
 * run for seconds without the event loop ever polling: lease files are written synchronously
 * and a probe's bind and 'listening' need no poll either, so a signal's handler would only run
 * once the run is over, when its ports are already published.
 */
async function checkpoint(signal) {
    if (!signal)
        return;
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
}
/**
 * Sleeps `ms`, or less when `until` settles first (a watched process ended), or rejects with
 * the signal's reason as soon as it is aborted.
 */
function abortableSleep(ms, signal, until) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const finish = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve();
        };
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(finish, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
        void until?.then(finish);
    });
}
/** The signals that cancel a run: a cancelled CI step (SIGINT, SIGTERM), a closed terminal. */
const CANCELLING = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/**
 * Turns SIGINT, SIGTERM and SIGHUP into an aborted signal while `fn` runs, so the run ends through its
 * normal cleanup (leases returned, sockets closed) instead of dying mid-way. Later signals are
 * absorbed until `fn` settles: the runner's SIGTERM must not cut short the cleanup its SIGINT
 * started.
 */
async function withSignalCancellation(fn) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (!controller.signal.aborted)
            controller.abort(new CancelledError(signal));
    };
    for (const signal of CANCELLING)
        process.on(signal, onSignal);
    try {
        const result = await fn(controller.signal);
        // A signal during the last moments of a successful run still cancels it.
        controller.signal.throwIfAborted();
        return result;
    }
    finally {
        for (const signal of CANCELLING)
            process.off(signal, onSignal);
    }
}


/***/ }),

/***/ 8839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ nameContainers),
/* harmony export */   Ox: () => (/* binding */ dockerProxyTarget),
/* harmony export */   f_: () => (/* binding */ isDockerProxy)
/* harmony export */ });
/* unused harmony exports DOCKER_PS_ARGS, parseDockerPs, publishedPorts, publishes */
/* harmony import */ var _system_find_tool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1777);
/* harmony import */ var _system_run_tool_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9807);


/** Whether a process is Docker's userland proxy, judged by its `comm` or its `argv[0]`. */
function isDockerProxy(command, argv) {
    if (command === 'docker-proxy')
        return true;
    const first = argv[0];
    return first !== undefined && /(^|[/\\])docker-proxy(\.exe)?$/.test(first);
}
/** Reads one Go-style flag (`-name v`, `--name v`, `-name=v`, `--name=v`) from an argument list. */
function flagValue(argv, name) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const match = /^--?([\w-]+)(?:=(.*))?$/.exec(arg);
        if (!match || match[1] !== name)
            continue;
        if (match[2] !== undefined)
            return match[2];
        return argv[i + 1];
    }
    return undefined;
}
/**
 * Reads `-container-ip` and `-container-port` from a `docker-proxy` argument list; undefined when
 * neither is there.
 */
function dockerProxyTarget(argv) {
    const ip = flagValue(argv, 'container-ip');
    const portText = flagValue(argv, 'container-port');
    const port = portText !== undefined && /^\d{1,5}$/.test(portText) ? Number(portText) : undefined;
    if (ip === undefined && port === undefined)
        return undefined;
    const target = {};
    if (ip !== undefined && ip !== '')
        target.ip = ip;
    if (port !== undefined)
        target.port = port;
    return target;
}
/** The arguments port-guard passes to `docker`. */
const DOCKER_PS_ARGS = ['ps', '--no-trunc', '--format', '{{.ID}}\t{{.Names}}\t{{.Ports}}'];
/** Parses the output of `docker` run with {@link DOCKER_PS_ARGS}. */
function parseDockerPs(text) {
    const rows = [];
    for (const line of text.split(/\r?\n/)) {
        const [id, names, ports = ''] = line.split('\t');
        if (!id || !names)
            continue;
        // A linked container lists several names; the first is its own.
        rows.push({ id, name: names.split(',')[0], ports });
    }
    return rows;
}
/**
 * Where a `docker ps` Ports column maps `hostPort` on `protocol`. Entries look like
 * `0.0.0.0:8080->80/tcp`, `[::]:8080->80/tcp`, `:::8080->80/tcp` or ranges
 * `0.0.0.0:8000-8001->8000-8001/tcp`.
 */
function publishedPorts(ports, hostPort, protocol) {
    const mapped = [];
    for (const entry of ports.split(',')) {
        const match = /^(.*):(\d+)(?:-(\d+))?->(\d+)(?:-(\d+))?\/(\w+)$/.exec(entry.trim());
        if (!match || match[6] !== protocol)
            continue;
        const lo = Number(match[2]);
        const hi = match[3] === undefined ? lo : Number(match[3]);
        if (hostPort < lo || hostPort > hi)
            continue;
        const hostIp = match[1].replace(/^\[(.*)\]$/, '$1');
        mapped.push({ hostIp, containerPort: Number(match[4]) + (hostPort - lo) });
    }
    return mapped;
}
/** Whether a `docker ps` Ports column publishes `hostPort` (to `containerPort`, when given). */
function publishes(ports, hostPort, protocol, containerPort) {
    return publishedPorts(ports, hostPort, protocol).some((p) => containerPort === undefined || p.containerPort === containerPort);
}
/**
 * Processes that hold a published port for Docker other than `docker-proxy`: Docker Desktop
 * on macOS and Windows, rootless Docker. Compared in lower case.
 */
const DOCKER_FORWARDERS = new Set([
    'com.docker.backend',
    'com.docker.backend.exe',
    'com.docker.vpnkit',
    'vpnkit-bridge',
    'wslrelay.exe',
    'rootlessport',
]);
/**
 * Whether docker may know who this holder is: a `docker-proxy` not yet named, another Docker
 * forwarder, or a process this user cannot see (on a GitHub runner, the root-owned
 * `docker-proxy` of a service container is hidden from the `runner` user).
 */
function asksDocker(h) {
    if (h.container)
        return h.container.name === undefined;
    if (h.hidden)
        return true;
    return h.command !== undefined && DOCKER_FORWARDERS.has(h.command.toLowerCase());
}
/**
 * Names the container behind holders docker may know (see `asksDocker`), when `docker ps`
 * answers and exactly one running container publishes that host port: a `docker-proxy`
 * gets `container.name`; a hidden process or another forwarder gets `container` with the
 * name and the container port. Returns the same holders; when docker is absent, refuses or
 * is slow, they are returned as they were.
 */
async function nameContainers(holders, options = {}) {
    if (!holders.some(asksDocker))
        return holders;
    const docker = options.docker ?? (0,_system_find_tool_js__WEBPACK_IMPORTED_MODULE_0__/* .findTool */ .SG)('docker', options.env ? { env: options.env } : {});
    if (docker === undefined)
        return holders;
    const run = options.run ?? _system_run_tool_js__WEBPACK_IMPORTED_MODULE_1__/* .runTool */ .q;
    const result = await run(docker, DOCKER_PS_ARGS, {
        timeoutMs: options.timeoutMs ?? 1500,
        env: options.env,
    });
    if (result.code !== 0)
        return holders;
    const rows = parseDockerPs(result.stdout);
    for (const holder of holders) {
        if (!asksDocker(holder))
            continue;
        const wanted = holder.container?.port;
        const matches = rows.flatMap((r) => publishedPorts(r.ports, holder.port, holder.protocol)
            .filter((p) => wanted === undefined || p.containerPort === wanted)
            // For a process nobody can see, the address must match too, or any root process on
            // that port would be taken for docker's.
            .filter((p) => !holder.hidden || holder.addresses.includes(p.hostIp))
            .map((p) => ({ name: r.name, port: p.containerPort })));
        const names = new Set(matches.map((m) => m.name));
        if (names.size !== 1)
            continue;
        const [match] = matches;
        if (holder.container)
            holder.container.name = match.name;
        else
            holder.container = { name: match.name, port: match.port };
    }
    return holders;
}


/***/ }),

/***/ 8177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QE: () => (/* binding */ blockingSocketsLinux),
  l0: () => (/* binding */ findHoldersLinux)
});

// UNUSED EXPORTS: blockingSockets, parsePasswd

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __webpack_require__(2657);
// EXTERNAL MODULE: ./src/holders/docker.ts
var docker = __webpack_require__(8839);
// EXTERNAL MODULE: ./src/probe/ip-address.ts
var ip_address = __webpack_require__(2028);
;// CONCATENATED MODULE: ./src/holders/proc-net.ts

// The kernel's tcp_states.h numbering; names follow `ss`, in lower case.
const TCP_STATES = {
    0x01: 'established',
    0x02: 'syn-sent',
    0x03: 'syn-recv',
    0x04: 'fin-wait-1',
    0x05: 'fin-wait-2',
    0x06: 'time-wait',
    // TCP_CLOSE: for a TCP socket in the table, bound but neither listening nor connected.
    0x07: 'bound',
    0x08: 'close-wait',
    0x09: 'last-ack',
    0x0a: 'listen',
    0x0b: 'closing',
    0x0c: 'new-syn-recv',
};
/**
 * Names a `/proc/net` state code. UDP reuses the TCP numbers: `07` is an unconnected (bound)
 * socket, `01` one that called `connect()`.
 */
function socketStateName(code, protocol) {
    if (protocol === 'udp') {
        if (code === 0x07)
            return 'bound';
        if (code === 0x01)
            return 'connected';
    }
    return TCP_STATES[code] ?? `state-${code.toString(16).padStart(2, '0').toUpperCase()}`;
}
/** Turns one printed 32-bit word into its four bytes in network order. */
function wordBytes(word, order) {
    const value = Number.parseInt(word, 16);
    const bytes = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    // The kernel prints the word as the host reads it from memory; on a little-endian host the
    // network-order bytes come out reversed.
    return order === 'LE' ? bytes.reverse() : bytes;
}
/** Decodes a `/proc/net` address (8 hex digits for IPv4, 32 for IPv6) to its text form. */
function decodeProcNetAddress(hex, order = 'LE') {
    if (hex.length === 8)
        return wordBytes(hex, order).join('.');
    if (hex.length === 32) {
        const bytes = [];
        for (let i = 0; i < 32; i += 8)
            bytes.push(...wordBytes(hex.slice(i, i + 8), order));
        return (0,ip_address/* formatIPv6 */.T)(bytes);
    }
    throw new Error(`not a /proc/net address: ${hex}`);
}
const ENDPOINT = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/;
/**
 * Parses the text of one `/proc/net/{tcp,tcp6,udp,udp6}` file. Rows that do not have the
 * expected shape (the header, a truncated last line) are skipped, not fatal: the kernel may add
 * columns at the end, which are ignored.
 */
function parseProcNet(text, protocol, order = 'LE') {
    const sockets = [];
    for (const line of text.split('\n')) {
        const fields = line.trim().split(/\s+/);
        // sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode, ...
        if (fields.length < 10 || !/^\d+:$/.test(fields[0]))
            continue;
        const local = ENDPOINT.exec(fields[1]);
        const remote = ENDPOINT.exec(fields[2]);
        if (!local || !remote || !/^[0-9A-Fa-f]{2}$/.test(fields[3]))
            continue;
        if (!/^\d+$/.test(fields[7]) || !/^\d+$/.test(fields[9]))
            continue;
        sockets.push({
            protocol,
            family: local[1].length === 8 ? 4 : 6,
            localAddress: decodeProcNetAddress(local[1], order),
            localPort: Number.parseInt(local[2], 16),
            remoteAddress: decodeProcNetAddress(remote[1], order),
            remotePort: Number.parseInt(remote[2], 16),
            state: socketStateName(Number.parseInt(fields[3], 16), protocol),
            uid: Number(fields[7]),
            inode: Number(fields[9]),
        });
    }
    return sockets;
}

// EXTERNAL MODULE: ./src/system/error-code.ts
var error_code = __webpack_require__(6645);
;// CONCATENATED MODULE: ./src/holders/linux.ts
/**
 * Linux holder lookup without a subprocess: sockets from `/proc/net/{tcp,tcp6,udp,udp6}`,
 * their processes through the `socket:[inode]` links in `/proc/<pid>/fd`, users from
 * `/etc/passwd`.
 */







/** Parses `/etc/passwd` text into uid → user name (the first name listed for a uid wins). */
function parsePasswd(text) {
    const users = new Map();
    for (const line of text.split('\n')) {
        if (line.startsWith('#'))
            continue;
        const [name, , uid] = line.split(':');
        if (!name || uid === undefined || !/^\d+$/.test(uid))
            continue;
        const id = Number(uid);
        if (!users.has(id))
            users.set(id, name);
    }
    return users;
}
/**
 * The sockets that make `query.port` busy: listening (or bound) TCP sockets, or every UDP
 * socket, on that local port. Only when there are none, the other sockets with that local port
 * (TIME_WAIT, an outgoing connection) are what blocks it.
 */
function blockingSockets(sockets, query) {
    const onPort = sockets.filter((s) => s.protocol === query.protocol && s.localPort === query.port);
    const occupying = onPort.filter((s) => (0,lookup/* occupiesPort */.Nv)(s.protocol, s.state));
    return occupying.length > 0 ? occupying : onPort;
}
function readText(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Reads each needed `/proc/net` table once. A missing table (IPv6 disabled) counts as empty. */
function readSockets(procRoot, protocols, order) {
    const sockets = [];
    for (const protocol of protocols) {
        for (const file of [protocol, `${protocol}6`]) {
            const text = readText(`${procRoot}/net/${file}`);
            if (text !== undefined)
                sockets.push(...parseProcNet(text, protocol, order));
        }
    }
    return sockets;
}
const SOCKET_LINK = /^socket:\[(\d+)\]$/;
/**
 * Maps socket inodes to the pids holding them by walking `/proc/<pid>/fd`. Pids whose fds cannot
 * be read are skipped but remembered; pids gone meanwhile (ENOENT) are simply skipped. A socket
 * shared by several processes (a forking server, an inherited listener) maps to all of them, so
 * the walk reads every pid.
 */
function mapInodesToPids(procRoot, inodes) {
    const owners = new Map();
    let unreadable = false;
    const denied = (error) => {
        if (!(0,error_code/* hasErrorCode */.Ue)(error, 'ENOENT', 'ESRCH'))
            unreadable = true;
    };
    if (inodes.size === 0)
        return { owners, unreadable };
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(procRoot);
    }
    catch {
        return { owners, unreadable: true };
    }
    const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number);
    pids.sort((a, b) => a - b);
    for (const pid of pids) {
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`${procRoot}/${pid}/fd`);
        }
        catch (error) {
            denied(error);
            continue;
        }
        for (const fd of fds) {
            let link;
            try {
                link = (0,external_node_fs_.readlinkSync)(`${procRoot}/${pid}/fd/${fd}`);
            }
            catch (error) {
                denied(error);
                continue;
            }
            const match = SOCKET_LINK.exec(link);
            if (!match)
                continue;
            const inode = Number(match[1]);
            if (!inodes.has(inode))
                continue;
            const pidsOf = owners.get(inode);
            if (!pidsOf)
                owners.set(inode, [pid]);
            else if (pidsOf[pidsOf.length - 1] !== pid)
                pidsOf.push(pid);
        }
    }
    return { owners, unreadable };
}
function readLink(path) {
    try {
        return (0,external_node_fs_.readlinkSync)(path);
    }
    catch {
        return undefined;
    }
}
function readProcess(procRoot, pid) {
    const comm = readText(`${procRoot}/${pid}/comm`);
    const exe = readLink(`${procRoot}/${pid}/exe`);
    let argv = [];
    try {
        argv = (0,command_line/* splitProcCmdline */.Jn)((0,external_node_fs_.readFileSync)(`${procRoot}/${pid}/cmdline`));
    }
    catch {
        // Gone meanwhile: what we have is still worth reporting.
    }
    // The effective uid of the process: the socket's own uid is its creator's, which differs
    // when a socket is handed over (systemd socket activation).
    const status = readText(`${procRoot}/${pid}/status`);
    const uidLine = status ? /^Uid:\s+\d+\s+(\d+)/m.exec(status) : null;
    const info = { argv };
    // `comm` is the main thread's name (Node 24 calls it `MainThread`): the program's name comes
    // from argv[0] or the executable, and `comm` only when nothing else is there.
    const command = (0,command_line/* programName */.kX)(argv, exe, comm);
    if (command !== undefined)
        info.command = command;
    if (uidLine)
        info.uid = Number(uidLine[1]);
    return info;
}
/**
 * The sockets that make each queried port busy, from the `/proc/net` tables alone: no walk of
 * every process's descriptors. A cheap "is anything bound there?" for polling.
 */
function blockingSocketsLinux(queries, options = {}) {
    const sockets = readSockets(options.procRoot ?? '/proc', new Set(queries.map((q) => q.protocol)), options.byteOrder ?? (0,external_node_os_.endianness)());
    return queries.map((query) => blockingSockets(sockets, query));
}
/** Finds who holds the queried ports, reading each needed `/proc/net` table once. */
async function findHoldersLinux(queries, options = {}) {
    const procRoot = options.procRoot ?? '/proc';
    const order = options.byteOrder ?? (0,external_node_os_.endianness)();
    const sockets = readSockets(procRoot, new Set(queries.map((q) => q.protocol)), order);
    const perQuery = queries.map((query) => ({ query, sockets: blockingSockets(sockets, query) }));
    const inodes = new Set(perQuery.flatMap((q) => q.sockets.map((s) => s.inode)).filter((i) => i > 0));
    const { owners, unreadable } = mapInodesToPids(procRoot, inodes);
    const processes = new Map();
    let users;
    const userName = (uid) => {
        users ??= parsePasswd(readText(options.passwdPath ?? '/etc/passwd') ?? '');
        return users.get(uid);
    };
    /** A new holder of `socket` for `query`: process `pid`, or (unseen) the socket's uid. */
    const describeSocketHolder = (query, socket, pid) => {
        const holder = {
            protocol: query.protocol,
            port: query.port,
            addresses: [],
            state: socket.state,
        };
        if (pid !== undefined) {
            let info = processes.get(pid);
            if (!info) {
                info = readProcess(procRoot, pid);
                processes.set(pid, info);
            }
            holder.pid = pid;
            if (info.command !== undefined)
                holder.command = info.command;
            const line = (0,command_line/* displayCommandLine */.qy)(info.argv);
            if (line !== undefined)
                holder.commandLine = line;
            holder.uid = info.uid ?? socket.uid;
            if ((0,docker/* isDockerProxy */.f_)(info.command, info.argv)) {
                holder.container = (0,docker/* dockerProxyTarget */.Ox)(info.argv) ?? {};
            }
        }
        else if (socket.inode > 0) {
            holder.uid = socket.uid;
            // Hidden only if some process could not be looked into; when every one could, the
            // socket has no process here (a kernel socket, another PID namespace).
            if (unreadable)
                holder.hidden = true;
        }
        if (holder.uid !== undefined) {
            const user = userName(holder.uid);
            if (user !== undefined)
                holder.user = user;
        }
        return holder;
    };
    const holders = [];
    for (const { query, sockets: blocking } of perQuery) {
        const grouped = new Map();
        for (const socket of blocking) {
            const pids = socket.inode > 0 ? (owners.get(socket.inode) ?? []) : [];
            // One holder per process (or, unseen, per uid) and state; it lists all its addresses.
            const keys = pids.length > 0 ? pids : [undefined];
            for (const pid of keys) {
                const who = pid !== undefined ? `pid ${pid}` : socket.inode > 0 ? `uid ${socket.uid}` : '-';
                const key = `${who} ${socket.state}`;
                let holder = grouped.get(key);
                if (!holder) {
                    holder = describeSocketHolder(query, socket, pid);
                    grouped.set(key, holder);
                }
                if (!holder.addresses.includes(socket.localAddress))
                    holder.addresses.push(socket.localAddress);
            }
        }
        holders.push(...grouped.values());
    }
    return holders;
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ff: () => (/* binding */ envPairs),
/* harmony export */   h_: () => (/* binding */ publishedOutputs)
/* harmony export */ });
/* unused harmony exports conflictJson, conflictsJson, assignmentJson, portOutputs */
/* harmony import */ var _allocate_allocate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6725);
/* harmony import */ var _spec_env_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7462);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3020);
/**
 * The GitHub output contract (names and JSON shapes), shared by the action and the CLI's
 * `--format github` / `--format env`.
 */



/**
 * One conflict as JSON: the one schema for the `conflicts` output, the CLI's top-level
 * `conflicts` and every `assignments[].conflicts`.
 */
function conflictJson(c) {
    return {
        name: c.name,
        port: c.port,
        protocol: c.protocol,
        status: c.verdict,
        address: c.address ?? null,
        code: c.code ?? null,
        holder: c.holders[0]
            ? {
                pid: c.holders[0].pid ?? null,
                command: c.holders[0].command ?? null,
                user: c.holders[0].user ?? c.holders[0].uid ?? null,
            }
            : null,
        holders: c.holders,
        heldBy: (0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .heldBy */ .Vr)(c),
        ...(c.lease ? { lease: c.lease.owner } : {}),
    };
}
/** The `conflicts` output: one object per requested port found busy. */
function conflictsJson(conflicts) {
    return JSON.stringify(conflicts.map(conflictJson));
}
/**
 * One assignment as JSON (the CLI's `assignments[]`): `port` is null when no port was handed
 * out (`conflict`, `unassigned`), and its conflicts use {@link conflictJson}.
 */
function assignmentJson(a) {
    return {
        name: a.name,
        requested: a.requested,
        port: isAssigned(a) ? a.port : null,
        protocol: a.protocol,
        status: a.status,
        conflicts: a.conflicts.map(conflictJson),
    };
}
/** Every output of a successful run, by output name, in spec order. */
function portOutputs(result) {
    const out = {};
    const ports = {};
    for (const a of result.assignments) {
        out[a.name] = String(a.port);
        ports[a.name] = a.port;
    }
    out.port = String(result.assignments[0]?.port ?? '');
    out.ports = JSON.stringify(ports);
    out.conflicts = conflictsJson(result.conflicts);
    // Only a requested port replaced by another is a fallback; an `auto` port is what was asked.
    out['fallback-used'] = String(result.assignments.some((a) => a.status === 'fallback'));
    return out;
}
/**
 * The outputs a finished run writes: every output when it succeeded; when it failed, only
 * `conflicts` (and only if there were any), for `if: failure()` steps.
 */
function publishedOutputs(result) {
    if (result.ok)
        return portOutputs(result);
    return result.conflicts.length > 0 ? { conflicts: conflictsJson(result.conflicts) } : {};
}
/** `NAME=PORT` pairs for `export-env` and `--format env`. */
function envPairs(result) {
    return result.assignments.map((a) => [(0,_spec_env_name_js__WEBPACK_IMPORTED_MODULE_1__/* .envName */ .pD)(a.name), String(a.port)]);
}


/***/ })

};

//# sourceMappingURL=45.index.js.map