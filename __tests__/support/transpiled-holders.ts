/**
 * Writes plain-JS copies of src/types.ts, src/windows-system-tool.ts and src/holders/*.ts into a
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

/** Returns the directory; `holders/linux.js` etc. sit under it. */
export function transpileHolders(): string {
  const dir = mkdtempSync(join(tmpdir(), 'port-guard-holders-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'holders'), { mode: 0o755 });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n', { mode: 0o644 });
  transpile(new URL('types.ts', SRC), join(dir, 'types.js'));
  transpile(new URL('windows-system-tool.ts', SRC), join(dir, 'windows-system-tool.js'));
  for (const file of readdirSync(new URL('holders/', SRC))) {
    if (!file.endsWith('.ts')) continue;
    transpile(new URL(`holders/${file}`, SRC), join(dir, 'holders', file.replace(/\.ts$/, '.js')));
  }
  return dir;
}
