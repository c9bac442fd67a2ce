export const nl = {
  connection: {
    connecting: 'Verbinden met de server…',
    live: 'Live verbonden met de server',
    reconnecting: 'Offline — opnieuw verbinden over {{seconds}} s',
    closed: 'De verbinding met de server is gesloten.',
  },
  waiting_one: '{{count}} poging wacht op de server en wordt verstuurd zodra er verbinding is.',
  waiting_other: '{{count}} pogingen wachten op de server en worden verstuurd zodra er verbinding is.',
  chainProblem: 'Wat de server stuurde (regel {{seq}}) klopte niet met het logboek; het wordt opnieuw opgehaald.',
  role: 'Dit apparaat: {{role}}',
  reload: {
    title: 'Dit apparaat kan niet meer meedoen',
    tooOld: 'Deze versie van Paraat past niet bij de server.',
    forbidden: 'Dit apparaat mag deze oefening niet openen.',
    revoked: 'De oefenleider heeft dit apparaat verwijderd.',
    unknownExercise: 'De server kent deze oefening niet.',
    hint: 'Laad de pagina opnieuw. Vraag de oefenleider om een nieuwe code als dat nodig is.',
    button: 'Pagina opnieuw laden',
  },
  qr: {
    label: 'QR-code van {{text}}',
  },
};
