export const id = 544;
export const ids = [544];
export const modules = {

/***/ 2544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readInputs: () => (/* binding */ readInputs),
  run: () => (/* binding */ run),
  writeSummary: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/action/runner-io.ts + 19 modules
var runner_io = __webpack_require__(8397);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/allocate/allocate.ts + 6 modules
var allocate = __webpack_require__(6725);
// EXTERNAL MODULE: ./src/allocate/cancellation.ts
var cancellation = __webpack_require__(1656);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/system/run-tool.ts
var run_tool = __webpack_require__(9807);
// EXTERNAL MODULE: ./src/spec/port-ranges.ts
var port_ranges = __webpack_require__(8639);
// EXTERNAL MODULE: ./src/system/find-tool.ts
var find_tool = __webpack_require__(1777);
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
        const netsh = (0,find_tool/* windowsSystemTool */.xW)('netsh');
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

// EXTERNAL MODULE: ./src/spec/port-spec.ts
var port_spec = __webpack_require__(9910);
// EXTERNAL MODULE: ./src/probe/probe-plan.ts
var probe_plan = __webpack_require__(2458);
// EXTERNAL MODULE: ./src/system/system-error.ts
var system_error = __webpack_require__(4903);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
// EXTERNAL MODULE: ./src/lease/lease-registry.ts + 6 modules
var lease_registry = __webpack_require__(6456);
;// CONCATENATED MODULE: ./src/allocate/guard.ts
/**
 * One whole check-and-allocate run for a validated config, as every front needs it: the OS's
 * own port ranges, the probe plan for this host, the lease registry (when leasing), allocation
 * under SIGINT/SIGTERM/SIGHUP cancellation, and every lease given back if a signal lands.
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
        // Out of descriptors, os.networkInterfaces() throws at once: a SystemError, not a bug.
        (async () => (0,probe_plan/* createProbePlan */.A0)(config.hosts, platform, protocols, sources))().catch((error) => {
            throw (0,system_error/* asSystemError */.Q6)(error, 'reading the network interfaces');
        }),
    ]);
    options.debug?.(`probe plan (${platform}): ${plan.description}`);
    for (const note of os?.notes ?? [])
        options.debug?.(`OS port ranges: ${note}`);
    return (0,allocate/* allocatePorts */.C)(config, {
        plan,
        ...(options.leases ? { leases: options.leases } : {}),
        ...(options.findHolders ? { findHolders: options.findHolders } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...(os?.ephemeral ? { ephemeral: os.ephemeral } : {}),
        osReserved: os?.reserved ?? [],
    });
}
/**
 * The ports a config asks for by number: a lease the same owner already holds on one of them
 * is the caller's own (DESIGN "Leases"), re-probed and kept, never a conflict with itself.
 */
function requestedPorts(config) {
    return config.specs.flatMap((s) => s.port === 'auto'
        ? []
        : (0,port_spec/* protocolsOf */.LE)(s.protocol).map((protocol) => ({ port: s.port, protocol })));
}
/**
 * {@link guardPorts} with the lease registry and signal cancellation, for the fronts. A signal
 * up to the moment `publish` is called ends the run with a CancelledError, every lease given
 * back and nothing published.
 */
async function runGuard(config, options = {}) {
    const { owner, publish, ...rest } = options;
    let leases;
    return (0,cancellation/* withSignalCancellation */.Y8)(async (signal) => {
        leases =
            config.lease && owner
                ? await (0,lease_registry/* openLeaseRegistry */.Gt)({
                    dir: config.leaseDir,
                    ttlSeconds: config.leaseTtlSeconds,
                    owner,
                    reusable: requestedPorts(config),
                })
                : undefined;
        if (leases)
            rest.debug?.(`lease dir: ${leases.dir}`);
        const result = await guardPorts(config, {
            findHolders: lookup/* findHoldersWhenNeeded */.wr,
            ...rest,
            ...(leases ? { leases } : {}),
            signal,
        });
        const run = { result, problems: leases?.problems() ?? [] };
        // The last moment a signal can cancel: from here on, nothing awaits until it is published.
        await (0,cancellation/* checkpoint */.Fn)(signal);
        publish?.(run);
        return run;
    }).catch(async (err) => {
        // A signal just after a successful allocation, or a publish that failed: those ports are
        // not (all) out, so none of them stays leased.
        await leases?.releaseAll();
        throw err;
    });
}

// EXTERNAL MODULE: ./src/lease/lease-owner.ts + 1 modules
var lease_owner = __webpack_require__(7120);
// EXTERNAL MODULE: ./src/lease/job-end.ts
var job_end = __webpack_require__(9721);
// EXTERNAL MODULE: ./src/spec/input-error.ts
var input_error = __webpack_require__(5376);
// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
;// CONCATENATED MODULE: ./src/report/failure.ts
/**
 * A run that ended in an error, as the fronts report it: one kind, one line, one exit code.
 * Never a stack trace: the user gets the cause; `--verbose` / ACTIONS_STEP_DEBUG get the stack.
 */



