import { RouteScreen } from './RouteScreen';
import { useRoute } from './route';
import { useFocusOnNewScreen } from './useFocusOnNewScreen';
import { useOpenExercise } from './useOpenExercise';
import { useRepository } from './useRepository';
import { useServiceWorker } from './useServiceWorker';

/**
 * Paraat: this device's storage opened (and the old one moved over), the exercise the route names
 * opened in a session, focus moved to a new screen, and the screen for the route.
 */
export function App() {
  useServiceWorker();
  const storage = useRepository();
  const route = useRoute();
  const opened = useOpenExercise(
    storage?.repository ?? null,
    route.screen === 'exercise' || route.screen === 'model' ? route.id : null,
  );
  useFocusOnNewScreen(route.screen);
  return <RouteScreen route={route} storage={storage} opened={opened} />;
}
