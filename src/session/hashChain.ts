/**
 * The hash chain is the core's (src/core/hashChain.ts). This path stays as a
 * re-export only because src/session/local/ and bench/, which other engineers
 * are changing, still import it; remove it once they import from src/core.
 */
export * from '../core/hashChain';
