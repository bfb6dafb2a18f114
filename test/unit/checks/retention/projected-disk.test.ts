import check from '../../../../checks/retention/projected-disk.js';
import { checkCases } from '../../../helpers/check-tester.js';
import { failed, oneTopic } from '../../../helpers/builders-observe.js';

checkCases(check, [
  {
    name: 'warns when finite retention.bytes needs more than 85 % of each broker disk',
    snapshot: () => oneTopic('big', { 'retention.bytes': '900' }),
    expect: ['1', '2', '3'].map((name) => ({ kind: 'broker', name, status: 'warn' as const, severity: 'high' as const, message: 'finite retention.bytes needs 90 % of the disk' })),
  },
  {
    name: 'fails when it needs more than the disk',
    snapshot: () => oneTopic('big', { 'retention.bytes': '2000' }),
    expect: ['1', '2', '3'].map((name) => ({ kind: 'broker', name, status: 'fail' as const, message: /more than the 1000 B disk/ })),
  },
  { name: 'passes (nothing projected) when retention is bounded by time only', snapshot: () => oneTopic('big', { 'retention.bytes': '-1' }), expect: [], counts: { pass: 3 } },
  {
    name: 'is unknown when brokers report no log dir capacity',
    snapshot: () => {
      const s = oneTopic('big', { 'retention.bytes': '900' });
      s.artifacts.logDirs = { ok: true, value: { '1': [{ path: '/a', error: null, totalBytes: -1, usableBytes: -1, topics: {} }] } };
      return s;
    },
    expect: { status: 'unknown', reason: /DescribeLogDirs v4/ },
  },
  {
    name: 'is unknown when DescribeLogDirs failed',
    snapshot: () => {
      const s = oneTopic('big', {});
      s.artifacts.logDirs = failed('DescribeLogDirs');
      return s;
    },
    expect: { status: 'unknown', missing: ['logDirs'] },
  },
]);
