export const id = 438;
export const ids = [438];
export const modules = {

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

/***/ 8438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeHolder: () => (/* reexport */ describe_holder/* describeHolder */.sG),
  describeHolders: () => (/* reexport */ describe_holder/* describeHolders */.hX),
  findHolders: () => (/* binding */ findHolders),
  findHoldersOn: () => (/* binding */ findHoldersOn)
});

// EXTERNAL MODULE: ./src/system/find-tool.ts
var find_tool = __webpack_require__(1777);
// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __webpack_require__(2657);
// EXTERNAL MODULE: ./src/system/run-tool.ts
var run_tool = __webpack_require__(9807);
;// CONCATENATED MODULE: ./src/holders/darwin.ts
/**
 * macOS (and other systems with `lsof`): who holds a port, from `lsof -F` field output, with
 * the program names and command lines from one `ps` call. Both run by absolute path through
 * `execFile` with fixed arguments.
 */



const TOOL_TIMEOUT_MS = 3000;
/**
 * The fixed `lsof` arguments for some ports of one protocol: no name or port resolution
 * (`-nP`), no warnings (`-w`), full command names (`+c 0`), the TCP state (`-Ts`), TCP sockets
 * that listen or are bound without listening (`CLOSED`: such a socket still blocks a bind), and
 * field output with the fd (`f`: Apple's lsof 4.91 prints it anyway), the user, the address
 * family (`t`: `*:80` is `0.0.0.0` or `::`), the protocol, the name and the TCP state. TCP and
 * UDP need separate runs: with `-sTCP:…`, lsof drops UDP sockets.
 */
function lsofArgs(protocol, ports) {
    const list = ports.join(',');
    return protocol === 'tcp'
        ? ['-nP', '-w', '+c', '0', '-Ts', `-iTCP:${list}`, '-sTCP:LISTEN,CLOSED', '-FpcfuLPtTn']
        : ['-nP', '-w', '+c', '0', `-iUDP:${list}`, '-FpcfuLPtn'];
}
/**
 * Parses `lsof -F` output. Process fields (`p`, `c`, `u`, `L`) are followed by file fields
 * (`f`, `t`, `P`, `n`, then `T` fields such as `TST=LISTEN`); a file starts at its `f` line
 * (lsof without `f` in the field list omits it, so a file also ends at its `n` line). Unknown
 * fields are ignored.
 */
function parseLsof(text) {
    const files = [];
    let proc;
    let pending = {};
    // The file the `T` fields after an `n` line belong to.
    let last;
    for (const raw of text.split(/\r?\n/)) {
        if (raw === '')
            continue;
        const field = raw[0];
        const value = raw.slice(1);
        if (field === 'p') {
            proc = /^\d+$/.test(value) ? { pid: Number(value) } : undefined;
            pending = {};
            last = undefined;
            continue;
        }
        if (!proc)
            continue;
        switch (field) {
            case 'c':
                proc.command = (0,command_line/* singleLine */.pF)(value);
                break;
            case 'u':
                if (/^\d+$/.test(value))
                    proc.uid = Number(value);
                break;
            case 'L':
                proc.login = value;
                break;
            case 'f':
                pending = {};
                last = undefined;
                break;
            case 't':
                pending.type = value;
                break;
            case 'P':
                pending.protocol = value;
                break;
            case 'n':
                last = { ...proc, ...pending, name: value };
                files.push(last);
                pending = {};
                break;
            case 'T':
                if (last && value.startsWith('ST='))
                    last.tcpState = (0,command_line/* singleLine */.pF)(value.slice(3));
                break;
        }
    }
    return files;
}
/** Splits an lsof socket name into the local address and port; `*` becomes the any-address. */
function localEndpoint(name, type) {
    const [local, remote] = name.replace(/\s+\(.*\)$/, '').split('->');
    const match = /^(?:\[([^\]]+)\]|([^:]+|.*)):(\d+)$/.exec(local);
    if (!match)
        return undefined;
    let address = match[1] ?? match[2];
    if (address === '*')
        address = type === 'IPv6' ? '::' : '0.0.0.0';
    return { address, port: Number(match[3]), connected: remote !== undefined };
}
/** Parses `ps -ww -o pid=,command=` output into pid → command line. */
function parsePsCommandLines(text) {
    const lines = new Map();
    for (const row of text.split(/\r?\n/)) {
        const match = /^\s*(\d+)\s+(.*)$/.exec(row);
        if (match && match[2].trim() !== '')
            lines.set(Number(match[1]), match[2].trim());
    }
    return lines;
}
/**
 * Splits a `ps` command line into the program (argv[0]) and the rest. `ps` joins the arguments
 * with spaces and the program path may contain some (`/Applications/Google Chrome.app/…`), so
 * lsof's short name of the process marks where the program ends when it can; otherwise the
 * program ends at the first space.
 */
