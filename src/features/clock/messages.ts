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
