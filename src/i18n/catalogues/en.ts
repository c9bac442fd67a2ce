import { en as decisions } from '../../features/decisions/messages';
import { en as exercises } from '../../features/exercises/messages';
import { en as log } from '../../features/log/messages';
import { en as phaseLadder } from '../../features/phaseLadder/messages';
import { en as common } from './common';
import type { Catalogue } from './nl';

export const en: Catalogue = { ...common, phaseLadder, exercises, decisions, log };
