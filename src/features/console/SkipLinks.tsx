import { useTranslation } from '../../i18n';

export interface SkipTarget {
  /** The id of the element around the panel; focus goes to the panel's heading. */
  id: string;
  label: string;
}

/**
 * The first Tab stops of the console: straight to a panel, past the header, the cast and a long
 * inject queue (WCAG 2.4.1). Focus goes to the panel's heading, so a screen reader names the panel
 * and the next Tab is its first control. Not plain `#id` links: the app's route lives in the hash.
 */
export function SkipLinks({ targets }: { targets: readonly SkipTarget[] }) {
  const { t } = useTranslation();
  return (
    <nav className="skip-links" aria-label={t('console.skip.label')}>
      {targets.map((target) => (
        <a
          key={target.id}
          className="skip-link"
          href={`#${target.id}`}
          onClick={(event) => {
            event.preventDefault();
            const panel = document.getElementById(target.id);
            const heading = panel?.querySelector<HTMLElement>('h2') ?? panel;
            if (!heading) return;
            if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
            heading.focus();
          }}
        >
          {t('console.skip.to', { panel: target.label })}
        </a>
      ))}
    </nav>
  );
}
