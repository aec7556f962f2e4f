import { DTaskState, OTHER_AREA } from '@dtask/domain';
import { TaskAtAGlance } from '@dtask/events';

/** A received task's coarse facts, as every tile of the load snapshot shows them: no personal data. */
export function taskAtAGlance(state: DTaskState): TaskAtAGlance {
  return {
    taskId: state.taskId!,
    area: state.area ?? OTHER_AREA,
    municipality: state.municipality ?? '',
    taskCode: state.taskCode ?? '',
    urgency: state.urgency,
    ...(state.ageYears === undefined ? {} : { ageYears: state.ageYears }),
    receivedAt: state.receivedAt!,
  };
}
