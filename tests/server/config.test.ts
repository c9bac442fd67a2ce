/**
 * Issue #14: the server's settings — a flag wins over its PARAAT_* variable,
 * which wins over the default (127.0.0.1:5173, ./data/paraat.sqlite).
 * Issue #16: a postgres:// URL (--db or PARAAT_DATABASE_URL) selects
 * PostgreSQL, and its password is never shown.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, USAGE, parseConfig } from '../../server/config';
import { describeDatabase } from '../../server/store/openStore';

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
