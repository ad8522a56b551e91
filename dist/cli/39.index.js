export const id = 39;
export const ids = [39];
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

/***/ 5345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ connectLoopbacks),
/* harmony export */   O4: () => (/* binding */ loopbackFamilies),
/* harmony export */   Ws: () => (/* binding */ LOOPBACK)
/* harmony export */ });
/* unused harmony export connectOnce */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
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
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host: address, port, noDelay: true });
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
function loopbackFamilies(interfaces = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.networkInterfaces)()) {
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


/***/ }),

/***/ 6459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aY: () => (/* binding */ findOnPath),
/* harmony export */   j2: () => (/* binding */ parseLivePid),
/* harmony export */   jK: () => (/* binding */ parseHttpPath),
/* harmony export */   o_: () => (/* binding */ parseReadyTimeout),
/* harmony export */   pH: () => (/* binding */ parseReadyTargets)
/* harmony export */ });
/* unused harmony exports MAX_READY_SECONDS, DEFAULT_READY_SECONDS, parseShellName, parseShell, shellArgs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _spec_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1209);
/* harmony import */ var _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5376);
/* harmony import */ var _holders_command_line_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2657);
/* harmony import */ var _report_messages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3020);
/* harmony import */ var _lease_process_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2714);
/* harmony import */ var _spec_port_spec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9910);
/* harmony import */ var _system_find_tool_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1777);
/**
 * The readiness options every front shares, checked before anything is started or leased:
 * the timeout, the HTTP path, the pid to bind to, the ports to wait for and the shell of `run`.
 * Each problem is an InputError naming the input (`--timeout`, `ready-timeout`, …).
 */









/** The longest wait any front accepts, in seconds (an hour, like `wait`). */
const MAX_READY_SECONDS = 3600;
const DEFAULT_READY_SECONDS = 60;
/** A timeout in seconds (0 to an hour); numbers (the library) and text (inputs) alike. */
function parseReadyTimeout(raw, input) {
    if (raw === undefined || raw === '')
        return DEFAULT_READY_SECONDS;
    return (0,_spec_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSeconds */ .fL)(String(raw).trim(), input, 0, MAX_READY_SECONDS);
}
/** An HTTP path: starts with `/`, printable ASCII without spaces, at most 2048 characters. */
function parseHttpPath(raw, input) {
    if (raw === undefined || raw === '')
        return undefined;
    const expected = 'expected a path starting with "/", e.g. "/health"';
    if (!raw.startsWith('/') || raw.startsWith('//'))
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, `${input}: "${printableToken(raw)}" is not a path; ${expected} (the host is always this machine's loopback address)`);
    if (!/^[\x21-\x7e]+$/.test(raw))
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, `${input}: "${printableToken(raw)}" contains spaces or control characters; ${expected}`);
    if (raw.length > 2048)
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, `${input}: ${raw.length} characters; at most 2048`);
    return raw;
}
function printableToken(text) {
    return (0,_holders_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .shorten */ .ml)((0,_report_messages_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(text), 80);
}
/** A pid that names a running process (checked now: a wait bound to a dead pid is a mistake). */
async function parseLivePid(raw, input) {
    if (raw === undefined || raw === '')
        return undefined;
    const text = String(raw).trim();
    if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, `${input}: "${printableToken(text)}" is not a process id; expected a whole number such as $! in a shell`);
    const identity = await (0,_lease_process_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .processIdentity */ .I9)(Number(text));
    if (!identity)
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, `${input}: no process ${text} is running; start the server first and pass its pid (e.g. $!)`);
    return identity;
}
/**
 * The ports to wait for: numbers or specs (`3000`, `web=3000`, `5353/udp`, `quic=8443/both`);
 * `auto` means nothing here. A `both` spec waits for TCP and UDP.
 */
function parseReadyTargets(specs, input) {
    // Each token on its own: `3000 3000/udp` waits for both, though as port specs the two would
    // share the default name `port-3000`.
    const tokens = (0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .splitList */ .ry)(specs.map(String).join(' '));
    if (tokens.length === 0)
        (0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .parsePortSpecs */ .N2)('', 'tcp', input);
    const problems = [];
    const parsed = [];
    for (const token of tokens) {
        try {
            parsed.push(...(0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .parsePortSpecs */ .N2)(token, 'tcp', input));
        }
        catch (err) {
            if (!(err instanceof _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d))
                throw err;
            problems.push(...err.problems);
        }
    }
    for (const s of parsed)
        if (s.port === 'auto')
            problems.push(`${input}: "${s.token}" asks for any free port; waiting needs the port number itself`);
    if (problems.length > 0)
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, problems);
    const targets = [];
    for (const s of parsed)
        for (const protocol of (0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .protocolsOf */ .LE)(s.protocol))
            if (!targets.some((t) => t.port === s.port && t.protocol === protocol))
                targets.push({
                    ...(/^port-\d+$/.test(s.name) ? {} : { name: s.name }),
                    port: s.port,
                    protocol,
                });
    return targets;
}
const SHELLS = (/* unused pure expression or super */ null && (['bash', 'sh', 'pwsh', 'cmd']));
/**
 * Looks a program up on PATH, skipping relative entries (on Windows the current directory, the
 * checked-out workspace, would otherwise come first).
 */
