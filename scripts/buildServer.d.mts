/** The built server's entry (main.js) and a way to remove its folder. */
export function buildServer(prefix: string): { entry: string; remove: () => void };
