/** The diagram's own screen, full size for a projector: the app's router reads the same form. */
export const MODEL_ROUTE = /^#\/oefening\/([0-9a-f]{8,64})\/model$/;

export const modelHref = (exerciseId: string) => `#/oefening/${exerciseId}/model`;
