import type { Decorator } from '@storybook/react-vite';
import { useEffect } from 'react';
import { i18n, setLanguage, type Language } from '../src/i18n';

/** Stories render in the toolbar's language, or the one a story fixes with `parameters.locale`. */
export const LanguageDecorator: Decorator = (Story, context) => {
  const fixed = context.parameters.locale as Language | undefined;
  const language: Language = fixed ?? (context.globals.locale === 'en' ? 'en' : 'nl');
  if (i18n.language !== language) setLanguage(language);
  useEffect(() => {
    setLanguage(language);
  }, [language]);
  return <Story />;
};
