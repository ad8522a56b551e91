export const id = 923;
export const ids = [923];
export const modules = {

/***/ 923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runnerIO: () => (/* binding */ runnerIO)
/* harmony export */ });
/* unused harmony exports OutputFileError, runnerFileProblem */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The runner protocol the fronts speak (inputs, outputs, state, annotations, the job summary),
 * behind one interface: the action's main and post steps take a RunnerIO, so tests drive them
 * in-process with a fake one (the seam actions/cache has in its StateProvider), and the CLI's
 * `--format github` writes through the same real one.
 */




/**
 * A runner file that cannot be written: port-guard could not do its work (the CLI exits 3; the
 * action fails its step). The message is one line naming the variable and the file.
 */
class OutputFileError extends Error {
    variable;
    file;
    exitCode = 3;
    constructor(variable, file, why) {
        super(`cannot write ${variable} (${file}): ${why}`);
        this.variable = variable;
        this.file = file;
        this.name = 'OutputFileError';
    }
}
function why(err) {
    const e = err;
    return e?.code ? `${e.code}${e.syscall ? ` (${e.syscall})` : ''}` : String(e?.message ?? err);
}
/**
 * Why the file `env[variable]` names cannot be appended to, or undefined when it can (or when
 * the variable is unset: whether that is allowed is the caller's decision). Checked before any
 * port is probed, so a run that could not publish its results never starts.
 */
function runnerFileProblem(variable, env = process.env) {
    const file = env[variable];
    if (!file)
        return undefined;
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(file, { throwIfNoEntry: false });
        if (stats === undefined) {
            // Appending creates it: the directory must let us.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.accessSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file), node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.W_OK);
            return undefined;
        }
        if (!stats.isFile() && !stats.isFIFO() && !stats.isCharacterDevice())
            return new OutputFileError(variable, file, 'not a regular file');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.W_OK);
        return undefined;
    }
    catch (err) {
        return new OutputFileError(variable, file, why(err));
    }
}
/** Runs a write to a runner file; any failure becomes one {@link OutputFileError}. */
function writing(variable, write) {
    try {
        write();
    }
    catch (err) {
        throw new OutputFileError(variable, process.env[variable] ?? '(unset)', why(err));
    }
}
/** The real runner, through @actions/core's public entry point. */
const runnerIO = {
    getInput: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name),
    setOutput: (name, value) => writing('GITHUB_OUTPUT', () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value)),
    saveState: (name, value) => writing('GITHUB_STATE', () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value)),
    getState: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(name),
    exportVariable: (name, value) => writing('GITHUB_ENV', () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.exportVariable(name, value)),
    annotate: (level, message, title) => _actions_core__WEBPACK_IMPORTED_MODULE_0__[level](message, title ? { title } : {}),
    info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message),
    isDebug: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(),
    debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(message),
    appendSummary: (markdown) => {
        // Synchronous on purpose: core.summary buffers and writes asynchronously, and a summary
        // must never be half-written when the step ends.
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (file)
            writing('GITHUB_STEP_SUMMARY', () => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.appendFileSync)(file, markdown, { encoding: 'utf8' }));
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
    fileProblem: (variable) => runnerFileProblem(variable, process.env),
};


/***/ })

};

//# sourceMappingURL=923.index.js.map