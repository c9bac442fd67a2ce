/** This feature's strings: Dutch first, English the same shape. */
export const nl = {};

export const en: typeof nl = {};
