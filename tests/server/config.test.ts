/**
 * Issue #14: the server's settings — a flag wins over its PARAAT_* variable,
 * which wins over the default (127.0.0.1:5173, ./data/paraat.sqlite).
 * Issue #16: a postgres:// URL (--db or PARAAT_DATABASE_URL) selects
 * PostgreSQL, and its password is never shown. The rate limits and the
 * send-buffer bound (#14 item 7) are set the same way, checked, and take
 * effect in the built server started with them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CLOSE_CODES, type ExerciseSetup } from '../../src/core';
import { ConfigError, MIN_BUFFERED_BYTES, USAGE, parseConfig } from '../../server/config';
import { DEFAULT_LIMITS } from '../../server/rateLimit';
import { describeDatabase } from '../../server/store/openStore';
import { TestSocket, createExercise, scenarioSetup, tempDir, until } from './helpers';

const at = { cwd: '/srv/paraat', defaultDist: '/srv/paraat/dist' };

describe('parseConfig', () => {
  it('defaults to 127.0.0.1:5173 and ./data/paraat.sqlite', () => {
    expect(parseConfig([], {}, at)).toEqual({
      host: '127.0.0.1',
      port: 5173,
      database: { kind: 'sqlite', file: path.resolve('/srv/paraat/data/paraat.sqlite') },
      distDir: '/srv/paraat/dist',
      renewAdminSecret: false,
      trustProxy: false,
      limits: {},
      help: false,
    });
  });

  it('takes PARAAT_* variables, and flags over them', () => {
    const env = { PARAAT_PORT: '8080', PARAAT_HOST: '0.0.0.0', PARAAT_DB: 'elders.sqlite' };
    expect(parseConfig([], env, at)).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      database: { kind: 'sqlite', file: '/srv/paraat/elders.sqlite' },
    });
    expect(parseConfig(['--port', '0', '--db=/tmp/x.sqlite', '--host', '::1'], env, at)).toMatchObject({
      host: '::1',
      port: 0,
      database: { kind: 'sqlite', file: '/tmp/x.sqlite' },
    });
    expect(parseConfig(['--new-admin-secret'], {}, at).renewAdminSecret).toBe(true);
    expect(parseConfig(['--trust-proxy'], {}, at).trustProxy).toBe(true);
    expect(parseConfig([], { PARAAT_TRUST_PROXY: '1' }, at).trustProxy).toBe(true);
    expect(parseConfig([], { PARAAT_TRUST_PROXY: '0' }, at).trustProxy).toBe(false);
  });

  it('refuses what it does not understand', () => {
    expect(() => parseConfig(['--port', '70000'], {}, at)).toThrow(ConfigError);
    expect(() => parseConfig(['--port', 'vijf'], {}, at)).toThrow(ConfigError);
    expect(() => parseConfig(['--port'], {}, at)).toThrow(ConfigError);
    expect(() => parseConfig(['--verbose'], {}, at)).toThrow(ConfigError);
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// URL, from --db or PARAAT_DATABASE_URL', () => {
    const url = 'postgres://paraat:geheim@db.example:5432/paraat';
    expect(parseConfig(['--db', url], {}, at).database).toEqual({ kind: 'postgres', url });
    expect(parseConfig([`--db=${url}`], {}, at).database).toEqual({ kind: 'postgres', url });
    expect(parseConfig([], { PARAAT_DATABASE_URL: 'postgresql://db.example/paraat' }, at).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://db.example/paraat',
    });
    // PARAAT_DB may name a URL too; PARAAT_DATABASE_URL wins over it, --db over both.
    expect(parseConfig([], { PARAAT_DB: url }, at).database).toEqual({ kind: 'postgres', url });
    expect(parseConfig([], { PARAAT_DB: 'elders.sqlite', PARAAT_DATABASE_URL: url }, at).database).toEqual({
      kind: 'postgres',
      url,
    });
    expect(parseConfig(['--db', 'lokaal.sqlite'], { PARAAT_DATABASE_URL: url }, at).database).toEqual({
      kind: 'sqlite',
      file: '/srv/paraat/lokaal.sqlite',
    });
    expect(parseConfig([], { PARAAT_DATABASE_URL: '' }, at).database.kind).toBe('sqlite');
  });

  it('refuses a PARAAT_DATABASE_URL that is not PostgreSQL, and a URL that does not parse, without showing it', () => {
    expect(() => parseConfig([], { PARAAT_DATABASE_URL: 'mysql://db.example/paraat' }, at)).toThrow(ConfigError);
    expect(() => parseConfig([], { PARAAT_DATABASE_URL: './paraat.sqlite' }, at)).toThrow(ConfigError);
    const broken = 'postgres://paraat:geheim@db.example:poort/paraat';
    expect(() => parseConfig(['--db', broken], {}, at)).toThrow(ConfigError);
    expect(() => parseConfig(['--db', broken], {}, at)).not.toThrow(/geheim/);
  });

  it('shows where data lives with the password masked', () => {
    expect(describeDatabase({ kind: 'postgres', url: 'postgres://paraat:geheim@db.example:5432/paraat' })).toBe(
      'PostgreSQL postgres://paraat:***@db.example:5432/paraat',
    );
    expect(describeDatabase({ kind: 'sqlite', file: '/srv/paraat/data/paraat.sqlite' })).toBe(
      '/srv/paraat/data/paraat.sqlite',
    );
  });

  it('names the PostgreSQL URL and its variable in the usage text, in Dutch and English', () => {
    expect(USAGE).toContain('--db FILE|URL');
    expect(USAGE).toContain('PARAAT_DATABASE_URL');
    expect(USAGE).toContain('of een / or a PostgreSQL-URL');
  });
});

describe('the limit flags', () => {
  it('set the rate limits as BURST,RATE (a second, or /min) and the send-buffer bound, flag over variable', () => {
    const env = { PARAAT_DEVICE_RATE: '120,10', PARAAT_IP_RATE: '500,50/s', PARAAT_MAX_BUFFERED: '2MiB' };
    expect(parseConfig([], env, at).limits).toEqual({
      messagesPerDevice: { capacity: 120, perSecond: 10 },
      messagesPerIp: { capacity: 500, perSecond: 50 },
      maxBufferedBytes: 2 * 1024 * 1024,
    });
    const argv = [
      '--device-rate',
      '30,2.5',
      '--connect-rate=20,1',
      '--http-rate',
      '60,1',
      '--join-rate',
      '5,5/min',
      '--join-rate-total',
      '50,30/min',
      '--max-buffered',
      '512KiB',
    ];
    expect(parseConfig(argv, env, at).limits).toEqual({
      messagesPerDevice: { capacity: 30, perSecond: 2.5 },
      messagesPerIp: { capacity: 500, perSecond: 50 },
      connectsPerIp: { capacity: 20, perSecond: 1 },
      httpPerIp: { capacity: 60, perSecond: 1 },
      joinsPerIp: { capacity: 5, perSecond: 5 / 60 },
      joinsTotal: { capacity: 50, perSecond: 0.5 },
      maxBufferedBytes: 512 * 1024,
    });
    expect(parseConfig(['--max-buffered', '65536'], {}, at).limits).toEqual({ maxBufferedBytes: MIN_BUFFERED_BYTES });
    // An empty variable is no setting: the default stays.
    expect(parseConfig([], { PARAAT_JOIN_RATE: '' }, at).limits).toEqual({});
  });

  it('refuse a limit that is no limit, naming the flag or variable', () => {
    for (const bad of ['60', '0,5', '60,0', '60,-1', 'zestig,5', '60,5/uur', '1.5,5']) {
      expect(() => parseConfig(['--device-rate', bad], {}, at)).toThrow(ConfigError);
      expect(() => parseConfig(['--device-rate', bad], {}, at)).toThrow(`--device-rate: "${bad}"`);
    }
    expect(() => parseConfig([], { PARAAT_JOIN_RATE_TOTAL: '100' }, at)).toThrow('PARAAT_JOIN_RATE_TOTAL: "100"');
    for (const bad of ['1000', '63KiB', '8GB', 'veel', '-1MiB'])
      expect(() => parseConfig(['--max-buffered', bad], {}, at)).toThrow(`--max-buffered: "${bad}"`);
    expect(() => parseConfig([], { PARAAT_MAX_BUFFERED: '1k' }, at)).toThrow(/at least 64KiB/);
    expect(() => parseConfig(['--ip-rate'], {}, at)).toThrow(ConfigError);
  });

  it('are in the usage text with their variables and defaults, in Dutch and English', () => {
    for (const flag of [
      '--device-rate',
      '--ip-rate',
      '--connect-rate',
      '--http-rate',
      '--join-rate',
      '--join-rate-total',
    ])
      expect(USAGE).toContain(flag);
    for (const variable of ['PARAAT_DEVICE_RATE', 'PARAAT_IP_RATE', 'PARAAT_JOIN_RATE_TOTAL', 'PARAAT_MAX_BUFFERED'])
      expect(USAGE).toContain(variable);
    const { capacity, perSecond } = DEFAULT_LIMITS.messagesPerDevice;
    expect(USAGE).toContain(`PARAAT_DEVICE_RATE, standaard / default ${String(capacity)},${String(perSecond)}`);
    expect(USAGE).toContain('berichten per apparaat / messages per device');
    expect(USAGE).toContain('--max-buffered B');
  });
});

describe('the built server started with limit flags', () => {
  const temp = tempDir();
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    temp.remove();
  });
  /** A set-up without its scenario: a small welcome, so only the entries fill a buffer. */
  const bare: ExerciseSetup = { ...scenarioSetup(), scenario: undefined };

  /** Start `npm run server`'s build with `args` (and `env`); its address, admin secret and log lines. */
  function start(name: string, args: string[], env: Record<string, string> = {}) {
    const child = spawn(
      process.execPath,
      [inject('serverEntry'), '--port', '0', '--db', path.join(temp.dir, `${name}.sqlite`), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARAAT_LOG_LEVEL: 'warn', ...env } },
    );
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const logged = () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    return new Promise<{ url: string; wsUrl: string; secret: string; logged: typeof logged }>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
      });
      const check = () => {
        const url = /listening at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
        const secret = /admin secret: ([0-9a-f]{32})/.exec(out)?.[1];
        if (!url || !secret) return;
        child.stdout.off('data', check);
        resolve({ url, wsUrl: `${url.replace('http', 'ws')}/ws`, secret, logged });
      };
      child.stdout.on('data', check);
      child.once('exit', (code) => {
        reject(new Error(`the server exited (${String(code)}):\n${out}\n${err}`));
      });
    });
  }

  it('holds a device to --device-rate', async () => {
    const server = await start('device-rate', ['--device-rate', '3,1/min']);
    const id = await createExercise(server.url, bare, server.secret);
    const { client } = await TestSocket.join(server.wsUrl, id, server.secret);
    for (const n of [1, 2, 3])
      expect((await client.propose(`n${String(n)}`, { kind: 'note', text: `Regel ${String(n)}` })).type).toBe(
        'accepted',
      );
    // The fourth is over the burst of 3 (the default would take 60): refused before it is judged, nothing logged.
    client.send({ type: 'propose', clientMessageId: 'n4', proposal: { kind: 'note', text: 'Regel 4' } });
    const answer = await client.answer('n4');
    expect(answer).toMatchObject({ type: 'error', code: 'rateLimited' });
    // A token comes back once a minute: in about 60 s (it says when).
    expect(answer.type === 'error' ? answer.retryAfterMs : 0).toBeGreaterThan(30_000);
    client.close();
  });

  it('disconnects a device that does not read once PARAAT_MAX_BUFFERED bytes wait for it', async () => {
    // Generous rates, so the trainer can send fast enough to fill a buffer; the bound from the variable.
    const server = await start('buffered', ['--device-rate', '100000,10000', '--ip-rate', '100000,10000'], {
      PARAAT_MAX_BUFFERED: '64KiB',
    });
    const id = await createExercise(server.url, bare, server.secret);
    const { client: trainer } = await TestSocket.join(server.wsUrl, id, server.secret);
    // The trainer's second device (the projector), which stops reading: the kernel's buffers fill, then the server's.
    const { client: projector } = await TestSocket.join(server.wsUrl, id, server.secret);
    const raw = (projector.socket as unknown as { _socket: Socket })._socket;
    raw.pause();
    const tooSlow = () => server.logged().find((line) => line.msg === 'device too slow, disconnected');
    const big = 'x'.repeat(19_000);
    let sent = 0;
    while (!tooSlow()) {
      if (sent >= 5000) throw new Error('never disconnected');
      const batch = Array.from({ length: 20 }, (_, index) => sent + index);
      await Promise.all(
        batch.map((n) => trainer.propose(`b${String(n)}`, { kind: 'note', text: `${String(n)} ${big}` })),
      );
      sent += batch.length;
    }
    // Cut off just past 64 KiB (one entries message more at most), not past the default 8 MiB.
    const buffered = Number(tooSlow()?.buffered);
    expect(buffered).toBeGreaterThan(64 * 1024);
    expect(buffered).toBeLessThan(64 * 1024 + 64 * 1024);
    raw.resume();
    expect((await projector.closed).code).toBe(CLOSE_CODES.tooSlow);
    await until(() => trainer.socket.readyState === trainer.socket.OPEN, 'the trainer still connected');
    trainer.close();
  });
});
