/**
 * Dutch: the first language of Paraat, bundled with the app. Every UI string
 * lives in a catalogue; each feature keeps its own (messages.ts beside it, the
 * English in messages.en.ts) and they meet here.
 */
import { nl as actingAs } from '../../features/actingAs/messages';
import { nl as actions } from '../../features/actions/messages';
import { nl as clock } from '../../features/clock/messages';
import { nl as console } from '../../features/console/messages';
import { nl as debrief } from '../../features/debrief/messages';
import { nl as decisions } from '../../features/decisions/messages';
import { nl as diagram } from '../../features/diagram/messages';
import { nl as drill } from '../../features/drill/messages';
import { nl as evidence } from '../../features/evidence/messages';
import { nl as exercises } from '../../features/exercises/messages';
import { nl as exerciseFile } from '../../features/exercises/importMessages';
import { nl as instructor } from '../../features/instructor/messages';
import { nl as scenarioPicker } from '../../features/exercises/scenarioMessages';
import { nl as injects } from '../../features/injects/messages';
import { nl as log } from '../../features/log/messages';
import { nl as live } from '../../features/live/messages';
import { nl as phaseLadder } from '../../features/phaseLadder/messages';
import { nl as replay } from '../../features/replay/messages';
import { nl as common } from './common';

export const nl = {
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

export type Catalogue = typeof nl;
