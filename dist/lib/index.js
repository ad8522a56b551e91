import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 657:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jn: () => (/* binding */ splitProcCmdline),
/* harmony export */   gW: () => (/* binding */ CONTROL_CHARACTER),
/* harmony export */   kX: () => (/* binding */ programName),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   qy: () => (/* binding */ displayCommandLine)
/* harmony export */ });
/* unused harmony export COMMAND_LINE_MAX */
/**
 * Turns a process's argument list into one short line that is safe to put into an
 * `::error::` line or a Markdown cell: no newlines, no control characters, bounded length.
 */
/** The longest command line a holder carries, in characters (the ellipsis included). */
const COMMAND_LINE_MAX = 120;
/**
 * One control character: C0 and C1 controls, DEL, and the Unicode line/paragraph separators;
 * any of them can break a workflow command, a log line or a table row. The one definition of
 * the class: every sanitiser (here, the messages' escapes, the Markdown cells) builds on it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_RUNS = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');
/** Replaces every run of control characters with one space and trims the ends. */
function singleLine(text) {
    return text.replace(CONTROL_RUNS, ' ').trim();
}
/** Cuts `text` to at most `max` characters (code points), ending in `…` when it was cut. */
function shorten(text, max = COMMAND_LINE_MAX) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/**
 * A display form of an argument list: the program's directory is dropped (`postgres -D …`
 * says more per character than `/usr/lib/postgresql/16/bin/postgres -D …`), arguments are
 * joined by spaces, control characters removed, and the result shortened to `max`.
 * Undefined for an empty list (kernel threads, zombies).
 */
function displayCommandLine(argv, max = COMMAND_LINE_MAX) {
    if (argv.length === 0)
        return undefined;
    const [program, ...rest] = argv;
    // A process that rewrote its title (`nginx: master process /usr/sbin/nginx`) keeps its text.
    const name = /\s/.test(program) ? program : program.replace(/^.*[/\\](?=[^/\\])/, '');
    const line = singleLine([name, ...rest].join(' '));
    return line === '' ? undefined : shorten(line, max);
}
/** Splits the raw bytes of `/proc/<pid>/cmdline` (NUL-separated, NUL-terminated) into arguments. */
function splitProcCmdline(raw) {
    const text = typeof raw === 'string' ? raw : raw.toString('utf8');
    const parts = text.split('\0');
    // Processes that rewrite their title pad it with NULs.
    while (parts.length > 0 && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
/** The last path segment of `path`, `/` or `\` separated. */
function baseName(path) {
    return path.replace(/[/\\]+$/, '').replace(/^.*[/\\]/, '');
}
/**
 * The program's name for a holder: the base name of `argv[0]` when it names a program (a
 * process that rewrote its title, `nginx: master process …`, does not), else of the
 * executable (`/proc/<pid>/exe`, without ` (deleted)`), else the short name the kernel keeps
 * (`comm` on Linux, lsof's `c` field). That short name is the main thread's name, not the
 * program's: Node 24 calls its main thread `MainThread`, so it is the last resort.
 */
function programName(argv, executable, shortName) {
    const first = argv[0];
    if (first !== undefined && first !== '' && !/\s/.test(first) && !first.endsWith(':')) {
        // A login shell's argv[0] is `-bash`.
        const name = singleLine(baseName(first).replace(/^-/, ''));
        if (name !== '')
            return name;
    }
    if (executable !== undefined) {
        const name = singleLine(baseName(executable.replace(/ \(deleted\)$/, '')));
        if (name !== '')
            return name;
    }
    const short = shortName === undefined ? '' : singleLine(shortName);
    return short === '' ? undefined : short;
}


/***/ }),

/***/ 593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hX: () => (/* binding */ describeHolders),
/* harmony export */   sG: () => (/* binding */ describeHolder)
/* harmony export */ });
/* unused harmony export containerText */
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(421);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(657);
/**
 * One line of plain text per holder, for `::error::` lines, notices and the summary table.
 * Nothing is escaped here (the fronts do that), but the text never contains a newline or
 * another control character.
 */


function hostPort(ip, port) {
    if (ip === undefined)
        return `port ${port ?? '?'}`;
    const host = ip.includes(':') ? `[${ip}]` : ip;
    return port === undefined ? host : `${host}:${port}`;
}
/** `container web (172.17.0.2:80)`, `container web (port 80)`, `container 172.17.0.2:80`. */
function containerText(container) {
    const target = container.ip === undefined && container.port === undefined
        ? undefined
        : hostPort(container.ip, container.port);
    if (container.name !== undefined) {
        return `container ${container.name}${target === undefined ? '' : ` (${target})`}`;
    }
    return target === undefined ? 'a container' : `container ${target}`;
}
function who(h) {
    if (h.pid !== undefined) {
        const parts = [`pid ${h.pid}`];
        if (h.container) {
            parts.push(`${h.command ?? 'docker-proxy'} → ${containerText(h.container)}`);
        }
        else {
            const command = h.commandLine ?? h.command;
            if (command !== undefined)
                parts.push(`\`${command}\``);
        }
        if (h.user !== undefined)
            parts.push(`(user ${h.user})`);
        else if (h.uid !== undefined)
            parts.push(`(uid ${h.uid})`);
        return parts.join(' ');
    }
    // Without a pid, a user name would only mislead ("nobody"); the uid is what is known.
    if (h.hidden)
        return `uid ${h.uid ?? '?'} (process hidden: needs root)`;
    if (h.uid !== undefined)
        return `uid ${h.uid} (no process found: a kernel socket, or a process in another container)`;
    if (h.state === 'time-wait')
        return 'no process (time-wait: a closed connection lingering)';
    return h.command !== undefined ? `\`${h.command}\`` : 'unknown';
}
/**
 * Describes one holder, e.g. ``pid 812 `postgres -D /var/lib/postgresql` (user postgres) on
 * 0.0.0.0, ::``, `uid 0 (process hidden: needs root) on 127.0.0.1` or
 * `pid 4242 docker-proxy → container web (172.17.0.2:80) (user root) on 0.0.0.0`.
 */
function describeHolder(h) {
    let text = who(h);
    if (h.addresses.length > 0)
        text += ` on ${h.addresses.join(', ')}`;
    if (h.pid === undefined && h.container) {
        text += ` — published by docker for ${containerText(h.container)}`;
    }
    if (!_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .OCCUPYING_STATES */ .X_.has(h.state) && h.state !== 'time-wait' && h.state !== '') {
        text += ` (${h.state})`;
    }
    return (0,_command_line_js__WEBPACK_IMPORTED_MODULE_1__/* .singleLine */ .pF)(text);
}
/** Describes several holders joined by `; `, or `unknown` when none could be found. */
function describeHolders(holders) {
    return holders.length === 0 ? 'unknown' : holders.map(describeHolder).join('; ');
}


/***/ }),

/***/ 839:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ nameContainers),
/* harmony export */   Ox: () => (/* binding */ dockerProxyTarget),
/* harmony export */   f_: () => (/* binding */ isDockerProxy)
/* harmony export */ });
/* unused harmony exports DOCKER_PS_ARGS, parseDockerPs, publishedPorts, publishes */
/* harmony import */ var _system_find_tool_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(777);
/* harmony import */ var _system_run_tool_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(56);


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

/***/ 177:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  QE: () => (/* binding */ blockingSocketsLinux),
  l0: () => (/* binding */ findHoldersLinux)
});

// UNUSED EXPORTS: blockingSockets, parsePasswd

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __nccwpck_require__(421);
// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __nccwpck_require__(657);
// EXTERNAL MODULE: ./src/holders/docker.ts
var docker = __nccwpck_require__(839);
// EXTERNAL MODULE: ./src/probe/ip-address.ts
var ip_address = __nccwpck_require__(28);
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

// EXTERNAL MODULE: ./src/system/error-code.ts + 1 modules
var error_code = __nccwpck_require__(764);
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

/***/ 421:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ holdersPerQuery),
/* harmony export */   Nv: () => (/* binding */ occupiesPort),
/* harmony export */   X_: () => (/* binding */ OCCUPYING_STATES),
/* harmony export */   wr: () => (/* binding */ findHoldersWhenNeeded)
/* harmony export */ });
/**
 * The socket states that occupy a port whatever the other side does: a listener, or a socket
 * bound without listening (it still blocks a bind). Every platform's reader names its states
 * in these words, so this is the one list of them.
 */
const OCCUPYING_STATES = new Set(['listen', 'bound']);
/** Whether a socket blocks its port by itself: every UDP socket, a TCP one in those states. */
function occupiesPort(protocol, state) {
    return protocol === 'udp' || OCCUPYING_STATES.has(state);
}
/**
 * The holder lookup, loaded only when a port turned out busy: the happy path never pays for
 * the /proc readers, lsof, netstat and docker code (or `child_process`).
 */
const findHoldersWhenNeeded = async (queries) => (await __nccwpck_require__.e(/* import() */ 438).then(__nccwpck_require__.bind(__nccwpck_require__, 438))).findHolders(queries);
/** Looks every query up in one call and sorts the holders back to their query, in order. */
async function holdersPerQuery(finder, queries) {
    // Only the port and protocol: callers may pass richer objects (conflicts, handed-out ports).
    const holders = await finder(queries.map(({ port, protocol }) => ({ port, protocol })));
    return queries.map((q) => holders.filter((h) => h.port === q.port && h.protocol === q.protocol));
}


/***/ }),

/***/ 28:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ formatIPv6),
/* harmony export */   Z: () => (/* binding */ canonicalAddress)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(30);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/**
 * IP addresses as text: one spelling per address. Every address port-guard prints (a holder's
 * socket from `/proc/net`) or compares (the `hosts` input against the interfaces, the probe
 * plan's duplicates) goes through the one IPv6 formatter here, so an address reads the same
 * wherever it appears.
 */

/**
 * Formats 16 network-order bytes as RFC 5952 text: lower case, the longest run of two or more
 * zero groups as `::`, and IPv4-mapped addresses as `::ffff:a.b.c.d`.
 */
function formatIPv6(bytes) {
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push((bytes[i] << 8) | bytes[i + 1]);
    if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
        return `::ffff:${bytes.slice(12).join('.')}`;
    }
    let bestStart = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    const head = hex.slice(0, bestStart).join(':');
    const tail = hex.slice(bestStart + bestLen).join(':');
    return `${head}::${tail}`;
}
/**
 * The 16 network-order bytes of an IPv6 address (without a `%zone`). The URL parser reads
 * every spelling (`::1`, `0:0::1`, `::ffff:1.2.3.4`) without any lookup and prints hex groups
 * with the longest zero run as `::`, which is expanded here.
 */
function ipv6Bytes(address) {
    const hex = new URL(`http://[${address}]`).hostname.slice(1, -1);
    const [head = '', tail] = hex.split('::');
    const groups = (text) => text === undefined || text === '' ? [] : text.split(':').map((g) => Number.parseInt(g, 16));
    const front = groups(head);
    const back = groups(tail);
    const zeros = new Array(8 - front.length - back.length).fill(0);
    return [...front, ...zeros, ...back].flatMap((g) => [g >> 8, g & 0xff]);
}
/**
 * One spelling per address, so `::1`, `0:0::1` and `::0001` compare equal: IPv6 in the form
 * {@link formatIPv6} prints; a `%scope` suffix is kept as written; anything else as it is.
 */
function canonicalAddress(address) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address) !== 6)
        return address;
    const pct = address.indexOf('%');
    const bare = pct >= 0 ? address.slice(0, pct) : address;
    const scope = pct >= 0 ? address.slice(pct) : '';
    return formatIPv6(ipv6Bytes(bare)) + scope;
}


/***/ }),

/***/ 764:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ov: () => (/* binding */ errorCause),
  CA: () => (/* binding */ errorCode),
  Ue: () => (/* binding */ hasErrorCode)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/system/error-code.ts
/**
 * What a failed system call says about itself: Node's `code` (`ENOENT`, `EEXIST`, `EACCES`, …).
 * One reader for every caller, so an error without a code (a thrown string, a plain `Error`)
 * reads the same everywhere: as no code, never as a crash in the error path.
 */

/**
 * The error's Node code (`ENOENT`, `EEXIST`, …), or undefined when it carries none; for Node's
 * generic ERR_SYSTEM_ERROR (e.g. from `os.networkInterfaces()`), the code of its errno.
 */
function errorCode(error) {
    const e = error;
    if (e?.code === 'ERR_SYSTEM_ERROR' && typeof e.info?.errno === 'number') {
        try {
            // Node 20 reports uv_interface_addresses' errno positive ("Unknown system error 24").
            return (0,external_node_util_namespaceObject.getSystemErrorName)(-Math.abs(e.info.errno));
        }
        catch {
            return e.code;
        }
    }
    return typeof e?.code === 'string' ? e.code : undefined;
}
/** Whether the error carries one of `codes`. */
function hasErrorCode(error, ...codes) {
    const code = errorCode(error);
    return code !== undefined && codes.includes(code);
}
/** The code, or the whole error as text when it has none: the cause a message names. */
function errorCause(error) {
    return errorCode(error) ?? String(error);
}


/***/ }),

/***/ 777:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SG: () => (/* binding */ findTool),
/* harmony export */   YY: () => (/* binding */ UNIX_SYSTEM_DIRS),
/* harmony export */   xW: () => (/* binding */ windowsSystemTool)
/* harmony export */ });
/* unused harmony export pathEntries */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
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
/**
 * The absolute path of a Windows system tool. Windows looks a bare name up in the current
 * directory first — the checked-out workspace, which a pull request controls.
 */
function windowsSystemTool(name, env = process.env) {
    const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
    return node_path__WEBPACK_IMPORTED_MODULE_1__.win32.join(root, 'System32', `${name}.exe`);
}


/***/ }),

/***/ 56:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ runTool)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/system/run-tool.ts
/**
 * Runs an outside tool (`lsof`, `ps`, `netstat`, `tasklist`, `netsh`, `docker`) the only way
 * port-guard runs a system tool: `execFile` with a fixed argument array, no shell, a time-out,
 * and `LC_ALL=C` and `TZ=UTC` always (SECURITY.md): its output is parsed, and compared between
 * processes that may run with other locales and time zones, so it must not depend on either.
 * It never throws: a missing tool, a refusal or a time-out is an answer ("unknown"), not a
 * crash. (The `run` input's server is the user's own command, not a tool: it is not run here.)
 */

/** Pinned over every tool's environment: the C locale's messages and dates, UTC times. */
const STABLE_OUTPUT = { LC_ALL: 'C', TZ: 'UTC' };
/** Runs `command` with `args` (no shell) and resolves with its exit code and stdout. */
const runTool = (command, args, options) => new Promise((resolve) => {
    try {
        (0,external_node_child_process_namespaceObject.execFile)(command, args, {
            timeout: options.timeoutMs,
            encoding: options.encoding ?? 'utf8',
            env: { ...(options.env ?? process.env), ...STABLE_OUTPUT },
            maxBuffer: 8 * 1024 * 1024,
            windowsHide: true,
        }, (error, stdout) => {
            const text = String(stdout ?? '');
            if (!error) {
                resolve({ code: 0, stdout: text });
                return;
            }
            const err = error;
            if (typeof err.code === 'number') {
                resolve({ code: err.code, stdout: text });
            }
            else {
                const failure = err.killed ? 'timeout' : String(err.code ?? err.message);
                resolve({ code: null, stdout: text, failure });
            }
        });
    }
    catch (error) {
        // execFile throws synchronously for some bad arguments (e.g. a NUL byte).
        resolve({ code: null, stdout: '', failure: error.message });
    }
});


/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 30:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ input_error_InputError),
  G: () => (/* reexport */ input_error_InputErrors),
  r1: () => (/* reexport */ NotReadyError),
  c9: () => (/* reexport */ getPort),
  Gx: () => (/* reexport */ ports_guardPorts),
  c8: () => (/* reexport */ releasePorts),
  HB: () => (/* reexport */ waitForPorts),
  vm: () => (/* reexport */ whoHolds)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./src/allocate/cancellation.ts

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
        return 128 + (external_node_os_.constants.signals[this.signal] ?? 15);
    }
}
/**
 * Lets a pending signal in, then throws if the run was cancelled. Needed because a hand-out can
 * run for seconds without the event loop ever polling: lease files are written synchronously
 * and a probe's bind and 'listening' need no poll either, so a signal's handler would only run
 * once the run is over, when its ports are already published.
 */
async function cancellation_checkpoint(signal) {
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
const CANCELLING = (/* unused pure expression or super */ null && (['SIGINT', 'SIGTERM', 'SIGHUP']));
/**
 * Turns SIGINT, SIGTERM and SIGHUP into an aborted signal while `fn` runs, so the run ends through its
 * normal cleanup (leases returned, sockets closed) instead of dying mid-way. Later signals are
 * absorbed until `fn` settles: the runner's SIGTERM must not cut short the cleanup its SIGINT
 * started.
 */
async function cancellation_withSignalCancellation(fn) {
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/spec/input-error.ts
/**
 * An error the user caused and can fix: it names the input (or CLI option) and says what was
 * wrong and what would be right. Fronts turn it into exit code 1 (action, CLI input) or 2 (CLI usage).
 */
class input_error_InputError extends Error {
    input;
    /** Every problem found, one per bad token; `message` joins them. */
    problems;
    constructor(input, problems) {
        const list = Array.isArray(problems) ? problems : [problems];
        super(list.join('\n'));
        this.name = 'InputError';
        this.input = input;
        this.problems = list;
    }
}
/** Several inputs were wrong at once; all are reported together. */
class input_error_InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.name = 'InputErrors';
        this.errors = errors;
    }
}

;// CONCATENATED MODULE: ./src/spec/env-name.ts
/**
 * The one home of the environment-name rules: how a spec name becomes a variable name, and
 * which names a port may never be exported as. `export-env`, the `run` input's environment and
 * the CLI's `--format env` (shell `eval`, GitLab dotenv) all apply these.
 */

/** The environment variable a spec is exported as: upper-cased, `-` becomes `_`. */
function env_name_envName(name) {
    return name.toUpperCase().replace(/-/g, '_');
}
/**
 * Variables a shell, a runtime, the runner or a later step depends on. A port exported under one
 * of them breaks the job in a way nobody would trace back to a port spec (`path=auto` puts a
 * number in PATH; `bash_env=auto` makes every later bash source a file named after a port).
 * Matched against the upper-cased name: environment names are case-insensitive on Windows, and
 * spec names are unique ignoring case, so the upper-cased form is the one that counts.
 */
