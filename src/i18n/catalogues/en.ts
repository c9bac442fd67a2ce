import { en as actingAs } from '../../features/actingAs/messages';
import { en as actions } from '../../features/actions/messages';
import { en as clock } from '../../features/clock/messages';
import { en as console } from '../../features/console/messages';
import { en as debrief } from '../../features/debrief/messages';
import { en as decisions } from '../../features/decisions/messages';
import { en as diagram } from '../../features/diagram/messages';
import { en as evidence } from '../../features/evidence/messages';
import { en as exercises } from '../../features/exercises/messages';
import { en as exerciseFile } from '../../features/exercises/importMessages';
import { en as instructor } from '../../features/instructor/messages';
import { en as scenarioPicker } from '../../features/exercises/scenarioMessages';
import { en as injects } from '../../features/injects/messages';
import { en as log } from '../../features/log/messages';
import { en as phaseLadder } from '../../features/phaseLadder/messages';
import { en as replay } from '../../features/replay/messages';
import { en as common } from './common';
import type { Catalogue } from './nl';

export const en: Catalogue = {
  ...common,
  phaseLadder,
  exercises,
  exerciseFile,
  decisions,
  log,
  actingAs,
  actions,
  clock,
  console,
  scenarioPicker,
  injects,
  diagram,
  instructor,
  evidence,
  debrief,
  replay,
};
