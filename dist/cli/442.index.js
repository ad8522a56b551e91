export const id = 442;
export const ids = [442];
export const modules = {

/***/ 5442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   whoCommand: () => (/* binding */ whoCommand)
/* harmony export */ });
/* unused harmony exports parseWhoTargets, who, leasesOn, formatWhoTable, formatWhoJson */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1028);
/* harmony import */ var _spec_input_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5376);
/* harmony import */ var _spec_port_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9910);
/* harmony import */ var _lease_lease_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5890);
/* harmony import */ var _lease_lease_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4278);
/* harmony import */ var _report_messages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3020);
/* harmony import */ var _report_text_table_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2906);
/* harmony import */ var _holders_command_line_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2657);
/* harmony import */ var _holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1593);
/* harmony import */ var _holders_lookup_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3421);
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
        const parsed = (0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePortTarget */ .OP)(target);
        if (!parsed) {
            problems.push(`who: "${target}" is not a port; write PORT[/tcp|udp|both] with PORT from 1 to 65535, e.g. 5432 or 5353/udp`);
            continue;
        }
        const { port, protocol } = parsed;
        for (const p of (0,_spec_port_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .protocolsOf */ .LE)(protocol)) {
            if (!queries.some((q) => q.port === port && q.protocol === p))
                queries.push({ port, protocol: p });
        }
    }
    if (problems.length > 0)
        throw new _spec_input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('who', problems);
    return queries;
}
/** Looks up all queries in one lookup and sorts the holders back to their query. */
async function who(queries, finder = _holders_lookup_js__WEBPACK_IMPORTED_MODULE_10__/* .findHoldersWhenNeeded */ .wr) {
    const perQuery = await (0,_holders_lookup_js__WEBPACK_IMPORTED_MODULE_10__/* .holdersPerQuery */ .B)(finder, queries);
    return queries.map((query, i) => ({ query, holders: perQuery[i] }));
}
/**
 * The unexpired port-guard leases on each queried port, read-only (nothing is cleaned up or
 * judged stale here: that is the allocator's business). A missing directory has none.
 */
async function leasesOn(dir, queries, now = Date.now()) {
    return Promise.all(queries.map(async ({ port, protocol }) => {
        try {
            const entry = await (0,_lease_lease_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readLeaseEntry */ .Rh)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, (0,_lease_lease_file_js__WEBPACK_IMPORTED_MODULE_5__/* .leaseFileName */ .Se)(port, protocol)), {
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
        (0,_report_messages_js__WEBPACK_IMPORTED_MODULE_6__/* .printable */ .g$)(`port-guard lease: ${(0,_report_messages_js__WEBPACK_IMPORTED_MODULE_6__/* .describeLease */ .un)(lease)}, until ${until}`),
    ].map(_holders_command_line_js__WEBPACK_IMPORTED_MODULE_8__/* .singleLine */ .pF);
}
// On Linux an unseen process still shows as a uid, but lsof and netstat show nothing at all.
const NOTHING_FOUND = 'nothing found (free, or not visible to this user)';
const HEADERS = ['PORT', 'PID', 'USER', 'STATE', 'ADDRESSES', 'COMMAND'];
function whoCells(h) {
    let user = h.user ?? (h.uid === undefined ? '-' : `uid ${h.uid}`);
    let command = h.commandLine ?? h.command ?? '-';
    if (h.container && h.pid !== undefined) {
        command = `${h.command ?? 'docker-proxy'} → ${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_9__/* .containerText */ .x5)(h.container)}`;
    }
    if (h.pid === undefined) {
        if (h.hidden) {
            user = `uid ${h.uid ?? '?'}`;
            command = '(process hidden: needs root)';
            if (h.container)
                command += ` published by docker for ${(0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_9__/* .containerText */ .x5)(h.container)}`;
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
    ].map(_holders_command_line_js__WEBPACK_IMPORTED_MODULE_8__/* .singleLine */ .pF);
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
    return (0,_report_text_table_js__WEBPACK_IMPORTED_MODULE_7__/* .renderTextTable */ .K)(rows);
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
            description: (0,_report_messages_js__WEBPACK_IMPORTED_MODULE_6__/* .describeLease */ .un)(l),
        })),
        description: (0,_holders_describe_holder_js__WEBPACK_IMPORTED_MODULE_9__/* .describeHolders */ .hX)(holders),
    })), null, 2);
}
/** `port-guard who PORT[/protocol]...`. */
async function whoCommand(term, command) {
    const queries = parseWhoTargets(command.targets);
    const [results, leases] = await Promise.all([
        who(queries),
        leasesOn(command.leaseDir === '' ? (0,_lease_lease_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultLeaseDir */ .Lo)() : node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(command.leaseDir), queries),
    ]);
    results.forEach((r, i) => (r.leases = leases[i]));
    term.stdout((command.format === 'json' ? formatWhoJson(results) : formatWhoTable(results)) + '\n');
    return _terminal_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT_OK */ .Ij;
}


/***/ })

};

//# sourceMappingURL=442.index.js.map