const PROTECTED_ENV = new RegExp('^(?:' +
    [
        // the process and the user
        'PATH',
        'PATHEXT',
        'HOME',
        'USER',
        'LOGNAME',
        'SHELL',
        'PWD',
        'OLDPWD',
        'TMPDIR',
        'TEMP',
        'TMP',
        'LANG',
        'LANGUAGE',
        'LC_[A-Z0-9_]*',
        'TZ',
        'TERM',
        // shells: startup files, options, parsing, prompts
        'ENV',
        'BASH_ENV',
        'BASH_[A-Z0-9_]*',
        'SHELLOPTS',
        'BASHOPTS',
        'IFS',
        'PS[0-9]',
        'PROMPT_COMMAND',
        'CDPATH',
        'GLOBIGNORE',
        'HISTFILE',
        'ZDOTDIR',
        // Windows
        'COMSPEC',
        'SYSTEMROOT',
        'WINDIR',
        'USERPROFILE',
        'APPDATA',
        'LOCALAPPDATA',
        'PROGRAMDATA',
        'PSMODULEPATH',
        // the dynamic loader and runtimes' own switches
        'LD_[A-Z0-9_]*',
        'DYLD_[A-Z0-9_]*',
        '[A-Z0-9_]*_OPTIONS',
        'NODE_PATH',
        'NODE_ENV',
        'NODE_DEBUG',
        'NODE_EXTRA_CA_CERTS',
        'NODE_TLS_REJECT_UNAUTHORIZED',
        'NPM_CONFIG_[A-Z0-9_]*',
        'PYTHON[A-Z0-9_]*',
        'PERL5LIB',
        'PERL5OPT',
        'PERLLIB',
        'RUBYOPT',
        'RUBYLIB',
        'JAVA_HOME',
        'CLASSPATH',
        // tools that run other programs from the environment
        'GIT_[A-Z0-9_]*',
        'SSH_AUTH_SOCK',
        'SSH_ASKPASS',
        '(?:HTTP|HTTPS|FTP|ALL|NO)_PROXY',
        // CI systems and the runner protocol
        'CI',
        'CI_[A-Z0-9_]*',
        'GITLAB_[A-Z0-9_]*',
        'GITHUB_[A-Z0-9_]*',
        'RUNNER_[A-Z0-9_]*',
        'ACTIONS_[A-Z0-9_]*',
        'INPUT_[A-Z0-9_]*',
        'STATE_[A-Z0-9_]*',
    ].join('|') +
    ')$');
/** Whether a port may not be exported as `env` (an upper-cased name, see {@link envName}). */
function isProtectedEnvName(env) {
    return PROTECTED_ENV.test(env.toUpperCase());
}
/**
 * Every reason the spec names cannot all be exported: a protected variable, or two names that
 * become the same variable (`a-b` and `a_b` are both `A_B`). `why` says what exports them
 * ("export-env is true", "--format env"); `input` is the input the error is filed under.
 */
function envNameProblems(names, why, input = 'export-env') {
    const problems = [];
    const seen = new Map();
    for (const name of names) {
        const env = env_name_envName(name);
        if (isProtectedEnvName(env)) {
            problems.push(`ports: the name "${name}" would be exported as ${env} (${why}), a variable shells, tools or the runner rely on; rename it (e.g. "${name}-port")`);
        }
        const other = seen.get(env);
        if (other !== undefined)
            problems.push(`ports: the names "${other}" and "${name}" would both be exported as ${env} (${why}); rename one`);
        seen.set(env, name);
    }
    return problems.length > 0 ? [new input_error_InputError(input, problems)] : [];
}

;// CONCATENATED MODULE: ./src/spec/port-spec.ts

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const DIGITS = /^[0-9]+$/;
const PROTOCOLS = ['tcp', 'udp', 'both'];
/**
 * Output names the action writes for itself; a spec may not take them, or its port would
 * overwrite (or be overwritten by) them.
 */
const RESERVED_NAMES = ['port', 'ports', 'conflicts', 'fallback-used'];
/** The protocols a spec's port must be free on. */
function protocolsOf(protocol) {
    return protocol === 'both' ? ['tcp', 'udp'] : [protocol];
}
/** Splits a list input on commas, whitespace and newlines, dropping empty entries. */
function splitList(text) {
    return text.split(/[\s,]+/u).filter((token) => token.length > 0);
}
/**
 * Parses a decimal port 1–65535 written in ASCII digits only; anything else is undefined.
 * Leading zeros are allowed, any number of them: the value decides (`03000` and `000003000`
 * are both 3000), the same rule for specs, ranges, `who` and `release`.
 */
function parsePortNumber(text) {
    if (!DIGITS.test(text))
        return undefined;
    const digits = text.replace(/^0+(?=.)/, '');
    if (digits.length > 5)
        return undefined;
    const port = Number(digits);
    return port >= 1 && port <= 65535 ? port : undefined;
}
/**
 * Parses `PORT[/tcp|udp|both]` (protocol case-insensitive, `tcp` when absent) with the same port
 * rule as specs; undefined when it is not one.
 */
function parsePortTarget(text) {
    const match = /^([^/]*)(?:\/(tcp|udp|both))?$/i.exec(text.trim());
    const port = match ? parsePortNumber(match[1]) : undefined;
    if (!match || port === undefined)
        return undefined;
    return { port, protocol: (match[2] ?? 'tcp').toLowerCase() };
}
/** Says why `text` is not a port, for messages. */
function portProblem(text) {
    if (text === '')
        return 'the port is missing';
    if (/^-[0-9]+$/.test(text))
        return 'ports cannot be negative';
    if (DIGITS.test(text))
        return 'a port must be between 1 and 65535';
    return 'a port is a whole number written with the digits 0-9';
}
/**
 * Parses the `ports` input: specs `[name=]port[/protocol]` separated by commas, whitespace or
 * newlines. Collects every problem (one per bad token) before throwing one InputError.
 */
function parsePortSpecs(text, defaultProtocol, input = 'ports') {
    const problems = [];
    const specs = [];
    const tokens = splitList(text);
    if (tokens.length === 0) {
        throw new input_error_InputError(input, `${input}: no port given; expected specs like "3000", "web=3000", "dns=5353/udp" or "api=auto"`);
    }
    for (const token of tokens) {
        const parsed = parseOne(token, defaultProtocol);
        if (typeof parsed === 'string')
            problems.push(`${input}: "${token}": ${parsed}; expected [name=]port[/protocol], e.g. "web=3000/tcp" or "api=auto"`);
        else
            specs.push(parsed);
    }
    nameUnnamed(specs);
    problems.push(...duplicateProblems(specs, input));
    if (problems.length > 0)
        throw new input_error_InputError(input, problems);
    return specs;
}
function parseOne(token, defaultProtocol) {
    const eq = token.indexOf('=');
    const name = eq >= 0 ? token.slice(0, eq) : undefined;
    let rest = eq >= 0 ? token.slice(eq + 1) : token;
    if (name !== undefined) {
        if (name === '')
            return 'the name before "=" is empty';
        if (!NAME.test(name)) {
            return name.length > 64
                ? 'a name has at most 64 characters'
                : `the name "${name}" must start with a letter (A-Z, a-z) and contain only letters, digits, "_" or "-"`;
        }
        if (RESERVED_NAMES.includes(name.toLowerCase())) {
            return `the name "${name}" is taken by an output of its own (${RESERVED_NAMES.join(', ')})`;
        }
    }
    let protocol = defaultProtocol;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const proto = rest.slice(slash + 1);
        if (!PROTOCOLS.includes(proto)) {
            return `the protocol "${proto}" is not one of tcp, udp, both`;
        }
        protocol = proto;
        rest = rest.slice(0, slash);
    }
    if (rest.includes('='))
        return 'a spec has at most one "="';
    let port;
    if (rest === 'auto' || /^0+$/.test(rest)) {
        if (name === undefined)
            return '"auto" (or 0) needs a name, e.g. "api=auto"';
        port = 'auto';
    }
    else {
        const n = parsePortNumber(rest);
        if (n === undefined)
            return portProblem(rest);
        port = n;
    }
    return { name: name ?? `port-${port}`, port, protocol, token };
}
/**
 * An unnamed spec is `port-<port>`; when unnamed specs ask for the same port on TCP and on UDP
 * (`3001/tcp 3001/udp`, two port spaces), the UDP one is `port-<port>-udp`, so the user is
 * never told of a name clash they did not write.
 */
function nameUnnamed(specs) {
    const unnamed = specs.filter((s) => !s.token.includes('='));
    for (const spec of unnamed) {
        if (spec.protocol !== 'udp')
            continue;
        const tcpTwin = unnamed.some((s) => s !== spec && s.port === spec.port && s.protocol !== 'udp');
        if (tcpTwin)
            spec.name = `port-${spec.port}-udp`;
    }
}
function duplicateProblems(specs, input) {
    const problems = [];
    const names = new Map();
    const pairs = new Map();
    for (const spec of specs) {
        const key = spec.name.toLowerCase();
        const first = names.get(key);
        // Two unnamed specs of one port clash by name only because they ask for the same port.
        const unnamedTwins = first && !first.token.includes('=') && !spec.token.includes('=');
        if (first && !unnamedTwins) {
            problems.push(`${input}: "${spec.token}": the name "${spec.name}" is already used by "${first.token}" (names are unique, ignoring case)`);
            // One message per bad token: a repeated spec is reported for its name only.
            continue;
        }
        names.set(key, spec);
        if (spec.port === 'auto')
            continue;
        for (const protocol of protocolsOf(spec.protocol)) {
            const pair = `${spec.port}/${protocol}`;
            const other = pairs.get(pair);
            if (other && other !== spec) {
                problems.push(`${input}: "${spec.token}": port ${pair} is already requested by "${other.token}"`);
                break;
            }
            pairs.set(pair, spec);
        }
    }
    return problems;
}


;// CONCATENATED MODULE: ./src/spec/port-ranges.ts


/**
 * Parses `LO-HI` ranges (and, where `singles` is allowed, lone ports) separated by commas,
 * whitespace or newlines. Every bad token is reported.
 */
function parsePortRanges(text, input, singles) {
    const ranges = [];
    const problems = [];
    const expected = singles
        ? 'a port or a range LO-HI, e.g. "5432" or "8000-8100"'
        : 'a range LO-HI, e.g. "49152-65535"';
    const tokens = [];
    // Overlapping entries are almost always a typo in one of them: say so rather than merge.
    const add = (range, token) => {
        const i = ranges.findIndex((r) => range.lo <= r.hi && range.hi >= r.lo);
        if (i < 0) {
            ranges.push(range);
            tokens.push(token);
            return;
        }
        const other = ranges[i];
        const lo = Math.min(other.lo, range.lo);
        const hi = Math.max(other.hi, range.hi);
        problems.push(`${input}: "${token}" overlaps "${tokens[i]}"; list each port once, e.g. "${lo === hi ? lo : `${lo}-${hi}`}"`);
    };
    for (const token of splitList(text)) {
        const dash = token.indexOf('-', 1);
        if (dash < 0) {
            const port = parsePortNumber(token);
            if (port !== undefined && singles)
                add({ lo: port, hi: port }, token);
            else
                problems.push(`${input}: "${token}" is not ${expected} (ports are 1-65535)`);
            continue;
        }
        const lo = parsePortNumber(token.slice(0, dash));
        const hi = parsePortNumber(token.slice(dash + 1));
        if (lo === undefined || hi === undefined) {
            problems.push(`${input}: "${token}" is not ${expected} (ports are 1-65535)`);
        }
        else if (lo > hi) {
            problems.push(`${input}: "${token}" is reversed: the low end comes first, e.g. "${hi}-${lo}"`);
        }
        else {
            add({ lo, hi }, token);
        }
    }
    if (problems.length > 0)
        throw new input_error_InputError(input, problems);
    return ranges;
}
/** Sorts and merges overlapping or adjacent ranges. */
function normalizeRanges(ranges) {
    const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
    const out = [];
    for (const r of sorted) {
        const last = out[out.length - 1];
        if (last && r.lo <= last.hi + 1)
            last.hi = Math.max(last.hi, r.hi);
        else
            out.push({ ...r });
    }
    return out;
}
/** The ports of `ranges` that are not in `minus`. */
function subtractRanges(ranges, minus) {
    let out = normalizeRanges(ranges);
    for (const m of normalizeRanges(minus)) {
        const next = [];
        for (const r of out) {
            if (m.hi < r.lo || m.lo > r.hi) {
                next.push(r);
                continue;
            }
            if (r.lo < m.lo)
                next.push({ lo: r.lo, hi: m.lo - 1 });
            if (r.hi > m.hi)
                next.push({ lo: m.hi + 1, hi: r.hi });
        }
        out = next;
    }
    return out;
}
/** The ports in both. */
function intersectRanges(a, b) {
    const out = [];
    for (const x of normalizeRanges(a)) {
        for (const y of normalizeRanges(b)) {
            const lo = Math.max(x.lo, y.lo);
            const hi = Math.min(x.hi, y.hi);
            if (lo <= hi)
                out.push({ lo, hi });
        }
    }
    return normalizeRanges(out);
}
function countPorts(ranges) {
    return normalizeRanges(ranges).reduce((n, r) => n + r.hi - r.lo + 1, 0);
}
function inRanges(port, ranges) {
    return ranges.some((r) => port >= r.lo && port <= r.hi);
}
function formatRanges(ranges) {
    return normalizeRanges(ranges)
        .map((r) => (r.lo === r.hi ? `${r.lo}` : `${r.lo}-${r.hi}`))
        .join(', ');
}

;// CONCATENATED MODULE: ./src/allocate/candidate-ports.ts


/**
 * A seed string as sfc32's 128 bits of state: the first 16 bytes of its SHA-256. node:crypto is
 * loaded on every run anyway (the lease registry's tokens), so nothing is gained by hashing here.
 */
