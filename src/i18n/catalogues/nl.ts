/**
 * Dutch: the first language of Paraat. Every UI string lives in a catalogue;
 * each feature keeps its own (messages.ts beside it) and they meet here.
 */
import { nl as actingAs } from '../../features/actingAs/messages';
import { nl as actions } from '../../features/actions/messages';
import { nl as clock } from '../../features/clock/messages';
import { nl as console } from '../../features/console/messages';
import { nl as decisions } from '../../features/decisions/messages';
import { nl as exercises } from '../../features/exercises/messages';
import { nl as log } from '../../features/log/messages';
import { nl as phaseLadder } from '../../features/phaseLadder/messages';
import { nl as common } from './common';

export const nl = { ...common, phaseLadder, exercises, decisions, log, actingAs, actions, clock, console };

export type Catalogue = typeof nl;
