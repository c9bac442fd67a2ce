import type { Preview } from '@storybook/react-vite';
import '../src/app/styles.css';
// Stories switch language from the toolbar and render at once: both catalogues up front.
import '../src/i18n/bothLanguages';
import { LanguageDecorator } from './LanguageDecorator';

const preview: Preview = {
  decorators: [LanguageDecorator],
  globalTypes: {
    locale: {
      description: 'Taal / language',
      toolbar: { title: 'Taal', items: ['nl', 'en'] },
    },
  },
  initialGlobals: { locale: 'nl' },
  parameters: {
    layout: 'padded',
    // axe runs on every story in the story tests; a violation fails the test.
    a11y: { test: 'error' },
  },
};
export default preview;
