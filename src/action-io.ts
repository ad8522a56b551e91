/**
 * The runner protocol both fronts need (the action, and the CLI's `--format github`), from
 * @actions/core's own command and file-command modules. Importing the package root would also
 * load its OIDC HTTP client (about 80 ms and 13 MB per run, measured with `npm run bench`),
 * which neither front uses.
 */
import { issueCommand } from '../node_modules/@actions/core/lib/command.js';
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../node_modules/@actions/core/lib/file-command.js';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** Reads an input the way `core.getInput` does (trimmed; '' when absent). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function keyValue(command: string, fileCommand: string, name: string, value: string): void {
  if (process.env[`GITHUB_${fileCommand}`])
    issueFileCommand(fileCommand, prepareKeyValueMessage(name, value));
  else {
    process.stdout.write(EOL);
    issueCommand(command, { name }, value);
  }
}

export function setOutput(name: string, value: string): void {
  keyValue('set-output', 'OUTPUT', name, value);
}

export function saveState(name: string, value: string): void {
  keyValue('save-state', 'STATE', name, value);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  if (process.env.GITHUB_ENV) issueFileCommand('ENV', prepareKeyValueMessage(name, value));
  else issueCommand('set-env', { name }, value);
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export function annotate(level: AnnotationLevel, message: string, title?: string): void {
  issueCommand(level, title ? { title } : {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  annotate('error', message);
}

/** Appends Markdown to the job summary, when the runner gave one. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown, { encoding: 'utf8' });
}
