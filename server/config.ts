/**
 * The server's settings from the command line and the environment: a flag
 * wins over its PARAAT_* variable, which wins over the default.
 *
 *   --port P      PARAAT_PORT   5173
 *   --host H      PARAAT_HOST   127.0.0.1
 *   --db FILE|URL PARAAT_DB     ./data/paraat.sqlite; a postgres:// (or postgresql://) URL
 *                 PARAAT_DATABASE_URL   selects PostgreSQL (academy mode, #16)
 *   --dist DIR    PARAAT_DIST   ./dist (the built app)
 *   --new-admin-secret          make and show a new admin secret (the old one stops working)
 *   --trust-proxy PARAAT_TRUST_PROXY=1   behind a reverse proxy: addresses from X-Forwarded-For
 */
import path from 'node:path';

/** Where the server keeps its data: a SQLite file, or a PostgreSQL database (its URL may hold a password). */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServerConfig {
  host: string;
  port: number;
  database: DatabaseLocation;
  distDir: string;
  renewAdminSecret: boolean;
  trustProxy: boolean;
  help: boolean;
}

export const USAGE = `Gebruik / usage: npm run server -- [--port P] [--host H] [--db FILE|URL] [--dist DIR] [--new-admin-secret] [--trust-proxy]
  --port P            poort / port (PARAAT_PORT, standaard / default 5173; 0: een vrije / any free one)
  --host H            adres / address (PARAAT_HOST, standaard / default 127.0.0.1; 0.0.0.0 voor het netwerk / for the network)
  --db FILE|URL       SQLite-bestand / file (PARAAT_DB, standaard / default ./data/paraat.sqlite),
                      of een / or a PostgreSQL-URL postgres://gebruiker:wachtwoord@host:5432/paraat
                      (PARAAT_DATABASE_URL; --db wint / wins, dan / then PARAAT_DATABASE_URL, dan / then PARAAT_DB)
  --dist DIR          de gebouwde app / the built app (PARAAT_DIST, standaard / default dist/)
  --new-admin-secret  nieuwe beheersleutel / new admin secret (de oude vervalt / the old one stops working)
  --trust-proxy       achter een reverse proxy / behind a reverse proxy: adres uit / address from X-Forwarded-For
                      (PARAAT_TRUST_PROXY=1; alleen met een proxy die die kop zet / only with a proxy that sets it)`;

export class ConfigError extends Error {}

const VALUE_FLAGS = { '--port': 'port', '--host': 'host', '--db': 'db', '--dist': 'dist' } as const;
type ValueFlag = keyof typeof VALUE_FLAGS;
const isValueFlag = (flag: string): flag is ValueFlag => flag in VALUE_FLAGS;

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** A postgres:// or postgresql:// URL is PostgreSQL; anything else is a SQLite file, relative to `cwd`. */
function databaseOf(text: string, cwd: string): DatabaseLocation {
  if (!POSTGRES_URL.test(text)) return { kind: 'sqlite', file: path.resolve(cwd, text) };
  if (!URL.canParse(text))
    // Not the text itself: it may hold a password.
    throw new ConfigError('Geen geldige PostgreSQL-URL / not a valid PostgreSQL URL');
  return { kind: 'postgres', url: text };
}

function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) throw new ConfigError(`Geen poort / not a port: "${text}"`);
  return port;
}

/** --db wins; then PARAAT_DATABASE_URL (PostgreSQL only); then PARAAT_DB (a file or a URL); then the default file. */
function databaseFrom(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): DatabaseLocation {
  if (flag !== undefined) return databaseOf(flag, cwd);
  const url = env.PARAAT_DATABASE_URL;
  if (url !== undefined && url !== '') {
    if (!POSTGRES_URL.test(url))
      throw new ConfigError(
        'PARAAT_DATABASE_URL moet met postgres:// of postgresql:// beginnen / must start with postgres:// or postgresql://',
      );
    return databaseOf(url, cwd);
  }
  const file = env.PARAAT_DB;
  return databaseOf(file === undefined || file === '' ? path.join('data', 'paraat.sqlite') : file, cwd);
}

export function parseConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  { cwd, defaultDist }: { cwd: string; defaultDist: string },
): ServerConfig {
  const values: Partial<Record<(typeof VALUE_FLAGS)[ValueFlag], string>> = {};
  let renewAdminSecret = false;
  let trustProxy: boolean | undefined;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const [flag = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--new-admin-secret') renewAdminSecret = true;
    else if (flag === '--trust-proxy') trustProxy = true;
    else if (isValueFlag(flag)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '') throw new ConfigError(`${flag} zonder waarde / without a value`);
      values[VALUE_FLAGS[flag]] = value;
    } else throw new ConfigError(`Onbekende optie / unknown option: ${arg}`);
  }
  const pick = (key: keyof typeof values, variable: string) => {
    const fromEnv = env[variable];
    return values[key] ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
  };
  return {
    host: pick('host', 'PARAAT_HOST') ?? '127.0.0.1',
    port: portOf(pick('port', 'PARAAT_PORT') ?? '5173'),
    database: databaseFrom(values.db, env, cwd),
    distDir: path.resolve(cwd, pick('dist', 'PARAAT_DIST') ?? defaultDist),
    renewAdminSecret,
    trustProxy: trustProxy ?? ['1', 'true', 'yes'].includes((env.PARAAT_TRUST_PROXY ?? '').toLowerCase()),
    help,
  };
}
