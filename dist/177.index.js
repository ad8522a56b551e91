export const id = 177;
export const ids = [177];
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

/***/ 1777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SG: () => (/* binding */ findTool),
/* harmony export */   YY: () => (/* binding */ UNIX_SYSTEM_DIRS)
/* harmony export */ });
/* unused harmony export pathEntries */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The absolute path of an outside tool (`docker`, `lsof`, `ps`, `sysctl`). A bare name is never
 * handed to `execFile`: Windows looks it up in the current directory first — the checked-out
 * workspace, which a pull request controls — and a relative `PATH` entry (`.`, `node_modules/.bin`)
 * means the same anywhere. So `PATH` is searched here, skipping relative entries and the
 * current directory, and then a few fixed system directories.
 */


function executableFile(path, platform) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
            return false;
        if (platform !== 'win32')
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** `PATH` (or Windows' `Path`), split into its entries with quotes removed. */
function pathEntries(env, platform) {
    const key = platform === 'win32'
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
function findTool(name, options = {}) {
    const platform = options.platform ?? process.platform;
    const env = options.env ?? process.env;
    const path = platform === 'win32' ? node_path__WEBPACK_IMPORTED_MODULE_1__.win32 : node_path__WEBPACK_IMPORTED_MODULE_1__.posix;
    const isExecutable = options.isExecutable ?? executableFile;
    const cwd = options.cwd ?? process.cwd();
    const same = (a, b) => platform === 'win32'
        ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()
        : path.resolve(a) === path.resolve(b);
    const file = platform === 'win32' && !/\.exe$/i.test(name) ? `${name}.exe` : name;
    const dirs = [
        ...(options.firstIn ?? []),
        ...pathEntries(env, platform),
        ...(options.alsoIn ?? []),
    ];
    for (const dir of dirs) {
        if (!path.isAbsolute(dir))
            continue;
        // `\\foo` and `C:foo` pass isAbsolute on win32 only as far as a drive or share goes.
        if (platform === 'win32' && !/^(?:[a-zA-Z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(dir))
            continue;
        if (same(dir, cwd))
            continue;
        const candidate = path.join(dir, file);
        if (isExecutable(candidate, platform))
            return candidate;
    }
    return undefined;
}
/** Where Unix systems keep their own tools (`/usr/sbin/lsof` and `/bin/ps` on macOS). */
const UNIX_SYSTEM_DIRS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];


/***/ })

};

//# sourceMappingURL=177.index.js.map