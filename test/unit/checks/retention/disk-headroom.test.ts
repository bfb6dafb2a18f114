import check from '../../../../checks/retention/disk-headroom.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { failed } from '../../../helpers/builders-observe.js';
import { makeSnapshot } from '../../../helpers/snapshot.js';

const dir = (totalBytes: number, usableBytes: number, error: string | null = null) => [{ path: '/a', error, totalBytes, usableBytes, topics: {} }];

checkCases(check, [
  {
    name: 'fails below 10 %, warns below 25 %, fails on log dir errors',
    snapshot: () => makeSnapshot({ logDirs: { ok: true, value: { '1': dir(1000, 50), '2': dir(1000, 200), '3': dir(-1, -1, 'KAFKA_STORAGE_ERROR') } } }),
    expect: [
      { kind: 'log-dir', name: '1:/a', status: 'fail', severity: 'high', message: 'only 5.0 % free' },
      { kind: 'log-dir', name: '2:/a', status: 'warn', message: 'only 20.0 % free' },
      { kind: 'log-dir', name: '3:/a', status: 'fail', message: 'log dir reports KAFKA_STORAGE_ERROR' },
    ],
  },
  { name: 'passes 60 % free on every broker', snapshot: () => makeSnapshot(), expect: [], counts: { pass: 3 } },
  { name: 'is unknown when brokers report no totals', snapshot: () => makeSnapshot({ logDirs: { ok: true, value: { '1': dir(-1, -1) } } }), expect: { status: 'unknown', reason: /DescribeLogDirs v4/ }, score: null },
  { name: 'is unknown when DescribeLogDirs failed', snapshot: () => makeSnapshot({ logDirs: failed('DescribeLogDirs') }), expect: { status: 'unknown', missing: ['logDirs'] } },
]);
