/**
 * Property-based tests of the spec grammar, the range grammar and the range arithmetic: any
 * input either parses into something that round-trips or is refused with an InputError —
 * never an exception of another kind — and the arithmetic agrees with a plain Set model.
 */
import fc from 'fast-check';
import {
  INPUT_DEFAULTS,
  parseConfig,
  type InputName,
  type RawOptions,
} from '../../src/spec/config.js';
import { InputError, InputErrors } from '../../src/spec/input-error.js';
import { parsePortSpecs } from '../../src/spec/port-spec.js';
import {
  countPorts,
  formatRanges,
  inRanges,
  intersectRanges,
  normalizeRanges,
  parsePortRanges,
  subtractRanges,
} from '../../src/spec/port-ranges.js';
import type { PortRange } from '../../src/spec/port-ranges.js';
import type { PortSpec, SpecProtocol } from '../../src/spec/port-spec.js';

const RUNS = { numRuns: 2000 };

/** Either the value, or the InputError(s) it was refused with; anything else is rethrown. */
function outcome<T>(fn: () => T): { ok: T } | { refused: InputError | InputErrors } {
  try {
    return { ok: fn() };
  } catch (err) {
    if (err instanceof InputError || err instanceof InputErrors) return { refused: err };
    throw err;
  }
}

