import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DTaskService } from '@dtask/dtask-service';
import { comparePositions } from '@dtask/event-store';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ReadConsistency } from '../consistency/read-consistency';
import { correlationIdOf } from '../http/command-context.decorator';
import { TaskNotFoundError } from '../http/error.filter';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { PatientIndexReadModel } from '../privacy/patient-index.read-model';
import { AccessLog, PersonalDataRead } from './access-log';
import { LogQuery, PersonalDataReadsQuery } from './personal-data-reads.query';

/**
 * The access log a patient may ask for (client data act 703/2023): who read the personal data of a
 * task, or of every task of one patient, when and why. For the data-protection officer.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class PersonalDataReadsController {
  constructor(
    private readonly accessLog: AccessLog,
    private readonly service: DTaskService,
    private readonly patients: PatientIndexReadModel,
    private readonly consistency: ReadConsistency,
  ) {}

  /**
   * Every logged read, newest first. The answer is the log as it stood when asked; handing it out
   * is itself logged, as an export to the task's log, before it is returned.
   */
  @Get('personal-data-reads')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiZodQuery(PersonalDataReadsQuery)
  async reads(
    @Query(zodPipe(PersonalDataReadsQuery)) query: LogQuery,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const taskIds = query.taskId !== undefined ? await this.existingTask(query.taskId) : await this.tasksOfPatient(query.personId!);
    const reads = (await Promise.all(taskIds.map((taskId) => this.accessLog.readsOf(taskId)))).flat().sort(newestFirst);
    const correlationId = correlationIdOf(correlation);
    await Promise.all(taskIds.map((taskId) => this.accessLog.personalDataRead(actor, taskId, 'export', correlationId)));
    return { reads: reads.map(({ at, actor: reader, purpose, taskId }) => ({ at, actor: { id: reader.id, role: reader.role }, purpose, taskId })) };
  }

  private async existingTask(taskId: string): Promise<string[]> {
    if ((await this.service.history(taskId, { maxCount: 1 })).length === 0) throw new TaskNotFoundError(taskId);
    return [taskId];
  }

  /** The patient's tasks by the one patient key (patient-key.ts); every task written before is known. */
  private async tasksOfPatient(personId: string): Promise<string[]> {
    await this.consistency.reach('strong');
    const { index } = this.patients;
    const patient = index.refOf(personId, undefined);
    return patient === undefined ? [] : [...index.tasksOf(patient)];
  }
}

function newestFirst(a: PersonalDataRead, b: PersonalDataRead): number {
  return Date.parse(b.at) - Date.parse(a.at) || comparePositions(b.position, a.position);
}