const EXIT_SYSTEM = 3;
/** Error codes meaning the host ran out of something or its file system failed. */
const SYSTEM_CODES = new Set([
    'EMFILE',
    'ENFILE',
    'ENOSPC',
    'EDQUOT',
    'EROFS',
    'EIO',
    'ENOMEM',
    'ENOBUFS',
    'EACCES',
    'EPERM',
]);
const oneLine = (text) => (0,messages/* printable */.g$)(text.replace(/\s*\r?\n\s*/g, '; '));
/**
 * Classifies what a front caught. An error that says it is a system failure (an
 * `exitCode` of 3, as the engine's SystemError has, or a Node error code such as EMFILE or
 * ENOSPC) is `system`; anything else unexpected is `internal` — both exit 3.
 */
function describeFailure(err) {
    if (err instanceof input_error/* InputError */.d || err instanceof input_error/* InputErrors */.G) {
        const errors = err instanceof input_error/* InputErrors */.G ? err.errors : [err];
        const problems = errors.flatMap((e) => e.problems);
        return {
            kind: 'usage',
            message: oneLine(problems.length === 1 ? problems[0] : `${problems.length} input errors`),
            exitCode: 2,
            errors,
        };
    }
    if (err instanceof cancellation/* CancelledError */.cc)
        return {
            kind: 'cancelled',
            message: (0,messages/* cancelledMessage */.$6)(err),
            exitCode: err.exitCode,
            errors: [],
        };
    const e = err;
    const message = err instanceof Error || typeof e?.message === 'string' ? String(e.message) : String(err);
    // The engine's own (the lease helper's SystemError, an output file): its message names the cause.
    if (e?.exitCode === EXIT_SYSTEM || e?.name === 'SystemError')
        return { kind: 'system', message: oneLine(message), exitCode: EXIT_SYSTEM, errors: [] };
    if (typeof e?.code === 'string' && SYSTEM_CODES.has(e.code)) {
        return {
            kind: 'system',
            message: oneLine(`could not work: ${message}`),
            exitCode: EXIT_SYSTEM,
            errors: [],
        };
    }
    return {
        kind: 'internal',
        message: oneLine(`internal error: ${message || 'unknown'} (a bug in port-guard; --verbose shows where)`),
        exitCode: EXIT_SYSTEM,
        errors: [],
    };
}
/** The stack of what was caught, for the debug log only. */
function failureStack(err) {
    return err instanceof Error ? err.stack : undefined;
}

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

;// CONCATENATED MODULE: ./src/action/step-failure.ts


/**
 * Input errors (one annotation per problem, titled with the input) and conflicts fail the step
 * with 1, a signal with 128+n; anything else is one error line without a stack trace (the stack
 * goes to the debug log) and 1.
 */
function failStep(io, err) {
    const failure = describeFailure(err);
    switch (failure.kind) {
        case 'usage':
            for (const e of failure.errors)
                for (const p of e.problems)
                    io.annotate('error', p, `port-guard: input ${e.input}`);
            io.setExitCode(1);
            return;
        case 'cancelled':
            io.annotate('error', `port-guard: ${failure.message}`);
            io.setExitCode(failure.exitCode);
            return;
        default: {
            const stack = failureStack(err);
            if (stack)
                io.debug(sourceMappedStack(stack));
            io.annotate('error', `port-guard: ${failure.message}`);
            io.setExitCode(1);
        }
    }
}

// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __webpack_require__(2657);
;// CONCATENATED MODULE: ./src/report/markdown.ts
/** The job summary in Markdown. */



