import {
  countPorts,
  formatRanges,
  inRanges,
  intersectRanges,
  normalizeRanges,
  parsePortRanges,
  subtractRanges,
} from '../../src/spec/port-ranges.js';
import { InputError } from '../../src/spec/input-error.js';

test('parse ranges and single ports', () => {
  expect(parsePortRanges('8000-8100, 5432\n6379', 'exclude', true)).toEqual([
    { lo: 8000, hi: 8100 },
    { lo: 5432, hi: 5432 },
    { lo: 6379, hi: 6379 },
  ]);
});

test('every bad token is reported', () => {
  try {
    parsePortRanges('1-2-3 0-10 10-5 -5 x 70000-70001', 'fallback-range', false);
    throw new Error('parsed');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      expect.stringContaining('"1-2-3"'),
      expect.stringContaining('"0-10"'),
      'fallback-range: "10-5" is reversed: the low end comes first, e.g. "5-10"',
      expect.stringContaining('"-5"'),
      expect.stringContaining('"x"'),
      expect.stringContaining('"70000-70001"'),
    ]);
  }
});

test('arithmetic', () => {
  expect(
    normalizeRanges([
      { lo: 10, hi: 20 },
      { lo: 1, hi: 5 },
      { lo: 6, hi: 8 },
      { lo: 15, hi: 30 },
    ]),
  ).toEqual([
    { lo: 1, hi: 8 },
    { lo: 10, hi: 30 },
  ]);
  expect(
    subtractRanges(
      [{ lo: 1, hi: 100 }],
      [
        { lo: 10, hi: 20 },
        { lo: 50, hi: 50 },
        { lo: 90, hi: 200 },
      ],
    ),
  ).toEqual([
    { lo: 1, hi: 9 },
    { lo: 21, hi: 49 },
    { lo: 51, hi: 89 },
  ]);
  expect(intersectRanges([{ lo: 49152, hi: 65535 }], [{ lo: 32768, hi: 60999 }])).toEqual([
    { lo: 49152, hi: 60999 },
  ]);
  expect(
    countPorts([
      { lo: 1, hi: 10 },
      { lo: 5, hi: 12 },
    ]),
  ).toBe(12);
  expect(inRanges(7, [{ lo: 5, hi: 8 }])).toBe(true);
  expect(inRanges(9, [{ lo: 5, hi: 8 }])).toBe(false);
  expect(
    formatRanges([
      { lo: 5, hi: 5 },
      { lo: 7, hi: 9 },
    ]),
  ).toBe('5, 7-9');
});