function hashSeed(seed) {
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(seed, 'utf8').digest();
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
    const n = countPorts(ranges);
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
    const allowed = subtractRanges(options.ranges, options.exclude);
    const inside = options.ephemeral ? intersectRanges(allowed, [options.ephemeral]) : [];
    const outside = options.ephemeral ? subtractRanges(allowed, [options.ephemeral]) : allowed;
    // Not a secret: an unseeded order only has to differ between concurrent jobs.
    const random = options.strategy === 'sequential'
        ? undefined
        : sfc32(options.seed === undefined
            ? [0, 1, 2, 3].map(() => (Math.random() * 2 ** 32) >>> 0)
            : hashSeed(options.seed));
    const parts = [walk(outside, random), walk(inside, random)];
    return {
        size: countPorts(allowed),
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

;// CONCATENATED MODULE: external "node:dgram"
const external_node_dgram_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dgram");
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(30);
;// CONCATENATED MODULE: ./src/probe/probe.ts


/** Codes that mean "out of resources": retried with less concurrency, never a verdict. */
const EXHAUSTION_CODES = new Set([
    'EMFILE',
    'ENFILE',
    'ENOBUFS',
    'ENOMEM',
]);
/**
 * How an error code from a bind reads on a platform (docs/probing.md, "What a bind error means").
 * EACCES is privilege on Linux (root or CAP_NET_BIND_SERVICE) and on macOS and the BSDs (root);
 * on Windows it is "reserved" only inside an excluded port range (`inExcludedRange`), and
 * otherwise a holder that refuses to share the port (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the
 * same address): in use, so its holder is looked up and `wait` may wait for it.
 */
function classifyBindError(code, platform, inExcludedRange = false) {
    switch (code) {
        case 'EADDRINUSE':
            return { verdict: 'in-use' };
        case 'EACCES':
            if (platform === 'win32')
                return inExcludedRange
                    ? { verdict: 'denied', reason: 'reserved' }
                    : { verdict: 'in-use', reason: 'exclusive' };
            return { verdict: 'denied', reason: platform === 'linux' ? 'privileged' : 'needs-root' };
        case 'EADDRNOTAVAIL':
        case 'EAFNOSUPPORT':
        case 'EINVAL':
            return { verdict: 'not-applicable' };
        default:
            return { verdict: 'unknown' };
    }
}
const probe_inRanges = (port, ranges) => ranges !== undefined && ranges.some((r) => port >= r.lo && port <= r.hi);
function verdictFor(port, target, err, platform, excluded) {
    // Plain literals: this runs once per probe, and spreads showed in the 1000-port profile.
    if (!err)
        return { address: target.address, family: target.family, verdict: 'free' };
    const base = { address: target.address, family: target.family };
    const code = err.code ?? 'UNKNOWN';
    const { verdict, reason } = classifyBindError(code, platform, code === 'EACCES' && probe_inRanges(port, excluded));
    // An address the user named must exist: "not applicable" would silently shrink the check.
    if (verdict === 'not-applicable' && target.explicit)
        return { ...base, verdict: 'unknown', code };
    return reason ? { ...base, verdict, code, reason } : { ...base, verdict, code };
}
/** Binds (and for TCP listens) exactly as a server would, then closes; resolves the bind error. */
function bindOnce(port, protocol, target) {
    return new Promise((resolve) => {
        // listen() would take anything else for a host name and look it up (ENOTFOUND at best).
        if ((0,external_node_net_.isIP)(target.address) !== target.family) {
            resolve(Object.assign(new Error(`not a literal IP address: ${target.address}`), { code: 'ENOTIP' }));
            return;
        }
        if (protocol === 'tcp') {
            const server = (0,external_node_net_.createServer)();
            // A probe never keeps the process alive (a test runner's, a library user's).
            server.unref();
            server.once('error', (err) => {
                server.close();
                resolve(err);
            });
            // exclusive: no handle sharing with cluster workers; never reusePort (docs/probing.md).
            server.listen({
                host: target.address,
                port,
                exclusive: true,
                ipv6Only: target.family === 6 && target.dualStack === false,
            }, () => {
                server.close(() => resolve(undefined));
            });
            return;
        }
        // No reuseAddr: with it a held UDP port looks free (docs/probing.md).
        const socket = (0,external_node_dgram_namespaceObject.createSocket)({
            type: target.family === 6 ? 'udp6' : 'udp4',
            ipv6Only: target.family === 6 && target.dualStack === false,
        });
        socket.unref();
        socket.once('error', (err) => {
            try {
                socket.close();
            }
            catch {
                // A socket that never bound may refuse close; there is nothing to release then.
            }
            resolve(err);
        });
        socket.bind({ port, address: target.address, exclusive: true }, () => {
            socket.close(() => resolve(undefined));
        });
    });
}
/**
 * Probes one port on one address. `excluded`: the Windows excluded port ranges, which decide
 * what an EACCES there means.
 */
async function probeAddress(port, protocol, target, platform = process.platform, excluded) {
    return verdictFor(port, target, await bindOnce(port, protocol, target), platform, excluded);
}
const isWildcard = (a) => a.address === '::' || a.address === '0.0.0.0';
/**
 * macOS has no privileged wildcard ports (since Mojave), but a specific address below 1024
 * still needs root: when every wildcard of the plan was free and a specific address then said
 * EACCES, the port is free for a server on the wildcard, and only a server on that address
 * needs root. Nothing is known about holders on that address, so it is not "free".
 */
function markWildcardOnly(addresses, platform) {
    if (platform !== 'darwin')
        return;
    const last = addresses[addresses.length - 1];
    if (!last || last.verdict !== 'denied' || last.reason !== 'needs-root' || isWildcard(last))
        return;
    const wildcards = addresses.filter(isWildcard);
    if (wildcards.length > 0 && wildcards.every((a) => a.verdict === 'free'))
        last.reason = 'wildcard-only';
}
/**
 * Combines per-address verdicts: free only when every applicable address was free and each
 * family that exists on the host had at least one applicable address.
 */
function combineVerdicts(addresses, plan, families) {
    const has = (kind) => addresses.some((a) => a.verdict === kind);
    if (has('in-use'))
        return 'in-use';
    if (has('denied'))
        return 'denied';
    if (has('unknown'))
        return 'unknown';
    let v4 = false;
    let v6 = false;
    addresses.forEach((a, i) => {
        if (a.verdict !== 'free')
            return;
        for (const f of plan[i]?.covers ?? [a.family]) {
            if (f === 4)
                v4 = true;
            else
                v6 = true;
        }
    });
    for (const family of families)
        if (!(family === 4 ? v4 : v6))
            return 'unknown';
    return v4 || v6 ? 'free' : 'unknown';
}
/**
 * Probes one port over a whole plan, one address after another: probes of the same port on
 * overlapping addresses collide with each other when run at the same time.
 */
async function probePort(port, protocol, plan, families, platform = process.platform, excluded) {
    const addresses = [];
    for (const target of plan) {
        const result = await probeAddress(port, protocol, target, platform, excluded);
        addresses.push(result);
        // Out of resources says nothing about the port: stop so the caller can retry it.
        if (result.verdict === 'in-use' ||
            result.verdict === 'denied' ||
            EXHAUSTION_CODES.has(result.code ?? ''))
            break;
    }
    markWildcardOnly(addresses, platform);
    return { port, protocol, verdict: combineVerdicts(addresses, plan, families), addresses };
}
/** Whether a verdict failed only for lack of file descriptors or memory. */
function isExhausted(verdict) {
    return verdict.addresses.some((a) => EXHAUSTION_CODES.has(a.code ?? ''));
}

;// CONCATENATED MODULE: ./src/probe/probe-pool.ts

const DEFAULT_CONCURRENCY = 48;
const MAX_EXHAUSTED_ROUNDS = 6;
/**
 * Probes many ports in parallel (each port's addresses one after another), in query order.
 * Ports that ran out of descriptors are retried at half the concurrency; still out after that,
 * they stay `unknown`, never `free`.
 */
async function probePorts(queries, plan, options = {}) {
    const platform = options.platform ?? plan.platform ?? process.platform;
    const results = new Array(queries.length);
    let pending = queries.map((_, i) => i);
    let concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    for (let round = 0; pending.length > 0; round++) {
        const retry = [];
        let next = 0;
        const worker = async () => {
            while (next < pending.length) {
                const index = pending[next++];
                const { port, protocol } = queries[index];
                const verdict = await probePort(port, protocol, plan.addressesFor(protocol), plan.families, platform, plan.excluded);
                results[index] = verdict;
                if (isExhausted(verdict) && round < MAX_EXHAUSTED_ROUNDS)
                    retry.push(index);
            }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
        pending = retry.sort((a, b) => a - b);
        concurrency = Math.max(1, Math.floor(concurrency / 2));
    }
    return results;
}

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
            const protocols = protocolsOf(spec.protocol);
            // Same-protocol needs are served from one batch; a little slack absorbs busy candidates
            // (each extra candidate costs a lease: about 0.3 ms, `node bench/lease-bench.mjs`).
            const group = waiting.filter((s) => s.protocol === spec.protocol);
            const batch = pool.take(Math.min(DEFAULT_CONCURRENCY * 4, group.length + Math.max(2, group.length >> 4)));
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
        const queries = handed.flatMap((a) => protocolsOf(a.protocol).map((protocol) => ({ port: a.port, protocol })));
        const verdicts = await probe(queries);
        const lost = handed.filter((a) => verdicts.some((v) => v.port === a.port && v.verdict !== 'free'));
        for (const a of lost)
            await book.drop(a.port, protocolsOf(a.protocol));
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
var lookup = __nccwpck_require__(421);
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
        for (const protocol of protocolsOf(spec.protocol)) {
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
        await book.drop(spec.port, protocolsOf(spec.protocol));
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

// EXTERNAL MODULE: ./src/system/error-code.ts + 1 modules
var error_code = __nccwpck_require__(764);
;// CONCATENATED MODULE: ./src/system/system-error.ts
/**
 * "port-guard itself could not work" (exit code 3): the process ran out of file descriptors,
 * the disk is full, a system file cannot be read. Not the user's input and not a busy port, so
 * the fronts report it as one line naming the cause, apart from conflicts (1) and input
 * errors (2).
 */

/** Codes that say the machine, not the request, is the problem, and what each means. */
const EXHAUSTED = {
    EMFILE: 'out of file descriptors',
    ENFILE: 'the system is out of file descriptors',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENOMEM: 'out of memory',
    ENOBUFS: 'out of buffer space',
};
/** Whether `error` is the machine running out of something (see {@link EXHAUSTED}). */
function isResourceExhausted(error) {
    const code = (0,error_code/* errorCode */.CA)(error);
    return code !== undefined && code in EXHAUSTED;
}
class SystemError extends Error {
    name = 'SystemError';
    /** The fronts' exit code for it (report/failure.ts reads it). */
    exitCode = 3;
    /** The system error code behind it (`EMFILE`, `ENOSPC`, `EACCES` …). */
    code;
    constructor(message, code, options) {
        super(message, options);
        this.code = code;
    }
}
/**
 * A SystemError for `error` met while `doing` something ("creating lease file /tmp/…"), e.g.
 * "could not work: out of file descriptors (EMFILE) while creating lease file …" (the fronts
 * put "port-guard: " before it).
 */
function systemError(error, doing) {
    if (error instanceof SystemError)
        return error;
    const code = (0,error_code/* errorCode */.CA)(error) ?? 'EUNKNOWN';
    const what = EXHAUSTED[code] ?? (error instanceof Error ? error.message : String(error));
    return new SystemError(`could not work: ${what} (${code}) while ${doing}`, code, {
        cause: error,
    });
}
/**
 * `error` as it should be thrown on: a resource-exhaustion error becomes a {@link SystemError}
 * naming what was being done, anything else stays as it is.
 */
function asSystemError(error, doing) {
    return isResourceExhausted(error) ? systemError(error, doing) : error;
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
        await cancellation_checkpoint(deps.signal);
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
    const code = verdict.addresses.find((a) => a.code && EXHAUSTION_CODES.has(a.code))?.code;
    const error = Object.assign(new Error(code ?? 'EMFILE'), { code: code ?? 'EMFILE' });
    return systemError(error, `probing ${verdict.protocol} port ${verdict.port}`);
}
async function allocate(config, deps, book) {
    const sleep = deps.sleep ?? ((ms) => abortableSleep(ms, deps.signal));
    const now = deps.now ?? Date.now;
    const probe = async (queries) => {
        await cancellation_checkpoint(deps.signal);
        const verdicts = await probePorts(queries, deps.plan, {
            concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
        });
        await cancellation_checkpoint(deps.signal);
        // Still out of descriptors after the pool's retries: the host, not the port, is the problem.
        const starved = verdicts.find(isExhausted);
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
        const where = `fallback-range ${formatRanges(config.fallbackRanges)}${config.exclude.length ? ` (exclude: ${formatRanges(config.exclude)})` : ''}`;
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: ./src/system/run-tool.ts + 1 modules
var run_tool = __nccwpck_require__(56);
// EXTERNAL MODULE: ./src/system/find-tool.ts
var find_tool = __nccwpck_require__(777);
;// CONCATENATED MODULE: ./src/system/windows-port-ranges.ts



/**
 * Parses `netsh int ipv4 show excludedportrange protocol=tcp`. Headers are localized, so rows are
 * recognized by shape: two port numbers, optionally followed by `*` (administered exclusion).
 */
function parseWindowsExcludedRanges(text) {
    const out = [];
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*(\d{1,5})\s+(\d{1,5})\s*\*?\s*$/.exec(line);
        if (!m)
            continue;
        const lo = Number(m[1]);
        const hi = Number(m[2]);
        if (lo >= 1 && hi <= 65535 && lo <= hi)
            out.push({ lo, hi });
    }
    return normalizeRanges(out);
}
const TOOL_TIMEOUT_MS = 3000;
/** The output of a system tool, or undefined when it did not answer with success. */
async function toolOutput(run, file, args) {
    // Console code pages are not UTF-8; the numbers read here are ASCII.
    const result = await run(file, args, { timeoutMs: TOOL_TIMEOUT_MS, encoding: 'latin1' });
    return result.code === 0 ? result.stdout : undefined;
}
/**
 * Windows excluded port ranges for the given protocols, IPv4 and IPv6 (`netsh int ipv4|ipv6
 * show excludedportrange protocol=tcp|udp`, by absolute System32 path). An output that cannot
 * be read adds nothing.
 */
async function readWindowsExcludedRanges(protocols, run = run_tool/* runTool */.q) {
    const outputs = await Promise.all(protocols.flatMap((protocol) => ['ipv4', 'ipv6'].map((ip) => toolOutput(run, (0,find_tool/* windowsSystemTool */.xW)('netsh'), [
        'int',
        ip,
        'show',
        'excludedportrange',
        `protocol=${protocol}`,
    ]))));
    return normalizeRanges(outputs.flatMap((text) => parseWindowsExcludedRanges(text ?? '')));
}

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
    return normalizeRanges(out);
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
        return await (0,promises_namespaceObject.readFile)(path, 'utf8');
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
                ? `ephemeral range ${formatRanges([ephemeral])} (ip_local_port_range)`
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
            `ephemeral range: ${what} could not be read; assuming ${formatRanges([IANA_DYNAMIC_RANGE])}`,
        ],
    });
    if (platform === 'win32') {
        const netsh = (0,find_tool/* windowsSystemTool */.xW)('netsh');
        const [dynamic, reserved] = await Promise.all([
            Promise.all(protocols.map(async (protocol) => {
                const text = await toolOutput(run, netsh, ['int', 'ipv4', 'show', 'dynamicport', protocol]);
                return text === undefined ? undefined : parseWindowsDynamicPortRange(text);
            })),
            sources.excluded ? [...sources.excluded] : readWindowsExcludedRanges(protocols, run),
        ]);
        const read = dynamic.filter((r) => r !== undefined);
        const ephemeral = read.length === dynamic.length ? hull(read) : undefined;
        const base = ephemeral
            ? {
                ephemeral,
                notes: [`ephemeral range ${formatRanges([ephemeral])} (netsh int ipv4 show dynamicport)`],
            }
            : fallback('netsh int ipv4 show dynamicport');
        return {
            ...base,
            reserved,
            notes: [
                ...base.notes,
                `excluded port ranges: ${reserved.length > 0 ? formatRanges(reserved) : 'none'}`,
            ],
        };
    }
    if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd') {
        // Never a bare name: look it up nowhere, /usr/sbin/sysctl (macOS) or /sbin/sysctl (BSD).
        const sysctl = platform === 'darwin' ? '/usr/sbin/sysctl' : '/sbin/sysctl';
        const text = await toolOutput(run, sysctl, [
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
            notes: [`ephemeral range ${formatRanges([ephemeral])} (sysctl net.inet.ip.portrange)`],
        };
    }
    return { ...fallback(`the ${platform} ephemeral range`), reserved: [] };
}

// EXTERNAL MODULE: ./src/probe/ip-address.ts
var ip_address = __nccwpck_require__(28);
;// CONCATENATED MODULE: ./src/probe/local-addresses.ts



/** Whether an IPv6 address is link-local (fe80::/10): a server binds it only with a zone. */
function isLinkLocal(address) {
    return /^fe[89ab][0-9a-f]:/i.test(address);
}
/**
 * The literal address a server would bind to reach this interface address. Link-local IPv6
 * needs its zone: the interface name on Linux and macOS (`fe80::1%en0`), but the numeric scope
 * id on Windows (`fe80::1%12`): libuv reads the zone there with `atoi()`, and Windows names such
 * as `vEthernet (nat)` are not even valid zones. Undefined when there is no zone to give.
 */
function bindable(info, iface, platform) {
    if (info.family !== 'IPv6' || !isLinkLocal(info.address))
        return info.address;
    const bare = info.address.replace(/%.*$/, '');
    if (platform === 'win32') {
        const scope = info.scopeid;
        return scope !== undefined && Number.isInteger(scope) && scope > 0
            ? `${bare}%${scope}`
            : undefined;
    }
    return `${bare}%${iface}`;
}
/**
 * Every address of this host's interfaces that a probe can bind, and the ones it cannot: an
 * address `net.isIP()` rejects never reaches `listen()`, which would take it for a host name,
 * look it up and fail with ENOTFOUND. (`os.networkInterfaces()` lists only interfaces that are
 * up: addresses of interfaces that are down are not probed.)
 */
function interfaceAddressPlan(interfaces = (0,external_node_os_.networkInterfaces)(), platform = process.platform) {
    const addresses = [];
    const skipped = [];
    for (const [iface, infos] of Object.entries(interfaces)) {
        for (const info of infos ?? []) {
            const family = info.family === 'IPv6' ? 6 : 4;
            const address = bindable(info, iface, platform);
            if (address === undefined) {
                skipped.push({
                    address: info.address,
                    interface: iface,
                    why: 'link-local without a scope id',
                });
            }
            else if ((0,external_node_net_.isIP)(address) !== family) {
                skipped.push({ address, interface: iface, why: 'not a literal IP address (net.isIP)' });
            }
            else {
                addresses.push({ address, family });
            }
        }
    }
    return { addresses, skipped };
}
/** Every address of this host's interfaces that a probe can bind, as probe addresses. */
function interfaceAddresses(interfaces = (0,external_node_os_.networkInterfaces)(), platform = process.platform) {
    return interfaceAddressPlan(interfaces, platform).addresses;
}
/**
 * Whether a server on this host could bind `address`: a wildcard, an interface address, or
 * anything in 127.0.0.0/8 on Linux and Windows, whose loopback answers the whole block (macOS
 * answers only the addresses configured on lo0, which are interface addresses).
 */
function isLocalAddress(address, platform = process.platform, interfaces = (0,external_node_os_.networkInterfaces)()) {
    const canonical = (0,ip_address/* canonicalAddress */.Z)(address);
    if (canonical === '0.0.0.0' || canonical === '::')
        return true;
    if ((platform === 'linux' || platform === 'win32') &&
        (0,external_node_net_.isIP)(address) === 4 &&
        address.startsWith('127.'))
        return true;
    return interfaceAddresses(interfaces, platform).some((a) => {
        const known = (0,ip_address/* canonicalAddress */.Z)(a.address);
        // A link-local address may be named with or without its scope.
        return known === canonical || known.replace(/%.*$/, '') === canonical;
    });
}

;// CONCATENATED MODULE: ./src/probe/probe-plan.ts







const DUAL_STACK = { address: '::', family: 6, dualStack: true };
/**
 * The full address set of docs/probing.md, in order: `::` (dual-stack), `0.0.0.0`, `127.0.0.1`,
 * `::1`, then every interface address. Required on macOS and Windows, where a wildcard probe
 * misses a holder on a specific address.
 */
function fullAddressSet(interfaces) {
    const out = [];
    const seen = new Set();
    const base = [
        DUAL_STACK,
        { address: '0.0.0.0', family: 4 },
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
    ];
    for (const a of [...base, ...interfaces]) {
        const key = (0,ip_address/* canonicalAddress */.Z)(a.address);
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ address: a.address, family: a.family, ...(a.dualStack ? { dualStack: true } : {}) });
    }
    return out;
}
/** Builds the plan from what is known; pure, so every platform's plan is testable here. */
function buildProbePlan(inputs) {
    if (inputs.hosts !== 'all') {
        const named = inputs.hosts.map((address) => {
            const family = (0,external_node_net_.isIP)(address) === 6 ? 6 : 4;
            const wildcard = (0,ip_address/* canonicalAddress */.Z)(address) === '::';
            return { address, family, explicit: true, ...(wildcard ? { dualStack: true } : {}) };
        });
        const families = new Set(named.map((a) => a.family));
        return makePlan(named, named, families, `the named hosts ${inputs.hosts.join(', ')}`, inputs.excluded, inputs.platform);
    }
    const families = new Set(inputs.interfaces.map((a) => a.family));
    const full = fullAddressSet(inputs.interfaces);
    const short = [{ ...DUAL_STACK, covers: [4, 6] }];
    const linux = inputs.platform === 'linux';
    const tcp = linux && inputs.coverage?.tcp ? short : full;
    const udp = linux && inputs.coverage?.udp ? short : full;
    const what = (list) => list === short
        ? 'dual-stack :: (self-test passed)'
        : `${list.length} addresses (${list.map((a) => a.address).join(', ')})`;
    let description = `tcp: ${what(tcp)}; udp: ${what(udp)}`;
    for (const s of inputs.skipped ?? [])
        description += `; not probed: ${s.address} on ${s.interface} (${s.why})`;
    return makePlan(tcp, udp, families, description, inputs.excluded, inputs.platform);
}
function makePlan(tcp, udp, families, description, excluded, platform) {
    return {
        tcp,
        udp,
        families,
        description,
        addressesFor: (protocol) => (protocol === 'tcp' ? tcp : udp),
        ...(excluded ? { excluded } : {}),
        platform,
    };
}
function holdTcp(address) {
    return new Promise((resolve) => {
        const server = (0,external_node_net_.createServer)();
        server.once('error', () => resolve(undefined));
        server.listen({ host: address, port: 0, exclusive: true }, () => {
            resolve({ port: server.address().port, close: () => server.close() });
        });
    });
}
function holdUdp(address, family) {
    return new Promise((resolve) => {
        const socket = (0,external_node_dgram_namespaceObject.createSocket)(family === 6 ? 'udp6' : 'udp4');
        socket.once('error', () => {
            socket.close();
            resolve(undefined);
        });
        socket.bind({ port: 0, address, exclusive: true }, () => {
            resolve({ port: socket.address().port, close: () => socket.close() });
        });
    });
}
async function wildcardSeesHolder(protocol, address, family) {
    const holder = protocol === 'tcp' ? await holdTcp(address) : await holdUdp(address, family);
    if (!holder)
        return false;
    try {
        const verdict = await probeAddress(holder.port, protocol, DUAL_STACK);
        return verdict.verdict === 'in-use';
    }
    finally {
        holder.close();
    }
}
const measured = new Map();
/**
 * The start-up self-test of docs/probing.md: hold a loopback socket of each family on a scratch port
 * the OS picks, and see whether the dual-stack wildcard probe collides with it. Only a plan that
 * passed it may be shortened.
 */