function splitPsLine(line, shortName) {
    if (shortName !== undefined && shortName !== '') {
        const needle = `/${shortName}`;
        for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
            if (line.slice(0, at).includes(' -'))
                break;
            const end = at + needle.length;
            if (end === line.length || line[end] === ' ')
                return { program: line.slice(0, end), rest: line.slice(end + 1) };
        }
    }
    const space = line.indexOf(' ');
    return space < 0
        ? { program: line, rest: '' }
        : { program: line.slice(0, space), rest: line.slice(space + 1) };
}
/** The display form of a `ps` command line (the program's directory dropped). */
function displayPsLine(line, shortName) {
    const { program, rest } = splitPsLine(line, shortName);
    // The directory goes, the program's own name stays whole, spaces and all.
    const name = program.includes(' ') ? program.replace(/^.*\/(?=[^/])/, '') : program;
    return (0,command_line/* displayCommandLine */.qy)(rest === '' ? [name] : [name, rest]);
}
/**
 * The program's name from its `ps` command line; lsof's `c` field is the kernel's short name,
 * which is the main thread's on Linux (`MainThread` for Node 24) and cut to 15 characters.
 */
function psProgramName(line, shortName) {
    if (line === undefined)
        return shortName;
    return (0,command_line/* programName */.kX)([splitPsLine(line, shortName).program], undefined, shortName);
}
/** Groups lsof sockets into holders per query and process. */
function holdersFromLsof(files, queries, commandLines = new Map()) {
    const holders = [];
    for (const query of queries) {
        const grouped = new Map();
        for (const file of files) {
            if (file.protocol !== undefined && file.protocol.toLowerCase() !== query.protocol)
                continue;
            const endpoint = localEndpoint(file.name, file.type);
            if (!endpoint || endpoint.port !== query.port)
                continue;
            const state = query.protocol === 'tcp'
                ? file.tcpState === 'CLOSED'
                    ? 'bound'
                    : 'listen'
                : endpoint.connected
                    ? 'connected'
                    : 'bound';
            const key = `${file.pid} ${state}`;
            let holder = grouped.get(key);
            if (!holder) {
                holder = {
                    protocol: query.protocol,
                    port: query.port,
                    addresses: [],
                    state,
                    pid: file.pid,
                };
                const line = commandLines.get(file.pid);
                const command = psProgramName(line, file.command);
                if (command !== undefined)
                    holder.command = command;
                const display = line === undefined ? undefined : displayPsLine(line, file.command);
                if (display !== undefined)
                    holder.commandLine = display;
                if (file.uid !== undefined)
                    holder.uid = file.uid;
                if (file.login !== undefined)
                    holder.user = file.login;
                grouped.set(key, holder);
            }
            if (!holder.addresses.includes(endpoint.address))
                holder.addresses.push(endpoint.address);
        }
        holders.push(...grouped.values());
    }
    return holders;
}
/**
 * Finds holders with `lsof` (one run per protocol) and their command lines with `ps`. A
 * missing tool, a refusal or a time-out gives fewer details or none, never an error. Without
 * root, macOS shows other users' sockets to nobody: those ports come back without holders.
 */
