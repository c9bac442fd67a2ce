/**
 * Both catalogues at once, for stories and tests that switch language and
 * expect the other at once (the app itself loads English only when it is
 * chosen: ./index.ts). Import it for its effect.
 */
import { en } from './catalogues/en';
import { i18n } from './index';

i18n.addCatalogue('en', en);