async function measureWildcardCoverage(protocols = ['tcp', 'udp']) {
    const covers = (protocol) => {
        // The kernel's rule does not change while a process runs: measure once per protocol.
        let known = measured.get(protocol);
        if (!known) {
            known = (async () => (await wildcardSeesHolder(protocol, '127.0.0.1', 4)) &&
                (await wildcardSeesHolder(protocol, '::1', 6)))();
            measured.set(protocol, known);
        }
        return known;
    };
    // A protocol nobody asked for is not measured, and its plan stays full.
    return {
        tcp: protocols.includes('tcp') ? await covers('tcp') : false,
        udp: protocols.includes('udp') ? await covers('udp') : false,
    };
}
/** The plan for this host: self-tested on Linux (for the protocols in use), full elsewhere. */
async function createProbePlan(hosts, platform = process.platform, protocols = ['tcp', 'udp'], sources = {}) {
    const [coverage, excluded] = await Promise.all([
        platform === 'linux' && hosts === 'all'
            ? measureWildcardCoverage(protocols)
            : Promise.resolve(undefined),
        platform === 'win32'
            ? (sources.excluded ?? readWindowsExcludedRanges(protocols))
            : Promise.resolve(undefined),
    ]);
    const { addresses, skipped } = interfaceAddressPlan((sources.networkInterfaces ?? external_node_os_.networkInterfaces)(), platform);
    return buildProbePlan({
        platform,
        interfaces: addresses,
        hosts,
        ...(coverage ? { coverage } : {}),
        ...(skipped.length > 0 ? { skipped } : {}),
        ...(excluded ? { excluded } : {}),
    });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/lease/lease-dir.ts





/**
 * Where leases live unless `lease-dir` says otherwise: one directory for the whole host, never
 * `os.tmpdir()` (per user on macOS and Windows, so runners of two users would not see each
 * other's leases): `/tmp/port-guard`, or `%ProgramData%\port-guard` on Windows.
 */
function lease_dir_defaultLeaseDir(platform = process.platform, env = process.env) {
    if (platform !== 'win32')
        return '/tmp/port-guard';
    const programData = env.ProgramData ?? env.PROGRAMDATA;
    const base = programData && external_node_path_default().win32.isAbsolute(programData) ? programData : 'C:\\ProgramData';
    return external_node_path_default().win32.join(base, 'port-guard');
}
/** Like /tmp: everyone may create files, only a file's owner may delete or rename it. */
const SHARED_DIR_MODE = 0o1777;
const STICKY = 0o1000;
/**
 * Throws `InputError('lease-dir')` for a path that cannot name the host-wide directory: empty,
 * or relative (it would resolve into each job's own working directory, where no other job
 * looks, so leases would coordinate nothing).
 */
function checkLeaseDirPath(dir, platform = process.platform) {
    if (dir.trim() === '') {
        throw new input_error_InputError('lease-dir', `lease-dir is empty; give a directory path (default: ${lease_dir_defaultLeaseDir(platform)}).`);
    }
    const pathOf = platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    if (!pathOf.isAbsolute(dir)) {
        throw new input_error_InputError('lease-dir', `lease-dir: "${dir}" is a relative path; give an absolute path that every job on the host uses (default: ${lease_dir_defaultLeaseDir(platform)}).`);
    }
}
async function lstatIfExists(dir) {
    try {
        return await (0,promises_namespaceObject.lstat)(dir);
    }
    catch (error) {
        if ((0,error_code/* errorCode */.CA)(error) === 'ENOENT')
            return undefined;
        throw refuse(error, `inspecting "${dir}"`, `cannot inspect "${dir}": ${(0,error_code/* errorCode */.CA)(error)}`);
    }
}
/** An InputError naming lease-dir, unless the machine itself ran out of something. */
function refuse(error, doing, message) {
    const system = asSystemError(error, doing);
    return system !== error ? system : new input_error_InputError('lease-dir', `lease-dir: ${message}`);
}
/** This process's uid, or undefined where the OS has none (Windows). */
function callerUid() {
    return typeof process.getuid === 'function' ? process.getuid() : undefined;
}
/**
 * Throws an `InputError('lease-dir')` when `dir` (already lstat-ed as `stats`) is not safe to
 * hold leases: a symbolic link (never followed: it could point anywhere another user likes),
 * not a directory, writable by group/others without the sticky bit (anyone could then delete
 * or replace other users' leases), or owned by someone other than root or the caller (its
 * owner may delete or rename any file in it, sticky or not).
 */
function assertSafeLeaseDir(dir, stats) {
    if (stats.isSymbolicLink()) {
        throw new input_error_InputError('lease-dir', `lease-dir "${dir}" is a symbolic link; port-guard does not follow it. ` +
            `Use the real directory it points to, or a plain directory (default: ${lease_dir_defaultLeaseDir()}).`);
    }
    if (!stats.isDirectory()) {
        throw new input_error_InputError('lease-dir', `lease-dir "${dir}" exists but is not a directory; give a directory path ` +
            `(default: ${lease_dir_defaultLeaseDir()}).`);
    }
    // Windows has no such permission bits or uids; its ACLs are left to the runner's setup.
    if (process.platform === 'win32')
        return;
    if ((stats.mode & 0o022) !== 0 && (stats.mode & STICKY) === 0) {
        const mode = (stats.mode & 0o7777).toString(8).padStart(4, '0');
        throw new input_error_InputError('lease-dir', `lease-dir "${dir}" is writable by group or others (mode ${mode}) without the sticky bit, ` +
            `so any local user could delete or replace leases; run \`chmod +t\` on it (mode 1777, ` +
            `like /tmp) or use a directory only the runner users can write.`);
    }
    const uid = callerUid();
    if (uid !== undefined && stats.uid !== 0 && stats.uid !== uid) {
        throw new input_error_InputError('lease-dir', `lease-dir "${dir}" is owned by uid ${stats.uid}, neither root nor this user (uid ${uid}); ` +
            `its owner could delete anyone's leases in it. Remove it (root creates it again on first ` +
            `use if it is the default), or give a directory owned by root or this user.`);
    }
}
/**
 * Makes sure `dir` exists and is safe (see {@link assertSafeLeaseDir}); creates it (never its
 * parent: a missing parent means a mistyped path or a host not set up as assumed) as a sticky,
 * world-writable directory (mode 1777, like /tmp) so runners of other users on the host can
 * share it. Returns the path.
 */
async function openLeaseDir(dir) {
    checkLeaseDirPath(dir);
    const abs = external_node_path_default().normalize(dir);
    let stats = await lstatIfExists(abs);
    if (!stats) {
        const parent = external_node_path_default().dirname(abs);
        if (!(await lstatIfExists(parent))) {
            throw new input_error_InputError('lease-dir', `lease-dir "${abs}": its parent directory "${parent}" does not exist; port-guard creates ` +
                `only the lease dir itself. Create the parent, or give a lease-dir whose parent exists.`);
        }
        try {
            await (0,promises_namespaceObject.mkdir)(abs, { mode: SHARED_DIR_MODE });
            // mkdir's mode passes through the umask; the sharing bits must be exact.
            if (process.platform !== 'win32')
                await (0,promises_namespaceObject.chmod)(abs, SHARED_DIR_MODE);
        }
        catch (error) {
            // Another allocator created it at the same moment: validate theirs below.
            if ((0,error_code/* errorCode */.CA)(error) !== 'EEXIST') {
                const code = (0,error_code/* errorCode */.CA)(error) ?? String(error);
                throw refuse(error, `creating lease-dir "${abs}"`, `cannot create "${abs}": ${code}`);
            }
        }
        stats = await (0,promises_namespaceObject.lstat)(abs);
    }
    assertSafeLeaseDir(abs, stats);
    try {
        await (0,promises_namespaceObject.access)(abs, promises_namespaceObject.constants.W_OK | promises_namespaceObject.constants.X_OK);
    }
    catch (error) {
        throw new input_error_InputError('lease-dir', `lease-dir "${abs}" is not writable by this user (${(0,error_code/* errorCode */.CA)(error)}); make it mode 1777 ` +
            `or give a directory this user can write.`);
    }
    return abs;
}
/**
 * The names in an existing lease dir, for readers from outside a registry (release, who):
 * none when the dir does not exist; an unsafe dir is refused as {@link openLeaseDir} refuses it.
 */
async function leaseDirNames(abs) {
    try {
        assertSafeLeaseDir(abs, await (0,promises_namespaceObject.lstat)(abs));
        return (await (0,promises_namespaceObject.readdir)(abs)).sort();
    }
    catch (error) {
        if ((0,error_code/* errorCode */.CA)(error) === 'ENOENT')
            return [];
        throw error;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./src/spec/config.ts









/** Every input of action.yml with its default; the CLI mirrors them as `--<name>`. */
const INPUT_DEFAULTS = {
    ports: '',
    protocol: 'tcp',
    'on-conflict': 'fail',
    'fallback-range': '49152-65535',
    'fallback-strategy': 'random',
    exclude: '',
    hosts: 'all',
    wait: '0',
    seed: '',
    'export-env': 'false',
    lease: 'true',
    'lease-dir': '',
    'lease-ttl': '21600',
    summary: 'true',
};
const MAX_WAIT_SECONDS = 3600;
const MAX_LEASE_TTL_SECONDS = 7 * 24 * 3600;
function oneOf(raw, input, allowed) {
    if (allowed.includes(raw))
        return raw;
    throw new input_error_InputError(input, `${input}: "${raw}" is not one of ${allowed.join(', ')}`);
}
/** Accepts the spellings `core.getBooleanInput` accepts. */
function parseBoolean(raw, input) {
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new input_error_InputError(input, `${input}: "${raw}" is not a boolean; expected true or false`);
}
function parseSeconds(raw, input, min, max) {
    if (!/^[0-9]+(\.[0-9]{1,3})?$/.test(raw)) {
        throw new input_error_InputError(input, `${input}: "${raw}" is not a number of seconds; expected a number from ${min} to ${max}, e.g. "30"`);
    }
    const value = Number(raw);
    if (value < min || value > max) {
        throw new input_error_InputError(input, `${input}: ${raw} is out of range; expected ${min} to ${max} seconds`);
    }
    return value;
}
/** An IPv6 link-local (fe80::/10) address written without `%scope`. */
function isUnscopedLinkLocal(address) {
    return !address.includes('%') && /^fe[89ab][0-9a-f]?:/i.test(address);
}
function parseHosts(raw) {
    if (raw === 'all')
        return 'all';
    const tokens = splitList(raw);
    if (tokens.length === 0)
        throw new input_error_InputError('hosts', 'hosts: empty; expected "all" or literal IP addresses, e.g. "127.0.0.1, ::1"');
    const problems = [];
    const hosts = [];
    for (const token of tokens) {
        if ((0,external_node_net_.isIP)(token) === 0) {
            problems.push(`hosts: "${token}" is not a literal IP address; host names are refused because they resolve differently across hosts (write e.g. "127.0.0.1" or "::1")`);
        }
        else if ((0,external_node_net_.isIP)(token) === 6 && isUnscopedLinkLocal(token)) {
            // The scoped spellings of this very address, when the host has it.
            const scopes = interfaceAddresses()
                .map((a) => a.address)
                .filter((a) => a.includes('%') && (0,ip_address/* canonicalAddress */.Z)(a.replace(/%.*$/, '')) === (0,ip_address/* canonicalAddress */.Z)(token));
            problems.push(`hosts: "${token}" is a link-local address without a scope; one fe80:: address can exist on every interface, so name the interface (e.g. "${scopes[0] ?? `${token}%eth0`}")`);
        }
        else if (!isLocalAddress(token)) {
            const known = interfaceAddresses().map((a) => a.address);
            problems.push(`hosts: "${token}" is not an address of this host (it has ${known.join(', ')}, and the wildcards 0.0.0.0 and ::)`);
        }
        else if (hosts.some((h) => (0,ip_address/* canonicalAddress */.Z)(h) === (0,ip_address/* canonicalAddress */.Z)(token))) {
            problems.push(`hosts: "${token}" is listed twice`);
        }
        else {
            hosts.push(token);
        }
    }
    if (problems.length > 0)
        throw new input_error_InputError('hosts', problems);
    return hosts;
}
/**
 * Turns raw option strings into one validated Config. Every input is checked and every problem
 * reported together; nothing here opens a socket or touches the lease directory.
 */
function parseConfig(raw, options = {}) {
    const get = (name) => {
        const value = raw[name]?.trim();
        return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value;
    };
    const errors = [];
    const attempt = (fn) => {
        try {
            return fn();
        }
        catch (err) {
            if (err instanceof input_error_InputError) {
                errors.push(err);
                return undefined;
            }
            throw err;
        }
    };
    const protocol = attempt(() => oneOf(get('protocol'), 'protocol', ['tcp', 'udp', 'both']));
    const specs = attempt(() => {
        if (get('ports') === '') {
            throw new input_error_InputError('ports', 'ports: required; expected specs like "3000", "web=3000", "dns=5353/udp" or "api=auto"');
        }
        return parsePortSpecs(get('ports'), protocol ?? 'tcp');
    });
    const onConflict = attempt(() => oneOf(get('on-conflict'), 'on-conflict', ['fail', 'fallback', 'warn']));
    const fallbackRanges = attempt(() => {
        const ranges = parsePortRanges(get('fallback-range'), 'fallback-range', false);
        if (ranges.length === 0)
            throw new input_error_InputError('fallback-range', 'fallback-range: empty; expected one or more ranges LO-HI, e.g. "49152-65535"');
        return ranges;
    });
    const fallbackStrategy = attempt(() => oneOf(get('fallback-strategy'), 'fallback-strategy', [
        'random',
        'sequential',
    ]));
    const exclude = attempt(() => parsePortRanges(get('exclude'), 'exclude', true));
    const hosts = attempt(() => parseHosts(get('hosts')));
    const waitSeconds = attempt(() => parseSeconds(get('wait'), 'wait', 0, MAX_WAIT_SECONDS));
    const seed = get('seed');
    if (seed.length > 256)
        errors.push(new input_error_InputError('seed', `seed: ${seed.length} characters; at most 256`));
    const exportEnv = attempt(() => parseBoolean(get('export-env'), 'export-env'));
    const lease = attempt(() => parseBoolean(get('lease'), 'lease'));
    const leaseTtlSeconds = attempt(() => {
        const ttl = parseSeconds(get('lease-ttl'), 'lease-ttl', 1, MAX_LEASE_TTL_SECONDS);
        if (!Number.isInteger(ttl))
            throw new input_error_InputError('lease-ttl', `lease-ttl: "${get('lease-ttl')}" must be a whole number of seconds`);
        return ttl;
    });
    const summary = attempt(() => parseBoolean(get('summary'), 'summary'));
    const leaseDir = get('lease-dir');
    if (leaseDir !== '')
        attempt(() => checkLeaseDirPath(leaseDir));
    if (fallbackRanges && exclude && subtractRanges(fallbackRanges, exclude).length === 0) {
        errors.push(new input_error_InputError('fallback-range', `fallback-range: every port of ${formatRanges(fallbackRanges)} is excluded by exclude (${formatRanges(exclude)}); nothing could ever be handed out`));
    }
    const exportWhy = exportEnv ? 'export-env is true' : options.exportsEnv;
    if (specs && exportWhy)
        errors.push(...envNameProblems(specs.map((s) => s.name), exportWhy, exportEnv ? 'export-env' : '--format'));
    if (errors.length > 0)
        throw new input_error_InputErrors(errors);
    return {
        specs: specs,
        onConflict: onConflict,
        fallbackRanges: fallbackRanges,
        fallbackStrategy: fallbackStrategy,
        exclude: exclude,
        hosts: hosts,
        waitSeconds: waitSeconds,
        seed: seed === '' ? undefined : seed,
        exportEnv: exportEnv,
        lease: lease,
        leaseDir: leaseDir === '' ? lease_dir_defaultLeaseDir() : (0,external_node_path_.normalize)(leaseDir),
        leaseTtlSeconds: leaseTtlSeconds,
        summary: summary,
    };
}

;// CONCATENATED MODULE: ./src/lease/no-follow-read.ts
/**
 * Reading a small file in the shared lease directory without trusting what is there: never
 * following a symbolic link, never blocking on a FIFO, never reading more than a lease can be.
 */


/** A real lease is a few hundred bytes; anything much larger is not ours. */
const MAX_FILE_BYTES = 64 * 1024;
// Absent on Windows (0 there): symbolic links are then caught by an lstat before opening.
const O_NOFOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
// A FIFO planted under a lease name would block a plain open for reading forever.
const O_NONBLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
/**
 * Reads a small file without following a symbolic link (O_NOFOLLOW, or an lstat first where
 * the platform has no O_NOFOLLOW) or blocking on a FIFO. Codes: ENOENT, ELOOP (a link; FreeBSD
 * says EMLINK), ENOTFILE (not a regular file), EFBIG (larger than a lease can be), or the
 * error's own.
 */
function readRaw(file) {
    let fd;
    try {
        if (O_NOFOLLOW === 0) {
            const stats = (0,external_node_fs_.lstatSync)(file);
            if (stats.isSymbolicLink())
                return { code: 'ELOOP', stats };
        }
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (error) {
        const code = (0,error_code/* errorCause */.ov)(error);
        return { code: code === 'EMLINK' ? 'ELOOP' : code };
    }
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            return { code: 'ENOTFILE', stats };
        if (stats.size > MAX_FILE_BYTES)
            return { code: 'EFBIG', stats };
        const buffer = Buffer.alloc(stats.size + 1);
        let length = 0;
        for (let n; length < buffer.length &&
            (n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n;
        // One byte more than fstat said means it grew while we read: not a finished lease.
        if (length > stats.size)
            return { code: 'EFBIG', stats };
        return { text: buffer.toString('utf8', 0, length), stats };
    }
    catch (error) {
        return { code: (0,error_code/* errorCause */.ov)(error) };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Reads a small file without following a symbolic link or blocking on a FIFO (see readRaw). */
async function readSmallFileNoFollow(file) {
    const read = readRaw(file);
    return 'text' in read ? { text: read.text } : { code: read.code };
}

;// CONCATENATED MODULE: ./src/lease/lease-file.ts
/**
 * One lease on disk: the file `<protocol>-<port>.lease` in the lease directory, holding a JSON
 * record. Creating it is the atomic "win" of a port; readers never follow symbolic links and
 * never mistake a lease being written for a corrupt one.
 */







/** Bumped when the file format changes incompatibly; other versions read as foreign. */
const LEASE_FORMAT_VERSION = 1;
/** The file name of the lease on (port, protocol), e.g. `tcp-5432.lease`. */
function lease_file_leaseFileName(port, protocol) {
    return `${protocol}-${port}.lease`;
}
/** The (port, protocol) a lease file name stands for; undefined for any other name. */
function parseLeaseFileName(name) {
    const match = /^(tcp|udp)-([1-9]\d{0,4})\.lease$/.exec(name);
    if (!match)
        return undefined;
    const port = Number(match[2]);
    if (port > 65535)
        return undefined;
    return { port, protocol: match[1] };
}
/** A new random lease token. */
function newLeaseToken() {
    return (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('hex');
}
/** The file text of a lease. */
function serializeLease(content) {
    const { version, port, protocol, owner, createdAt, expiresAt, token } = content;
    return `${JSON.stringify({ version, port, protocol, owner, createdAt, expiresAt, token })}\n`;
}
const OWNER_TEXT_FIELDS = [
    'id',
    'repository',
    'runId',
    'runAttempt',
    'job',
    'runner',
    'pidStart',
];
function parseOwner(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const raw = value;
    // pid 0: a lease that follows no process and lives until its TTL (see lease-owner.ts).
    if (typeof raw.pid !== 'number' || !Number.isSafeInteger(raw.pid) || raw.pid < 0)
        return undefined;
    const owner = { pid: raw.pid };
    for (const field of OWNER_TEXT_FIELDS) {
        const text = raw[field];
        if (text === undefined)
            continue;
        if (typeof text !== 'string')
            return undefined;
        owner[field] = text;
    }
    return owner;
}
/**
 * Parses lease file text; undefined (with the reason) unless it is a lease of this format
 * for exactly the (port, protocol) its name says.
 */
function parseLease(text, expected) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { reason: 'is not valid JSON' };
    }
    if (typeof raw !== 'object' || raw === null)
        return { reason: 'is not a JSON object' };
    const data = raw;
    if (data.version !== LEASE_FORMAT_VERSION) {
        return {
            reason: `has format version ${JSON.stringify(data.version)}, not ${LEASE_FORMAT_VERSION}`,
        };
    }
    if (data.port !== expected.port || data.protocol !== expected.protocol) {
        return {
            reason: `names ${String(data.protocol)} port ${String(data.port)}, not its own file name`,
        };
    }
    const owner = parseOwner(data.owner);
    if (!owner)
        return { reason: 'has no valid owner' };
    const { createdAt, expiresAt, token } = data;
    if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
        return { reason: 'has no valid createdAt' };
    if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
        return { reason: 'has no valid expiresAt' };
    if (typeof token !== 'string' || token === '')
        return { reason: 'has no token' };
    return {
        record: { port: expected.port, protocol: expected.protocol, owner, createdAt, expiresAt },
        token,
    };
}
const UNREADABLE_REASONS = {
    ELOOP: 'is a symbolic link (not followed)',
    ENOTFILE: 'is not a regular file',
    EFBIG: 'is too large to be a lease',
};
/**
 * No lease outlives the longest `lease-ttl` there is, counted from when its file was written,
 * whatever its text says: a hand-written (or clock-skewed) `expiresAt` far in the future must
 * not block a port forever. The earlier of mtime and ctime is taken: a future mtime can be set
 * by hand (`touch -d`), ctime cannot.
 */
function capExpiry(record, stats) {
    const written = Math.min(stats.mtimeMs, stats.ctimeMs);
    const latest = written + MAX_LEASE_TTL_SECONDS * 1000;
    return record.expiresAt > latest ? { ...record, expiresAt: latest } : record;
}
/** What is under a lease name, read without following a symbolic link. */
async function lease_file_readLeaseEntry(file, expected) {
    const read = readRaw(file);
    if ('code' in read && read.code === 'ENOENT')
        return { kind: 'missing' };
    let stats = read.stats;
    if (!stats) {
        try {
            stats = (0,external_node_fs_.lstatSync)(file);
        }
        catch (error) {
            if ((0,error_code/* errorCode */.CA)(error) === 'ENOENT')
                return { kind: 'missing' };
        }
    }
    const unreadable = (reason) => stats
        ? {
            kind: 'unreadable',
            reason,
            mtimeMs: stats.mtimeMs,
            identity: `${stats.dev}:${stats.ino}:${stats.mtimeMs}:${stats.size}`,
        }
        : // Cannot even see its time: treat it as brand new, so it stays held.
            { kind: 'unreadable', reason, mtimeMs: Date.now(), identity: `unknown:${reason}` };
    if ('code' in read) {
        return unreadable(UNREADABLE_REASONS[read.code] ?? `cannot be read (${read.code})`);
    }
    const parsed = parseLease(read.text, expected);
    if ('reason' in parsed)
        return unreadable(parsed.reason);
    return { kind: 'lease', record: capExpiry(parsed.record, read.stats), token: parsed.token };
}
/**
 * Creates `dir/name` holding `text` only if nothing is there yet; true when we created it,
 * false when something (anything, even a symbolic link) already has that name.
 *
 * Why write-then-link instead of `open(name, 'wx')` + write: with 'wx' the file exists empty
 * for a moment, and a reader then sees a "corrupt" lease. Here the text goes into a uniquely
 * named temporary file first ('wx' again, so never through a planted link), and `link()` gives
 * it the lease name in one step that fails with EEXIST if the name is taken, never replacing
 * or following what is there. Readers see either nothing or the complete lease.
 */
async function createExclusive(dir, name, text) {
    const temp = external_node_path_default().join(dir, `.${name}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
    const fd = (0,external_node_fs_.openSync)(temp, 'wx', 0o644);
    try {
        try {
            // Other users' runners must be able to read it, whatever our umask.
            if (process.platform !== 'win32')
                (0,external_node_fs_.fchmodSync)(fd, 0o644);
            (0,external_node_fs_.writeSync)(fd, text);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.linkSync)(temp, external_node_path_default().join(dir, name));
        return true;
    }
    catch (error) {
        if ((0,error_code/* errorCode */.CA)(error) === 'EEXIST')
            return false;
        throw error;
    }
    finally {
        try {
            (0,external_node_fs_.unlinkSync)(temp);
        }
        catch {
            // Already gone: nothing to clean up.
        }
    }
}

;// CONCATENATED MODULE: ./src/lease/lease-leftovers.ts
/**
 * Files a crashed allocator can leave in the lease directory: the temporary file a lease or
 * lock is written to before it is linked into place (`.<name>.<pid>.<random>.tmp`), and a lock
 * moved aside while being recovered (`.<name>.<pid>.<random>.stale`). They live microseconds
 * in normal operation and mean nothing to anyone; old ones are swept away.
 */


const LEFTOVER = /^\.(tcp|udp)-\d+\.(lease|lock)\.\d+\.[0-9a-f]+\.(tmp|stale)$/;
/** Older than this, a leftover cannot belong to an operation still in progress. */
const LEFTOVER_AGE_MS = 10 * 60_000;
/**
 * Removes leftovers older than {@link LEFTOVER_AGE_MS} (only those this user may remove: the
 * directory is sticky). Returns the names removed. Never throws.
 */
async function sweepLeftovers(dir, now = Date.now()) {
    const removed = [];
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(dir);
    }
    catch {
        return removed;
    }
    for (const name of names) {
        if (!LEFTOVER.test(name))
            continue;
        const file = external_node_path_default().join(dir, name);
        try {
            const stats = await (0,promises_namespaceObject.lstat)(file);
            if (now - stats.mtimeMs < LEFTOVER_AGE_MS)
                continue;
            await (0,promises_namespaceObject.unlink)(file);
            removed.push(name);
        }
        catch {
            // Gone already, or another user's: not ours to worry about.
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/lease/process-identity.ts
/**
 * Who a process is, beyond its pid: a pid is reused once its process exits, so a lease names
 * its owner by pid AND start time, and an owner whose pid now belongs to a younger process is
 * dead.
 */



/**
 * The state and start time (field 3 and field 22) of a `/proc/<pid>/stat` line. The command
 * name (field 2) may itself contain spaces and parentheses, so fields are counted from the
 * LAST `)` of the line. Undefined when the text is not such a line.
 */
function parseProcStat(text) {
    const close = text.lastIndexOf(')');
    if (close < 0)
        return undefined;
    const fields = text
        .slice(close + 1)
        .trim()
        .split(/\s+/);
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    const state = fields[0];
    const startTicks = fields[19];
    if (!state || !/^[A-Za-z]$/.test(state) || !startTicks || !/^\d+$/.test(startTicks)) {
        return undefined;
    }
    return { state, startTicks };
}
let bootId;
/** Start ticks restart at zero on every boot; the boot id keeps tokens unique across reboots. */
function linuxBootId() {
    bootId ??= (0,promises_namespaceObject.readFile)('/proc/sys/kernel/random/boot_id', 'utf8').then((text) => text.trim().slice(0, 8) || undefined, () => undefined);
    return bootId;
}
/** Makes Linux start tokens (`<starttime ticks>@<boot id>`) from field 22 of `/proc/<pid>/stat`. */
async function process_identity_linuxStartToken() {
    const boot = await linuxBootId();
    return (ticks) => (boot ? `${ticks}@${boot}` : ticks);
}
/**
 * A start token with its blanks collapsed: `ps` pads a one-digit day (`Dec  2`) in one listing
 * and not necessarily in another, and older port-guard versions stored the padded text.
 */
function process_identity_normalizeStartToken(token) {
    return token.trim().replace(/\s+/g, ' ');
}
/** Existence only: `kill(pid, 0)` succeeds, or fails with EPERM for another user's process. */
function existsBySignal(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
async function linuxIdentity(pid) {
    let text;
    try {
        // Synchronous: a /proc read is a few microseconds; through the thread pool, ~20 times more.
        text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        // With `hidepid` another user's process is invisible in /proc but still alive: never
        // declare it dead just because we cannot see its start time.
        return existsBySignal(pid) ? { pid } : undefined;
    }
    const stat = parseProcStat(text);
    if (!stat)
        return existsBySignal(pid) ? { pid } : undefined;
    // A zombie has exited; only its exit status waits to be collected.
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x')
        return undefined;
    return { pid, start: (await process_identity_linuxStartToken())(stat.startTicks) };
}
/**
 * macOS and other Unixes: `/bin/ps -o lstart= -p <pid>`, by absolute path, with the locale and
 * time zone pinned (the token is compared between processes that may run with other ones).
 * When ps gives no start time — it failed, timed out, hit a process limit — the answer is the
 * process's existence: a failed look-up never turns a live owner into a dead one.
 */
async function psIdentity(pid, run) {
    const result = await run('/bin/ps', ['-o', 'lstart=', '-p', String(pid)], {
        timeoutMs: 5000,
        env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    });
    const start = result.code === 0 ? process_identity_normalizeStartToken(result.stdout) : '';
    if (start)
        return { pid, start };
    return existsBySignal(pid) ? { pid } : undefined;
}
/**
 * The identity of a running process, or undefined when no such process runs.
 * - Linux: `/proc/<pid>/stat` (no subprocess).
 * - macOS and other Unixes: `/bin/ps -o lstart= -p <pid>` through run-tool.
 * - Windows: existence only (`process.kill(pid, 0)`); there is no start time, so a reused
 *   pid keeps a lease alive there until its TTL passes.
 */
function process_identity_processIdentity(pid, deps = {}) {
    const platform = deps.platform ?? process.platform;
    if (!Number.isSafeInteger(pid) || pid <= 0)
        return Promise.resolve(undefined);
    if (platform === 'linux')
        return linuxIdentity(pid);
    if (platform === 'win32')
        return Promise.resolve(existsBySignal(pid) ? { pid } : undefined);
    return psIdentity(pid, deps.run ?? run_tool/* runTool */.q);
}
/**
 * Whether the process a lease follows still runs: its pid exists and, when both sides know a
 * start time, the start times match (a different start time means the pid was reused).
 */
async function isOwnerAlive(owner, deps = {}) {
    const identity = await process_identity_processIdentity(owner.pid, deps);
    if (!identity)
        return false;
    if (owner.pidStart !== undefined && identity.start !== undefined) {
        return process_identity_normalizeStartToken(identity.start) === process_identity_normalizeStartToken(owner.pidStart);
    }
    return true;
}

;// CONCATENATED MODULE: ./src/lease/lease-lock.ts
/**
 * The per-port lock every DELETION of a lease file goes through (reclaiming a stale lease,
 * releasing one's own). Creating a lease needs no lock: `link()` can never replace an existing
 * file. Deleting does: "judge the file stale, then unlink the name" is two steps, and between
 * them another reclaimer may have removed that stale file and a new owner created a fresh
 * lease under the same name, which a blind unlink would destroy. Under this lock nobody else
 * deletes, and nobody can replace an existing name, so the file judged is the file unlinked.
 *
 * The lock file `<protocol>-<port>.lock` is held for microseconds. A lock whose holder process
 * is gone, or that is older than {@link LOCK_MAX_AGE_MS} (a holder that hangs, or a pid whose
 * liveness cannot be told), is removed by the next one who needs it (renamed to a unique name
 * first and checked, so two such recoverers cannot both remove fresh locks).
 *
 * Deleting must work on a full disk (a failed run must still give its leases back), and a lock
 * file with its holder's name needs a new inode, a data block and a descriptor. When it cannot
 * be written (ENOSPC, EDQUOT, EMFILE), the lock is a hard link of the lease file itself under
 * the lock name: the same one-step, never-replacing `link()`, but no new data. Such a lock
 * names no holder, so only its age (ctime, which `link()` sets) tells when it is abandoned.
 */







/** How long an unreadable lock (or a hard-link lock, see above) may exist before it is abandoned. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;
/** No lock is held longer than this, on any OS: older, it is abandoned whoever holds it. */
const LOCK_MAX_AGE_MS = 60_000;
/**
 * Codes meaning "no new file can be made now" (no space, no quota, no descriptor), where the
 * hard-link lock, which needs neither data nor a descriptor, is used instead.
 */
const NO_NEW_FILE = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE']);
/**
 * Takes the lock: a lock file naming us, or on a full disk a hard link of the lease file.
 * 'taken': someone holds it; 'no-lease': the disk is full and there is no lease file to link
 * (then there is nothing to delete either).
 */
function takeLock(dir, leaseName, lockName, text) {
    return createExclusive(dir, lockName, text).then((created) => (created ? 'locked' : 'taken'), (error) => {
        if (!NO_NEW_FILE.has((0,error_code/* errorCode */.CA)(error) ?? ''))
            throw error;
        try {
            (0,external_node_fs_.linkSync)(external_node_path_default().join(dir, leaseName), external_node_path_default().join(dir, lockName));
            return 'locked';
        }
        catch (linkError) {
            const code = (0,error_code/* errorCode */.CA)(linkError);
            if (code === 'EEXIST')
                return 'taken';
            if (code === 'ENOENT')
                return 'no-lease';
            throw linkError;
        }
    });
}
function parseLock(text) {
    try {
        const data = JSON.parse(text);
        if (typeof data.pid !== 'number' || typeof data.token !== 'string')
            return undefined;
        return {
            pid: data.pid,
            pidStart: typeof data.pidStart === 'string' ? data.pidStart : undefined,
            token: data.token,
        };
    }
    catch {
        return undefined;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The lock name for a lease name: `tcp-5432.lease` → `tcp-5432.lock`. */
function lockFileName(leaseName) {
    return leaseName.replace(/\.lease$/, '.lock');
}
/** The lock could not be had in time: its holder is alive and did not let go. */
const LOCK_BUSY = Symbol('lock busy');
/**
 * Removes a lock whose holder is gone. Renames it aside first: if what was renamed is not the
 * lock judged abandoned (its holder finished and someone else locked meanwhile), it is put back.
 * False when the lock cannot be moved (another user's, in the sticky directory).
 */
async function removeAbandonedLock(dir, lockName, judgedText) {
    const aside = external_node_path_default().join(dir, `.${lockName}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.stale`);
    try {
        await (0,promises_namespaceObject.rename)(external_node_path_default().join(dir, lockName), aside);
    }
    catch (error) {
        return (0,error_code/* hasErrorCode */.Ue)(error, 'ENOENT');
    }
    const read = await readSmallFileNoFollow(aside);
    if ('text' in read && read.text !== judgedText) {
        // link, not rename: never replace a lock someone took in the meantime.
        await (0,promises_namespaceObject.link)(aside, external_node_path_default().join(dir, lockName)).catch(() => undefined);
    }
    await (0,promises_namespaceObject.unlink)(aside).catch(() => undefined);
    return true;
}
/**
 * Runs `critical` while holding the lock for `leaseName`; returns {@link LOCK_BUSY} when a live
 * holder keeps it longer than `timeoutMs`.
 */
async function withLeaseLock(dir, leaseName, self, critical, timeoutMs = 5000) {
    const lockName = lockFileName(leaseName);
    const lockPath = external_node_path_default().join(dir, lockName);
    const token = (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('hex');
    const text = `${JSON.stringify({ pid: self.pid, pidStart: self.start, token })}\n`;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0;; attempt++) {
        const locked = await takeLock(dir, leaseName, lockName, text);
        // Nothing under the lease name to link: the critical part finds it missing (or a newer
        // lease it must leave alone) and deletes nothing, so it needs no lock.
        if (locked === 'no-lease')
            return critical();
        if (locked === 'locked') {
            try {
                return await critical();
            }
            finally {
                try {
                    (0,external_node_fs_.unlinkSync)(lockPath);
                }
                catch {
                    // Cannot happen: only a dead holder's lock is removed by others.
                }
            }
        }
        const read = await readSmallFileNoFollow(lockPath);
        if ('code' in read && read.code === 'ENOENT')
            continue;
        const held = 'text' in read ? read.text : '';
        const holder = parseLock(held);
        const abandoned = holder
            ? (await olderThan(lockPath, LOCK_MAX_AGE_MS)) || !(await isOwnerAlive(holder))
            : await olderThan(lockPath, UNREADABLE_LOCK_GRACE_MS);
        if (abandoned && (await removeAbandonedLock(dir, lockName, held)))
            continue;
        if (Date.now() >= deadline)
            return LOCK_BUSY;
        await sleep(Math.min(1 + attempt, 20));
    }
}
/** By ctime: set when the lock was created or linked, and never by hand to the future. */
async function olderThan(file, ageMs) {
    try {
        return Date.now() - (await (0,promises_namespaceObject.lstat)(file)).ctimeMs > ageMs;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/lease/lease-removal.ts
/**
 * Deleting a lease file safely: only the very file that was judged (stale, or our own) is
 * unlinked, under the port's deletion lock (see lease-lock.ts for why a lock is needed).
 */






function sameEntry(a, b) {
    if (a.kind === 'lease' && b.kind === 'lease')
        return a.token === b.token;
    if (a.kind === 'unreadable' && b.kind === 'unreadable')
        return a.identity === b.identity;
    return false;
}
let selfIdentity;
/** This process, as named in the deletion locks it takes. */
function lease_removal_self() {
    selfIdentity ??= process_identity_processIdentity(process.pid).then((id) => id ?? { pid: process.pid });
    return selfIdentity;
}
/** Unlinks `dir/name` if it is still exactly `judged`, under the port's deletion lock. */
async function removeIfUnchanged(dir, name, judged, expected) {
    const file = external_node_path_default().join(dir, name);
    const outcome = await withLeaseLock(dir, name, await lease_removal_self(), async () => {
        const now = await lease_file_readLeaseEntry(file, expected);
        if (!sameEntry(now, judged))
            return 'changed';
        try {
            (0,external_node_fs_.unlinkSync)(file);
            return 'removed';
        }
        catch (error) {
            const code = (0,error_code/* errorCode */.CA)(error);
            if (code === 'ENOENT')
                return 'changed';
            return { failed: code ?? String(error) };
        }
    });
    return outcome === LOCK_BUSY ? 'busy' : outcome;
}

;// CONCATENATED MODULE: ./src/ready/process-tree.ts
/**
 * Whether a process is another one or one of its descendants, from the parent links of this
 * machine's process table: Linux reads `/proc/<pid>/stat` (no subprocess), macOS and the BSDs
 * run `/bin/ps` once, Windows asks `wmic` or PowerShell for `Win32_Process`. Start times come
 * along, so a port bound by a process younger than the command can be told apart.
 */



/** A table over recorded rows (what the other tables produce, and what tests feed in). */
function tableOf(rows) {
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    return { row: (pid) => byPid.get(pid) };
}
/**
 * The pid, parent pid and start ticks of a `/proc/<pid>/stat` line (fields 1, 4 and 22). The
 * command name (field 2) may contain spaces and parentheses: fields are counted from the last `)`.
 */
function process_tree_parseStatRow(text) {
    const open = text.indexOf(' (');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    const pid = Number(text.slice(0, open));
    const fields = text
        .slice(close + 1)
        .trim()
        .split(/\s+/);
    const ppid = Number(fields[1]);
    const start = Number(fields[19]);
    if (!Number.isSafeInteger(pid) || !Number.isSafeInteger(ppid))
        return undefined;
    return Number.isSafeInteger(start) ? { pid, ppid, start } : { pid, ppid };
}
/** The Linux table: each row read from `/proc` when asked for, at a few microseconds a row. */
function linuxProcessTable(procRoot = '/proc') {
    const cache = new Map();
    return {
        row(pid) {
            if (!cache.has(pid)) {
                let row;
                try {
                    row = process_tree_parseStatRow((0,external_node_fs_.readFileSync)(`${procRoot}/${pid}/stat`, 'utf8'));
                }
                catch {
                    row = undefined;
                }
                cache.set(pid, row);
            }
            return cache.get(pid);
        },
    };
}
/** Parses `ps -A -o pid=,ppid=,lstart=` run with `LC_ALL=C TZ=UTC`. */
function parsePsTable(text) {
    const rows = [];
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*(\d+)\s+(\d+)\s*(.*)$/.exec(line);
        if (!match)
            continue;
        const row = { pid: Number(match[1]), ppid: Number(match[2]) };
        const started = Date.parse(`${match[3].trim()} UTC`);
        if (match[3].trim() !== '' && Number.isFinite(started))
            row.start = started / 1000;
        rows.push(row);
    }
    return rows;
}
/** Parses `wmic process get ParentProcessId,ProcessId /format:csv` (Node,ParentProcessId,ProcessId). */
function parseWmicTable(text) {
    const rows = [];
    for (const line of text.split(/\r?\n/)) {
        const cells = line.trim().split(',');
        if (cells.length < 3)
            continue;
        const ppid = Number(cells[cells.length - 2]);
        const pid = Number(cells[cells.length - 1]);
        if (/^\d+$/.test(cells[cells.length - 1]) && Number.isSafeInteger(ppid))
            rows.push({ pid, ppid });
    }
    return rows;
}
/** PowerShell's answer where `wmic` is gone (Windows 11 24H2, Server 2025): "pid ppid" lines. */
const POWERSHELL_TABLE = 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }';
/** Reads the whole table once with a tool (macOS, BSDs, Windows). */
async function snapshotProcessTable(platform = process.platform, run = run_tool/* runTool */.q) {
    if (platform === 'linux' || platform === 'android')
        return linuxProcessTable();
    if (platform === 'win32') {
        const wmic = await run((0,find_tool/* windowsSystemTool */.xW)('wbem\\WMIC'), ['process', 'get', 'ParentProcessId,ProcessId', '/format:csv'], { timeoutMs: 10000 });
        if (wmic.code === 0)
            return tableOf(parseWmicTable(wmic.stdout));
        const ps = await run((0,find_tool/* windowsSystemTool */.xW)('WindowsPowerShell\\v1.0\\powershell'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', POWERSHELL_TABLE], { timeoutMs: 15000 });
        return tableOf(parsePsTable(ps.stdout));
    }
    // runTool pins LC_ALL=C and TZ=UTC, which the lstart column's parser needs.
    const ps = await run('/bin/ps', ['-A', '-o', 'pid=,ppid=,lstart='], { timeoutMs: 5000 });
    return tableOf(parsePsTable(ps.stdout));
}
/** The deepest process tree walked; a parent loop in a recorded table cannot hang the walk. */
const MAX_DEPTH = 256;
/** Whether `pid` is `root` or one of its descendants, by walking `pid`'s parents up. */
function isInTree(root, pid, table) {
    let current = pid;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
        if (current === root)
            return true;
        if (current <= 1)
            return false;
        const row = table.row(current);
        if (!row || row.ppid === current)
            return false;
        current = row.ppid;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/lease/process-table.ts
/**
 * The process table as lease ownership needs it: for a pid, its parent, its start token (the
 * same token {@link processIdentity} gives, so a lease's owner can be checked later) and its
 * command line, to tell a short-lived wrapper from the job's shell.
 * - Linux: `/proc/<pid>/stat` and `/proc/<pid>/cmdline`, read when asked (no subprocess).
 * - macOS and the BSDs: one `/bin/ps -A -ww -o pid=,ppid=,lstart=,command=` (LC_ALL=C, TZ=UTC).
 * - Windows: one PowerShell `Get-CimInstance Win32_Process`.
 * (src/ready/process-tree.ts answers "is this a descendant?" from the same sources without
 * command lines.)
 */





/** A lookup over recorded entries (what the snapshots produce, and what tests feed in). */
function process_table_lookupOf(entries) {
    const byPid = new Map(entries.map((e) => [e.pid, e]));
    return (pid) => byPid.get(pid);
}
/** `/proc/<pid>/cmdline` as words: NUL-separated, a rewritten title split on spaces. */
function cmdlineWords(text) {
    const argv = text.split('\0');
    while (argv.length > 0 && argv[argv.length - 1] === '')
        argv.pop();
    if (argv.length === 1)
        return argv[0].split(/\s+/).filter(Boolean);
    return argv;
}
/** The Linux lookup: each entry read from `/proc` when asked for. */
async function linuxProcessLookup(procRoot = '/proc') {
    const token = await linuxStartToken();
    return (pid) => {
        try {
            const row = parseStatRow(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
            if (!row || row.pid !== pid)
                return undefined;
            const argv = cmdlineWords(readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8'));
            const entry = { pid, ppid: row.ppid, argv };
            if (row.start !== undefined)
                entry.start = token(String(row.start));
            return entry;
        }
        catch {
            return undefined;
        }
    };
}
// `Wed Dec  2 00:33:37 2026`: what `lstart` prints under LC_ALL=C.
const PS_LINE = /^\s*(\d+)\s+(\d+)\s+([A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\s+\d{4})\s+(.*)$/;
/** Parses `ps -A -ww -o pid=,ppid=,lstart=,command=` run with `LC_ALL=C TZ=UTC`. */
function parsePsProcesses(text) {
    const entries = [];
    for (const line of text.split(/\r?\n/)) {
        const match = PS_LINE.exec(line);
        if (!match)
            continue;
        entries.push({
            pid: Number(match[1]),
            ppid: Number(match[2]),
            start: normalizeStartToken(match[3]),
            argv: match[4].trim().split(/\s+/).filter(Boolean),
        });
    }
    return entries;
}
/** Splits a Windows command line the way most programs' C runtimes do (quotes group words). */
function windowsWords(line) {
    const words = [];
    let word = '';
    let quoted = false;
    let any = false;
    for (const ch of line) {
        if (ch === '"') {
            quoted = !quoted;
            any = true;
        }
        else if (!quoted && /\s/.test(ch)) {
            if (any)
                words.push(word);
            word = '';
            any = false;
        }
        else {
            word += ch;
            any = true;
        }
    }
    if (any)
        words.push(word);
    return words;
}
/**
 * PowerShell's table, one tab-separated line per process (tabs cannot be in a path and are
 * replaced in command lines), printed as UTF-8 whatever the console code page.
 */
const POWERSHELL_PROCESSES = [
    '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
    'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId)`t$($_.ParentProcessId)`t$($_.Name)`t$($_.ExecutablePath)`t$(($_.CommandLine) -replace "`t", " ")" }',
].join('; ');
/** Parses the lines {@link POWERSHELL_PROCESSES} prints. */
function parseWindowsProcesses(text) {
    const entries = [];
    for (const line of text.split(/\r?\n/)) {
        const cells = line.split('\t');
        if (cells.length < 5 || !/^\d+$/.test(cells[0]) || !/^\d+$/.test(cells[1]))
            continue;
        const [pid, ppid, name, exe, ...rest] = cells;
        const command = rest.join(' ').trim();
        // A process whose command line is hidden (another user's, a system process) still has a name.
        const argv = command !== '' ? windowsWords(command) : [name];
        const entry = { pid: Number(pid), ppid: Number(ppid), argv };
        if (exe)
            entry.exe = exe;
        entries.push(entry);
    }
    return entries;
}
/** The process lookup of this host; throws with the reason when the table cannot be read. */
async function process_table_readProcessLookup(platform = process.platform, run = runTool) {
    if (platform === 'linux' || platform === 'android')
        return linuxProcessLookup();
    if (platform === 'win32') {
        const result = await run(windowsSystemTool('WindowsPowerShell\\v1.0\\powershell'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', POWERSHELL_PROCESSES], { timeoutMs: 20000, encoding: 'utf8' });
        const entries = parseWindowsProcesses(result.stdout);
        if (entries.length === 0)
            throw new Error(`PowerShell Get-CimInstance Win32_Process gave no answer (${describe(result)})`);
        return process_table_lookupOf(entries);
    }
    const result = await run('/bin/ps', ['-A', '-ww', '-o', 'pid=,ppid=,lstart=,command='], {
        timeoutMs: 10000,
        env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    });
    const entries = parsePsProcesses(result.stdout);
    if (result.code !== 0 || entries.length === 0)
        throw new Error(`/bin/ps gave no process table (${describe(result)})`);
    return process_table_lookupOf(entries);
}
function describe(result) {
    return result.failure ?? `exit ${String(result.code)}`;
}

;// CONCATENATED MODULE: ./src/lease/lease-owner.ts


/** The owner pid of a lease that follows no process: it lives until its TTL or a release. */
const NO_OWNER_PID = 0;
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
function programName(word) {
    const base = (word ?? '').split(/[\\/]/).pop() ?? '';
    return base
        .replace(/^-/, '')
        .replace(/\.(?:exe|cmd|bat|ps1|c?js|mjs)$/i, '')
        .toLowerCase();
}
function isNode(name) {
    return name === 'node' || name === 'nodejs';
}
/** A shell started for one command: `sh -c …`, `bash -ec …`, `cmd /c …`, `pwsh -Command …`. */
function isOneShotShell(name, args) {
    if (name === 'cmd')
        return args.some((a) => /^\/c$/i.test(a));
    if (name === 'pwsh' || name === 'powershell')
        return args.some((a) => /^-(?:c|command|encodedcommand|ec)$/i.test(a));
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--command')
            return true;
        if (arg === '--' || (!arg.startsWith('-') && !arg.startsWith('+')))
            return false;
        if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg))
            return true;
        // `-o pipefail`, `-O extglob`: the option's value is not the script.
        if (/^[-+][oO]$/.test(arg))
            i++;
    }
    return false;
}
/** The script a shell runs, when it runs one: its first word that is not an option. */
function shellScript(args) {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (/^[-+][oO]$/.test(arg))
            i++;
        else if (!arg.startsWith('-') && !arg.startsWith('+'))
            return arg;
    }
    return undefined;
}
/** Git for Windows' launcher `…\Git\bin\bash.exe` (or `git-bash.exe`), which starts the real bash. */
function isGitBashShim(entry) {
    const exe = (entry.exe ?? entry.argv[0] ?? '').replace(/\//g, '\\').toLowerCase();
    return /\\git\\(?:bin\\(?:bash|sh)\.exe|git-bash\.exe)$/.test(exe);
}
/**
 * Why `entry` is a short-lived wrapper rather than the job's shell, or undefined when it is
 * the job's shell (or whatever long-lived process the walk reached).
 */
function wrapperReason(entry, parent) {
    const name = programName(entry.argv[0]);
    const args = entry.argv.slice(1);
    if (WRAPPERS.has(name))
        return name;
    if (PACKAGE_MANAGER.test(name))
        return name;
    if (isNode(name) && PACKAGE_MANAGER.test(programName(args[0])))
        return programName(args[0]);
    if (isGitBashShim(entry))
        return "Git Bash's launcher";
    if (!SHELLS.has(name))
        return undefined;
    if (isOneShotShell(name, args))
        return `${name} running one command`;
    const script = shellScript(args);
    if (script && PACKAGE_MANAGER.test(programName(script)))
        return `${programName(script)} shim`;
    // A subshell or pipeline stage (`$(… | …)`), or Cygwin's stub for an exec'd program, is a
    // fork of the job's shell: a child with the very same command line. (A script the shell runs,
    // `bash job.sh`, has its own command line and is a job's shell in its own right.)
    if (parent && parent.argv.join('\0') === entry.argv.join('\0')) {
        if (entry.exe === undefined || parent.exe === undefined || sameExe(entry.exe, parent.exe))
            return `a subshell of ${name}`;
    }
    return undefined;
}
function sameExe(a, b) {
    return a.replace(/\//g, '\\').toLowerCase() === b.replace(/\//g, '\\').toLowerCase();
}
/** The deepest walk; a loop in a recorded table cannot hang it. */
const lease_owner_MAX_DEPTH = 64;
/**
 * The job's shell, walking up from `ppid` (the CLI's parent) past short-lived wrappers. Not
 * found when the walk leaves this pid namespace (parent pid 0), reaches init (pid 1), or
 * meets a process it cannot see.
 */
function findJobShell(ppid, lookup) {
    const skipped = [];
    let pid = ppid;
    for (let depth = 0; depth < lease_owner_MAX_DEPTH; depth++) {
        if (pid === 0)
            return {
                found: false,
                reason: 'its parent pid is 0: outside this pid namespace, or no parent process',
            };
        if (pid === 1)
            return { found: false, reason: 'the walk up its parents reached init (pid 1)' };
        const entry = lookup(pid);
        if (!entry)
            return { found: false, reason: `process ${pid} could not be read` };
        const parent = entry.ppid > 1 ? lookup(entry.ppid) : undefined;
        if (!wrapperReason(entry, parent)) {
            const found = { found: true, pid, skipped };
            if (entry.start !== undefined)
                found.start = entry.start;
            return found;
        }
        skipped.push(entry);
        pid = entry.ppid;
    }
    return { found: false, reason: `more than ${lease_owner_MAX_DEPTH} wrappers above it` };
}
/** The warning the CLI prints when its leases follow no process. */
function noOwnerWarning(reason, ttlSeconds) {
    return `no long-lived owner found for the leases (${reason}): they last until lease-ttl (${ttlSeconds}s) or \`port-guard release\`; name the job's shell with --owner PID`;
}
/** The job part of an owner id: `<job>#<step>` (the action in a pid namespace) or `<job>`. */
function jobOf(id) {
    const hash = id.indexOf('#');
    return hash < 0 ? id : id.slice(0, hash);
}
/**
 * Whether two lease owners are one: the same process (pid, and start time where both know it),
 * or — for leases that follow no process — the same job in their owner ids.
 */
function sameLeaseOwner(a, b) {
    if (a.pid === NO_OWNER_PID || b.pid === NO_OWNER_PID)
        return (a.pid === b.pid && a.id !== undefined && b.id !== undefined && jobOf(a.id) === jobOf(b.id));
    if (a.pid !== b.pid)
        return false;
    if (a.pidStart !== undefined && b.pidStart !== undefined)
        return process_identity_normalizeStartToken(a.pidStart) === process_identity_normalizeStartToken(b.pidStart);
    return true;
}
/** Whether a lease's owner still runs; a lease that follows no process lives until its TTL. */
function leaseOwnerAlive(owner) {
    return owner.pid === NO_OWNER_PID ? Promise.resolve(true) : isOwnerAlive(owner);
}
/**
 * One CI job, named from its CI system's variables, for leases that follow no process: the
 * same job asking again (or releasing) finds them as its own. Undefined outside known CI.
 */
function jobOwnerId(env) {
    if (env.GITHUB_RUN_ID)
        return [
            'github',
            env.GITHUB_REPOSITORY ?? '',
            env.GITHUB_RUN_ID,
            env.GITHUB_RUN_ATTEMPT ?? '1',
            env.GITHUB_JOB ?? '',
            env.RUNNER_NAME ?? '',
        ].join(':');
    if (env.CI_JOB_ID)
        return `gitlab:${env.CI_SERVER_HOST ?? ''}:${env.CI_JOB_ID}`;
    if (env.BUILDKITE_JOB_ID)
        return `buildkite:${env.BUILDKITE_JOB_ID}`;
    if (env.CIRCLE_WORKFLOW_JOB_ID)
        return `circleci:${env.CIRCLE_WORKFLOW_JOB_ID}`;
    if (env.BUILD_TAG && env.JENKINS_URL)
        return `jenkins:${env.BUILD_TAG}`;
    return undefined;
}
/**
 * The owner of the CLI's leases: the process `--owner` named (already checked), else the job's
 * shell above `ppid`, else no process (a TTL-only lease, named by the CI job where there is one).
 */
async function cliLeaseOwner(ppid, env, ttlSeconds, options = {}) {
    if (options.explicit) {
        const { pid, start } = options.explicit;
        return { owner: start === undefined ? { pid } : { pid, pidStart: start } };
    }
    let search;
    try {
        // No parent at all needs no process table (and no PowerShell run on Windows).
        const lookup = ppid === 0 ? lookupOf([]) : await (options.readLookup ?? readProcessLookup)();
        search = findJobShell(ppid, lookup);
    }
    catch (error) {
        search = {
            found: false,
            reason: `the process table could not be read: ${error.message}`,
        };
    }
    if (search.found)
        return {
            owner: search.start === undefined
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
async function ownerOption(value) {
    const pid = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(pid) || pid > 0x7fffffff)
        return { problem: `--owner: "${value}" is not a process id (a positive integer)` };
    const identity = await processIdentity(pid);
    if (!identity)
        return { problem: `--owner: "${value}": no such process is running` };
    return identity;
}

;// CONCATENATED MODULE: ./src/lease/lease-release.ts
/**
 * Releasing leases from outside the registry that took them: the action's post step, the
 * CLI's `release`, `exec` when its command ends, the library's `releasePorts`.
 */




/**
 * Releases, from outside the registry that took them, the leases in `dir` whose owner matches
 * (at least one of `ownerId` or `pid` is required, so it never releases everyone's). Returns
 * the leases it released. A missing directory has nothing to release; an unsafe or relative one
 * is refused.
 */
async function releaseLeases(dir, match) {
    if (match.ownerId === undefined && match.pid === undefined) {
        throw new Error('releaseLeases needs an ownerId or a pid to match');
    }
    checkLeaseDirPath(dir);
    const abs = external_node_path_default().normalize(dir);
    const names = await leaseDirNames(abs);
    const ports = match.ports && match.ports.length > 0 ? new Set(match.ports) : undefined;
    const targets = match.targets && match.targets.length > 0
        ? new Set(match.targets.map((t) => lease_file_leaseFileName(t.port, t.protocol)))
        : undefined;
    const released = [];
    for (const name of names) {
        const parsed = parseLeaseFileName(name);
        if (!parsed || (ports && !ports.has(parsed.port)) || (targets && !targets.has(name)))
            continue;
        const entry = await lease_file_readLeaseEntry(external_node_path_default().join(abs, name), parsed);
        if (entry.kind !== 'lease')
            continue;
        const { owner } = entry.record;
        if (match.ownerId !== undefined && owner.id !== match.ownerId)
            continue;
        if (match.pid !== undefined && owner.pid !== match.pid)
            continue;
        if ((await removeIfUnchanged(abs, name, entry, parsed)) === 'removed')
            released.push(entry.record);
    }
    return released;
}

;// CONCATENATED MODULE: ./src/lease/lease-registry.ts
/**
 * The host-wide lease registry: exactly one process at a time holds a lease on a given
 * (port, protocol). The allocator takes the lease first and probes second, dropping the lease
 * when the probe says busy, so two allocators can never both hand out the same port.
 */












/** How many times one acquire re-tries after finding and clearing a stale lease. */
const MAX_ACQUIRE_ROUNDS = 16;
/**
 * Leases taken by one allocator run. Not shared between processes: every process opens its
 * own; they coordinate through the files only.
 */
class LeaseRegistry {
    reusable;
    dir;
    ttlSeconds;
    owner;
    now;
    leases = new Map();
    reported = new Map();
    /** Use {@link openLeaseRegistry}, which checks the directory and fills in the owner. */
    constructor(dir, ttlSeconds, owner, now = Date.now, reusable = new Set()) {
        this.reusable = reusable;
        this.dir = dir;
        this.ttlSeconds = ttlSeconds;
        this.owner = owner;
        this.now = now;
    }
    /**
     * Takes the lease on (port, protocol): `{ acquired: true }` when it is now ours (also when
     * this registry already held it); otherwise `heldBy` names the live owner, or is absent when
     * the lease file exists but cannot be read as a lease (see {@link problems}).
     * Stale leases (owner process gone, or expired) are reclaimed on the way.
     */
    async acquire(port, protocol) {
        if (!Number.isInteger(port) || port < 1 || port > 65535) {
            throw new RangeError(`cannot lease port ${port}: not an integer 1-65535`);
        }
        const key = lease_file_leaseFileName(port, protocol);
        if (this.leases.has(key))
            return { acquired: true };
        const file = external_node_path_default().join(this.dir, key);
        const expected = { port, protocol };
        let last = { kind: 'missing' };
        for (let round = 0; round < MAX_ACQUIRE_ROUNDS; round++) {
            const createdAt = this.now();
            const token = newLeaseToken();
            const text = serializeLease({
                version: LEASE_FORMAT_VERSION,
                port,
                protocol,
                owner: this.owner,
                createdAt,
                expiresAt: createdAt + this.ttlSeconds * 1000,
                token,
            });
            if (await this.create(key, text)) {
                this.leases.set(key, { port, protocol, token });
                this.reported.delete(file);
                return { acquired: true };
            }
            const entry = await lease_file_readLeaseEntry(file, expected);
            last = entry;
            if (entry.kind === 'missing')
                continue; // released between our create and our read
            if (entry.kind === 'lease') {
                if (this.reusable.has(key) &&
                    entry.record.expiresAt > this.now() &&
                    sameLeaseOwner(entry.record.owner, this.owner)) {
                    this.leases.set(key, { port, protocol, token: entry.token, adopted: true });
                    return { acquired: true };
                }
                if (!(await this.isStale(entry.record)))
                    return { acquired: false, heldBy: entry.record };
            }
            else if (this.now() - entry.mtimeMs <= this.ttlSeconds * 1000) {
                this.report(file, `${entry.reason}; treated as held until it is older than lease-ttl (${this.ttlSeconds}s)`);
                return { acquired: false };
            }
            const removal = await removeIfUnchanged(this.dir, key, entry, expected);
            if (removal === 'busy') {
                this.report(file, `is stale but its lock ${lockFileName(key)} stayed taken; treated as held`);
                break;
            }
            if (typeof removal === 'object') {
                this.report(file, `is stale but cannot be removed (${removal.failed}); treated as held`);
                break;
            }
        }
        return last.kind === 'lease' ? { acquired: false, heldBy: last.record } : { acquired: false };
    }
    /** Drops our lease on (port, protocol); a lease this registry does not hold is left alone. */
    async release(port, protocol) {
        const key = lease_file_leaseFileName(port, protocol);
        const held = this.leases.get(key);
        if (!held)
            return;
        this.leases.delete(key);
        if (held.adopted)
            return;
        const file = external_node_path_default().join(this.dir, key);
        // Removed only if the file still carries our token: after our TTL someone may have
        // reclaimed the port, and their lease is not ours to drop.
        const entry = {
            kind: 'lease',
            token: held.token,
            record: { port, protocol, owner: this.owner, createdAt: 0, expiresAt: 0 },
        };
        let removal;
        try {
            removal = await removeIfUnchanged(this.dir, key, entry, { port, protocol });
        }
        catch (error) {
            // Releasing is cleanup: one lease that cannot be given back must not keep the rest.
            removal = { failed: (0,error_code/* errorCode */.CA)(error) ?? String(error) };
        }
        if (removal === 'busy')
            this.report(file, 'could not be released: its lock stayed taken');
        else if (typeof removal === 'object')
            this.report(file, `could not be released (${removal.failed})`);
    }
    /** Drops every lease this registry holds (a failed step must leave none behind). */
    async releaseAll() {
        await Promise.all([...this.leases.values()].map((l) => this.release(l.port, l.protocol)));
    }
    /** The leases this registry holds now. */
    held() {
        return [...this.leases.values()].map(({ port, protocol }) => ({ port, protocol }));
    }
    /**
     * Lease files found corrupt, foreign, symbolic links or impossible to remove, one message
     * each, naming the file; the fronts print them as warnings.
     */
    problems() {
        return [...this.reported.entries()].map(([file, message]) => `lease file ${file} ${message}`);
    }
    /** Creates the lease file; the machine running out of something is a SystemError. */
    async create(key, text) {
        try {
            return await createExclusive(this.dir, key, text);
        }
        catch (error) {
            throw asSystemError(error, `creating lease file ${external_node_path_default().join(this.dir, key)}`);
        }
    }
    report(file, message) {
        this.reported.set(file, message);
    }
    async isStale(record) {
        return record.expiresAt <= this.now() || !(await leaseOwnerAlive(record.owner));
    }
}
/**
 * Opens the registry in `opts.dir`: checks (or creates) the directory, fills in the owner's
 * start time. Throws `InputError('lease-dir')` for an unsafe directory and
 * `InputError('lease-ttl')` for a TTL that is not a positive number of seconds.
 */
async function lease_registry_openLeaseRegistry(opts) {
    if (!Number.isFinite(opts.ttlSeconds) || opts.ttlSeconds <= 0) {
        throw new input_error_InputError('lease-ttl', `lease-ttl must be a positive number of seconds, got ${opts.ttlSeconds}`);
    }
    const dir = await openLeaseDir(opts.dir);
    const owner = { ...opts.owner };
    if (owner.pidStart === undefined) {
        const identity = await process_identity_processIdentity(owner.pid);
        if (identity?.start !== undefined)
            owner.pidStart = identity.start;
    }
    await sweepLeftovers(dir);
    const reusable = new Set((opts.reusable ?? []).map((t) => lease_file_leaseFileName(t.port, t.protocol)));
    return new LeaseRegistry(dir, opts.ttlSeconds, owner, opts.now, reusable);
}

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
        ...new Set(config.specs.flatMap((s) => protocolsOf(s.protocol))),
    ];
    // Windows: an EACCES is "reserved" only inside the excluded port ranges, so every probe there
    // needs them; read once, for the plan and the OS ranges alike.
    const excluded = platform === 'win32' ? await readWindowsExcludedRanges(protocols) : undefined;
    const sources = excluded ? { excluded } : {};
    // Reading the OS ranges costs a subprocess off Linux: only when a port may be handed out.
    const [os, plan] = await Promise.all([
        handsOut ? readOsPortRanges(protocols, platform, sources) : Promise.resolve(undefined),
        // Out of descriptors, os.networkInterfaces() throws at once: a SystemError, not a bug.
        (async () => createProbePlan(config.hosts, platform, protocols, sources))().catch((error) => {
            throw asSystemError(error, 'reading the network interfaces');
        }),
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
/**
 * The ports a config asks for by number: a lease the same owner already holds on one of them
 * is the caller's own (DESIGN "Leases"), re-probed and kept, never a conflict with itself.
 */
function requestedPorts(config) {
    return config.specs.flatMap((s) => s.port === 'auto'
        ? []
        : protocolsOf(s.protocol).map((protocol) => ({ port: s.port, protocol })));
}
/**
 * {@link guardPorts} with the lease registry and signal cancellation, for the fronts. A signal
 * up to the moment `publish` is called ends the run with a CancelledError, every lease given
 * back and nothing published.
 */
async function runGuard(config, options = {}) {
    const { owner, publish, ...rest } = options;
    let leases;
    return withSignalCancellation(async (signal) => {
        leases =
            config.lease && owner
                ? await openLeaseRegistry({
                    dir: config.leaseDir,
                    ttlSeconds: config.leaseTtlSeconds,
                    owner,
                    reusable: requestedPorts(config),
                })
                : undefined;
        if (leases)
            rest.debug?.(`lease dir: ${leases.dir}`);
        const result = await guardPorts(config, {
            findHolders: findHoldersWhenNeeded,
            ...rest,
            ...(leases ? { leases } : {}),
            signal,
        });
        const run = { result, problems: leases?.problems() ?? [] };
        // The last moment a signal can cancel: from here on, nothing awaits until it is published.
        await checkpoint(signal);
        publish?.(run);
        return run;
    }).catch(async (err) => {
        // A signal just after a successful allocation, or a publish that failed: those ports are
        // not (all) out, so none of them stays leased.
        await leases?.releaseAll();
        throw err;
    });
}

// EXTERNAL MODULE: ./src/holders/describe-holder.ts
var describe_holder = __nccwpck_require__(593);
// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __nccwpck_require__(657);
;// CONCATENATED MODULE: ./src/report/messages.ts


/** "leased by octo-org/repo run 123 job e2e", or "leased by pid 4711" outside GitHub. */
function messages_describeLease(record) {
    const { repository, runId, runAttempt, job, pid } = record.owner;
    if (repository && runId) {
        let text = `leased by ${repository} run ${runId}`;
        if (runAttempt && runAttempt !== '1')
            text += ` attempt ${runAttempt}`;
        if (job)
            text += ` job ${job}`;
        return text;
    }
    return pid === 0 ? 'leased until its lease-ttl (it follows no process)' : `leased by pid ${pid}`;
}
/** Who holds a lease, or that its file could not be read as anyone's. */
function describeLeaseOwner(lease) {
    return lease
        ? messages_describeLease(lease)
        : 'leased by another port-guard run (its lease file could not be read)';
}
const EVERY_CONTROL_CHARACTER = new RegExp(command_line/* CONTROL_CHARACTER */.gW.source, 'g');
/**
 * Text another process controls (a command line, a lease file's owner) made safe for one line of
 * a log: control characters and Unicode line breaks become visible `\xNN`/`\uNNNN` escapes.
 * A line break would let a process on the host start a line of its own in the job's log, and a
 * log line starting with `::` is a workflow command to the runner (stdout and stderr alike).
 */
function messages_printable(text) {
    return text.replace(EVERY_CONTROL_CHARACTER, (ch) => {
        const code = ch.charCodeAt(0);
        return code <= 0xff
            ? `\\x${code.toString(16).padStart(2, '0')}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/** Who or what makes a conflict, for messages and the summary's "held by" column. */
function messages_heldBy(c) {
    switch (c.verdict) {
        case 'leased':
            return messages_printable(describeLeaseOwner(c.lease));
        case 'in-use':
            return messages_printable((0,describe_holder/* describeHolders */.hX)(c.holders));
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
function conflictMessage(c) {
    const head = `${c.name}: port ${c.port}/${c.protocol}`;
    const at = c.address ? ` on ${c.address}${c.code ? ` (${c.code})` : ''}` : '';
    switch (c.verdict) {
        case 'leased':
            return `${head} is ${messages_heldBy(c)}`;
        case 'in-use':
            return c.reason === 'exclusive'
                ? `${head} is in use${at}: a holder refuses to share it (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the same address), held by ${messages_heldBy(c)}`
                : `${head} is in use${at}, held by ${messages_heldBy(c)}`;
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
function fallbackMessage(a) {
    const why = a.conflicts[0] ? conflictMessage(a.conflicts[0]).replace(/^[^:]+: /, '') : 'was busy';
    return `${a.name}: ${why} → using ${a.port}`;
}
/**
 * What to tell the user about a finished run, by policy: an error per conflict when the step
 * fails, a warning per busy port kept, a notice per replacement.
 */
function annotationsFor(result) {
    const out = [];
    for (const a of result.assignments) {
        if (a.status === 'conflict')
            for (const c of a.conflicts)
                out.push({ level: 'error', message: conflictMessage(c) });
        if (a.status === 'busy')
            for (const c of a.conflicts)
                out.push({
                    level: 'warning',
                    message: `${conflictMessage(c)}; keeping it as asked (on-conflict: warn)`,
                });
        if (a.status === 'fallback')
            out.push({ level: 'notice', message: fallbackMessage(a) });
    }
    if (result.error)
        out.push({ level: 'error', message: result.error });
    return out;
}
/** Said once when busy requested ports are waited for, so a long pause has a reason in the log. */
function waitingMessage(conflicts, seconds) {
    const ports = [...new Set(conflicts.map((c) => `${c.name} (${c.port}/${c.protocol})`))];
    return `waiting up to ${seconds} s for ${ports.join(', ')} to become free`;
}
/** What a run stopped by a signal says. */
function cancelledMessage(err) {
    return `${err.message}: no port was handed out, and every lease this run took was returned`;
}
/** The notice for a port still bound at the end of the job. */
function stillBoundMessage(bound) {
    const by = bound.holders.length > 0 ? `, held by ${describeHolders(bound.holders)}` : '';
    return `${bound.name}: port ${bound.port}/${bound.protocol} is still bound at the end of the job${by}; a server the job started was not stopped`;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
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
        heldBy: messages_heldBy(c),
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
    return result.assignments.map((a) => [envName(a.name), String(a.port)]);
}

;// CONCATENATED MODULE: ./src/lib/options.ts
/**
 * The library's options into the engine's raw inputs: camelCase names and JS values in, the
 * action's input strings out, so one validator (parseConfig) judges all three fronts. Errors
 * come back under the library's own names: one InputError per bad token, naming the option.
 */


/** The library's option name for every input it mirrors. */
const OPTION_INPUTS = {
    protocol: 'protocol',
    onConflict: 'on-conflict',
    fallbackRange: 'fallback-range',
    fallbackStrategy: 'fallback-strategy',
    exclude: 'exclude',
    hosts: 'hosts',
    wait: 'wait',
    seed: 'seed',
    lease: 'lease',
    leaseDir: 'lease-dir',
    leaseTtl: 'lease-ttl',
};
/**
 * Inputs of the action the library deliberately has no option for, and why: a test checks that
 * every input of action.yml is either mirrored (OPTION_INPUTS) or listed here.
 */
const INPUTS_NOT_MIRRORED = {
    ports: "the specs are guardPorts' first argument",
    'export-env': "a step's environment for later steps: the caller sets process.env itself",
    summary: 'a job summary belongs to a workflow step',
    run: 'a server the caller starts itself; it waits for it with waitForPorts',
    'ready-timeout': "waitForPorts' timeout",
    'ready-http': "waitForPorts' http",
    shell: 'the caller starts its server itself',
};
/** Options that are not inputs of the action. */
const OWN_OPTIONS = ['owner', 'signal'];
const OPTION_OF_INPUT = new Map([
    ['ports', 'ports'],
    ['who', 'ports'],
    ...Object.entries(OPTION_INPUTS).map(([option, input]) => [input, option]),
]);
/** Edits (insert, delete, substitute) between two names, case and `-`/`_` ignored. */
function editDistance(a, b) {
    const x = a.toLowerCase().replace(/[-_]/g, '');
    const y = b.toLowerCase();
    let row = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const next = [i];
        for (let j = 1; j <= y.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        row = next;
    }
    return row[y.length];
}
/** The option a misspelt name most likely meant (at most 2 edits away), if any. */
function nearestName(name, known) {
    let best;
    for (const k of known) {
        const distance = editDistance(name, k);
        if (distance <= 2 && (!best || distance < best.distance))
            best = { name: k, distance };
    }
    return best?.name;
}
function options_describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`;
}
/** An input's error under the library's names: `on-conflict: …` becomes `onConflict: …`. */
function renamed(error) {
    const option = OPTION_OF_INPUT.get(error.input) ?? error.input;
    return error.problems.map((problem) => new input_error_InputError(option, problem.startsWith(`${error.input}:`)
        ? `${option}:${problem.slice(error.input.length + 1)}`
        : problem));
}
/** Runs `fn`; an InputError or InputErrors it throws comes out renamed, one per bad token. */
async function underOptionNames(fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof input_error_InputErrors)
            throw new input_error_InputErrors(err.errors.flatMap(renamed));
        if (err instanceof input_error_InputError)
            throw new input_error_InputErrors(renamed(err));
        throw err;
    }
}
function list(option, value, item, expected) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value) && value.every(item))
        return value.map(String).join(', ');
    throw new input_error_InputError(option, `${option}: expected ${expected}, got ${options_describe(value)}`);
}
const isPortItem = (v) => typeof v === 'string' || Number.isInteger(v);
/** Spec strings (a list in one string, or an array of specs and port numbers) into `ports`. */
function specsInput(specs) {
    return list('ports', specs, isPortItem, 'port specs, e.g. "web=3000, api=auto" or ["web=3000", 5432]');
}
/**
 * Checks the options' names and types and turns them into the action's raw inputs. Every
 * problem is reported at once; the values themselves are judged by parseConfig.
 */
function libraryInputs(specs, options) {
    const errors = [];
    const attempt = (fn) => {
        try {
            fn();
        }
        catch (err) {
            if (err instanceof input_error_InputError)
                errors.push(err);
            else
                throw err;
        }
    };
    const raw = { 'export-env': 'false', summary: 'false' };
    attempt(() => {
        raw.ports = specsInput(specs);
    });
    let owner;
    let signal;
    if (options !== undefined && (options === null || typeof options !== 'object')) {
        throw new input_error_InputErrors([
            new input_error_InputError('options', `options: expected an object, got ${options_describe(options)}`),
        ]);
    }
    const given = (options ?? {});
    const known = [...Object.keys(OPTION_INPUTS), ...OWN_OPTIONS];
    for (const [name, value] of Object.entries(given)) {
        if (value === undefined)
            continue;
        if (!known.includes(name)) {
            const near = nearestName(name, known);
            errors.push(new input_error_InputError(name, `${name}: not an option of port-guard${near ? `; did you mean ${near}?` : ''} (options: ${known.join(', ')})`));
            continue;
        }
        attempt(() => {
            switch (name) {
                case 'owner':
                    if (!Number.isInteger(value) || value < 1)
                        throw new input_error_InputError(name, `${name}: expected a process id, got ${options_describe(value)}`);
                    owner = value;
                    return;
                case 'signal':
                    if (!(value instanceof AbortSignal))
                        throw new input_error_InputError(name, `${name}: expected an AbortSignal, got ${options_describe(value)}`);
                    signal = value;
                    return;
                case 'fallbackRange':
                case 'exclude':
                    raw[OPTION_INPUTS[name]] = list(name, value, isPortItem, 'ranges as a string ("8000-8100, 9000") or an array of ranges and ports');
                    return;
                case 'hosts':
                    raw.hosts = list(name, value, (v) => typeof v === 'string', '"all" or literal IP addresses of this host');
                    return;
                case 'wait':
                case 'leaseTtl':
                    if (typeof value !== 'number' || !Number.isFinite(value))
                        throw new input_error_InputError(name, `${name}: expected a number of seconds, got ${options_describe(value)}`);
                    raw[OPTION_INPUTS[name]] = String(value);
                    return;
                case 'lease':
                    if (typeof value !== 'boolean')
                        throw new input_error_InputError(name, `${name}: expected true or false, got ${options_describe(value)}`);
                    raw.lease = String(value);
                    return;
                default: {
                    // protocol, onConflict, fallbackStrategy, seed, leaseDir: strings.
                    if (typeof value !== 'string')
                        throw new input_error_InputError(name, `${name}: expected a string, got ${options_describe(value)}`);
                    const input = OPTION_INPUTS[name];
                    // An empty string means "the default" to the action; here it is an explicit value.
                    if (value.trim() === '' && INPUT_DEFAULTS[input] !== '')
                        throw new input_error_InputError(name, `${name}: empty; leave it out for the default`);
                    raw[input] = value;
                }
            }
        });
    }
    return { raw, owner, signal, errors };
}
/**
 * The options as one validated Config, or InputErrors naming every bad option and token at
 * once: wrong names and types found here, wrong values found by parseConfig.
 */
function libraryConfig(specs, options) {
    const inputs = libraryInputs(specs, options);
    const errors = [...inputs.errors];
    let config;
    try {
        config = parseConfig(inputs.raw);
    }
    catch (err) {
        if (!(err instanceof input_error_InputErrors))
            throw err;
        // An option already refused for its type is not reported again for its absence.
        const refused = new Set(errors.map((e) => e.input));
        errors.push(...err.errors.filter((e) => !refused.has(OPTION_OF_INPUT.get(e.input) ?? e.input)));
    }
    if (errors.length > 0 || !config)
        throw new input_error_InputErrors(errors.flatMap(renamed));
    return { ...inputs, config };
}

;// CONCATENATED MODULE: ./src/lib/ports.ts







/**
 * Ports this process leased through the library and still holds, by lease dir: an `auto` port
 * is never one of them (the registry would see our own lease, not a stranger's).
 */
const heldByUs = new Map();
function noteHeld(dir, ports, held) {
    const set = heldByUs.get(dir) ?? new Set();
    for (const port of ports) {
        if (held)
            set.add(port);
        else
            set.delete(port);
    }
    heldByUs.set(dir, set);
}
function resultOf(result, release) {
    return {
        ok: result.ok,
        ports: result.ok ? Object.fromEntries(result.assignments.map((a) => [a.name, a.port])) : {},
        assignments: result.assignments.map(({ name, requested, port, protocol, status }) => ({
            name,
            requested,
            port,
            protocol,
            status,
        })),
        conflicts: JSON.parse(conflictsJson(result.conflicts)),
        ...(result.error ? { error: result.error } : {}),
        release,
    };
}
/**
 * Checks that the ports of `specs` are free and hands out the rest, as the action does.
 *
 * @param specs `[name=]port[/protocol]` specs: one string (`"web=3000, api=auto"`) or an array
 *   (`["web=3000", 5432, "dns=5353/udp"]`).
 * @returns `ok` with `ports` (`{ name: port }`) when every spec has a port; otherwise `ok:
 *   false`, the `conflicts` and no leases held. Leases taken belong to the calling process
 *   until `release()`, {@link releasePorts} or its exit.
 * @throws {InputErrors} for bad specs or options (one entry per bad token, naming the option),
 *   before any socket is opened or lease taken.
 *
 * @example
 * const { ports, release } = await guardPorts('api=auto, db=auto');
 * process.env.API_PORT = String(ports.api);
 * // ... later
 * await release();
 */
async function ports_guardPorts(specs, options = {}) {
    const { config, owner, signal } = libraryConfig(specs, options);
    const leases = config.lease
        ? await underOptionNames(() => lease_registry_openLeaseRegistry({
            dir: config.leaseDir,
            ttlSeconds: config.leaseTtlSeconds,
            owner: { pid: owner ?? process.pid },
            reusable: requestedPorts(config),
        }))
        : undefined;
    const ours = heldByUs.get(config.leaseDir);
    if (ours && ours.size > 0) {
        config.exclude = [...config.exclude, ...[...ours].map((p) => ({ lo: p, hi: p }))];
    }
    const result = await guardPorts(config, {
        findHolders: lookup/* findHoldersWhenNeeded */.wr,
        ...(leases ? { leases } : {}),
        ...(signal ? { signal } : {}),
    });
    if (!leases || !result.ok)
        return resultOf(result, async () => { });
    const handedOut = result.assignments.map((a) => a.port);
    noteHeld(config.leaseDir, handedOut, true);
    return resultOf(result, async () => {
        await leases.releaseAll();
        noteHeld(config.leaseDir, handedOut, false);
    });
}
/**
 * One free TCP port, leased host-wide to the calling process until {@link releasePorts} or the
 * process exits: the drop-in for get-port that is safe across processes (parallel test
 * workers, other checkouts, other CI jobs on the same host never get the same port).
 *
 * @throws {InputErrors} for bad options; an `Error` when no port in `fallbackRange` is free.
 *
 * @example
 * const port = await getPort();
 * server.listen(port);
 */
async function getPort(options = {}) {
    const { port, ...rest } = options;
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535))
        throw new input_error_InputErrors([
            new input_error_InputError('port', `port: expected a port number 1-65535, got ${String(port)}`),
        ]);
    const spec = port === undefined ? 'free=auto/tcp' : `free=${port}/tcp`;
    const result = await ports_guardPorts(spec, {
        ...rest,
        ...(port === undefined ? {} : { onConflict: 'fallback' }),
    });
    if (!result.ok)
        throw new Error(`port-guard: ${result.error ?? 'no free port'}`);
    return result.ports.free;
}
/**
 * Gives back leases the calling process (or `owner`) holds: the given ports, or all of them.
 * Without `leaseDir`, in every lease dir this process used through the library (the default
 * one when it used none).
 *
 * @returns the leases given back.
 */
async function releasePorts(ports, options = {}) {
    const bad = (ports ?? []).filter((p) => !(Number.isInteger(p) && p >= 1 && p <= 65535));
    if (bad.length > 0)
        throw new input_error_InputErrors(bad.map((p) => new input_error_InputError('ports', `ports: ${String(p)} is not a port number 1-65535`)));
    const dirs = options.leaseDir
        ? [options.leaseDir]
        : heldByUs.size > 0
            ? [...heldByUs.keys()]
            : [lease_dir_defaultLeaseDir()];
    const released = [];
    for (const dir of dirs) {
        const records = await releaseLeases(dir, {
            pid: options.owner ?? process.pid,
            ...(ports ? { ports: [...ports] } : {}),
        });
        noteHeld(dir, records.map((r) => r.port), false);
        released.push(...records.map(({ port, protocol }) => ({ port, protocol })));
    }
    return released;
}

;// CONCATENATED MODULE: ./src/cli/terminal.ts

const processTerminal = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    get env() {
        return process.env;
    },
    get ppid() {
        return process.ppid;
    },
};
const terminal_EXIT_OK = 0;
const EXIT_CONFLICT = 1;
const EXIT_USAGE = 2;
/** port-guard itself could not work: out of file descriptors, disk full, a file it must write. */
const EXIT_SYSTEM = 3;
/** Every problem of an input error as one `port-guard:` line on stderr. */
function printInputErrors(term, err) {
    const errors = err instanceof InputErrors ? err.errors : [err];
    for (const e of errors)
        for (const p of e.problems)
            term.stderr(`port-guard: ${p}\n`);
}

