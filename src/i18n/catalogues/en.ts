/**
 * English: each feature's messages.en.ts, met here. Its own chunk, imported
 * only when English is chosen (src/i18n/index.ts), so Dutch users never load it.
 */
import { en as actingAs } from '../../features/actingAs/messages.en';
import { en as actions } from '../../features/actions/messages.en';
import { en as clock } from '../../features/clock/messages.en';
import { en as console } from '../../features/console/messages.en';
import { en as debrief } from '../../features/debrief/messages.en';
import { en as decisions } from '../../features/decisions/messages.en';
import { en as diagram } from '../../features/diagram/messages.en';
import { en as drill } from '../../features/drill/messages.en';
import { en as evidence } from '../../features/evidence/messages.en';
import { en as exercises } from '../../features/exercises/messages.en';
import { en as exerciseFile } from '../../features/exercises/importMessages.en';
import { en as instructor } from '../../features/instructor/messages.en';
import { en as scenarioPicker } from '../../features/exercises/scenarioMessages.en';
import { en as injects } from '../../features/injects/messages.en';
import { en as log } from '../../features/log/messages.en';
import { en as live } from '../../features/live/messages.en';
import { en as phaseLadder } from '../../features/phaseLadder/messages.en';
import { en as replay } from '../../features/replay/messages.en';
import { en as common } from './common.en';
import type { Catalogue } from './nl';

export const en: Catalogue = {
  ...common,
  phaseLadder,
  exercises,
  exerciseFile,
  decisions,
  log,
  live,
  actingAs,
  actions,
  clock,
  console,
  scenarioPicker,
  injects,
  diagram,
  drill,
  instructor,
  evidence,
  debrief,
  replay,
};
