/**
 * `npm run server -- [--port P] [--host H] [--db FILE|URL] [limits]`: start the Paraat
 * server, print where it listens, the admin secret (only when it is made) with
 * the trainer's admin link, and a QR code of the address for the room.
 *
 * Built to node_modules/.cache/paraat-server/main.js by `npm run build:server`
 * (vite, server/vite.config.ts) and run with plain Node 20.
 */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { buildServer } from './app';
import { ConfigError, USAGE, parseConfig } from './config';
import { describeDatabase } from './store/openStore';

/** The addresses other devices in the room can reach, when listening on every interface. */
function roomAddresses(host: string, port: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address.address}:${port}`);
}

async function main() {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env, {
      cwd: process.cwd(),
      // npm runs scripts in the package's folder: the app's build is its dist/.
      defaultDist: 'dist',
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }

  const server = await buildServer({
    database: config.database,
    host: config.host,
    port: config.port,
    distDir: config.distDir,
    renewAdminSecret: config.renewAdminSecret,
    trustProxy: config.trustProxy,
    limits: config.limits,
    logger: { level: process.env.PARAAT_LOG_LEVEL ?? 'warn' },
  });
  const url = await server.listen();
  const port = new URL(url).port;
  const room = roomAddresses(config.host, port);
  const shown = room[0] ?? url;

  const lines = [
    '',
    `Paraat luistert op / listening at ${url}/`,
    ...room.map((address) => `  in het netwerk / on the network: ${address}/`),
    // A PostgreSQL URL's password is never printed.
    `Database: ${describeDatabase(config.database)}`,
  ];
  const { secret, created } = server.adminSecret;
  if (secret !== null) {
    lines.push(
      created
        ? 'Beheersleutel (wordt één keer getoond, bewaar hem) / admin secret (shown once, keep it):'
        : 'Beheersleutel / admin secret:',
      `  admin secret: ${secret}`,
      `Beheerlink / admin link: ${shown}/#/live?sleutel=${secret}`,
    );
  } else {
    lines.push(
      'Beheersleutel: bij de eerste start getoond (npm run server -- --new-admin-secret voor een nieuwe).',
      'Admin secret: shown on the first start (npm run server -- --new-admin-secret for a new one).',
    );
  }
  console.log(lines.join('\n'));
  console.log(await QRCode.toString(`${shown}/`, { type: 'terminal', small: true }));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: Paraat stopt / stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
