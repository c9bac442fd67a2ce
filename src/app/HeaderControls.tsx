import { ProjectorToggle } from '../features/console/ProjectorToggle';
import { LanguageSwitch } from '../features/language/LanguageSwitch';

/** The right-hand controls of every screen's header: projector mode and the language. */
export function HeaderControls() {
  return (
    <div className="header-controls">
      <ProjectorToggle />
      <LanguageSwitch />
    </div>
  );
}
