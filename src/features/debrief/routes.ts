/** The debrief's own screen; the app's router reads the same form. */
export const DEBRIEF_ROUTE = /^#\/oefening\/([0-9a-f]{8,64})\/nabespreking$/;

export const debriefHref = (exerciseId: string) => `#/oefening/${exerciseId}/nabespreking`;
