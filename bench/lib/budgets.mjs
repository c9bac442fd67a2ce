/**
 * The budgets of issue #6, one place for `npm run bench` and `npm run bench:check`:
 * ratios over the floor (ours / floor), except logView (ms, absolute) and
 * explore (reported, no budget). A measure must be listed here: one missing
 * would count as over budget.
 */
export const BUDGETS = {
  initialJs: 1.5,
  // #13 item 7: over a bare send plus sealing the same entry; goal 1.3×. Against a bare send alone: reported.
  dispatch: 2,
  dispatchVsSend: null,
  replay: 2,
  load: 1.5,
  logView: 100,
  explore: null,
  // #13 item 7 asks only that it be reported. It is timed on disk (fsync per transaction), the noisiest thing
  // the bench times, and bench:check asserts no timed measure anyway.
  store: null,
  // #14 item 10: propose → ack p99 of the real server over a bare ws server doing the same durable insert.
  ack: 2,
};