;// CONCATENATED MODULE: ./src/report/text-table.ts
/** The CLI's plain-text tables: the renderer, and the result table of a check. */


/** The width a cell takes on a terminal, counted in code points (`→`, `…` are one each). */
const width = (cell) => Array.from(cell).length;
/**
 * Rows of cells (the first row the header) as plain text: every column but the last padded to
 * its widest cell, two spaces between columns, no trailing spaces.
 */
function text_table_renderTextTable(rows) {
    const columns = Math.max(0, ...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => width(r[i] ?? ''))));
    return rows
        .map((r) => r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell))))
        .join('  ')
        .trimEnd())
        .join('\n');
}
/** A plain text table for the CLI. */
function textTable(result) {
    const head = ['NAME', 'REQUESTED', 'ASSIGNED', 'PROTOCOL', 'STATUS', 'HELD BY'];
    const rows = result.assignments.map((a) => [
        a.name,
        String(a.requested),
        isAssigned(a) ? String(a.port) : '-',
        a.protocol,
        a.status === 'unassigned' ? 'not assigned' : a.status,
        a.conflicts.map(heldBy).join('; '),
    ]);
    return text_table_renderTextTable([head, ...rows]);
}

;// CONCATENATED MODULE: ./src/cli/who.ts
/**
 * `port-guard who PORT[/protocol]...`: who holds these ports, as data and as a text table.
 */











