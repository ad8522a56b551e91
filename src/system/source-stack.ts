/**
 * Stacks from the bundles, pointed back at src/: the bundles ship their source maps, and only
 * a failure reads one. (ncc's source-map-support register would do it for every stack, but
 * loading it costs each run of the action or the CLI about 55 ms of CPU; `npm run bench`.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map<string, SourceMap | undefined>();

function mapFor(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      if (existsSync(`${file}.map`))
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/** `stack` with every frame in a bundled `.js` file that has a map rewritten to its source. */
export function sourceMappedStack(stack: string): string {
  return stack.replace(
    /((?:file:\/\/)?[^\s():]+\.js):(\d+):(\d+)/g,
    (frame, location: string, line: string, column: string) => {
      try {
        const file = location.startsWith('file://') ? fileURLToPath(location) : location;
        const map = mapFor(file);
        if (!map) return frame;
        const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
          originalSource?: string;
          originalLine?: number;
          originalColumn?: number;
        };
        if (entry.originalSource === undefined || entry.originalLine === undefined) return frame;
        const source = resolve(dirname(file), entry.originalSource);
        return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
      } catch {
        return frame;
      }
    },
  );
}
