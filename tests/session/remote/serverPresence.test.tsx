/**
 * The start screen asks GET /healthz only with a reason to think it was
 * served by a Paraat server (the admin secret in this tab, or an earlier yes
 * on this device): a static host's 404 would otherwise be a console error on
 * every start of the offline app. What the answer means is tested against
 * the real server in tests/server/makeLive.test.ts.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberAdminSecret } from '../../../src/session/remote/adminSecret';

const paraat = () => Promise.resolve(new Response(JSON.stringify({ ok: true, protocolVersion: 1 }), { status: 200 }));

/** The module afresh, as on a new page (it keeps its one answer for the page's life). */
async function fresh() {
  vi.resetModules();
  return import('../../../src/session/remote/serverPresence');
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whether the start screen asks /healthz', () => {
  it('does not ask without a reason, and offers nothing live', async () => {
    const fetched = vi.fn<typeof fetch>(paraat);
    vi.stubGlobal('fetch', fetched);
    const { useServerPresence } = await fresh();
    const { result } = renderHook(() => useServerPresence());
    expect(result.current).toBe('none');
    expect(fetched).not.toHaveBeenCalled();
  });

  it('asks with the admin secret in this tab, and remembers a yes for the next visit without it', async () => {
    const fetched = vi.fn<typeof fetch>(paraat);
    vi.stubGlobal('fetch', fetched);
    rememberAdminSecret('from-the-admin-link');
    const first = await fresh();
    const { result } = renderHook(() => first.useServerPresence());
    expect(result.current).toBe('checking');
    await waitFor(() => {
      expect(result.current).toBe('server');
    });
    expect(fetched).toHaveBeenCalledExactlyOnceWith('/healthz', expect.anything());

    sessionStorage.clear();
    const next = await fresh();
    const again = renderHook(() => next.useServerPresence());
    await waitFor(() => {
      expect(again.result.current).toBe('server');
    });
    expect(fetched).toHaveBeenCalledTimes(2);
  });

  it('forgets the earlier yes once the answer is no (the app now comes from elsewhere)', async () => {
    localStorage.setItem('paraat.servedByParaatServer', 'yes');
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => Promise.resolve(new Response('not found', { status: 404 }))),
    );
    const { useServerPresence, mayBeServedByParaatServer } = await fresh();
    const { result } = renderHook(() => useServerPresence());
    await waitFor(() => {
      expect(result.current).toBe('none');
    });
    expect(mayBeServedByParaatServer()).toBe(false);
  });

  it('is not asked at all when the screen was given its server (stories, tests)', async () => {
    const fetched = vi.fn<typeof fetch>(paraat);
    vi.stubGlobal('fetch', fetched);
    rememberAdminSecret('secret');
    const { useServerPresence } = await fresh();
    renderHook(() => useServerPresence(false));
    expect(fetched).not.toHaveBeenCalled();
  });
});
