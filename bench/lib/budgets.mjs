/**
 * The budgets of issue #6, one place for `npm run bench` and `npm run bench:check`:
 * ratios over the floor (ours / floor), except logView (ms, absolute) and
 * explore (reported, no budget).
 */
export const BUDGETS = { initialJs: 1.5, dispatch: 5, replay: 2, load: 1.5, logView: 100, explore: null };
