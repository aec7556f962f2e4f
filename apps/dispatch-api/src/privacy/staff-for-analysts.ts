import { Pseudonymiser } from '@dtask/read-models';
import { Actor } from '../auth/actor';

/**
 * Analysts see staff as keyed pseudonyms, everywhere: the per-nurse groups of a report carry the
 * nurse's pseudonym for an analyst and the nurse's id for a supervisor, who runs the centre.
 */
export function nurseKeysFor<G extends { key: string }>(actor: Actor, groups: G[], isNurseGroup: (group: G) => boolean, pseudonymiser: Pseudonymiser): G[] {
  if (actor.role !== 'analyst') return groups;
  return groups.map((group) => (isNurseGroup(group) ? { ...group, key: pseudonymiser.staffPseudonym(group.key) } : group));
}
