import { useEffect, useState } from 'react';
import type { CastMember, ExerciseHead } from '../core/log';
import { readPreference, writePreference } from './local/preferences';

/** Who acts, per exercise and tab: the console and the model screen share it. */
const ACTING_KEY = 'paraat.actingAs.';

/**
 * "Handelt als": the cast member this tab acts as, remembered per tab and
 * exercise; the commander at first, else the first of the cast.
 */
export function useActing(head: ExerciseHead): {
  acting: CastMember | undefined;
  setActingId: (id: string) => void;
} {
  const cast = head.setup.cast;
  const [actingId, setActingId] = useState(() => {
    const remembered = readPreference('tab', ACTING_KEY + head.id);
    return (
      cast.find((member) => member.id === remembered)?.id ??
      cast.find((member) => member.role === 'commander')?.id ??
      cast[0]?.id ??
      ''
    );
  });
  useEffect(() => {
    writePreference('tab', ACTING_KEY + head.id, actingId);
  }, [actingId, head.id]);
  return { acting: cast.find((member) => member.id === actingId) ?? cast[0], setActingId };
}
