import { InputError } from '../../src/spec/input-error.js';
import {
  envName,
  parsePortNumber,
  parsePortSpecs,
  parsePortTarget,
} from '../../src/spec/port-spec.js';

const problems = (text: string): string[] => {
  try {
    parsePortSpecs(text, 'tcp');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('ports');
    return (err as InputError).problems;
  }
  throw new Error(`"${text}" parsed`);
};

describe('parsePortSpecs', () => {
  test('every form of the grammar', () => {
    expect(
      parsePortSpecs('3000 web=3001, dns=5353/udp\napi=auto quic=8443/both b=0', 'tcp'),
    ).toEqual([
      { name: 'port-3000', port: 3000, protocol: 'tcp', token: '3000' },
      { name: 'web', port: 3001, protocol: 'tcp', token: 'web=3001' },
      { name: 'dns', port: 5353, protocol: 'udp', token: 'dns=5353/udp' },
      { name: 'api', port: 'auto', protocol: 'tcp', token: 'api=auto' },
      { name: 'quic', port: 8443, protocol: 'both', token: 'quic=8443/both' },
      { name: 'b', port: 'auto', protocol: 'tcp', token: 'b=0' },
    ]);
  });
  test('the default protocol applies to specs without one', () => {
    expect(parsePortSpecs('5353 x=1/tcp', 'udp').map((s) => s.protocol)).toEqual(['udp', 'tcp']);
  });
  test('separators: commas, spaces, tabs, newlines, CRLF, repeated', () => {
    expect(parsePortSpecs(' ,1,, 2\t3\r\n4\n\n', 'tcp').map((s) => s.port)).toEqual([1, 2, 3, 4]);
  });
  test('names: a letter first, then letters, digits, _ or -, at most 64', () => {
    expect(parsePortSpecs(`a=1 B_2-c=2 ${'x'.repeat(64)}=3`, 'tcp').map((s) => s.name)).toEqual([
      'a',
      'B_2-c',
      'x'.repeat(64),
    ]);
    expect(problems(`${'x'.repeat(65)}=3`)[0]).toContain('at most 64 characters');
    expect(problems('1web=3')[0]).toContain('must start with a letter');
    expect(problems('_w=3')[0]).toContain('must start with a letter');
    expect(problems('w.b=3')[0]).toContain('"w.b"');
    expect(problems('=3')[0]).toContain('name before "=" is empty');
  });
  test('each bad token is one problem that quotes it and says what is expected', () => {
    const list = problems('0x50 web=65536 -1 3000.5 1e3 x=1/sctp auto ok=80');
    expect(list).toHaveLength(7);
    expect(list[0]).toBe(
      'ports: "0x50": a port is a whole number written with the digits 0-9; expected [name=]port[/protocol], e.g. "web=3000/tcp" or "api=auto"',
    );
    expect(list[1]).toContain('"web=65536": a port must be between 1 and 65535');
    expect(list[2]).toContain('"-1": ports cannot be negative');
    expect(list[3]).toContain('"3000.5"');
    expect(list[4]).toContain('"1e3"');
    expect(list[5]).toContain('the protocol "sctp" is not one of tcp, udp, both');
    expect(list[6]).toContain('"auto" (or 0) needs a name');
  });
  test('unicode digits and look-alikes are not ports', () => {
    expect(problems('３０００')[0]).toContain('digits 0-9');
    expect(problems('٣٠٠٠')[0]).toContain('digits 0-9');
    expect(problems('web=3ООО')[0]).toContain('digits 0-9');
  });
  test('names are unique ignoring case; (port, protocol) pairs are unique', () => {
    expect(problems('web=1 WEB=2')[0]).toContain('the name "WEB" is already used by "web=1"');
    expect(problems('a=80 b=80')[0]).toContain('port 80/tcp is already requested by "a=80"');
    expect(problems('a=80/both b=80/udp')[0]).toContain(
      'port 80/udp is already requested by "a=80/both"',
    );
    expect(parsePortSpecs('a=80/tcp b=80/udp', 'tcp')).toHaveLength(2);
    expect(problems('80 port-80=81')[0]).toContain('already used');
  });
  test('names the outputs use for themselves are refused', () => {
    for (const name of ['port', 'Ports', 'conflicts', 'fallback-used'])
      expect(problems(`${name}=1`)[0]).toContain('taken by an output');
  });
  test('empty input and stray syntax', () => {
    expect(problems('')[0]).toContain('no port given');
    expect(problems(' , ')[0]).toContain('no port given');
    expect(problems('a=b=1')[0]).toContain('at most one "="');
    expect(problems('a=')[0]).toContain('the port is missing');
    expect(problems('a=1/')[0]).toContain('the protocol "" is not one of');
  });
  test('leading zeros: any number of them, the value decides (one rule everywhere)', () => {
    expect(parsePortSpecs('08080', 'tcp')[0].port).toBe(8080);
    expect(parsePortSpecs('web=03000', 'tcp')[0].port).toBe(3000);
    expect(parsePortSpecs('web=000003000', 'tcp')[0].port).toBe(3000);
    expect(parsePortSpecs('000080', 'tcp')[0].name).toBe('port-80');
    expect(parsePortSpecs('api=00', 'tcp')[0].port).toBe('auto');
    expect(problems('0000070000')[0]).toContain('between 1 and 65535');
    expect(parsePortNumber('0000000000000000003000')).toBe(3000);
    expect(parsePortTarget('0443/TCP')).toEqual({ port: 443, protocol: 'tcp' });
  });
  test('unnamed specs of one port on TCP and UDP get distinct names', () => {
    expect(parsePortSpecs('3001/tcp 3001/udp', 'tcp').map((s) => s.name)).toEqual([
      'port-3001',
      'port-3001-udp',
    ]);
    expect(parsePortSpecs('3001/udp 3001', 'tcp').map((s) => s.name)).toEqual([
      'port-3001-udp',
      'port-3001',
    ]);
    // Alone, a UDP spec keeps the documented name.
    expect(parsePortSpecs('5353/udp', 'tcp')[0].name).toBe('port-5353');
    expect(problems('3001/tcp 3001/both')[0]).toContain('already requested');
  });
});

test('envName upper-cases and turns - into _', () => {
  expect(envName('web-api_2')).toBe('WEB_API_2');
});
