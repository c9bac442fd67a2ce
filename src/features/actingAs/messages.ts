export const nl = {
  label: 'Handelt als',
  explain: 'Kies wie nu handelt. De knoppen tonen wat die rol kan doen; het model zegt wat mag.',
};
export const en: typeof nl = {
  label: 'Acting as',
  explain: 'Choose who acts now. The buttons show what that role can do; the model says what is allowed.',
};
