import { readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, parseConfig, type RawOptions } from '../../src/spec/config.js';
import { InputErrors } from '../../src/spec/input-error.js';
import { SERVER_INPUT_DEFAULTS } from '../../src/ready/server-plan.js';
import { defaultLeaseDir } from '../../src/lease/lease-dir.js';

const problemsOf = (raw: RawOptions): Record<string, string[]> => {
  try {
    parseConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(InputErrors);
    return Object.fromEntries((err as InputErrors).errors.map((e) => [e.input, e.problems]));
  }
  throw new Error('parsed');
};

test('action.yml states exactly the inputs and defaults the engine uses', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean }>;
  };
  // The engine's inputs, and the `run` server's (parsed beside them by the action).
  expect(Object.keys(action.inputs).sort()).toEqual(
    Object.keys({ ...INPUT_DEFAULTS, ...SERVER_INPUT_DEFAULTS }).sort(),
  );
  for (const [name, def] of Object.entries(INPUT_DEFAULTS)) {
    if (name === 'ports') expect(action.inputs.ports.required).toBe(true);
    else expect([name, action.inputs[name].default]).toEqual([name, def]);
  }
});

test('defaults', () => {
  const config = parseConfig({ ports: 'web=3000' });
  expect(config).toEqual({
    specs: [{ name: 'web', port: 3000, protocol: 'tcp', token: 'web=3000' }],
    onConflict: 'fail',
    fallbackRanges: [{ lo: 49152, hi: 65535 }],
    fallbackStrategy: 'random',
    exclude: [],
    hosts: 'all',
    waitSeconds: 0,
    seed: undefined,
    exportEnv: false,
    lease: true,
    leaseDir: defaultLeaseDir(),
    leaseTtlSeconds: 21600,
    summary: true,
  });
});

test('every input parsed', () => {
  const config = parseConfig({
    ports: 'a=1 b=auto',
    protocol: 'both',
    'on-conflict': 'fallback',
    'fallback-range': '20000-20010 30000-30100',
    'fallback-strategy': 'sequential',
    exclude: '20005, 30000-30050',
    hosts: '127.0.0.1 ::1',
    wait: '2.5',
    seed: 'job-1',
    'export-env': 'TRUE',
    lease: 'False',
    'lease-dir': join(tmpdir(), 'leases', '.', 'here'),
    'lease-ttl': '60',
    summary: 'false',
  });
  expect(config).toMatchObject({
    onConflict: 'fallback',
    fallbackRanges: [
      { lo: 20000, hi: 20010 },
      { lo: 30000, hi: 30100 },
    ],
    fallbackStrategy: 'sequential',
    exclude: [
      { lo: 20005, hi: 20005 },
      { lo: 30000, hi: 30050 },
    ],
    hosts: ['127.0.0.1', '::1'],
    waitSeconds: 2.5,
    seed: 'job-1',
    exportEnv: true,
    lease: false,
    leaseDir: join(tmpdir(), 'leases', 'here'),
    leaseTtlSeconds: 60,
    summary: false,
  });
  expect(config.specs.map((s) => s.protocol)).toEqual(['both', 'both']);
});

test('every bad input is reported at once, each naming its input and value', () => {
  const p = problemsOf({
    ports: 'web=x',
    protocol: 'sctp',
    'on-conflict': 'retry',
    'fallback-range': '65535-1024',
    'fallback-strategy': 'lowest',
    exclude: 'a-b',
    hosts: 'localhost',
    wait: '-1',
    'export-env': 'yes',
    lease: '1',
    'lease-ttl': '0',
    summary: 'on',
  });
  expect(Object.keys(p).sort()).toEqual(
    [
      'ports',
      'protocol',
      'on-conflict',
      'fallback-range',
      'fallback-strategy',
      'exclude',
      'hosts',
      'wait',
      'export-env',
      'lease',
      'lease-ttl',
      'summary',
    ].sort(),
  );
  expect(p.protocol).toEqual(['protocol: "sctp" is not one of tcp, udp, both']);
  expect(p['on-conflict']).toEqual(['on-conflict: "retry" is not one of fail, fallback, warn']);
  expect(p['fallback-range'][0]).toContain('"65535-1024" is reversed');
  expect(p.hosts[0]).toContain('"localhost" is not a literal IP address; host names are refused');
  expect(p.wait[0]).toContain('"-1" is not a number of seconds');
  expect(p['lease-ttl'][0]).toContain('lease-ttl: 0 is out of range; expected 1 to');
  expect(p['export-env'][0]).toContain('"yes" is not a boolean');
});

