export const nl = {
  label: 'Handelt als',
  explain: 'Kies wie nu handelt. De knoppen tonen wat die rol kan doen; het model zegt wat mag.',
  /** A person and their position from the scenario: "Jeroen Visser (Algemeen Commandant SGBO)". */
  withPosition: '{{name}} ({{position}})',
};