async function findHoldersWithLsof(queries, run = run_tool/* runTool */.q, tools = {}) {
    const lsof = tools.lsof ?? (0,find_tool/* findTool */.SG)('lsof', { firstIn: find_tool/* UNIX_SYSTEM_DIRS */.YY });
    if (lsof === undefined)
        return [];
    const files = [];
    await Promise.all(['tcp', 'udp'].map(async (protocol) => {
        const ports = [...new Set(queries.filter((q) => q.protocol === protocol).map((q) => q.port))];
        if (ports.length === 0)
            return;
        const result = await run(lsof, lsofArgs(protocol, ports), { timeoutMs: TOOL_TIMEOUT_MS });
        // Exit 1 means "something asked for was not found"; what it did find is still printed.
        if (result.code === 0 || result.code === 1)
            files.push(...parseLsof(result.stdout));
    }));
    const pids = [...new Set(files.map((f) => f.pid))];
    let commandLines = new Map();
    const ps = tools.ps ?? (0,find_tool/* findTool */.SG)('ps', { firstIn: ['/bin', '/usr/bin'] });
    if (pids.length > 0 && ps !== undefined) {
        const result = await run(ps, ['-ww', '-o', 'pid=,command=', '-p', pids.join(',')], {
            timeoutMs: TOOL_TIMEOUT_MS,
        });
        // ps exits 1 when one of the pids has gone meanwhile; the others are still listed.
        if (result.code === 0 || result.code === 1)
            commandLines = parsePsCommandLines(result.stdout);
    }
    return holdersFromLsof(files, queries, commandLines);
}

// EXTERNAL MODULE: ./src/holders/docker.ts
var docker = __webpack_require__(8839);
// EXTERNAL MODULE: ./src/holders/linux.ts + 1 modules
var linux = __webpack_require__(8177);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(3421);
;// CONCATENATED MODULE: ./src/holders/win32.ts
/**
 * Windows: who holds a port, from `netstat -anoq -p <proto>` (one run per protocol and IP
 * version: `-q` adds TCP sockets that are bound but do not listen, state `BOUND`) and `tasklist`
 * for each holding process's image name, both by absolute System32 path. No administrator
 * rights are needed. Headers and state words are localized, so rows are recognized by their
 * shape, never by text.
 */




/** The `-p` protocol names netstat takes, per protocol. */
const NETSTAT_PROTOCOLS = {
    tcp: ['TCP', 'TCPv6'],
    udp: ['UDP', 'UDPv6'],
};
/**
 * The fixed `netstat` arguments for one protocol (`TCP`, `TCPv6`, `UDP`, `UDPv6`): all sockets
 * including bound, non-listening TCP ones (`-q`), numeric, with the owning pid.
 */
function netstatArgs(protocol) {
    return ['-anoq', '-p', protocol];
}
const ENGLISH_STATES = {
    LISTENING: 'listen',
    BOUND: 'bound',
    ESTABLISHED: 'established',
    TIME_WAIT: 'time-wait',
    CLOSE_WAIT: 'close-wait',
    FIN_WAIT_1: 'fin-wait-1',
    FIN_WAIT_2: 'fin-wait-2',
    SYN_SENT: 'syn-sent',
    SYN_RECEIVED: 'syn-recv',
    LAST_ACK: 'last-ack',
    CLOSING: 'closing',
    CLOSED: 'closed',
};
/** Splits `127.0.0.1:80`, `[::]:80` or `[fe80::1%12]:80` into address and port. */
function splitEndpoint(text) {
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(text);
    if (!match)
        return undefined;
    return { address: match[1] ?? match[2], port: Number(match[3]) };
}
// A TCP socket with no remote end yet: the only kind that listens (or is merely bound).
const NO_REMOTE = new Set(['0.0.0.0:0', '[::]:0', '*:*']);
/**
 * Parses `netstat -anoq` (or `-ano`) output in any display language. A TCP row is
 * `TCP local remote STATE… pid`, a UDP row `UDP local *:* pid` (netstat knows no remote end for
 * UDP: every UDP row is a bound socket); anything else (headers, blank lines, `[process.exe]`
 * lines) is skipped. A TCP row whose remote address is `0.0.0.0:0` or `[::]:0` is a listener
 * whatever the localized state word says, unless the word is `BOUND`.
 */
