/**
 * Issue #14: the server's settings — a flag wins over its PARAAT_* variable,
 * which wins over the default (127.0.0.1:5173, ./data/paraat.sqlite).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config';

const at = { cwd: '/srv/paraat', defaultDist: '/srv/paraat/dist' };

describe('parseConfig', () => {
  it('defaults to 127.0.0.1:5173 and ./data/paraat.sqlite', () => {
    expect(parseConfig([], {}, at)).toEqual({
      host: '127.0.0.1',
      port: 5173,
      dbFile: path.resolve('/srv/paraat/data/paraat.sqlite'),
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
      dbFile: '/srv/paraat/elders.sqlite',
    });
    expect(parseConfig(['--port', '0', '--db=/tmp/x.sqlite', '--host', '::1'], env, at)).toMatchObject({
      host: '::1',
      port: 0,
      dbFile: '/tmp/x.sqlite',
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
});
