export const id = 74;
export const ids = [74];
export const modules = {

/***/ 7074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execCommand: () => (/* binding */ execCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
// EXTERNAL MODULE: ./src/allocate/guard.ts + 3 modules
var guard = __webpack_require__(9914);
// EXTERNAL MODULE: ./src/lease/lease-registry.ts + 4 modules
var lease_registry = __webpack_require__(7482);
// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/spec/config.ts
var spec_config = __webpack_require__(1209);
// EXTERNAL MODULE: ./src/spec/input-error.ts
var input_error = __webpack_require__(5376);
// EXTERNAL MODULE: ./src/ready/ready-options.ts
var ready_options = __webpack_require__(6459);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lease/process-identity.ts
var process_identity = __webpack_require__(2714);
// EXTERNAL MODULE: ./src/system/error-code.ts
var error_code = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/system/run-tool.ts
var run_tool = __webpack_require__(9807);
// EXTERNAL MODULE: ./src/system/find-tool.ts
var find_tool = __webpack_require__(1777);
;// CONCATENATED MODULE: ./src/ready/server-process.ts
/**
 * Starting and stopping a server port-guard runs for the job: started detached in its own
 * process group (so it outlives the step and can be stopped as a whole), its output to a log
 * file; stopped with SIGTERM to the group, then SIGKILL after a grace period (the process tree
 * via `taskkill` on Windows).
 */







const STOP_GRACE_MS = 10_000;
/** Starts `command` with `shell`, detached, stdout and stderr appended to `logPath`. */
async function startServer(options) {
    const log = openSync(options.logPath, 'a', 0o600);
    let child;
    try {
        child = spawn(options.shell.path, shellArgs(options.shell.name, options.command), {
            detached: true,
            stdio: ['ignore', log, log],
            env: options.env,
            ...(options.cwd ? { cwd: options.cwd } : {}),
            windowsHide: true,
            windowsVerbatimArguments: options.shell.name === 'cmd',
        });
    }
    finally {
        // The child has its own copy; ours would keep the file open for nothing.
        closeSync(log);
    }
    await new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
    });
    const identity = await processIdentity(child.pid);
    return {
        child,
        record: {
            pid: child.pid,
            ...(identity?.start !== undefined ? { start: identity.start } : {}),
            logPath: options.logPath,
        },
    };
}
/** Reads back a saved {@link ServerRecord}; undefined when absent or malformed. */
function parseServerRecord(text) {
    try {
        const data = JSON.parse(text);
        if (!Number.isSafeInteger(data.pid) || data.pid <= 1 || typeof data.logPath !== 'string')
            return undefined;
        return {
            pid: data.pid,
            ...(typeof data.start === 'string' ? { start: data.start } : {}),
            logPath: data.logPath,
        };
    }
    catch {
        return undefined;
    }
}
/** Whether any process of the group still runs (`kill(-pgid, 0)`). */
function groupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
        return true;
    }
    catch (error) {
        return (0,error_code/* hasErrorCode */.Ue)(error, 'EPERM');
    }
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
    }
    catch {
        // Gone meanwhile.
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Stops the server's process group: SIGTERM, then SIGKILL after the grace period. A leader
 * whose pid now belongs to a younger process means the group is long gone (the kernel never
 * reuses a pid that is still a process group id): nothing is signalled then.
 */
async function stopServer(record, options = {}) {
    const grace = options.graceMs ?? STOP_GRACE_MS;
    const platform = options.platform ?? process.platform;
    const identity = await (0,process_identity/* processIdentity */.I9)(record.pid);
    if (identity &&
        record.start !== undefined &&
        identity.start !== undefined &&
        identity.start !== record.start)
        return 'not-running';
    if (platform === 'win32')
        return stopWindowsTree(record.pid, identity !== undefined, grace, options.run ?? run_tool/* runTool */.q);
    if (!groupAlive(record.pid))
        return 'not-running';
    signalGroup(record.pid, 'SIGTERM');
    const deadline = Date.now() + grace;
    while (Date.now() < deadline) {
        await sleep(50);
        if (!groupAlive(record.pid))
            return 'stopped';
    }
    signalGroup(record.pid, 'SIGKILL');
    for (let i = 0; i < 40 && groupAlive(record.pid); i++)
        await sleep(50);
    return 'killed';
}
/** Windows has no process groups to signal: `taskkill /T` ends the tree, `/F` forcibly. */
async function stopWindowsTree(pid, alive, grace, run) {
    if (!alive)
        return 'not-running';
    const taskkill = (0,find_tool/* windowsSystemTool */.xW)('taskkill');
    await run(taskkill, ['/T', '/PID', String(pid)], { timeoutMs: 10_000 });
    const deadline = Date.now() + grace;
    while (Date.now() < deadline) {
        if (!(await (0,process_identity/* processIdentity */.I9)(pid)))
            return 'stopped';
        await sleep(200);
    }
    await run(taskkill, ['/T', '/F', '/PID', String(pid)], { timeoutMs: 10_000 });
    return 'killed';
}

// EXTERNAL MODULE: ./src/ready/wait-request.ts + 5 modules
var wait_request = __webpack_require__(1039);
// EXTERNAL MODULE: ./src/ready/watched-process.ts
var watched_process = __webpack_require__(9189);
// EXTERNAL MODULE: ./src/spec/port-spec.ts
var port_spec = __webpack_require__(9910);
;// CONCATENATED MODULE: ./src/cli/exec.ts
/**
 * `port-guard exec [options] SPEC... -- COMMAND [ARG...]`: hand out the ports as usual, run
 * COMMAND with every port in its environment (the `export-env` names, plus `PORT` for the
 * first), hold the leases exactly while it runs (their owner is this process), forward
 * SIGINT/SIGTERM/SIGHUP to it and exit with its exit code. With `--ready`, print a line once
 * COMMAND listens on every port; when it does not in time, stop it and exit 1.
 */
















/** Every check that can be made before a port is leased or COMMAND started. */
function planExec(command, env) {
    const errors = [];
    const attempt = (fn) => {
        try {
            return fn();
        }
        catch (err) {
            if (err instanceof input_error/* InputErrors */.G)
                errors.push(...err.errors);
            else if (err instanceof input_error/* InputError */.d)
                errors.push(err);
            else
                throw err;
            return undefined;
        }
    };
    // The ports reach COMMAND through its environment: their names must be safe to export.
    const config = attempt(() => (0,spec_config/* parseConfig */.o4)({ ...command.options, 'export-env': 'true' }));
    const timeoutSeconds = attempt(() => (0,ready_options/* parseReadyTimeout */.o_)(command.readyTimeout, '--ready-timeout'));
    const http = attempt(() => (0,ready_options/* parseHttpPath */.jK)(command.readyHttp, '--ready-http'));
    if (http !== undefined &&
        config &&
        !config.specs.some((s) => (0,port_spec/* protocolsOf */.LE)(s.protocol).includes('tcp')))
        errors.push(new input_error/* InputError */.d('--ready-http', '--ready-http: needs a TCP port to send the GET to; every port given is UDP'));
    const program = command.command[0];
    if (!/[\\/]/.test(program) && (0,ready_options/* findOnPath */.aY)(program, env) === undefined)
        errors.push(new options/* UsageError */.e('COMMAND', `exec: "${program}" was not found on PATH`));
    if (errors.length > 0)
        throw new input_error/* InputErrors */.G(errors);
    return {
        config: config,
        ...(command.ready
            ? { ready: { timeoutSeconds: timeoutSeconds, ...(http !== undefined ? { http } : {}) } }
            : {}),
    };
}
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The shell convention for a process's end: its code, or 128 + the signal's number. */
function exitCodeOf(exit) {
    if (exit.code !== null)
        return exit.code;
    return 128 + (exit.signal ? (external_node_os_.constants.signals[exit.signal] ?? 15) : 15);
}
/**
 * Stops COMMAND: its own process group when it has one, else the process (which shares the
 * terminal's group). SIGTERM, then SIGKILL after the grace period.
 */
async function stopCommand(child, ownGroup) {
    if (child.exitCode !== null || child.signalCode !== null)
        return;
    // Windows has no groups: stopServer ends the process tree there with taskkill /T.
    if (ownGroup || process.platform === 'win32') {
        await stopServer({ pid: child.pid, logPath: '' });
        return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
}
async function execCommand(term, command) {
    const plan = planExec(command, term.env);
    const { config } = plan;
    // The leases follow this process: they live exactly as long as COMMAND runs under it.
    const owner = config.lease ? { id: (0,external_node_crypto_.randomUUID)(), pid: process.pid } : undefined;
    const { result, problems } = await (0,guard/* runGuard */.hd)(config, {
        ...(owner ? { owner } : {}),
        onWait: ({ conflicts, seconds }) => term.stderr(`port-guard: ${(0,messages/* waitingMessage */.BZ)(conflicts, seconds)}\n`),
    });
    for (const problem of problems)
        term.stderr(`warning: ${problem}\n`);
    for (const note of (0,messages/* annotationsFor */.gX)(result))
        term.stderr(`${note.level}: ${note.message}\n`);
    const release = async () => {
        if (owner)
            await (0,lease_registry/* releaseLeases */.Rc)(config.leaseDir, { ownerId: owner.id }).catch((err) => term.stderr(`warning: could not release the leases in ${config.leaseDir}: ${err.message}\n`));
    };
    if (!result.ok) {
        await release();
        return terminal/* EXIT_CONFLICT */.Ev;
    }
    const env = { ...term.env, ...Object.fromEntries((0,outputs/* envPairs */.ff)(result)) };
    env.PORT = String(result.assignments[0].port);
    term.stderr(`port-guard: ${result.assignments.map((a) => `${a.name}=${a.port}`).join(' ')}\n`);
    // On a terminal, COMMAND stays in the terminal's process group so it can read it (Ctrl-C
    // reaches it from the terminal itself); elsewhere (CI) it gets a group of its own, so that
    // stopping it stops everything it started.
    const interactive = process.platform !== 'win32' && process.stdin.isTTY === true;
    const ownGroup = process.platform !== 'win32' && !interactive;
    const [program, ...args] = command.command;
    const child = (0,external_node_child_process_.spawn)(program, args, { stdio: 'inherit', env, detached: ownGroup });
    const spawned = await new Promise((resolve) => {
        child.once('spawn', () => resolve(undefined));
        child.once('error', resolve);
    });
    if (spawned) {
        await release();
        term.stderr(`port-guard: exec: could not start ${program}: ${spawned.message}\n`);
        return 127;
    }
    const watched = (0,watched_process/* watchChild */.a$)(child);
    const forward = (signal) => {
        // The terminal sent Ctrl-C to its whole group, COMMAND included: do not send it twice.
        if (interactive && signal === 'SIGINT')
            return;
        try {
            if (ownGroup)
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
        }
        catch {
            // Already gone.
        }
    };
    for (const signal of FORWARDED)
        process.on(signal, forward);
    try {
        let stoppedForReadiness = false;
        if (plan.ready) {
            const report = await (0,wait_request/* runWait */.p)({
                targets: result.assignments.flatMap((a) => (0,port_spec/* protocolsOf */.LE)(a.protocol).map((protocol) => ({ name: a.name, port: a.port, protocol }))),
                timeoutSeconds: plan.ready.timeoutSeconds,
                ...(plan.ready.http !== undefined ? { http: plan.ready.http } : {}),
            }, { process: watched, role: 'COMMAND' });
            {
                for (const line of report.warnings)
                    term.stderr(`warning: ${line}\n`);
                if (report.outcome.ok)
                    term.stderr(`port-guard: ready: ${report.ready.join('; ')}\n`);
                else {
                    for (const line of report.errors)
                        term.stderr(`port-guard: ${line}\n`);
                    if (report.outcome.reason !== 'exited') {
                        stoppedForReadiness = true;
                        await stopCommand(child, ownGroup);
                    }
                }
            }
        }
        const exit = await watched.ended;
        return stoppedForReadiness ? terminal/* EXIT_CONFLICT */.Ev : exitCodeOf(exit);
    }
    finally {
        for (const signal of FORWARDED)
            process.off(signal, forward);
        await release();
    }
}


/***/ })

};

//# sourceMappingURL=74.index.js.map