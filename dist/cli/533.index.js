export const id = 533;
export const ids = [533];
export const modules = {

/***/ 8533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   waitCommand: () => (/* binding */ waitCommand)
/* harmony export */ });
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1028);
/* harmony import */ var _allocate_cancellation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1656);
/* harmony import */ var _report_ready_messages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2266);
/* harmony import */ var _ready_wait_request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1039);




/** How often a long wait says what it is still waiting for. */
const PROGRESS_EVERY_MS = 10_000;
async function waitCommand(term, command) {
    const request = await (0,_ready_wait_request_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWaitRequest */ .k)(command, {
        ports: 'PORT',
        timeout: '--timeout',
        pid: '--pid',
        http: '--http',
    });
    let nextProgress = PROGRESS_EVERY_MS;
    const report = await (0,_allocate_cancellation_js__WEBPACK_IMPORTED_MODULE_1__/* .withSignalCancellation */ .Y8)((signal) => (0,_ready_wait_request_js__WEBPACK_IMPORTED_MODULE_3__/* .runWait */ .p)(request, {
        signal,
        onRound: (waiting, elapsedMs) => {
            if (elapsedMs < nextProgress)
                return;
            nextProgress += PROGRESS_EVERY_MS;
            const lines = (0,_report_ready_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .missingMessages */ .Z3)(waiting.map((w) => ({ waiting: w, holders: [] })));
            for (const line of lines)
                term.stderr(`port-guard: still waiting (${Math.round(elapsedMs / 1000)} s): ${line}\n`);
        },
    }));
    for (const line of report.ready)
        term.stdout(`${line}\n`);
    for (const line of report.warnings)
        term.stderr(`warning: ${line}\n`);
    for (const line of report.errors)
        term.stderr(`port-guard: ${line}\n`);
    return report.outcome.ok ? _terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_OK */ .Ij : _terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_CONFLICT */ .Ev;
}


/***/ })

};

//# sourceMappingURL=533.index.js.map