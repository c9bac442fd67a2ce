/**
 * The floor: the least a React 19 + XState 5 page can be (a tiny machine and a
 * button). Paraat's figures in `npm run bench` are ratios over this page, built
 * with the same Vite options in the same run, so a noisy machine cancels out.
 */
import { useMachine } from '@xstate/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMachine } from 'xstate';

const toggle = createMachine({
  id: 'toggle',
  initial: 'off',
  states: { off: { on: { press: 'on' } }, on: { on: { press: 'off' } } },
});

function Floor() {
  const [snapshot, send] = useMachine(toggle);
  return (
    <main>
      <h1>Floor</h1>
      <button
        type="button"
        onClick={() => {
          send({ type: 'press' });
        }}
      >
        {snapshot.matches('on') ? 'Aan' : 'Uit'}
      </button>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
);