// Characters that matter to the grammar, look-alikes and unicode digits among them.
const SPECIAL = [
  ...'=/,;: \t\n\r-_.+0123456789eExXabcAUTOautotcpudpboth',
  'а', // Cyrillic a
  'О', // Cyrillic O
  '３', // fullwidth 3
  '٣', // Arabic-Indic 3
  '\u00a0', // no-break space: not a separator
  '\u200b', // zero-width space
  '😀',
];
const gramChar = fc.constantFrom(...SPECIAL);
const nearGrammar = fc
  .array(
    fc.oneof(
      gramChar,
      fc.constantFrom(
        'auto',
        '0',
        '65535',
        '65536',
        '3000',
        '-1',
        'tcp',
        'udp',
        'both',
        'web',
        'Web',
        'port',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nearGrammar,
);

const NAME_START = [...'abcxyzABCXYZ'];
const NAME_REST = [...'abcxyzABCXYZ0123456789_-'];
const validName = fc
  .tuple(fc.constantFrom(...NAME_START), fc.array(fc.constantFrom(...NAME_REST), { maxLength: 10 }))
  .map(([a, rest]) => a + rest.join(''));
const protocol = fc.constantFrom<SpecProtocol>('tcp', 'udp', 'both');
/** Specs that are mostly valid, so that round trips are exercised, not only refusals. */
const validishSpecs = fc
  .array(
    fc.record({
      name: fc.option(validName, { nil: undefined }),
      port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('auto' as const)),
      protocol: fc.option(protocol, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((specs) =>
    fc
      .constantFrom(', ', ',', ' ', '\n', ' ,\n ')
      .map((sep) =>
        specs
          .map(
            (s) =>
              `${s.name !== undefined ? `${s.name}=` : ''}${s.port}${s.protocol ? `/${s.protocol}` : ''}`,
          )
          .join(sep),
      ),
  );

const format = (specs: PortSpec[]) =>
  specs.map((s) => `${s.name}=${s.port}/${s.protocol}`).join(', ');
const strip = (specs: PortSpec[]) =>
  specs.map(({ name, port, protocol }) => ({ name, port, protocol }));

describe('parsePortSpecs', () => {
  test.each([
    ['any text', anyText],
    ['mostly valid specs', validishSpecs],
  ])('%s: parses into specs that round-trip, or refuses with InputError', (_label, arb) => {
    let parsed = 0;
    fc.assert(
      fc.property(arb, protocol, (text, defaultProtocol) => {
        const r = outcome(() => parsePortSpecs(text, defaultProtocol));
        if ('refused' in r) {
          expect(r.refused.message.length).toBeGreaterThan(0);
          for (const line of r.refused.message.split('\n')) expect(line).toMatch(/^ports: /);
          return;
        }
        parsed++;
        const specs = r.ok;
        for (const s of specs) {
          expect(s.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);
          if (s.port !== 'auto')
            expect(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535).toBe(true);
        }
        const again = parsePortSpecs(format(specs), defaultProtocol === 'tcp' ? 'udp' : 'tcp');
        expect(strip(again)).toEqual(strip(specs));
      }),
      RUNS,
    );
    expect(parsed).toBeGreaterThan(0);
  });
});

describe('parseConfig', () => {
  const names = Object.keys(INPUT_DEFAULTS) as InputName[];
  const near: Partial<Record<InputName, fc.Arbitrary<string>>> = {
    ports: validishSpecs,
    protocol: fc.constantFrom('tcp', 'udp', 'both', 'TCP', ''),
    'on-conflict': fc.constantFrom('fail', 'fallback', 'warn', 'ignore'),
    'fallback-range': fc.constantFrom('49152-65535', '1000-2000, 3000-4000', '5-1', '1-65535'),
    exclude: fc.constantFrom('', '5432', '1000-1999, 2000-2999', '1-65535'),
    hosts: fc.constantFrom(
      'all',
      '127.0.0.1',
      '::1, 127.0.0.1',
      '0.0.0.0',
      'localhost',
      '203.0.113.7',
    ),
    wait: fc.constantFrom('0', '1.5', '3600', '3600.001', '-0'),
    'lease-ttl': fc.constantFrom('1', '21600', '0', '604800'),
    'export-env': fc.constantFrom('true', 'false', 'True', 'yes'),
    lease: fc.constantFrom('true', 'false', 'FALSE'),
    summary: fc.constantFrom('true', 'false', 'TRUE'),
    'fallback-strategy': fc.constantFrom('random', 'sequential'),
    seed: fc.string({ maxLength: 20 }),
    'lease-dir': fc.constantFrom('', '/tmp/x', 'relative/dir'),
  };
  const raw: fc.Arbitrary<RawOptions> = fc.record(
    Object.fromEntries(
      names.map((n) => [
        n,
        fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: near[n] ?? anyText, weight: 12 }),
      ]),
    ) as Record<InputName, fc.Arbitrary<string>>,
    { requiredKeys: [] },
  );

  test('any raw options give a Config or InputErrors naming known inputs', () => {
    let ok = 0;
    fc.assert(
      fc.property(raw, (options) => {
        const r = outcome(() => parseConfig(options));
        if ('refused' in r) {
          const errors = r.refused instanceof InputErrors ? r.refused.errors : [r.refused];
          for (const e of errors) {
            expect(names).toContain(e.input);
            expect(e.problems.length).toBeGreaterThan(0);
          }
          return;
        }
        ok++;
        const c = r.ok;
        expect(c.specs.length).toBeGreaterThan(0);
        expect(c.waitSeconds).toBeGreaterThanOrEqual(0);
        expect(c.leaseTtlSeconds).toBeGreaterThanOrEqual(1);
        expect(countPorts(subtractRanges(c.fallbackRanges, c.exclude))).toBeGreaterThan(0);
      }),
      RUNS,
    );
    expect(ok).toBeGreaterThan(0);
  });
});

describe('parsePortRanges', () => {
  const rangeText = fc.oneof(
    anyText,
    fc
      .array(
        fc.oneof(
          fc.integer({ min: -2, max: 65537 }).map(String),
          fc
            .tuple(fc.integer({ min: 0, max: 65536 }), fc.integer({ min: 0, max: 65536 }))
            .map(([a, b]) => `${a}-${b}`),
        ),
        { maxLength: 6 },
      )
      .map((t) => t.join(', ')),
  );

  test.each([true, false])(
    'singles %s: valid disjoint ranges that round-trip, or InputError',
    (singles) => {
      fc.assert(
        fc.property(rangeText, (text) => {
          const r = outcome(() => parsePortRanges(text, 'exclude', singles));
          if ('refused' in r) {
            expect(r.refused).toBeInstanceOf(InputError);
            for (const line of r.refused.message.split('\n')) expect(line).toMatch(/^exclude: /);
            return;
          }
          for (const x of r.ok) expect(1 <= x.lo && x.lo <= x.hi && x.hi <= 65535).toBe(true);
          // Entries never overlap (overlap is refused), so nothing is counted twice.
          expect(countPorts(r.ok)).toBe(r.ok.reduce((n, x) => n + x.hi - x.lo + 1, 0));
          if (singles || r.ok.every((x) => x.lo < x.hi)) {
            const again = parsePortRanges(formatRanges(r.ok), 'exclude', true);
            expect(normalizeRanges(again)).toEqual(normalizeRanges(r.ok));
          }
        }),
        RUNS,
      );
    },
  );
});

describe('range arithmetic agrees with a Set model', () => {
  const MAX = 40;
  const range = fc
    .tuple(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 1, max: MAX }))
    .map(([a, b]): PortRange => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
  const ranges = fc.array(range, { maxLength: 6 });
  const set = (rs: readonly PortRange[]) => {
    const s = new Set<number>();
    for (const r of rs) for (let p = r.lo; p <= r.hi; p++) s.add(p);
    return [...s].sort((a, b) => a - b);
  };
  /** Sorted, disjoint and not even adjacent: the one canonical form. */
  const canonical = (rs: PortRange[]) =>
    rs.every((r, i) => r.lo <= r.hi && (i === 0 || rs[i - 1].hi + 1 < r.lo));

  test('normalizeRanges, countPorts, inRanges', () => {
    fc.assert(
      fc.property(ranges, (rs) => {
        const n = normalizeRanges(rs);
        expect(canonical(n)).toBe(true);
        expect(set(n)).toEqual(set(rs));
        expect(countPorts(rs)).toBe(set(rs).length);
        const members = new Set(set(rs));
        for (let p = 0; p <= MAX + 1; p++) if (inRanges(p, rs) !== members.has(p)) return false;
        return true;
      }),
      RUNS,
    );
  });

  test('subtractRanges and intersectRanges', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const sb = new Set(set(b));
        const minus = subtractRanges(a, b);
        expect(canonical(minus)).toBe(true);
        expect(set(minus)).toEqual(set(a).filter((p) => !sb.has(p)));
        const both = intersectRanges(a, b);
        expect(canonical(both)).toBe(true);
        expect(set(both)).toEqual(set(a).filter((p) => sb.has(p)));
      }),
      RUNS,
    );
  });

  test('inputs are not modified', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const copyA = structuredClone(a);
        const copyB = structuredClone(b);
        normalizeRanges(a);
        subtractRanges(a, b);
        intersectRanges(a, b);
        countPorts(b);
        expect([a, b]).toEqual([copyA, copyB]);
      }),
      RUNS,
    );
  });
});