test('ranges: single ports only in exclude; an entirely excluded fallback range is an error', () => {
  expect(problemsOf({ ports: '1', 'fallback-range': '5000' })['fallback-range'][0]).toContain(
    '"5000" is not a range LO-HI',
  );
  expect(problemsOf({ ports: '1', 'fallback-range': ' , ' })['fallback-range'][0]).toContain(
    'fallback-range: empty',
  );
  expect(
    problemsOf({ ports: '1', 'fallback-range': '5000-5010', exclude: '4000-6000' })[
      'fallback-range'
    ][0],
  ).toContain('every port of 5000-5010 is excluded');
  // Overlapping entries are refused (issue 6: a malformed input), naming both and the merge.
  expect(
    problemsOf({ ports: '1', 'fallback-range': '5000-5010, 5005-5020' })['fallback-range'][0],
  ).toContain('"5005-5020" overlaps "5000-5010"; list each port once, e.g. "5000-5020"');
  expect(
    parseConfig({ ports: '1', 'fallback-range': '5000-5010, 5011-5020' }).fallbackRanges,
  ).toHaveLength(2);
});

test('hosts: literal addresses of this host only', () => {
  expect(problemsOf({ ports: '1', hosts: '203.0.113.7' }).hosts[0]).toContain(
    '"203.0.113.7" is not an address of this host',
  );
  expect(problemsOf({ ports: '1', hosts: '127.0.0.1 127.0.0.1' }).hosts[0]).toContain(
    'listed twice',
  );
  expect(problemsOf({ ports: '1', hosts: 'example.com' }).hosts[0]).toContain(
    'host names are refused',
  );
  expect(parseConfig({ ports: '1', hosts: '0.0.0.0 :: 127.0.0.2' }).hosts).toEqual([
    '0.0.0.0',
    '::',
    '127.0.0.2',
  ]);
});

test('a relative lease-dir is an input error naming lease-dir and the value, not a dir in the cwd', () => {
  let caught: unknown;
  try {
    parseConfig({ ports: '3000', 'lease-dir': 'leases/here' });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(InputErrors);
  const [error] = (caught as InputErrors).errors;
  expect(error.input).toBe('lease-dir');
  expect(error.message).toContain('"leases/here"');
  expect(error.message).toMatch(/relative path.*absolute/);
});

test('wait and lease-ttl bounds', () => {
  expect(problemsOf({ ports: '1', wait: '3601' }).wait[0]).toContain('out of range');
  expect(problemsOf({ ports: '1', wait: '1e3' }).wait[0]).toContain('not a number of seconds');
  expect(problemsOf({ ports: '1', 'lease-ttl': '1.5' })['lease-ttl'][0]).toContain('whole number');
  expect(parseConfig({ ports: '1', wait: '3600' }).waitSeconds).toBe(3600);
});

test('export-env refuses names that would clobber the job’s environment or each other', () => {
  const p = problemsOf({ ports: 'path=1 github-token=2 a-b=3 a_b=4', 'export-env': 'true' });
  expect(p['export-env']).toEqual([
    expect.stringContaining('"path" would be exported as PATH'),
    expect.stringContaining('"github-token" would be exported as GITHUB_TOKEN'),
    expect.stringContaining('"a-b" and "a_b" would both be exported as A_B'),
  ]);
  expect(parseConfig({ ports: 'path=1' }).specs).toHaveLength(1);
});

test('a missing ports input says it is required', () => {
  expect(problemsOf({}).ports).toEqual([expect.stringContaining('ports: required')]);
});

test('hosts: a link-local address of this host without its scope is an input error naming it', () => {
  const scoped = Object.entries(networkInterfaces())
    .flatMap(([iface, infos]) => (infos ?? []).map((i) => ({ ...i, iface })))
    .find((i) => i.family === 'IPv6' && i.address.toLowerCase().startsWith('fe80:'));
  if (!scoped) throw new Error('this test needs a host with an IPv6 link-local address');
  const problems = problemsOf({ ports: '1', hosts: scoped.address }).hosts;
  expect(problems).toEqual([
    expect.stringContaining(`hosts: "${scoped.address}" is a link-local address without a scope`),
  ]);
  expect(problems[0]).toContain(`"${scoped.address}%${scoped.iface}"`);
  // With its scope it is an address of this host.
  expect(parseConfig({ ports: '1', hosts: `${scoped.address}%${scoped.iface}` }).hosts).toEqual([
    `${scoped.address}%${scoped.iface}`,
  ]);
});

test('export-env: one home for the env-name rules, case-insensitive, colliding names', () => {
  const p = problemsOf({
    ports: 'Path=1 web-api=2 web_api=3 npm_config_cache=4',
    'export-env': 'true',
  });
  expect(p['export-env']).toEqual([
    expect.stringContaining('"Path" would be exported as PATH'),
    expect.stringContaining('"web-api" and "web_api" would both be exported as WEB_API'),
    expect.stringContaining('"npm_config_cache" would be exported as NPM_CONFIG_CACHE'),
  ]);
  // Names that only look alike are fine.
  expect(
    parseConfig({ ports: 'git=1 node=2 web-port=3', 'export-env': 'true' }).specs,
  ).toHaveLength(3);
});