/**
 * Parses `who` targets: `PORT`, `PORT/tcp`, `PORT/udp` or `PORT/both` (TCP when no protocol
 * is given). Every bad target is reported at once, as an {@link InputError} for `who`.
 */
function parseWhoTargets(targets) {
    const queries = [];
    const problems = [];
    for (const target of targets) {
        const parsed = parsePortTarget(target);
        if (!parsed) {
            problems.push(`who: "${target}" is not a port; write PORT[/tcp|udp|both] with PORT from 1 to 65535, e.g. 5432 or 5353/udp`);
            continue;
        }
        const { port, protocol } = parsed;
        for (const p of protocolsOf(protocol)) {
            if (!queries.some((q) => q.port === port && q.protocol === p))
                queries.push({ port, protocol: p });
        }
    }
    if (problems.length > 0)
        throw new input_error_InputError('who', problems);
    return queries;
}
/** Looks up all queries in one lookup and sorts the holders back to their query. */
async function who(queries, finder = lookup/* findHoldersWhenNeeded */.wr) {
    const perQuery = await (0,lookup/* holdersPerQuery */.B)(finder, queries);
    return queries.map((query, i) => ({ query, holders: perQuery[i] }));
}
/**
 * The unexpired port-guard leases on each queried port, read-only (nothing is cleaned up or
 * judged stale here: that is the allocator's business). A missing directory has none.
 */
