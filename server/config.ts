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
 *   --device-rate, --ip-rate, --connect-rate, --http-rate, --join-rate, --join-rate-total  BURST,RATE[/s|/min]
 *                 (PARAAT_DEVICE_RATE …)  the rate limits (./rateLimit.ts `DEFAULT_LIMITS`)
 *   --max-buffered BYTES  PARAAT_MAX_BUFFERED  a device's send buffer past this is disconnected (8MiB)
 */
import path from 'node:path';
import { DEFAULT_LIMITS, type BucketRule, type Limits } from './rateLimit';

/** Where the server keeps its data: a SQLite file, or a PostgreSQL database (its URL may hold a password). */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServerConfig {
  host: string;
  port: number;
  database: DatabaseLocation;
  distDir: string;
  renewAdminSecret: boolean;
  trustProxy: boolean;
  /** The limits given, over the defaults (./rateLimit.ts); only what a flag or variable set. */
  limits: Partial<Limits>;
  help: boolean;
}

/** The rate-limit flags, the variables beside them, and the limit each sets. */
const RATE_FLAGS = {
  '--device-rate': { variable: 'PARAAT_DEVICE_RATE', limit: 'messagesPerDevice' },
  '--ip-rate': { variable: 'PARAAT_IP_RATE', limit: 'messagesPerIp' },
  '--connect-rate': { variable: 'PARAAT_CONNECT_RATE', limit: 'connectsPerIp' },
  '--http-rate': { variable: 'PARAAT_HTTP_RATE', limit: 'httpPerIp' },
  '--join-rate': { variable: 'PARAAT_JOIN_RATE', limit: 'joinsPerIp' },
  '--join-rate-total': { variable: 'PARAAT_JOIN_RATE_TOTAL', limit: 'joinsTotal' },
} as const satisfies Record<string, { variable: string; limit: keyof Limits }>;
type RateFlag = keyof typeof RATE_FLAGS;
const isRateFlag = (flag: string): flag is RateFlag => flag in RATE_FLAGS;

/** A rule as the usage text shows it: "60,5" (a burst of 60, then 5 a second), "10,10/min". */
const ruleText = ({ capacity, perSecond }: BucketRule) =>
  Number.isInteger(perSecond)
    ? `${String(capacity)},${String(perSecond)}`
    : `${String(capacity)},${String(Math.round(perSecond * 60))}/min`;

/** What a flag or variable was called, for a message: `--device-rate` or `PARAAT_DEVICE_RATE`. */
type Source = string;

/** "BURST,RATE", RATE a number a second, or with /s or /min. */
function ruleOf(text: string, source: Source): BucketRule {
  const match = /^\s*(\d+)\s*,\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|min))?\s*$/i.exec(text);
  const capacity = Number(match?.[1]);
  const rate = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(capacity) || capacity < 1 || !(rate > 0))
    throw new ConfigError(
      `${source}: "${text}" is geen limiet / is not a limit: BURST,TEMPO, bv. / e.g. 60,5 (60 achter elkaar, dan 5 per seconde / 60 in a row, then 5 a second) of / or 10,10/min (BURST ≥ 1, TEMPO / RATE > 0)`,
    );
  return { capacity, perSecond: match[3]?.toLowerCase() === 'min' ? rate / 60 : rate };
}

/** The smallest send-buffer bound: below it a device could be cut off by one ordinary message. */
export const MIN_BUFFERED_BYTES = 64 * 1024;
const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
};

/** "8MiB", "512KiB", "65536": bytes (k and M are 1024 and 1024²). */
function bytesOf(text: string, source: Source): number {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  const bytes = match && unit !== undefined ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_BUFFERED_BYTES)
    throw new ConfigError(
      `${source}: "${text}" is geen aantal bytes van minstens 64KiB / is not a number of bytes of at least 64KiB (bv. / e.g. 8MiB, 512KiB, 1048576)`,
    );
  return bytes;
}

