import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// Tests switch language and assert at once; the lazy loading itself is tested in tests/i18n.
import '../../src/i18n/bothLanguages';

afterEach(() => {
  cleanup();
});
