import { useEffect, useState } from 'react';
import { ExerciseStore } from './store';

/**
 * What `read` makes of an exercise in storage, read-only: no session is opened,
 * so the trainer's console (perhaps in another tab) keeps the only write
 * access. The console writes an exercise's head last when it commits an entry;
 * that key's `storage` event (or a cleared storage, key null) reads it again.
 * `read` must be a stable function (module level), as it is an effect input.
 */
export function useStoredExercise<Store, Result>(
  store: Store,
  id: string,
  read: (store: Store, id: string) => Result,
): Result {
  const [result, setResult] = useState(() => read(store, id));
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === ExerciseStore.headKey(id)) setResult(read(store, id));
    };
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('storage', onStorage);
    };
  }, [store, id, read]);
  return result;
}
