/**
 * A button's visible word plus, for screen readers, what it acts on
 * ("Verwijderen Jaarwisseling Utrecht"), so a list of buttons is told apart.
 * The space sits in the visible text node: name computation drops a hidden
 * node's leading white space.
 */
export function ActionLabel({ action, subject }: { action: string; subject: string }) {
  return (
    <>
      {`${action} `}
      <span className="visually-hidden">{subject}</span>
    </>
  );
}