async function leasesOn(dir, queries, now = Date.now()) {
    return Promise.all(queries.map(async ({ port, protocol }) => {
        try {
            const entry = await readLeaseEntry(path.join(dir, leaseFileName(port, protocol)), {
                port,
                protocol,
            });
            return entry.kind === 'lease' && entry.record.expiresAt > now ? [entry.record] : [];
        }
        catch {
            return [];
        }
    }));
}
function leaseCells(query, lease) {
    const until = new Date(lease.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z');
    return [
        `${query.port}/${query.protocol}`,
        lease.owner.pid === undefined ? '-' : String(lease.owner.pid),
        '-',
        'leased',
        '-',
        printable(`port-guard lease: ${describeLease(lease)}, until ${until}`),
    ].map(singleLine);
}
// On Linux an unseen process still shows as a uid, but lsof and netstat show nothing at all.
const NOTHING_FOUND = 'nothing found (free, or not visible to this user)';
const HEADERS = (/* unused pure expression or super */ null && (['PORT', 'PID', 'USER', 'STATE', 'ADDRESSES', 'COMMAND']));
function whoCells(h) {
    let user = h.user ?? (h.uid === undefined ? '-' : `uid ${h.uid}`);
    let command = h.commandLine ?? h.command ?? '-';
    if (h.container && h.pid !== undefined) {
        command = `${h.command ?? 'docker-proxy'} → ${containerText(h.container)}`;
    }
    if (h.pid === undefined) {
        if (h.hidden) {
            user = `uid ${h.uid ?? '?'}`;
            command = '(process hidden: needs root)';
            if (h.container)
                command += ` published by docker for ${containerText(h.container)}`;
        }
        else if (h.state === 'time-wait') {
            command = '(no process: a closed connection lingering)';
        }
        else if (h.uid !== undefined) {
            command = '(no process found: a kernel socket, or a process in another container)';
        }
    }
    return [
        `${h.port}/${h.protocol}`,
        h.pid === undefined ? '-' : String(h.pid),
        user,
        h.state,
        h.addresses.join(', ') || '-',
        command,
    ].map(singleLine);
}
/**
 * A plain-text table, one row per holder; a port with no holder found gets one row saying
 * `nothing found (free, or not visible to this user)`. Columns are padded to their widest cell; the last one is not padded.
 */
function formatWhoTable(results) {
    const rows = [HEADERS];
    for (const { query, holders, leases = [] } of results) {
        if (holders.length === 0 && leases.length === 0) {
            rows.push([`${query.port}/${query.protocol}`, '-', '-', '-', '-', NOTHING_FOUND]);
        }
        for (const h of holders)
            rows.push(whoCells(h));
        for (const lease of leases)
            rows.push(leaseCells(query, lease));
    }
    return renderTextTable(rows);
}
/**
 * JSON for `who --format json`: one object per queried port with its holders and the same
 * one-line description the action's messages use.
 */
function formatWhoJson(results) {
    return JSON.stringify(results.map(({ query, holders, leases = [] }) => ({
        port: query.port,
        protocol: query.protocol,
        holders,
        leases: leases.map((l) => ({
            owner: l.owner,
            createdAt: new Date(l.createdAt).toISOString(),
            expiresAt: new Date(l.expiresAt).toISOString(),
            description: describeLease(l),
        })),
        description: describeHolders(holders),
    })), null, 2);
}
/** `port-guard who PORT[/protocol]...`. */
async function whoCommand(term, command) {
    const queries = parseWhoTargets(command.targets);
    const [results, leases] = await Promise.all([
        who(queries),
        leasesOn(command.leaseDir === '' ? defaultLeaseDir() : path.resolve(command.leaseDir), queries),
    ]);
    results.forEach((r, i) => (r.leases = leases[i]));
    term.stdout((command.format === 'json' ? formatWhoJson(results) : formatWhoTable(results)) + '\n');
    return EXIT_OK;
}

;// CONCATENATED MODULE: ./src/lib/who-holds.ts



/**
 * Who holds these ports: `5432`, `"5432/tcp"`, `"5353/udp"`, `"8443/both"` (TCP when no protocol
 * is given). Unknown is said as unknown (`hidden`, no pid), never as "nobody".
 *
 * @throws {InputErrors} for a target that is not a port.
 */
async function whoHolds(ports) {
    const targets = (Array.isArray(ports) ? ports : [ports]).map(String);
    const queries = await underOptionNames(() => parseWhoTargets(targets));
    return (await who(queries)).map(({ query, holders }) => ({
        port: query.port,
        protocol: query.protocol,
        holders,
        description: (0,describe_holder/* describeHolders */.hX)(holders),
    }));
}

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

// EXTERNAL MODULE: ./src/holders/linux.ts + 1 modules
var holders_linux = __nccwpck_require__(177);
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
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
        const req = (0,external_node_http_namespaceObject.request)({
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
        processTable: () => snapshotProcessTable(platform),
        httpGet: (address, port, path) => httpGet(address, port, path),
    };
}
/** The start of `pid` in the units of this machine's process table (for the Docker rule). */
async function processStart(pid, platform = process.platform) {
    const table = platform === 'linux' || platform === 'android'
        ? linuxProcessTable()
        : await snapshotProcessTable(platform);
    return table.row(pid)?.start;
}

;// CONCATENATED MODULE: ./src/ready/ready-options.ts
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
    return parseSeconds(String(raw).trim(), input, 0, MAX_READY_SECONDS);
}
/** An HTTP path: starts with `/`, printable ASCII without spaces, at most 2048 characters. */
function parseHttpPath(raw, input) {
    if (raw === undefined || raw === '')
        return undefined;
    const expected = 'expected a path starting with "/", e.g. "/health"';
    if (!raw.startsWith('/') || raw.startsWith('//'))
        throw new input_error_InputError(input, `${input}: "${printableToken(raw)}" is not a path; ${expected} (the host is always this machine's loopback address)`);
    if (!/^[\x21-\x7e]+$/.test(raw))
        throw new input_error_InputError(input, `${input}: "${printableToken(raw)}" contains spaces or control characters; ${expected}`);
    if (raw.length > 2048)
        throw new input_error_InputError(input, `${input}: ${raw.length} characters; at most 2048`);
    return raw;
}
function printableToken(text) {
    return (0,command_line/* shorten */.ml)(messages_printable(text), 80);
}
/** A pid that names a running process (checked now: a wait bound to a dead pid is a mistake). */
async function parseLivePid(raw, input) {
    if (raw === undefined || raw === '')
        return undefined;
    const text = String(raw).trim();
    if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
        throw new input_error_InputError(input, `${input}: "${printableToken(text)}" is not a process id; expected a whole number such as $! in a shell`);
    const identity = await process_identity_processIdentity(Number(text));
    if (!identity)
        throw new input_error_InputError(input, `${input}: no process ${text} is running; start the server first and pass its pid (e.g. $!)`);
    return identity;
}
/**
 * The ports to wait for: numbers or specs (`3000`, `web=3000`, `5353/udp`, `quic=8443/both`);
 * `auto` means nothing here. A `both` spec waits for TCP and UDP.
 */
