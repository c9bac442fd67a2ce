export const nl = {
  title: 'Oefenklok',
  exerciseTime: 'Oefentijd',
  running: 'loopt',
  paused: 'gepauzeerd',
  start: 'Start',
  pause: 'Pauze',
  speed: 'Snelheid',
  jump: '+{{minutes}} min',
  jumpLabel: '{{minutes}} minuten vooruit',
  steeredBy: 'Klok bediend door {{name}} (oefenleider)',
};
export const en: typeof nl = {
  title: 'Exercise clock',
  exerciseTime: 'Exercise time',
  running: 'running',
  paused: 'paused',
  start: 'Start',
  pause: 'Pause',
  speed: 'Speed',
  jump: '+{{minutes}} min',
  jumpLabel: '{{minutes}} minutes ahead',
  steeredBy: 'Clock run by {{name}} (exercise controller)',
};
