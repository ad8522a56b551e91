import * as io from './action-io.js';
import type { AllocationResult } from './allocate.js';
import { parseCliArgs, USAGE, UsageError, type CliCommand } from './cli-args.js';
import { CancelledError } from './cancellation.js';
import { parseConfig } from './config.js';
import { parsePortNumber } from './port-spec.js';
import { runGuard } from './guard-run.js';
import { InputError, InputErrors } from './input-error.js';
import { defaultLeaseDir } from './lease/lease-dir.js';
import { cliLeaseOwnerPid } from './lease/lease-owner.js';
import { describeLease, releaseLeases } from './lease/lease-registry.js';
import {
  annotationsFor,
  cancelledMessage,
  conflictsJson,
  envPairs,
  portOutputs,
  publishedOutputs,
  summaryMarkdown,
  textTable,
  waitingMessage,
} from './report.js';
import { VERSION } from './version.js';

const EXIT_OK = 0;
const EXIT_CONFLICT = 1;
const EXIT_USAGE = 2;

function printErrors(err: InputError | InputErrors): void {
  const errors = err instanceof InputErrors ? err.errors : [err];
  for (const e of errors) for (const p of e.problems) process.stderr.write(`port-guard: ${p}\n`);
}

function writeGithub(result: AllocationResult, exportEnv: boolean, summary: boolean): void {
  if (!process.env.GITHUB_OUTPUT)
    throw new UsageError(
      '--format',
      '--format github: GITHUB_OUTPUT is not set (this format is for GitHub Actions steps)',
    );
  for (const [name, value] of Object.entries(publishedOutputs(result))) io.setOutput(name, value);
  if (result.ok && exportEnv && process.env.GITHUB_ENV) {
    for (const [name, value] of envPairs(result)) io.exportVariable(name, value);
  }
  if (summary) io.appendSummary(summaryMarkdown(result));
}

async function guard(command: Extract<CliCommand, { kind: 'guard' }>): Promise<number> {
  const config = parseConfig(command.options);
  // The leases live as long as the CLI's parent: the job's shell.
  const owner = config.lease
    ? { pid: await cliLeaseOwnerPid(process.env, process.ppid) }
    : undefined;
  const { result, problems } = await runGuard(config, {
    ...(owner ? { owner } : {}),
    onWait: ({ conflicts, seconds }) =>
      process.stderr.write(`port-guard: ${waitingMessage(conflicts, seconds)}\n`),
  });
  for (const problem of problems) process.stderr.write(`warning: ${problem}\n`);
  for (const note of annotationsFor(result))
    process.stderr.write(`${note.level}: ${note.message}\n`);
  switch (command.format) {
    case 'json':
      process.stdout.write(
        JSON.stringify(
          {
            ok: result.ok,
            ports: result.ok ? JSON.parse(portOutputs(result).ports!) : {},
            assignments: result.assignments,
            conflicts: JSON.parse(conflictsJson(result.conflicts)),
            ...(result.error ? { error: result.error } : {}),
          },
          null,
          2,
        ) + '\n',
      );
      break;
    case 'env':
      if (result.ok)
        process.stdout.write(
          envPairs(result)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
      break;
    case 'github':
      writeGithub(result, config.exportEnv, config.summary);
      break;
    default:
      process.stdout.write(textTable(result) + '\n');
  }
  return result.ok ? EXIT_OK : EXIT_CONFLICT;
}

/** `port-guard release [PORT...]`: drops the leases this shell (our parent) holds. */
async function release(command: Extract<CliCommand, { kind: 'release' }>): Promise<number> {
  const ports = command.ports.map((token) => {
    const port = parsePortNumber(token);
    if (port === undefined)
      throw new UsageError('release', `release: "${token}" is not a port number 1-65535`);
    return port;
  });
  const dir = command.leaseDir === '' ? defaultLeaseDir() : command.leaseDir;
  const shell = await cliLeaseOwnerPid(process.env, process.ppid);
  const released = await releaseLeases(dir, { pid: shell, ports });
  for (const r of released)
    process.stdout.write(`released ${r.port}/${r.protocol} (${describeLease(r)})\n`);
  if (released.length === 0)
    process.stderr.write(`port-guard: no leases of this shell (pid ${shell}) to release\n`);
  return EXIT_OK;
}

async function whoHolds(command: Extract<CliCommand, { kind: 'who' }>): Promise<number> {
  if (command.format !== 'text' && command.format !== 'json')
    throw new UsageError(
      '--format',
      `who: --format ${command.format} is not available; use text or json`,
    );
  // Loaded on demand: checking ports never needs the holder lookup unless a port is busy.
  const { formatWhoJson, formatWhoTable, parseWhoTargets, who } = await import('./holders/who.js');
  const results = await who(parseWhoTargets(command.targets));
  process.stdout.write(
    (command.format === 'json' ? formatWhoJson(results) : formatWhoTable(results)) + '\n',
  );
  return EXIT_OK;
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return EXIT_OK;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return EXIT_OK;
      case 'guard':
        return await guard(command);
      case 'release':
        return await release(command);
      case 'who':
        return await whoHolds(command);
    }
  } catch (err) {
    if (err instanceof InputError || err instanceof InputErrors) {
      printErrors(err);
      return EXIT_USAGE;
    }
    if (err instanceof CancelledError) {
      process.stderr.write(`port-guard: ${cancelledMessage(err)}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `port-guard: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT_CONFLICT;
  }
}

process.exitCode = await main(process.argv.slice(2));
