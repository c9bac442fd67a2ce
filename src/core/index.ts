/**
 * The exercise core's public surface (issue #13 item 1): everything that
 * decides what happens to an exercise, for every host (the browser's session,
 * a server). Pure and isomorphic: no React, no DOM, no storage, no clock or
 * randomness of its own; time and ids are arguments. tests/core/purity.node.test.ts
 * holds it to that.
 */
export * from './log';
export * from './clock';
export * from './hashChain';
export * from './injects';
export * from './replay';
export * from './branch';
export * from './applyAttempt';
export * from './exerciseState';
export * from './releasePolicy';
export * from './projections';
export * from './protocol';
export * from './exerciseFile';
export * from './exerciseFileSchema';
export * from './parseExerciseFile';
export * from './verifyExerciseFile';
