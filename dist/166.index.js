export const id = 166;
export const ids = [166];
export const modules = {

/***/ 2166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readInputs: () => (/* binding */ readInputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/action/runner-io.ts + 19 modules
var runner_io = __webpack_require__(8397);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/allocate/cancellation.ts
var cancellation = __webpack_require__(1656);
// EXTERNAL MODULE: ./src/spec/port-ranges.ts
var port_ranges = __webpack_require__(8639);
;// CONCATENATED MODULE: ./src/allocate/candidate-ports.ts

/** cyrb128: turns a seed string into 128 bits without loading node:crypto. */
function hashSeed(seed) {
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
        const k = seed.charCodeAt(i);
        h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
        h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
        h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
        h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
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

// EXTERNAL MODULE: ./src/probe/probe-pool.ts
var probe_pool = __webpack_require__(6647);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
// EXTERNAL MODULE: ./src/spec/port-spec.ts
var port_spec = __webpack_require__(9910);
;// CONCATENATED MODULE: ./src/allocate/allocate.ts






const REPROBE_ROUNDS = 3;
const key = (port, protocol) => `${protocol}/${port}`;
/** Tracks the leases this run holds so that a failure can return every one of them. */
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
 * Checks every requested port and hands out the rest: lease first, then probe; a busy port's
 * lease is dropped at once. On failure no lease of this run is left behind.
 */
async function allocatePorts(config, deps) {
    const book = new LeaseBook(deps.leases);
    try {
        const result = await allocate(config, deps, book);
        if (!result.ok)
            await book.dropAll();
        // Cancelled while finishing: the caller will not publish these ports, so return them.
        deps.signal?.throwIfAborted();
        return result;
    }
    catch (err) {
        await book.dropAll();
        throw err;
    }
}
async function allocate(config, deps, book) {
    const sleep = deps.sleep ?? ((ms) => (0,cancellation/* abortableSleep */.Mf)(ms, deps.signal));
    const now = deps.now ?? Date.now;
    const probe = (queries) => {
        deps.signal?.throwIfAborted();
        return (0,probe_pool/* probePorts */.n)(queries, deps.plan, { concurrency: deps.concurrency ?? probe_pool/* DEFAULT_CONCURRENCY */.W });
    };
    /** Leases then probes the requested ports of `specs`; returns the conflicts per spec name. */
    const checkRequested = async (specs) => {
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
            // A spec is used whole: if one protocol of `both` is busy, the other's lease goes too.
            await book.drop(spec.port, (0,port_spec/* protocolsOf */.LE)(spec.protocol));
        }
        return conflicts;
    };
    const requested = config.specs.filter((s) => s.port !== 'auto');
    let conflicts = await checkRequested(requested);
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
            conflicts = await checkRequested(requested.filter((s) => conflicts.has(s.name)));
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
        const candidates = candidatePorts({
            ranges: config.fallbackRanges,
            exclude: [...config.exclude, ...(deps.osReserved ?? [])],
            strategy: config.fallbackStrategy,
            ...(deps.ephemeral ? { ephemeral: deps.ephemeral } : {}),
            ...(config.seed !== undefined ? { seed: config.seed } : {}),
        });
        // Never hand out a port this run also asks for by number, busy or not.
        const avoid = new Set(requested.map((s) => s.port));
        const pool = new CandidatePool(candidates, avoid);
        const where = `fallback-range ${(0,port_ranges/* formatRanges */.Gk)(config.fallbackRanges)}${config.exclude.length ? ` (exclude: ${(0,port_ranges/* formatRanges */.Gk)(config.exclude)})` : ''}`;
        const error = await handOut(needs, pool, assignments, book, probe, where);
        if (error) {
            return { ok: false, assignments: ordered(), conflicts: allConflicts, error };
        }
    }
    return { ok: true, assignments: ordered(), conflicts: allConflicts };
}
/** Candidate ports not yet tried, in order, without the ones this run must not hand out. */
class CandidatePool {
    source;
    avoid;
    constructor(source, avoid) {
        this.source = source;
        this.avoid = avoid;
    }
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
    get size() {
        return this.source.size;
    }
}
/**
 * Hands out a port to every spec in `needs`: lease a batch of candidates, probe them in
 * parallel, keep the first free ones, return the rest. Then re-probe what was handed out right
 * before it is published, and replace any port taken in the meantime.
 */
async function handOut(needs, pool, assignments, book, probe, 
/** The range, for messages. */
where) {
    let waiting = [...needs];
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
                return `no free port for ${group.map((s) => s.name).join(', ')} in ${where}: all ${pool.size} candidate ports were busy, leased or reserved`;
            }
            const leased = [];
            for (const port of batch)
                if ((await book.take(port, protocols)).ok)
                    leased.push(port);
            const queries = leased.flatMap((port) => protocols.map((protocol) => ({ port, protocol })));
            const verdicts = await probe(queries);
            const busy = new Set(verdicts.filter((v) => v.verdict !== 'free').map((v) => v.port));
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/system/run-tool.ts
var run_tool = __webpack_require__(9807);
// EXTERNAL MODULE: ./src/system/windows-system-tool.ts
var windows_system_tool = __webpack_require__(4571);
// EXTERNAL MODULE: ./src/system/windows-port-ranges.ts
var windows_port_ranges = __webpack_require__(4665);
;// CONCATENATED MODULE: ./src/allocate/os-port-ranges.ts






/** The IANA dynamic range: macOS's and Windows' default, assumed only when the OS cannot say. */
const IANA_DYNAMIC_RANGE = { lo: 49152, hi: 65535 };
/** Parses `ip_local_port_range` ("32768\t60999"). */
function parseLinuxPortRange(text) {
    const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
    if (!m)
        return undefined;
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return lo >= 1 && hi <= 65535 && lo <= hi ? { lo, hi } : undefined;
}
/** Parses `ip_local_reserved_ports` ("1000-1002,2000" or empty). */
function parseLinuxReservedPorts(text) {
    const out = [];
    for (const part of text.trim().split(',')) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
        if (!m)
            continue;
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        if (lo >= 1 && hi <= 65535 && lo <= hi)
            out.push({ lo, hi });
    }
    return (0,port_ranges/* normalizeRanges */.cq)(out);
}
/**
 * Parses `netsh int ipv4 show dynamicport tcp` (or udp): a start port and a number of ports,
 * behind labels in the display language (`Start Port : 49152`, `Startport : 49152`), so the
 * two numbers are read, not the labels.
 */
