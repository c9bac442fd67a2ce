/** The replay's own screen; the app's router reads the same form. */
export const REPLAY_ROUTE = /^#\/oefening\/([0-9a-f]{8,64})\/terugkijken$/;

export const replayHref = (exerciseId: string) => `#/oefening/${exerciseId}/terugkijken`;
