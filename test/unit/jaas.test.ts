// Table tests of the sasl.jaas.config parser. The expected values follow Kafka's JaasConfig; the last test runs
// every case through the real org.apache.kafka.common.security.JaasConfig (kafka-clients on .cache/kafka) and
// requires the same answer, so the table cannot drift from what a Java client does.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JaasSyntaxError, parseClientJaas, parseJaasConfig } from '../../src/config/jaas.js';

const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule';
const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';

type Expected = { module: string; flag: string; options: Record<string, string> }[] | 'error';

const CASES: { name: string; text: string; expect: Expected }[] = [
  { name: 'double-quoted values', text: `${PLAIN} required username="alice" password="alice-secret";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'alice', password: 'alice-secret' } }] },
  { name: 'single-quoted username', text: `${PLAIN} required username='ABCDEFGH12345678' password='pw';`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'ABCDEFGH12345678', password: 'pw' } }] },
  { name: 'password with spaces', text: `${PLAIN} required username="u" password="a secret with  spaces";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'a secret with  spaces' } }] },
  { name: 'single-quoted password with spaces and a double quote', text: `${PLAIN} required username='u' password='it"s a pass';`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'it"s a pass' } }] },
  { name: 'escaped quote and backslash', text: `${PLAIN} required username="u" password="a\\"b\\\\c";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'a"b\\c' } }] },
  { name: 'C escapes and octal', text: `${PLAIN} required username="u" password="t\\tn\\101\\0";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 't\tnA\0' } }] },
  { name: 'unknown escape keeps the character', text: `${PLAIN} required username="u" password="a\\qb";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'aqb' } }] },
  { name: 'unquoted words with - _ $ . and digits', text: `${SCRAM} required username=svc-scan_1$x password=p.w-0rd;`, expect: [{ module: SCRAM, flag: 'REQUIRED', options: { username: 'svc-scan_1$x', password: 'p.w-0rd' } }] },
  { name: 'control flag in any case', text: `${PLAIN} Required username="u" password="p";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'p' } }] },
  { name: 'optional flag', text: `${PLAIN} optional;`, expect: [{ module: PLAIN, flag: 'OPTIONAL', options: {} }] },
  { name: 'sufficient / requisite', text: `${PLAIN} SUFFICIENT a="1"; ${SCRAM} requisite b="2";`, expect: [{ module: PLAIN, flag: 'SUFFICIENT', options: { a: '1' } }, { module: SCRAM, flag: 'REQUISITE', options: { b: '2' } }] },
  { name: 'whitespace, tabs and line breaks', text: `  ${PLAIN}\n\trequired\n  username = "u"\r\n password\t=\t"p"\n ;  `, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'p' } }] },
  { name: '/* */ and // comments', text: `${PLAIN} /* note */ required // user below\n username="u" /* multi\nline */ password="p";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'p' } }] },
  { name: 'comment markers inside quotes are text', text: `${PLAIN} required username="u" password="a//b/*c*/";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'a//b/*c*/' } }] },
  { name: 'a lone slash starts a comment (default comment character)', text: `${PLAIN} required username="u" /x password="p"\n;`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u' } }] },
  { name: 'later duplicate key wins', text: `${PLAIN} required username="a" username="b";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'b' } }] },
  { name: 'quoted string ends at a line break (the next quote opens a string)', text: `${PLAIN} required username="u\n" password="p";`, expect: 'error' },
  { name: 'unterminated quote ends at the line break', text: `${PLAIN} required username="u\n password="p";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'u', password: 'p' } }] },
  { name: 'empty quoted value', text: `${PLAIN} required username="" password='';`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: '', password: '' } }] },
  { name: 'non-ASCII word characters', text: `${PLAIN} required username=jürgen password="pä ss";`, expect: [{ module: PLAIN, flag: 'REQUIRED', options: { username: 'jürgen', password: 'pä ss' } }] },
  { name: 'missing semicolon', text: `${PLAIN} required username="u" password="p"`, expect: 'error' },
  { name: 'missing control flag', text: `${PLAIN}`, expect: 'error' },
  { name: 'bad control flag', text: `${PLAIN} mandatory username="u";`, expect: 'error' },
  { name: 'unquoted number is not a value', text: `${PLAIN} required username="u" password=12345;`, expect: 'error' },
  { name: 'unquoted @ splits the value', text: `${PLAIN} required username=me@example.com password="p";`, expect: 'error' },
  { name: 'missing =', text: `${PLAIN} required username "u";`, expect: 'error' },
  { name: 'empty text', text: '   ', expect: 'error' },
  { name: 'only a comment', text: '/* nothing */', expect: 'error' },
];

function ours(text: string): Expected {
  try {
    return parseJaasConfig(text).map((e) => ({ module: e.loginModule, flag: e.controlFlag, options: Object.fromEntries(e.options) }));
  } catch (err) {
    if (err instanceof JaasSyntaxError) return 'error';
    throw err;
  }
}

describe('parseJaasConfig follows Kafka JaasConfig', () => {
  for (const c of CASES) it(c.name, () => expect(ours(c.text)).toEqual(c.expect));

  it('client configs hold exactly one module', () => {
    expect(parseClientJaas(`${PLAIN} required username="u";`).options.get('username')).toBe('u');
    expect(() => parseClientJaas(`${PLAIN} required; ${SCRAM} required;`)).toThrow(/2 login modules, should be 1/);
  });

  it('errors never repeat option values', () => {
    let message = '';
    try {
      parseJaasConfig(`${PLAIN} required username="u" password=hunter 2;`);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/Value not specified for option 3 of PlainLoginModule/);
    expect(message).not.toContain('hunter');
  });

  it('gives the same answer as the real Kafka JaasConfig for every case', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const libs = path.join(root, '.cache', 'kafka', 'kafka-4.1.1', 'libs');
    expect(existsSync(libs), `${libs} (run test/cluster/fetch-kafka.sh)`).toBe(true);
    const input = CASES.map((c) => Buffer.from(c.text).toString('base64')).join('\n') + '\n';
    const out = execFileSync('java', ['-cp', `${libs}/*`, path.join(root, 'test', 'fixtures', 'jaas', 'JaasProbe.java')], { input, encoding: 'utf8', timeout: 60_000 });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(CASES.length);
    const b = (s: string) => Buffer.from(s, 'base64').toString('utf8');
    const java = lines.map((line): Expected => {
      const [status, ...entries] = line.split('\t');
      if (status === 'ERR') return 'error';
      return entries.map((e) => {
        const [module, flag, ...opts] = e.split(' ');
        return { module: module!, flag: flag!, options: Object.fromEntries(opts.map((o) => o.split(':').map(b) as [string, string])) };
      });
    });
    for (const [i, c] of CASES.entries()) expect({ name: c.name, got: java[i] }).toEqual({ name: c.name, got: c.expect });
  }, 90_000);
});
