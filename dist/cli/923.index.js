export const id = 923;
export const ids = [923];
export const modules = {

/***/ 923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runnerIO: () => (/* binding */ runnerIO)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The runner protocol the fronts speak (inputs, outputs, state, annotations, the job summary),
 * behind one interface: the action's main and post steps take a RunnerIO, so tests drive them
 * in-process with a fake one (the seam actions/cache has in its StateProvider), and the CLI's
 * `--format github` writes through the same real one.
 */



/** The real runner, through @actions/core's public entry point. */
const runnerIO = {
    getInput: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name),
    setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value),
    saveState: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value),
    getState: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(name),
    exportVariable: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.exportVariable(name, value),
    annotate: (level, message, title) => _actions_core__WEBPACK_IMPORTED_MODULE_0__[level](message, title ? { title } : {}),
    info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message),
    isDebug: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(),
    debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(message),
    appendSummary: (markdown) => {
        // Synchronous on purpose: core.summary buffers and writes asynchronously, and a summary
        // must never be half-written when the step ends.
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (file)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.appendFileSync)(file, markdown, { encoding: 'utf8' });
    },
    group: (title, text) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(title);
        const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`::stop-commands::${token}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(text);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`::${token}::`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup();
    },
    setExitCode: (code) => {
        process.exitCode = code;
    },
};


/***/ })

};

//# sourceMappingURL=923.index.js.map