function parseNetstat(text) {
    const rows = [];
    for (const line of text.split(/\r?\n/)) {
        const tokens = line.trim().split(/\s+/);
        const proto = tokens[0];
        if ((proto !== 'TCP' && proto !== 'UDP') || tokens.length < 4)
            continue;
        const pidText = tokens[tokens.length - 1];
        const local = splitEndpoint(tokens[1]);
        if (!/^\d+$/.test(pidText) || !local)
            continue;
        let state;
        if (proto === 'UDP') {
            if (tokens.length !== 4)
                continue;
            state = 'bound';
        }
        else {
            if (tokens.length < 5)
                continue;
            const word = (0,command_line/* singleLine */.pF)(tokens.slice(3, -1).join(' '));
            const english = ENGLISH_STATES[word.toUpperCase()];
            if (english === 'bound')
                state = 'bound';
            else if (NO_REMOTE.has(tokens[2]))
                state = 'listen';
            else
                state = english ?? word.toLowerCase();
        }
        rows.push({
            protocol: proto === 'TCP' ? 'tcp' : 'udp',
            localAddress: local.address,
            localPort: local.port,
            state,
            pid: Number(pidText),
        });
    }
    return rows;
}
/** Splits one CSV line (`"a","b ""c""",d`) into fields. */
function parseCsvLine(line) {
    const fields = [];
    let i = 0;
    while (i <= line.length) {
        if (line[i] === '"') {
            let value = '';
            i++;
            while (i < line.length) {
                if (line[i] === '"' && line[i + 1] === '"') {
                    value += '"';
                    i += 2;
                }
                else if (line[i] === '"') {
                    i++;
                    break;
                }
                else {
                    value += line[i++];
                }
            }
            fields.push(value);
            const comma = line.indexOf(',', i);
            i = comma < 0 ? line.length + 1 : comma + 1;
        }
        else {
            const comma = line.indexOf(',', i);
            const end = comma < 0 ? line.length : comma;
            fields.push(line.slice(i, end));
            i = end + 1;
        }
    }
    return fields;
}
/**
 * Reads the image name for `pid` from `tasklist /FO CSV /NH` output
 * (`"node.exe","4242","Console","1","45,120 K"`). The "no tasks" notice is localized and not
 * CSV; it gives undefined.
 */
function parseTasklist(text, pid) {
    for (const line of text.split(/\r?\n/)) {
        if (!line.startsWith('"'))
            continue;
        const [image, pidText] = parseCsvLine(line);
        if (image && pidText?.trim() === String(pid))
            return (0,command_line/* singleLine */.pF)(image);
    }
    return undefined;
}
/** The fixed `tasklist` arguments for one pid. */
function tasklistArgs(pid) {
    return ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'];
}
/**
 * Groups netstat rows into holders per query and process: listeners (and bound sockets) for
 * TCP, every socket for UDP; only when a TCP port has none, the connections on it. Pid 0
 * (TIME_WAIT) is no process.
 */
