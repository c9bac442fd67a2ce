/** Why the last write failed (storage), said inside the screen's alert region; nothing when all is well. */
export function ProblemBanner({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="exercises-banner exercises-banner--error">
      <span aria-hidden="true">⚠ </span>
      {problem}
    </p>
  );
}
