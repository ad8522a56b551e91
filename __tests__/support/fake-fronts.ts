/**
 * Recording fakes of the fronts' seams: a RunnerIO (the action's runner protocol) and a
 * Terminal (the CLI's streams), so main steps and command lines run in-process.
 */
import type { AnnotationLevel, RunnerFile, RunnerIO } from '../../src/action/runner-io.js';
import { runnerFileProblem } from '../../src/action/runner-io.js';
import type { Terminal } from '../../src/cli/terminal.js';

export interface Annotated {
  level: AnnotationLevel;
  message: string;
  title?: string;
}

export interface FakeRunner extends RunnerIO {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exported: Record<string, string>;
  annotations: Annotated[];
  infos: string[];
  debugs: string[];
  summaries: string[];
  exitCode: number | undefined;
  /** The environment runner files are looked up in. */
  env: NodeJS.ProcessEnv;
  /** Makes a write to one of the runner's files throw, as a full disk would. */
  failWrites: Set<RunnerFile>;
}

export function fakeRunner(inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) {
  const io: FakeRunner = {
    inputs,
    outputs: {},
    state: {},
    exported: {},
    annotations: [],
    infos: [],
    debugs: [],
    summaries: [],
    exitCode: undefined,
    env,
    failWrites: new Set(),
    getInput: (name) => (io.inputs[name] ?? '').trim(),
    setOutput: (name, value) => {
      if (io.failWrites.has('GITHUB_OUTPUT')) throw enospc('GITHUB_OUTPUT');
      io.outputs[name] = value;
    },
    saveState: (name, value) => {
      if (io.failWrites.has('GITHUB_STATE')) throw enospc('GITHUB_STATE');
      io.state[name] = value;
    },
    getState: (name) => io.state[name] ?? '',
    exportVariable: (name, value) => {
      if (io.failWrites.has('GITHUB_ENV')) throw enospc('GITHUB_ENV');
      io.exported[name] = value;
    },
    annotate: (level, message, title) =>
      io.annotations.push({ level, message, ...(title ? { title } : {}) }),
    info: (message) => io.infos.push(message),
    isDebug: () => true,
    debug: (message) => io.debugs.push(message),
    appendSummary: (markdown) => {
      if (io.failWrites.has('GITHUB_STEP_SUMMARY')) throw enospc('GITHUB_STEP_SUMMARY');
      io.summaries.push(markdown);
    },
    group: (title, text) => io.infos.push(`${title}\n${text}`),
    setExitCode: (code) => {
      io.exitCode = code;
    },
    fileProblem: (variable) => runnerFileProblem(variable, io.env),
  };
  return io;
}

function enospc(variable: RunnerFile): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, write (${variable})`), {
    code: 'ENOSPC',
    syscall: 'write',
  });
}

export interface RecordingTerminal extends Terminal {
  out: string;
  err: string;
}

export function recordingTerminal(
  env: NodeJS.ProcessEnv = {},
  runner?: RunnerIO,
  ppid: number = process.pid,
): RecordingTerminal {
  const term: RecordingTerminal = {
    out: '',
    err: '',
    stdout: (text) => {
      term.out += text;
    },
    stderr: (text) => {
      term.err += text;
    },
    env,
    ppid,
    ...(runner ? { runner } : {}),
  };
  return term;
}

/** Lines that look like a stack trace. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at\s/.test(l) || /\.(ts|js):\d+:\d+/.test(l));
}