function parseWindowsDynamicPortRange(text) {
    const numbers = [];
    for (const line of text.split(/\r?\n/)) {
        const m = /:\s*(\d{1,5})\s*$/.exec(line);
        if (m)
            numbers.push(Number(m[1]));
    }
    if (numbers.length !== 2)
        return undefined;
    const [lo, count] = numbers;
    const hi = lo + count - 1;
    return lo >= 1 && count >= 1 && hi <= 65535 ? { lo, hi } : undefined;
}
/** Parses `sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last` (two lines). */
function parseSysctlPortRange(text) {
    const m = /^\s*(\d{1,5})\s*\n\s*(\d{1,5})\s*$/.exec(text);
    if (!m)
        return undefined;
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return lo >= 1 && hi <= 65535 && lo <= hi ? { lo, hi } : undefined;
}
/** The smallest range covering all of `ranges` (TCP's and UDP's dynamic ranges). */
function hull(ranges) {
    if (ranges.length === 0)
        return undefined;
    return {
        lo: Math.min(...ranges.map((r) => r.lo)),
        hi: Math.max(...ranges.map((r) => r.hi)),
    };
}
async function readOr(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/**
 * What this OS reserves for the given protocols, read, not assumed: Linux from /proc, Windows
 * from netsh (dynamic range and excluded ranges), macOS from sysctl. A source that cannot be
 * read adds no reserved ports; an ephemeral range that cannot be read is taken as 49152–65535
 * (macOS and Windows) and said so in the notes.
 */
async function readOsPortRanges(protocols, platform = process.platform, sources = {}) {
    const run = sources.run ?? run_tool/* runTool */.q;
    if (platform === 'linux') {
        const [range, reserved] = await Promise.all([
            readOr('/proc/sys/net/ipv4/ip_local_port_range'),
            readOr('/proc/sys/net/ipv4/ip_local_reserved_ports'),
        ]);
        const ephemeral = parseLinuxPortRange(range);
        const notes = [
            ephemeral
                ? `ephemeral range ${(0,port_ranges/* formatRanges */.Gk)([ephemeral])} (ip_local_port_range)`
                : 'ephemeral range: /proc/sys/net/ipv4/ip_local_port_range could not be read; none avoided',
        ];
        return {
            ...(ephemeral ? { ephemeral } : {}),
            reserved: parseLinuxReservedPorts(reserved),
            notes,
        };
    }
    const fallback = (what) => ({
        ephemeral: IANA_DYNAMIC_RANGE,
        notes: [
            `ephemeral range: ${what} could not be read; assuming ${(0,port_ranges/* formatRanges */.Gk)([IANA_DYNAMIC_RANGE])}`,
        ],
    });
    if (platform === 'win32') {
        const netsh = (0,windows_system_tool/* windowsSystemTool */.x)('netsh');
        const [dynamic, reserved] = await Promise.all([
            Promise.all(protocols.map(async (protocol) => {
                const text = await (0,windows_port_ranges/* toolOutput */.WT)(run, netsh, ['int', 'ipv4', 'show', 'dynamicport', protocol]);
                return text === undefined ? undefined : parseWindowsDynamicPortRange(text);
            })),
            sources.excluded ? [...sources.excluded] : (0,windows_port_ranges/* readWindowsExcludedRanges */._t)(protocols, run),
        ]);
        const read = dynamic.filter((r) => r !== undefined);
        const ephemeral = read.length === dynamic.length ? hull(read) : undefined;
        const base = ephemeral
            ? {
                ephemeral,
                notes: [`ephemeral range ${(0,port_ranges/* formatRanges */.Gk)([ephemeral])} (netsh int ipv4 show dynamicport)`],
            }
            : fallback('netsh int ipv4 show dynamicport');
        return {
            ...base,
            reserved,
            notes: [
                ...base.notes,
                `excluded port ranges: ${reserved.length > 0 ? (0,port_ranges/* formatRanges */.Gk)(reserved) : 'none'}`,
            ],
        };
    }
    if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd') {
        // Never a bare name: look it up nowhere, /usr/sbin/sysctl (macOS) or /sbin/sysctl (BSD).
        const sysctl = platform === 'darwin' ? '/usr/sbin/sysctl' : '/sbin/sysctl';
        const text = await (0,windows_port_ranges/* toolOutput */.WT)(run, sysctl, [
            '-n',
            'net.inet.ip.portrange.first',
            'net.inet.ip.portrange.last',
        ]);
        const ephemeral = text === undefined ? undefined : parseSysctlPortRange(text);
        if (!ephemeral)
            return { ...fallback(`${sysctl} -n net.inet.ip.portrange.first/last`), reserved: [] };
        return {
            ephemeral,
            reserved: [],
            notes: [`ephemeral range ${(0,port_ranges/* formatRanges */.Gk)([ephemeral])} (sysctl net.inet.ip.portrange)`],
        };
    }
    return { ...fallback(`the ${platform} ephemeral range`), reserved: [] };
}

