import { describe, expect, it } from 'vitest';
import { meaningfulWords, pickSearchWords } from '../../src/lib/search/pasted-text';
import { MAX_TYPED_WORDS, shapeQuery } from '../../src/lib/search/query';

const words = (text: string) => meaningfulWords(text).words.map((w) => w.word);
const typed = (text: string) => shapeQuery(text).terms.filter((t) => t.weight === 1).map((t) => t.text);

describe('pasted text', () => {
  it('drops timestamps, request ids, UUIDs, addresses and measured values from a log line', () => {
    const line = '2024-03-01T12:00:03.123Z 10.2.3.4:5432 req=7f3a9c2e1b 3f2a1c9e-8b7d-4c6e-9f0a-1b2c3d4e5f60 ERROR pool exhausted after 30012ms (waited 1.5s, 99.9%)';
    expect(words(line)).toEqual(['error', 'pool', 'exhausted', 'waited']);
  });

  it('keeps error and status codes, errno names and x509 as words', () => {
    expect(words("ERROR 1062 (23000): Duplicate entry")).toEqual(['error', '1062', '23000', 'duplicate', 'entry']);
    expect(words('ORA-00060: deadlock detected while waiting for resource')).toEqual(['ora', '00060', 'deadlock', 'detected', 'waiting', 'resource']);
    expect(words('read tcp: ECONNRESET; x509: certificate has expired; HTTP 503s')).toEqual(['read', 'tcp', 'econnreset', 'x509', 'certificate', 'expired', '503s']);
  });

  it('splits identifiers from stack traces and drops their file positions and package prefixes', () => {
    const trace = 'java.net.SocketTimeoutException: Read timed out\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)';
    expect(words(trace)).toEqual(['net', 'socket', 'timeout', 'exception', 'read', 'timed', 'zaxxer', 'hikari', 'pool', 'hikari', 'pool', 'connection']);
  });

  it('reads a JSON alert payload by its values, not its keys', () => {
    const alert = '{"labels":{"alertname":"KubeNodeNotReady","severity":"critical","instance":"10.0.4.17:9100"},"annotations":{"summary":"node not ready for 15m"},"startsAt":"2024-05-01T03:04:05Z"}';
    expect(words(alert)).toEqual(['kube', 'node', 'ready', 'critical', 'node', 'ready']);
  });

  it('drops generated names such as pod suffixes but keeps sha256 and http2', () => {
    expect(words('api-7d9f8b6c5-x2k9p sha256 http2 s3 ec2')).toEqual(['api', 'sha256', 'http2', 's3', 'ec2']);
  });

  it('breaks phrases where noise stood between two words', () => {
    const { runs } = meaningfulWords('connection 10.0.0.1 refused\nconnection refused');
    expect(runs).toEqual([['connection'], ['refused'], ['connection', 'refused']]);
  });

  it('from a long log, keeps the words of its error lines and its codes first, in the order pasted', () => {
    const noise = Array.from({ length: 190 }, (_, i) => `2024-03-01T12:${String(i % 60).padStart(2, '0')}:00Z INFO scheduler tick${i} batch processed items${i} cache warm shard${i % 7}`);
    const trouble = Array.from({ length: 10 }, () => '2024-03-01T12:30:00Z ERROR upstream connect error: ECONNREFUSED primary replica lag exceeded');
    const log = [...noise.slice(0, 100), ...trouble, ...noise.slice(100)].join('\n');
    const picked = typed(log);
    expect(picked.length).toBeLessThanOrEqual(MAX_TYPED_WORDS);
    for (const word of ['upstream', 'econnrefused', 'primary', 'replica', 'lag', 'exceeded']) expect(picked).toContain(word);
  });

  it('keeps every word of a short query and their order', () => {
    const candidates = meaningfulWords('disk full on the primary, replication stopped').words;
    expect(pickSearchWords(candidates, 16)).toEqual(['disk', 'full', 'primary', 'replication', 'stopped']);
  });
});

describe('field names', () => {
  it('drops scaffolding only where it names a field, so "every region" still counts', () => {
    expect(words('region=us-east-1 instance: db-7 severity=critical')).toEqual(['us', 'east', 'db', 'critical']);
    expect(words('DNS fails in one region on every instance')).toEqual(['dns', 'fails', 'region', 'instance']);
  });

  it('keeps a whole percentage a responder typed, drops measured fractions', () => {
    expect(words('traffic fell 95% (current 0.31, p99 99.9%)')).toEqual(['traffic', 'fell', '95', 'current', 'p99']);
  });
});

describe('common log heads', () => {
  it('drops syslog and Kubernetes line heads: month, process ids, klog severity and address-named hosts', () => {
    expect(words('Mar 12 06:01:09 ip-10-31-8-112 cilium-agent[2210]: Unable to reach health endpoint')).toEqual(['cilium', 'agent', 'unable', 'reach', 'health', 'endpoint']);
    expect(words('E0314 18:02:11.123456       1 proxier.go:1575] "iptables-restore returned error"')).toEqual(['iptables', 'restore', 'returned', 'error']);
  });

  it('drops the id fields of structured logs', () => {
    expect(words('{"level":"error","req_id":"b1e09f77c3a2","msg":"upstream timed out"}')).toEqual(['error', 'upstream', 'timed']);
  });
});

describe('what stays of a host name', () => {
  it('drops the address in an address-named host but keeps the words of its domain', () => {
    expect(words('ip-10-12-33-41.ec2.internal Ready')).toEqual(['ec2', 'internal', 'ready']);
  });

  it('keeps "id" in a sentence, drops it as a field name', () => {
    expect(words('wrong app id deleted')).toEqual(['wrong', 'app', 'id', 'deleted']);
    expect(words('id=42 req_id=7 job deleted')).toEqual(['job', 'deleted']);
  });
});
