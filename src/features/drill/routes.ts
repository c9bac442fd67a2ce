/** The decision drill's address (issue #15). */
export const DRILL_ROUTE = /^#\/beslisoefening$/;

export const drillHref = () => '#/beslisoefening';