const EVERY_CONTROL_CHARACTER = new RegExp(command_line/* CONTROL_CHARACTER */.gW.source, 'g');
/** Escapes text for a Markdown table cell: no HTML, no cell breaks, no line breaks. */
function markdownCell(text) {
    return (text
        // Control characters would break the table.
        .replace(EVERY_CONTROL_CHARACTER, ' ')
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
    unassigned: '⏹️ not assigned (the run failed)',
};
/** The job summary: one table of name, requested, assigned, protocol, status, held by. */
function summaryMarkdown(result) {
    const rows = result.assignments.map((a) => {
        const assigned = (0,allocate/* isAssigned */.Z)(a) ? String(a.port) : '—';
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
// EXTERNAL MODULE: ./src/action/server-step.ts + 10 modules
var server_step = __webpack_require__(2045);
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
;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The action's main step: read the inputs, guard the ports, publish the outputs. Everything it
 * decides comes from the engine; this only translates between the runner and the engine.
 */
















/**
 * The run's identity from @actions/github's context; the leases live as long as the action's
 * parent, the runner's worker, which lives exactly as long as the job. In a `container:` job
 * that parent is outside the pid namespace (pid 0): the leases then follow no process and
 * belong to the job's id, so a later step of the job finds them as its own and the post step
 * (or the TTL) ends them.
 */
function leaseOwner() {
    const { /* context */ "_": context } = github;
    const ppid = process.ppid;
    const owner = ppid > 0
        ? { id: (0,external_node_crypto_.randomUUID)(), pid: ppid }
        : // The step's own id after the job's: its post step releases exactly its own leases.
            { id: `${(0,lease_owner/* jobOwnerId */.Sb)(process.env) ?? (0,external_node_crypto_.randomUUID)()}#${(0,external_node_crypto_.randomUUID)()}`, pid: lease_owner/* NO_OWNER_PID */.Q1 };
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
async function run(io = runner_io/* runnerIO */.$6) {
    try {
        io.saveState(state/* StateKey */.z.IsPost, 'true');
        const { config, server } = readPlan(io);
        // Every check before any side effect: a run that could not publish never probes or leases.
        const unwritable = io.fileProblem('GITHUB_OUTPUT') ??
            (config.exportEnv ? io.fileProblem('GITHUB_ENV') : undefined) ??
            io.fileProblem('GITHUB_STATE');
        if (unwritable)
            throw unwritable;
        let summary = config.summary;
        const summaryProblem = summary ? io.fileProblem('GITHUB_STEP_SUMMARY') : undefined;
        if (summaryProblem) {
            io.annotate('warning', `port-guard: no job summary: ${summaryProblem.message}`);
            summary = false;
        }
        const owner = config.lease ? leaseOwner() : undefined;
        if (owner?.pid === lease_owner/* NO_OWNER_PID */.Q1)
            io.debug(`the action's parent is outside this pid namespace: the leases belong to job ${owner.id} until the post step or lease-ttl`);
        if (owner) {
            // Saved before any lease exists, so the post step can release them even after a crash.
            io.saveState(state/* StateKey */.z.LeaseDir, config.leaseDir);
            io.saveState(state/* StateKey */.z.LeaseOwner, owner.id);
        }
        const { result } = await runGuard(config, {
            ...(owner ? { owner } : {}),
            onWait: ({ conflicts, seconds }) => io.info((0,messages/* waitingMessage */.BZ)(conflicts, seconds)),
            // Shown when the runner asks for debug output (ACTIONS_STEP_DEBUG).
            debug: (line) => io.debug((0,messages/* printable */.g$)(line)),
            // Only once no signal came: a cancelled run publishes nothing.
            publish: ({ result, problems }) => {
                for (const problem of problems)
                    io.annotate('warning', problem);
                for (const note of (0,messages/* annotationsFor */.gX)(result))
                    io.annotate(note.level, note.message);
                if (summary)
                    writeSummary(io, result);
                if (!result.ok) {
                    for (const [name, value] of Object.entries((0,outputs/* publishedOutputs */.h_)(result)))
                        io.setOutput(name, value);
                    return;
                }
                io.saveState(state/* StateKey */.z.HandedOut, JSON.stringify((0,job_end/* handedOutPorts */.Tl)(result)));
                if (!server)
                    publishPorts(io, config, result);
            },
        });
        if (!result.ok) {
            io.setExitCode(1);
            return;
        }
        if (server) {
            // Outputs only once the server is ready: a step that fails publishes no ports.
            const leases = owner ? { dir: config.leaseDir, ownerId: owner.id } : undefined;
            if (!(await (0,server_step/* startServerStep */.A)(io, server, result, leases))) {
                if (!process.exitCode)
                    io.setExitCode(1);
                return;
            }
            publishPorts(io, config, result);
        }
    }
    catch (err) {
        failStep(io, err);
    }
}
/** The port outputs (and with export-env the variables) of a successful run. */
function publishPorts(io, config, result) {
    for (const [name, value] of Object.entries((0,outputs/* publishedOutputs */.h_)(result)))
        io.setOutput(name, value);
    if (config.exportEnv)
        for (const [name, value] of (0,outputs/* envPairs */.ff)(result))
            io.exportVariable(name, value);
    io.info(result.assignments.map((a) => `${a.name}=${a.port}`).join(' '));
}
/** The job summary; one that cannot be written is a warning, never a failed step. */
function writeSummary(io, result) {
    try {
        io.appendSummary(summaryMarkdown(result));
    }
    catch (err) {
        io.annotate('warning', `port-guard: no job summary: ${describeFailure(err).message.replace(/^could not work: /, '')}`);
    }
}


/***/ })

};

//# sourceMappingURL=544.index.js.map