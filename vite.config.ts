/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Chromium's own background traffic is refused on this network; keep it quiet (TOOLCHAIN.md).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A strict Content-Security-Policy for the built app: everything from the
 * app's own origin, nothing from anywhere else, no inline script. (Dev mode
 * injects styles and a websocket, so the policy goes into the build only.)
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'paraat-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Installable and offline once loaded: a training room often has no usable wifi. */
const offline = VitePWA({
  registerType: 'autoUpdate',
  // Registered by the app itself once the first screen is up and the main thread idle (App.tsx):
  // the install precaches every chunk, ~2.3 MB with the diagram's layout library, and on `load`
  // (the plugin's registerSW.js) that ran alongside the first render (npm run bench, `load`).
  injectRegister: false,
  includeAssets: ['icon.svg'],
  manifest: {
    name: 'Paraat — oefentool ME-opschaling',
    short_name: 'Paraat',
    description: 'Oefen- en beslisondersteuning voor het vijf-fasen ME-opschalingsmodel',
    lang: 'nl',
    start_url: '.',
    display: 'standalone',
    background_color: '#f3f4f6',
    theme_color: '#154273',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: { globPatterns: ['**/*.{js,css,html,svg,png,json}'], navigateFallback: 'index.html' },
});

export default defineConfig({
  plugins: [react(), ...(process.env.VITEST ? [] : [offline, contentSecurityPolicy()])],
  // elkjs (the model diagram's layout, ~1.5 MB) is one lazily loaded chunk; warn only above it.
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // The first screen's code in one file: every module the entry imports statically (React,
        // react-dom, i18next, the Dutch catalogue) goes with the entry, so the start is one script
        // (plus rolldown's 1 KB runtime, which no group can capture) instead of five, and lazy
        // screens import what they share with it from there. Lazy screens stay their own chunks.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/server/**'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        // The server (issue #14) under Node: a real SQLite file, real sockets, a real child process.
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/server/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
