/**
 * Writes plain-JS copies of every module in src/ into a
 * world-readable temporary directory, so a process running as another user (uid 65534) can run
 * the real lookup code.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const SRC = new URL('../../src/', import.meta.url);

function transpile(from: URL, to: string): void {
  const source = readFileSync(from, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(to, out.outputText, { mode: 0o644 });
}

/** Returns the directory; `holders/linux.js` etc. sit under it, with every module they import. */
export function transpileHolders(): string {
  const dir = mkdtempSync(join(tmpdir(), 'port-guard-holders-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n', { mode: 0o644 });
  // The whole tree: the holder code imports from several stages (spec, system, holders).
  const copy = (sub: string): void => {
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
    for (const entry of readdirSync(new URL(sub, SRC), { withFileTypes: true })) {
      if (entry.isDirectory()) copy(`${sub}${entry.name}/`);
      else if (entry.name.endsWith('.ts'))
        transpile(
          new URL(`${sub}${entry.name}`, SRC),
          join(dir, sub, entry.name.replace(/\.ts$/, '.js')),
        );
    }
  };
  copy('');
  return dir;
}
