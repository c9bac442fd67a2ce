import type { By } from '../../../machines';
import type { CastMember } from '../../session';

/** A cast member as the model names who acts: role and name, and the municipality when the cast gives one. */
export const byOf = (member: CastMember): By =>
  member.municipality === undefined
    ? { role: member.role, name: member.name }
    : { role: member.role, name: member.name, municipality: member.municipality };