export const USAGE = `Gebruik / usage: npm run server -- [--port P] [--host H] [--db FILE|URL] [--dist DIR] [--new-admin-secret] [--trust-proxy] [limieten / limits]
  --port P            poort / port (PARAAT_PORT, standaard / default 5173; 0: een vrije / any free one)
  --host H            adres / address (PARAAT_HOST, standaard / default 127.0.0.1; 0.0.0.0 voor het netwerk / for the network)
  --db FILE|URL       SQLite-bestand / file (PARAAT_DB, standaard / default ./data/paraat.sqlite),
                      of een / or a PostgreSQL-URL postgres://gebruiker:wachtwoord@host:5432/paraat
                      (PARAAT_DATABASE_URL; --db wint / wins, dan / then PARAAT_DATABASE_URL, dan / then PARAAT_DB)
  --dist DIR          de gebouwde app / the built app (PARAAT_DIST, standaard / default dist/)
  --new-admin-secret  nieuwe beheersleutel / new admin secret (de oude vervalt / the old one stops working)
  --trust-proxy       achter een reverse proxy / behind a reverse proxy: adres uit / address from X-Forwarded-For
                      (PARAAT_TRUST_PROXY=1; alleen met een proxy die die kop zet / only with a proxy that sets it)
Limieten / limits: BURST,TEMPO = zoveel achter elkaar, dan zoveel per seconde (of /min) / so many in a row, then so many a second (or /min)
  --device-rate R     berichten per apparaat / messages per device (PARAAT_DEVICE_RATE, standaard / default ${ruleText(DEFAULT_LIMITS.messagesPerDevice)})
  --ip-rate R         WebSocket-berichten per adres / messages per address (PARAAT_IP_RATE, ${ruleText(DEFAULT_LIMITS.messagesPerIp)})
  --connect-rate R    WebSocket-verbindingen per adres / connections per address (PARAAT_CONNECT_RATE, ${ruleText(DEFAULT_LIMITS.connectsPerIp)})
  --http-rate R       API-verzoeken per adres / API requests per address (PARAAT_HTTP_RATE, ${ruleText(DEFAULT_LIMITS.httpPerIp)})
  --join-rate R       aanmeldpogingen per adres / join attempts per address (PARAAT_JOIN_RATE, ${ruleText(DEFAULT_LIMITS.joinsPerIp)})
  --join-rate-total R aanmeldpogingen van alle adressen samen / join attempts from all addresses (PARAAT_JOIN_RATE_TOTAL, ${ruleText(DEFAULT_LIMITS.joinsTotal)})
                      Een zaal achter één NAT-adres deelt de adreslimieten / a room behind one NAT address shares the address limits.
  --max-buffered B    apparaat dat niet leest wordt losgekoppeld als er meer dan B bytes wachten / a device that does not read
                      is disconnected once more than B bytes wait for it (PARAAT_MAX_BUFFERED, standaard / default 8MiB, minstens / at least 64KiB)`;

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
  const given: Partial<Record<RateFlag | '--max-buffered', string>> = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const [flag = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--new-admin-secret') renewAdminSecret = true;
    else if (flag === '--trust-proxy') trustProxy = true;
    else if (isRateFlag(flag) || flag === '--max-buffered') {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '') throw new ConfigError(`${flag} zonder waarde / without a value`);
      given[flag] = value;
    } else if (isValueFlag(flag)) {
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
    limits: limitsFrom(given, env),
    help,
  };
}

/** The limits a flag (or else its variable) sets; the rest stay the defaults. */
function limitsFrom(
  given: Partial<Record<RateFlag | '--max-buffered', string>>,
  env: Readonly<Record<string, string | undefined>>,
): Partial<Limits> {
  const limits: Partial<Limits> = {};
  const valueOf = (flag: RateFlag | '--max-buffered', variable: string): [string, Source] | null => {
    const fromFlag = given[flag];
    if (fromFlag !== undefined) return [fromFlag, flag];
    const fromEnv = env[variable];
    return fromEnv === undefined || fromEnv === '' ? null : [fromEnv, variable];
  };
  for (const [flag, { variable, limit }] of Object.entries(RATE_FLAGS) as [RateFlag, (typeof RATE_FLAGS)[RateFlag]][]) {
    const value = valueOf(flag, variable);
    if (value) limits[limit] = ruleOf(...value);
  }
  const buffered = valueOf('--max-buffered', 'PARAAT_MAX_BUFFERED');
  if (buffered) limits.maxBufferedBytes = bytesOf(...buffered);
  return limits;
}