function findOnPath(name, env = process.env, platform = process.platform) {
    const sep = platform === 'win32' ? ';' : node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter;
    const exts = platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
    for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) {
        if (dir === '' || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(dir))
            continue;
        for (const ext of exts) {
            const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name + ext);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, platform === 'win32' ? node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.F_OK : node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return candidate;
            }
            catch {
                // Not here.
            }
        }
    }
    return undefined;
}
/** The shell's name: one of {@link SHELLS}, empty for the platform's default (bash; pwsh on Windows). */
function parseShellName(raw, input, platform = process.platform) {
    const name = (raw === undefined || raw === '' ? (platform === 'win32' ? 'pwsh' : 'bash') : raw);
    if (!SHELLS.includes(name))
        throw new InputError(input, `${input}: "${printableToken(name)}" is not one of ${SHELLS.join(', ')}`);
    if (name === 'cmd' && platform !== 'win32')
        throw new InputError(input, `${input}: cmd exists only on Windows; use bash or sh here`);
    return name;
}
/** The shell to run a command with, found by absolute path. */
function parseShell(raw, input, platform = process.platform, env = process.env) {
    const name = parseShellName(raw, input, platform);
    if (name === 'cmd')
        return { name, path: windowsSystemTool('cmd', env) };
    const path = findOnPath(name, env, platform);
    if (path === undefined)
        throw new InputError(input, `${input}: ${name} was not found on PATH; install it or choose another of ${SHELLS.join(', ')}`);
    return { name, path };
}
/** How a shell runs one command line: the arguments after its path. */
function shellArgs(shell, command) {
    switch (shell) {
        case 'bash':
            // As GitHub runs `shell: bash`: no profile, stop at the first failing command.
            return ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
        case 'sh':
            return ['-e', '-c', command];
        case 'pwsh':
            return ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command];
        case 'cmd':
            return ['/D', '/E:ON', '/V:OFF', '/S', '/C', `"${command}"`];
    }
}


/***/ }),

/***/ 1039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ parseWaitRequest),
  p: () => (/* binding */ runWait)
});

// EXTERNAL MODULE: ./src/spec/input-error.ts
var input_error = __webpack_require__(5376);
// EXTERNAL MODULE: ./src/report/ready-messages.ts
var ready_messages = __webpack_require__(2266);
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

// EXTERNAL MODULE: ./src/ready/loopback-connect.ts
var loopback_connect = __webpack_require__(5345);
// EXTERNAL MODULE: ./src/ready/process-tree.ts
var process_tree = __webpack_require__(7779);
;// CONCATENATED MODULE: ./src/ready/ready-deps.ts
/** The real system behind the readiness checks: loopback connects, /proc, lsof, netstat, ps. */





