import { listCandidatePorts as candidatePorts } from '../../src/allocate/candidate-ports.js';

const ranges = [{ lo: 60990, hi: 61009 }];
const ephemeral = { lo: 32768, hi: 60999 };

test('sequential: lowest first, ports outside the ephemeral range before those inside', () => {
  expect(candidatePorts({ ranges, exclude: [], ephemeral, strategy: 'sequential' })).toEqual([
    ...Array.from({ length: 10 }, (_, i) => 61000 + i),
    ...Array.from({ length: 10 }, (_, i) => 60990 + i),
  ]);
});

test('exclusions and reserved ports never appear', () => {
  const ports = candidatePorts({
    ranges,
    exclude: [
      { lo: 61000, hi: 61004 },
      { lo: 60995, hi: 60995 },
    ],
    strategy: 'random',
  });
  expect(ports).toHaveLength(14);
  expect(ports.some((p) => (p >= 61000 && p <= 61004) || p === 60995)).toBe(false);
});

test('random: a permutation; the same seed gives the same order, another seed another', () => {
  const big = [{ lo: 49152, hi: 65535 }];
  const a = candidatePorts({
    ranges: big,
    exclude: [],
    ephemeral,
    strategy: 'random',
    seed: 'job-1',
  });
  const b = candidatePorts({
    ranges: big,
    exclude: [],
    ephemeral,
    strategy: 'random',
    seed: 'job-1',
  });
  const c = candidatePorts({
    ranges: big,
    exclude: [],
    ephemeral,
    strategy: 'random',
    seed: 'job-2',
  });
  expect(a).toEqual(b);
  expect(a.slice(0, 20)).not.toEqual(c.slice(0, 20));
  expect(new Set(a).size).toBe(65535 - 49152 + 1);
  // The part outside the ephemeral range (61000-65535) comes first, shuffled.
  expect(a.slice(0, 4536).every((p) => p >= 61000)).toBe(true);
  expect(a.slice(0, 50)).not.toEqual([...a.slice(0, 50)].sort((x, y) => x - y));
});

test('random over several ranges and a tiny range is still a permutation', () => {
  const ranges = [
    { lo: 100, hi: 102 },
    { lo: 200, hi: 200 },
    { lo: 300, hi: 311 },
  ];
  for (const seed of ['a', 'b', 'c', 'd']) {
    const ports = candidatePorts({ ranges, exclude: [], strategy: 'random', seed });
    expect([...ports].sort((x, y) => x - y)).toEqual([
      100,
      101,
      102,
      200,
      ...Array.from({ length: 12 }, (_, i) => 300 + i),
    ]);
  }
  expect(
    candidatePorts({ ranges: [{ lo: 7, hi: 8 }], exclude: [], strategy: 'random' }).sort(),
  ).toEqual([7, 8]);
  expect(candidatePorts({ ranges: [{ lo: 7, hi: 7 }], exclude: [], strategy: 'random' })).toEqual([
    7,
  ]);
});

test('without a seed, two runs differ', () => {
  const big = [{ lo: 1024, hi: 65535 }];
  const a = candidatePorts({ ranges: big, exclude: [], strategy: 'random' });
  const b = candidatePorts({ ranges: big, exclude: [], strategy: 'random' });
  expect(a.slice(0, 10)).not.toEqual(b.slice(0, 10));
});
