export const id = 438;
export const ids = [438];
export const modules = {

/***/ 438:
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
var find_tool = __webpack_require__(777);
// EXTERNAL MODULE: ./src/holders/command-line.ts
var command_line = __webpack_require__(657);
// EXTERNAL MODULE: ./src/system/run-tool.ts + 1 modules
var run_tool = __webpack_require__(56);
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
var docker = __webpack_require__(839);
// EXTERNAL MODULE: ./src/holders/linux.ts + 1 modules
var linux = __webpack_require__(177);
// EXTERNAL MODULE: ./src/holders/lookup.ts
var lookup = __webpack_require__(421);
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
var describe_holder = __webpack_require__(593);
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


/***/ })

};

//# sourceMappingURL=438.index.js.map