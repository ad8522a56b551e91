export const id = 718;
export const ids = [718];
export const modules = {

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8397);
/* harmony import */ var _server_step_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2045);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3175);
/* harmony import */ var _holders_lookup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3421);
/* harmony import */ var _lease_job_end_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9721);
/* harmony import */ var _report_messages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3020);
/**
 * The action's post step (`post-if: always()`): stops the `run` server (and prints its log),
 * releases this job's leases and reports every handed-out port still held at the end of the
 * job. It never fails the job.
 */






async function run(io = _runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerIO */ .$6) {
    try {
        const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readMainStepState */ .$)(io);
        // The server first: its ports are then free when they are checked and their leases go.
        if (state.server)
            await (0,_server_step_js__WEBPACK_IMPORTED_MODULE_1__/* .stopServerStep */ .o)(io, state.server).catch((err) => io.annotate('warning', `port-guard post step: could not stop the server: ${err.message}`));
        const report = await (0,_lease_job_end_js__WEBPACK_IMPORTED_MODULE_4__/* .endJob */ .Lt)({
            ports: state.handedOut,
            findHolders: _holders_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .findHoldersWhenNeeded */ .wr,
            ...(state.leases ? { leases: state.leases } : {}),
        });
        for (const bound of report.stillBound)
            io.annotate('notice', (0,_report_messages_js__WEBPACK_IMPORTED_MODULE_5__/* .stillBoundMessage */ .ky)(bound));
        for (const problem of report.problems)
            io.annotate('warning', `port-guard post step: ${problem}`);
        if (report.released.length > 0)
            io.info(`port-guard: released ${report.released.length} lease(s): ${report.released.map((r) => `${r.port}/${r.protocol}`).join(', ')}`);
    }
    catch (err) {
        io.annotate('warning', `port-guard post step: ${err instanceof Error ? err.message : String(err)}`);
    }
}


/***/ })

};

//# sourceMappingURL=718.index.js.map