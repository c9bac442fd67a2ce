/** The instructor mode's address; the step (1-based) is in it, so a reload stays on the same step. */
export const INSTRUCTOR_ROUTE = /^#\/instructie(?:\/(\d{1,3}))?$/;

export const instructorHref = (step = 1) => (step <= 1 ? '#/instructie' : `#/instructie/${String(step)}`);
