import { DTaskFields, DTaskState } from './state';

/**
 * The state with the ERC's personal data blanked (the changed callback number and address, the
 * last update's body), in the same shape: for a read model that saves states to disk, whose files
 * hold patients only as pseudonyms. Deciding on it forgets only the one-minute repeat check.
 */
export function withoutPersonalData<S extends DTaskState>(state: S): S {
  if (state.callbackPhone === undefined && state.address === undefined && state.lastErcUpdate === undefined) return state;
  const blanked = { ...state };
  clearPersonalData(blanked);
  return blanked;
}

/** The same, in place: for a read model that owns its states (evolveInPlace). */
export function clearPersonalData(state: DTaskFields): void {
  state.callbackPhone = undefined;
  state.address = undefined;
  state.lastErcUpdate = undefined;
}