// EXTERNAL MODULE: ./src/probe/probe-plan.ts
var probe_plan = __webpack_require__(2458);
// EXTERNAL MODULE: ./src/lease/lease-registry.ts + 3 modules
var lease_registry = __webpack_require__(7668);
;// CONCATENATED MODULE: ./src/allocate/guard.ts
/**
 * One whole check-and-allocate run for a validated config, as every front needs it: the OS's
 * own port ranges, the probe plan for this host, the lease registry (when leasing), allocation
 * under SIGINT/SIGTERM cancellation, and every lease given back if a signal lands.
 */







/** The OS's ranges and the probe plan, then allocation; no registry, no signal handling. */
async function guardPorts(config, options = {}) {
    const platform = options.platform ?? process.platform;
    const handsOut = config.onConflict === 'fallback' || config.specs.some((s) => s.port === 'auto');
    const protocols = [
        ...new Set(config.specs.flatMap((s) => (0,port_spec/* protocolsOf */.LE)(s.protocol))),
    ];
    // Windows: an EACCES is "reserved" only inside the excluded port ranges, so every probe there
    // needs them; read once, for the plan and the OS ranges alike.
    const excluded = platform === 'win32' ? await (0,windows_port_ranges/* readWindowsExcludedRanges */._t)(protocols) : undefined;
    const sources = excluded ? { excluded } : {};
    // Reading the OS ranges costs a subprocess off Linux: only when a port may be handed out.
    const [os, plan] = await Promise.all([
        handsOut ? readOsPortRanges(protocols, platform, sources) : Promise.resolve(undefined),
        (0,probe_plan/* createProbePlan */.A0)(config.hosts, platform, protocols, sources),
    ]);
    options.debug?.(`probe plan (${platform}): ${plan.description}`);
    for (const note of os?.notes ?? [])
        options.debug?.(`OS port ranges: ${note}`);
    return allocatePorts(config, {
        plan,
        ...(options.leases ? { leases: options.leases } : {}),
        ...(options.findHolders ? { findHolders: options.findHolders } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...(os?.ephemeral ? { ephemeral: os.ephemeral } : {}),
        osReserved: os?.reserved ?? [],
    });
}
/** {@link guardPorts} with the lease registry and signal cancellation, for the fronts. */
async function runGuard(config, options = {}) {
    const { owner, ...rest } = options;
    const leases = config.lease && owner
        ? await (0,lease_registry/* openLeaseRegistry */.Gt)({ dir: config.leaseDir, ttlSeconds: config.leaseTtlSeconds, owner })
        : undefined;
    const result = await (0,cancellation/* withSignalCancellation */.Y8)((signal) => guardPorts(config, {
        findHolders: lookup/* findHoldersWhenNeeded */.w,
        ...rest,
        ...(leases ? { leases } : {}),
        signal,
    })).catch(async (err) => {
        // A signal just after a successful allocation: those ports will not be published.
        if (err instanceof cancellation/* CancelledError */.cc)
            await leases?.releaseAll();
        throw err;
    });
    return { result, problems: leases?.problems() ?? [] };
}

// EXTERNAL MODULE: ./src/lease/job-end.ts
var job_end = __webpack_require__(9721);
// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
;// CONCATENATED MODULE: ./src/report/markdown.ts

/** Escapes text for a Markdown table cell: no HTML, no cell breaks, no line breaks. */
function markdownCell(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- control characters would break the table
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/`/g, "'")
        .replace(/([\\*_[\]#!~])/g, '\\$1')
        // Last: escaping backslashes after this would turn `\|` back into a cell break.
        .replace(/\|/g, '\\|'));
}
const STATUS_TEXT = {
    free: '✅ free',
    fallback: '🔁 fallback',
    auto: '🆕 auto',
    busy: '⚠️ busy (kept)',
    conflict: '❌ conflict',
};
/** The job summary: one table of name, requested, assigned, protocol, status, held by. */
function summaryMarkdown(result) {
    const rows = result.assignments.map((a) => {
        const assigned = a.status === 'conflict' ? '—' : String(a.port);
        const holder = a.conflicts.length > 0 ? a.conflicts.map(messages/* heldBy */.Vr).join('; ') : '';
        return `| ${markdownCell(a.name)} | ${a.requested} | ${assigned} | ${a.protocol} | ${STATUS_TEXT[a.status]} | ${markdownCell(holder)} |`;
    });
    const lines = [
        '### port-guard',
        '',
        '| name | requested | assigned | protocol | status | held by |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
    ];
    if (result.error)
        lines.push('', `**Error:** ${markdownCell(result.error)}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/action/server-step.ts + 11 modules
var server_step = __webpack_require__(1955);
// EXTERNAL MODULE: ./src/spec/input-error.ts
var input_error = __webpack_require__(5376);
// EXTERNAL MODULE: ./src/ready/ready-options.ts
var ready_options = __webpack_require__(6459);
;// CONCATENATED MODULE: ./src/ready/server-plan.ts
/**
 * The action's `run`, `ready-timeout`, `ready-http` and `shell` inputs as one checked plan,
 * made before any port is leased or anything started.
 */



/** The inputs' defaults, as action.yml has them. */
const SERVER_INPUT_DEFAULTS = {
    run: '',
    'ready-timeout': '60',
    'ready-http': '',
    shell: '',
};
/**
 * Checks the server inputs (every problem at once, each naming its input). Undefined when
 * `run` is empty; the other inputs are still checked, so a typo never passes silently.
 * `specs` (when the ports parsed) lets `ready-http` refuse a run with only UDP ports.
 */
function parseServerPlan(raw, specs, platform = process.platform, env = process.env) {
    const get = (name) => raw[name]?.trim() || SERVER_INPUT_DEFAULTS[name];
    const errors = [];
    const attempt = (fn) => {
        try {
            return fn();
        }
        catch (err) {
            if (!(err instanceof input_error/* InputError */.d))
                throw err;
            errors.push(err);
            return undefined;
        }
    };
    const command = raw.run?.trim() ?? '';
    const timeoutSeconds = attempt(() => (0,ready_options/* parseReadyTimeout */.o_)(get('ready-timeout'), 'ready-timeout'));
    const http = attempt(() => (0,ready_options/* parseHttpPath */.jK)(get('ready-http'), 'ready-http'));
    // The shell is looked for only when there is something to run with it.
    const shell = command === '' ? undefined : attempt(() => (0,ready_options/* parseShell */.aV)(get('shell'), 'shell', platform, env));
    if (command === '')
        attempt(() => (0,ready_options/* parseShellName */.RI)(raw.shell?.trim(), 'shell', platform));
    if (command !== '' &&
        http !== undefined &&
        specs &&
        !specs.some((s) => (0,port_spec/* protocolsOf */.LE)(s.protocol).includes('tcp')))
        errors.push(new input_error/* InputError */.d('ready-http', 'ready-http: needs a TCP port to send the GET to; every port in ports is UDP'));
    if (errors.length > 0)
        throw new input_error/* InputErrors */.G(errors);
    if (command === '')
        return undefined;
    return {
        command,
        shell: shell,
        timeoutSeconds: timeoutSeconds,
        ...(http !== undefined ? { http } : {}),
    };
}

// EXTERNAL MODULE: ./src/spec/config.ts
var spec_config = __webpack_require__(1209);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/system/source-stack.ts
/**
 * Stacks from the bundles, pointed back at src/: the bundles ship their source maps, and only
 * a failure reads one. (ncc's source-map-support register would do it for every stack, but
 * loading it costs each run of the action or the CLI about 55 ms of CPU; `npm run bench`.)
 */




const maps = new Map();
function mapFor(file) {
    if (!maps.has(file)) {
        let map;
        try {
            if ((0,external_node_fs_.existsSync)(`${file}.map`))
                map = new external_node_module_.SourceMap(JSON.parse((0,external_node_fs_.readFileSync)(`${file}.map`, 'utf8')));
        }
        catch {
            map = undefined;
        }
        maps.set(file, map);
    }
    return maps.get(file);
}
/** `stack` with every frame in a bundled `.js` file that has a map rewritten to its source. */
function sourceMappedStack(stack) {
    return stack.replace(/((?:file:\/\/)?[^\s():]+\.js):(\d+):(\d+)/g, (frame, location, line, column) => {
        try {
            const file = location.startsWith('file://') ? (0,external_node_url_.fileURLToPath)(location) : location;
            const map = mapFor(file);
            if (!map)
                return frame;
            const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
            if (entry.originalSource === undefined || entry.originalLine === undefined)
                return frame;
            const source = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), entry.originalSource);
            return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
        }
        catch {
            return frame;
        }
    });
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The action's main step: read the inputs, guard the ports, publish the outputs. Everything it
 * decides comes from the engine; this only translates between the runner and the engine.
 */















/**
 * The run's identity from @actions/github's context; the leases live as long as the action's
 * parent, the runner's worker, which lives exactly as long as the job.
 */
function leaseOwner() {
    const { /* context */ "_": context } = github;
    const owner = { id: (0,external_node_crypto_.randomUUID)(), pid: process.ppid };
    if (process.env.GITHUB_REPOSITORY)
        owner.repository = `${context.repo.owner}/${context.repo.repo}`;
    if (context.runId)
        owner.runId = String(context.runId);
    if (context.runAttempt)
        owner.runAttempt = String(context.runAttempt);
    if (context.job)
        owner.job = context.job;
    if (process.env.RUNNER_NAME)
        owner.runner = process.env.RUNNER_NAME;
    return owner;
}
/** Every input as the runner gives it; the engine applies the defaults. */
function readInputs(io) {
    const raw = {};
    for (const name of Object.keys(spec_config/* INPUT_DEFAULTS */.WJ))
        raw[name] = io.getInput(name);
    return raw;
}
/**
 * The engine's config and the `run` server's plan, checked together: every input error is
 * reported at once, before any port is probed, leased or anything started.
 */
function readPlan(io) {
    const errors = [];
    let config;
    let server;
    try {
        config = (0,spec_config/* parseConfig */.o4)(readInputs(io));
    }
    catch (err) {
        if (!(err instanceof input_error/* InputErrors */.G))
            throw err;
        errors.push(...err.errors);
    }
    try {
        server = parseServerPlan({
            run: io.getInput('run'),
            'ready-timeout': io.getInput('ready-timeout'),
            'ready-http': io.getInput('ready-http'),
            shell: io.getInput('shell'),
        }, config?.specs);
    }
    catch (err) {
        if (!(err instanceof input_error/* InputErrors */.G))
            throw err;
        errors.push(...err.errors);
    }
    if (errors.length > 0)
        throw new input_error/* InputErrors */.G(errors);
    return { config: config, server };
}
/** The main step. */
async function run(io = runner_io/* runnerIO */.$) {
    io.saveState(state/* StateKey */.z.IsPost, 'true');
    try {
        const { config, server } = readPlan(io);
        const owner = config.lease ? leaseOwner() : undefined;
        if (owner) {
            // Saved before any lease exists, so the post step can release them even after a crash.
            io.saveState(state/* StateKey */.z.LeaseDir, config.leaseDir);
            io.saveState(state/* StateKey */.z.LeaseOwner, owner.id);
        }
        const { result, problems } = await runGuard(config, {
            ...(owner ? { owner } : {}),
            onWait: ({ conflicts, seconds }) => io.info((0,messages/* waitingMessage */.BZ)(conflicts, seconds)),
            // Shown when the runner asks for debug output (ACTIONS_STEP_DEBUG).
            debug: (line) => io.debug((0,messages/* printable */.g$)(line)),
        });
        for (const problem of problems)
            io.annotate('warning', problem);
        for (const note of (0,messages/* annotationsFor */.gX)(result))
            io.annotate(note.level, note.message);
        if (config.summary)
            io.appendSummary(summaryMarkdown(result));
        if (!result.ok) {
            for (const [name, value] of Object.entries((0,outputs/* publishedOutputs */.h_)(result)))
                io.setOutput(name, value);
            io.setExitCode(1);
            return;
        }
        io.saveState(state/* StateKey */.z.HandedOut, JSON.stringify((0,job_end/* handedOutPorts */.Tl)(result)));
        if (server) {
            // Outputs only once the server is ready: a step that fails publishes no ports.
            const leases = owner ? { dir: config.leaseDir, ownerId: owner.id } : undefined;
            if (!(await (0,server_step/* startServerStep */.A)(io, server, result, leases))) {
                if (!process.exitCode)
                    io.setExitCode(1);
                return;
            }
        }
        for (const [name, value] of Object.entries((0,outputs/* publishedOutputs */.h_)(result)))
            io.setOutput(name, value);
        if (config.exportEnv)
            for (const [name, value] of (0,outputs/* envPairs */.ff)(result))
                io.exportVariable(name, value);
        io.info(result.assignments.map((a) => `${a.name}=${a.port}`).join(' '));
    }
    catch (err) {
        fail(io, err);
    }
}
function fail(io, err) {
    if (err instanceof input_error/* InputErrors */.G || err instanceof input_error/* InputError */.d) {
        for (const e of err instanceof input_error/* InputErrors */.G ? err.errors : [err])
            for (const p of e.problems)
                io.annotate('error', p, `port-guard: input ${e.input}`);
        io.setExitCode(1);
    }
    else if (err instanceof cancellation/* CancelledError */.cc) {
        io.annotate('error', `port-guard: ${(0,messages/* cancelledMessage */.$6)(err)}`);
        io.setExitCode(err.exitCode);
    }
    else {
        io.annotate('error', `port-guard failed unexpectedly: ${err instanceof Error ? (err.stack ? sourceMappedStack(err.stack) : err.message) : String(err)}`);
        io.setExitCode(1);
    }
}


/***/ })

};

//# sourceMappingURL=166.index.js.map