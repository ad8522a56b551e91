// Drives __tests__/fixtures/lease-child.mjs: a real, separate allocator process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURE = path.resolve('__tests__/fixtures/lease-child.mjs');

/** Bundles the lease registry with ncc (as the action is bundled); returns the bundle path. */
export function buildLeaseBundle(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pg-lease-bundle-'));
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      'src/lease/lease-registry.ts',
      '-o',
      out,
      '--quiet',
      '--target',
      'es2022',
    ],
    { stdio: 'inherit' },
  );
  return path.join(out, 'index.js');
}

export type ChildJob =
  { mode: 'range'; lo: number; hi: number; count: number } | { mode: 'fixed'; ports: number[] };

export interface ChildResult {
  pid: number;
  got: number[];
  refused: Array<{ port: number; heldBy: { owner: { pid: number } } | null }>;
  problems: string[];
}

export class LeaseChild {
  readonly process: ChildProcess;
  /** Resolves once the process exited AND its output was read to the end. */
  readonly exited: Promise<number | null>;
  private buffered = '';
  private readonly lines: string[] = [];
  private readonly waiters: Array<(line: string) => void> = [];
  stderr = '';

  /** `asUid`: run as that user (and group), through setpriv; needs root. */
  constructor(bundle: string, dir: string, job: ChildJob, asUid?: number) {
    const args = [FIXTURE, bundle, dir, JSON.stringify(job)];
    this.process =
      asUid === undefined
        ? spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn(
            'setpriv',
            [`--reuid=${asUid}`, `--regid=${asUid}`, '--clear-groups', process.execPath, ...args],
            { stdio: ['pipe', 'pipe', 'pipe'] },
          );
    this.exited = new Promise((resolve) => this.process.on('close', (code) => resolve(code)));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process.stdout!.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString();
      let newline;
      while ((newline = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, newline);
        this.buffered = this.buffered.slice(newline + 1);
        const waiter = this.waiters.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
  }

  get pid(): number {
    return this.process.pid!;
  }

  nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      void this.exited.then((code) =>
        reject(new Error(`child ${this.pid} exited (${code}): ${this.stderr}`)),
      );
    });
  }

  async expectLine(expected: string): Promise<void> {
    const line = await this.nextLine();
    if (line !== expected)
      throw new Error(
        `child ${this.pid} said ${JSON.stringify(line)}, expected ${expected}; stderr: ${this.stderr}`,
      );
  }

  async result(): Promise<ChildResult> {
    return JSON.parse(await this.nextLine()) as ChildResult;
  }

  send(line: string): void {
    this.process.stdin!.write(`${line}\n`);
  }
}