function parseReadyTargets(specs, input) {
    // Each token on its own: `3000 3000/udp` waits for both, though as port specs the two would
    // share the default name `port-3000`.
    const tokens = splitList(specs.map(String).join(' '));
    if (tokens.length === 0)
        parsePortSpecs('', 'tcp', input);
    const problems = [];
    const parsed = [];
    for (const token of tokens) {
        try {
            parsed.push(...parsePortSpecs(token, 'tcp', input));
        }
        catch (err) {
            if (!(err instanceof input_error_InputError))
                throw err;
            problems.push(...err.problems);
        }
    }
    for (const s of parsed)
        if (s.port === 'auto')
            problems.push(`${input}: "${s.token}" asks for any free port; waiting needs the port number itself`);
    if (problems.length > 0)
        throw new input_error_InputError(input, problems);
    const targets = [];
    for (const s of parsed)
        for (const protocol of protocolsOf(s.protocol))
            if (!targets.some((t) => t.port === s.port && t.protocol === protocol))
                targets.push({
                    ...(/^port-\d+$/.test(s.name) ? {} : { name: s.name }),
                    port: s.port,
                    protocol,
                });
    return targets;
}
const ready_options_SHELLS = (/* unused pure expression or super */ null && (['bash', 'sh', 'pwsh', 'cmd']));
/**
 * Looks a program up on PATH, skipping relative entries (on Windows the current directory, the
 * checked-out workspace, would otherwise come first).
 */
function findOnPath(name, env = process.env, platform = process.platform) {
    const sep = platform === 'win32' ? ';' : delimiter;
    const exts = platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
    for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) {
        if (dir === '' || !isAbsolute(dir))
            continue;
        for (const ext of exts) {
            const candidate = join(dir, name + ext);
            try {
                accessSync(candidate, platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
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
    if (!ready_options_SHELLS.includes(name))
        throw new InputError(input, `${input}: "${printableToken(name)}" is not one of ${ready_options_SHELLS.join(', ')}`);
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
        throw new InputError(input, `${input}: ${name} was not found on PATH; install it or choose another of ${ready_options_SHELLS.join(', ')}`);
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
    if (holder.pid !== undefined && isInTree(facts.expected.pid, holder.pid, facts.table))
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
        await abortableSleep(Math.min(delay, left), options.signal, options.process?.ended);
        delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
    }
}

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
            const identity = zombie ? undefined : await process_identity_processIdentity(pid);
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
            if (err instanceof input_error_InputError) {
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
        errors.push(new input_error_InputError(names.http, `${names.http}: needs a TCP port to send the GET to; every port given is UDP`));
    if (errors.length > 0)
        throw new input_error_InputErrors(errors);
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

;// CONCATENATED MODULE: ./src/ready/wait-for-ports.ts



/** The wait ended without every port ready; `message` says what was missing, line by line. */
class NotReadyError extends Error {
    reason;
    outcome;
    constructor(lines, outcome) {
        super(lines.join('\n'));
        this.name = 'NotReadyError';
        this.reason = outcome.reason;
        this.outcome = outcome;
    }
}
const addressOf = (f) => LOOPBACK[f];
/** Waits until servers listen on `ports` (numbers or specs `[name=]port[/protocol]`). */
async function waitForPorts(ports, options = {}) {
    const list = Array.isArray(ports) ? ports : [ports];
    const request = await parseWaitRequest({
        ports: list,
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
        ...(options.pid !== undefined ? { pid: options.pid } : {}),
        ...(options.http !== undefined ? { http: options.http } : {}),
    }, { ports: 'ports', timeout: 'timeout', pid: 'pid', http: 'http' });
    options.signal?.throwIfAborted();
    const report = await runWait(request, options.signal ? { signal: options.signal } : {});
    const { outcome } = report;
    if (!outcome.ok)
        throw new NotReadyError(report.errors, outcome);
    const ready = outcome.ready.map((r) => {
        const port = {
            ...(r.target.name !== undefined ? { name: r.target.name } : {}),
            port: r.target.port,
            protocol: r.target.protocol,
            accepts: r.accepts.map(addressOf),
            holders: r.holders,
        };
        if (r.httpStatus !== undefined)
            port.httpStatus = r.httpStatus;
        const warning = familyWarning(r);
        if (warning !== undefined)
            port.warning = warning;
        return port;
    });
    return { ports: ready, warnings: report.warnings, elapsedMs: outcome.elapsedMs };
}

;// CONCATENATED MODULE: ./src/lib.ts
/**
 * port-guard as a library: `import { guardPorts, getPort } from 'port-guard'`. Ports checked
 * free on every address a server uses, leased host-wide so that parallel test processes and
 * other jobs on the same host never get the same one. No runtime dependency; probe sockets
 * never keep the process alive.
 *
 * @packageDocumentation
 */





var __webpack_exports__InputError = __webpack_exports__.dz;
var __webpack_exports__InputErrors = __webpack_exports__.G;
var __webpack_exports__NotReadyError = __webpack_exports__.r1;
var __webpack_exports__getPort = __webpack_exports__.c9;
var __webpack_exports__guardPorts = __webpack_exports__.Gx;
var __webpack_exports__releasePorts = __webpack_exports__.c8;
var __webpack_exports__waitForPorts = __webpack_exports__.HB;
var __webpack_exports__whoHolds = __webpack_exports__.vm;
export { __webpack_exports__InputError as InputError, __webpack_exports__InputErrors as InputErrors, __webpack_exports__NotReadyError as NotReadyError, __webpack_exports__getPort as getPort, __webpack_exports__guardPorts as guardPorts, __webpack_exports__releasePorts as releasePorts, __webpack_exports__waitForPorts as waitForPorts, __webpack_exports__whoHolds as whoHolds };

//# sourceMappingURL=index.js.map