/** This machine, as the readiness checks see it. */
function readyDeps(platform = process.platform) {
    const linux = platform === 'linux' || platform === 'android';
    return {
        families: (0,loopback_connect/* loopbackFamilies */.O4)(),
        connect: (port, families) => (0,loopback_connect/* connectLoopbacks */.LX)(port, families),
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
// EXTERNAL MODULE: ./src/allocate/cancellation.ts
var cancellation = __webpack_require__(1656);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
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
            const answer = await deps.httpGet(loopback_connect/* LOOPBACK */.Ws[accepts[0]], this.target.port, this.ctx.httpPath);
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

// EXTERNAL MODULE: ./src/ready/watched-process.ts
var watched_process = __webpack_require__(9189);
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
            if (err instanceof input_error/* InputError */.d) {
                errors.push(err);
                return undefined;
            }
            throw err;
        }
    };
    const targets = await attempt(() => (0,ready_options/* parseReadyTargets */.pH)(raw.ports, names.ports));
    const timeoutSeconds = await attempt(() => (0,ready_options/* parseReadyTimeout */.o_)(raw.timeout, names.timeout));
    const http = await attempt(() => (0,ready_options/* parseHttpPath */.jK)(raw.http, names.http));
    const pid = await attempt(() => (0,ready_options/* parseLivePid */.j2)(raw.pid, names.pid));
    if (http !== undefined && targets && !targets.some((t) => t.protocol === 'tcp'))
        errors.push(new input_error/* InputError */.d(names.http, `${names.http}: needs a TCP port to send the GET to; every port given is UDP`));
    if (errors.length > 0)
        throw new input_error/* InputErrors */.G(errors);
    return {
        targets: targets,
        timeoutSeconds: timeoutSeconds,
        ...(pid ? { pid } : {}),
        ...(http !== undefined ? { http } : {}),
    };
}
/** Runs a checked wait to its end. Rejects only when the signal aborts. */
async function runWait(request, options = {}) {
    const watched = options.process ?? (request.pid ? (0,watched_process/* watchPid */.Tl)(request.pid.pid, request.pid.start) : undefined);
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
        ready: outcome.ready.map(ready_messages/* readyMessage */.jO),
        warnings: outcome.ready.flatMap((r) => (0,ready_messages/* familyWarning */.xN)(r) ?? []),
        errors: (0,ready_messages/* failureMessages */.TH)(outcome, request.timeoutSeconds, label),
    };
}


/***/ }),

/***/ 9189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tl: () => (/* binding */ watchPid),
/* harmony export */   a$: () => (/* binding */ watchChild)
/* harmony export */ });
/* unused harmony export zombieExit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lease_process_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2714);



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
    const entry = Object.entries(node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals).find(([, v]) => v === n);
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
                    zombie = zombieExit((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8'));
                }
                catch {
                    // Gone: its parent has collected it, and its code with it.
                }
            }
            const identity = zombie ? undefined : await (0,_lease_process_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .processIdentity */ .I9)(pid);
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


/***/ }),

/***/ 2266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TH: () => (/* binding */ failureMessages),
/* harmony export */   Z3: () => (/* binding */ missingMessages),
/* harmony export */   jO: () => (/* binding */ readyMessage),
/* harmony export */   xN: () => (/* binding */ familyWarning)
/* harmony export */ });
/* unused harmony exports portLabel, exitText */
/* harmony import */ var _holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1593);
/* harmony import */ var _ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5345);
/**
 * Readiness results into words, for every front: one line per ready port, the one-family
 * warning, and the failures (timeout, the process ended, a stranger on the port). No I/O.
 */


/** `web: port 3000/tcp`, or `port 3000/tcp` for an unnamed port. */
function portLabel(t) {
    return `${t.name !== undefined ? `${t.name}: ` : ''}port ${t.port}/${t.protocol}`;
}
const listFamilies = (families) => families.map((f) => _ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws[f]).join(' and ');
/** `web: port 3000/tcp is ready: accepts connections on 127.0.0.1 and ::1; pid 42 `node s.js``. */
function readyMessage(r) {
    const how = r.target.protocol === 'udp' ? 'bound' : `accepts connections on ${listFamilies(r.accepts)}`;
    const http = r.httpStatus !== undefined ? `, GET answered ${r.httpStatus}` : '';
    const who = r.holders.length > 0 ? `; ${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHolders */ .hX)(r.holders)}` : '';
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
    const where = addresses.length === 1 && addresses[0] === _ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws[only]
        ? `listens on ${_ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws[only]} only`
        : addresses.length === 0
            ? `accepts connections on ${_ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws[only]} only`
            : `accepts connections on IPv${only} only (listens on ${addresses.join(', ')})`;
    const hint = other === 6
        ? ' (e.g. `localhost` on Node 17+ and in most browsers)'
        : ' (e.g. tools that resolve `localhost` to IPv4)';
    return `${portLabel(r.target)} ${where}: clients that dial ${_ready_loopback_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOPBACK */ .Ws[other]}${hint} will fail`;
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
                return `${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHolders */ .hX)(listening)} holds it, but no connection to ${w.target.protocol === 'udp' ? 'it' : '127.0.0.1 or ::1'} succeeds`;
            return w.target.protocol === 'udp' ? 'no socket is bound to it' : 'nothing listens on it';
        case 'family-refused':
            return `${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHolders */ .hX)(w.holders)} listens, but ${listFamilies(w.refused)} refuses connections (accepted on ${listFamilies(w.accepts)})`;
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
                `${portLabel(outcome.target)} is held by ${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHolders */ .hX)(outcome.holders)}, which is not ${expected ? `${expectedText(expected)} or one of its descendants` : 'the expected process'}; stop it or use another port`,
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


/***/ })

};

//# sourceMappingURL=39.index.js.map