function holdersFromNetstat(rows, queries, imageNames = new Map()) {
    const holders = [];
    for (const query of queries) {
        const onPort = rows.filter((r) => r.protocol === query.protocol && r.localPort === query.port);
        const occupying = onPort.filter((r) => (0,lookup/* occupiesPort */.Nv)(r.protocol, r.state));
        const grouped = new Map();
        for (const row of occupying.length > 0 ? occupying : onPort) {
            const key = `${row.pid} ${row.state}`;
            let holder = grouped.get(key);
            if (!holder) {
                holder = { protocol: query.protocol, port: query.port, addresses: [], state: row.state };
                if (row.pid > 0) {
                    holder.pid = row.pid;
                    const image = imageNames.get(row.pid);
                    if (image !== undefined)
                        holder.command = image;
                }
                grouped.set(key, holder);
            }
            if (!holder.addresses.includes(row.localAddress))
                holder.addresses.push(row.localAddress);
        }
        holders.push(...grouped.values());
    }
    return holders;
}
const NETSTAT_TIMEOUT_MS = 5000;
const TASKLIST_TIMEOUT_MS = 3000;
/**
 * Finds holders with `netstat -anoq` (one run per protocol and IP version asked about, in
 * parallel) and one `tasklist` run per holding pid. A missing tool, a refusal or a time-out
 * gives fewer details or none, never an error.
 */
async function findHoldersWindows(queries, run = run_tool/* runTool */.q) {
    const wanted = [...new Set(queries.map((q) => q.protocol))];
    const outputs = await Promise.all(wanted
        .flatMap((protocol) => NETSTAT_PROTOCOLS[protocol])
        .map((name) => 
    // The console code page is not UTF-8; rows are ASCII, so a byte-preserving decode is enough.
    run((0,find_tool/* windowsSystemTool */.xW)('netstat'), netstatArgs(name), {
        timeoutMs: NETSTAT_TIMEOUT_MS,
        encoding: 'latin1',
    })));
    const rows = outputs.flatMap((netstat) => netstat.code === 0 ? parseNetstat(netstat.stdout) : []);
    const holders = holdersFromNetstat(rows, queries);
    const pids = [...new Set(holders.flatMap((h) => (h.pid === undefined ? [] : [h.pid])))];
    const images = new Map();
    await Promise.all(pids.map(async (pid) => {
        const result = await run((0,find_tool/* windowsSystemTool */.xW)('tasklist'), tasklistArgs(pid), {
            timeoutMs: TASKLIST_TIMEOUT_MS,
            encoding: 'latin1',
        });
        const image = result.code === 0 ? parseTasklist(result.stdout, pid) : undefined;
        if (image !== undefined)
            images.set(pid, image);
    }));
    return holdersFromNetstat(rows, queries, images);
}

// EXTERNAL MODULE: ./src/holders/describe-holder.ts
var describe_holder = __webpack_require__(1593);
;// CONCATENATED MODULE: ./src/holders/index.ts





const isPort = (q) => Number.isInteger(q.port) &&
    q.port >= 1 &&
    q.port <= 65535 &&
    (q.protocol === 'tcp' || q.protocol === 'udp');
/**
 * Finds holders as `platform` would: Linux reads /proc, Windows runs netstat and tasklist,
 * macOS and the BSDs run lsof. `docker-proxy` holders get their container's name when docker
 * answers. Never throws: what cannot be found is left out, and callers say "unknown".
 */
async function findHoldersOn(platform, queries, deps = {}) {
    const valid = queries
        .filter(isPort)
        .filter((q, i, all) => all.findIndex((o) => o.port === q.port && o.protocol === q.protocol) === i);
    if (valid.length === 0)
        return [];
    let holders;
    try {
        if (platform === 'linux' || platform === 'android') {
            holders = await (0,linux/* findHoldersLinux */.l0)(valid, deps.linux);
        }
        else if (platform === 'win32') {
            holders = await findHoldersWindows(valid, deps.run);
        }
        else {
            holders = await findHoldersWithLsof(valid, deps.run);
        }
    }
    catch {
        return [];
    }
    try {
        return await (0,docker/* nameContainers */.O1)(holders, deps.docker);
    }
    catch {
        return holders;
    }
}
/** Finds who holds the given ports on this machine. */
const findHolders = (queries) => findHoldersOn(process.platform, queries);


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


/***/ })

};

//# sourceMappingURL=438.index.js.map