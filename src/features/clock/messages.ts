export const nl = {
  title: 'Oefenklok',
  exerciseTime: 'Oefentijd',
  running: 'loopt',
  paused: 'gepauzeerd',
  start: 'Start',
  pause: 'Pauze',
  speed: 'Snelheid',
  jump: '+{{minutes}} min',
  jumpLabel_one: '{{count}} minuut vooruit',
  jumpLabel_other: '{{count}} minuten vooruit',
  steeredBy: 'Klok bediend door {{name}} (oefenleider)',
};
