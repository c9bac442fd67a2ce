/**
 * Who an inject is for. Kept apart from the schema so the app's routes can
 * name the audience screens without loading the schema library.
 */
export const INJECT_AUDIENCES = ['everyone', 'trainer', 'mayorStaff', 'commander'] as const;
export type InjectAudience = (typeof INJECT_AUDIENCES)[number];
