import './resultLine.css';

/**
 * What became of an attempt made from a panel. `pending`: sent, not yet stored. `notRecorded`: never
 * judged or logged (the server answered with an error, or the proposal was not sent): the reason is
 * the server's or the connection's, not a rule of the model, so it is worded apart from a refusal.
 */
export type ResultOutcome = 'accepted' | 'refused' | 'pending' | 'notRecorded';

export interface AttemptResult {
  outcome: ResultOutcome;
  text: string;
}

// Never by colour alone: each outcome has its own mark next to its words.
const MARK: Record<ResultOutcome, string> = { accepted: '✓', refused: '✗', pending: '…', notRecorded: '!' };

/** One result line's words with their mark; the panel puts it in its own live region. */
export function ResultLine({ result }: { result: AttemptResult }) {
  return (
    <span className={`outcome outcome--${result.outcome}`}>
      <span aria-hidden="true">{MARK[result.outcome]}</span> {result.text}
    </span>
  );
}
