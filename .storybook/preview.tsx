import type { Preview } from '@storybook/react-vite';
import '../src/app/styles.css';
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
  parameters: { layout: 'padded' },
};
export default preview;
