import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DTaskService } from '@dtask/dtask-service';
import { FastifyReply } from 'fastify';
import Negotiator from 'negotiator';
import { AccessLog, ReadPurpose } from '../audit/access-log';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { TaskIdParam } from '../d-tasks/task-id-param';
import { correlationIdOf } from '../http/command-context.decorator';
import { TaskNotFoundError } from '../http/error.filter';
import { zodPipe } from '../http/zod-validation.pipe';
import { ServiceDirectory } from '../services-directory/service-directory';
import { CareFacts, careFacts } from './care-facts';
import { readableRecord } from './readable-record';
import { recordBundle } from './record-fhir';
import { RECORD_LANGUAGES, RecordLanguage } from './record-words';
import { ServiceName } from './record-phrasing';

/** The county's languages first: a request that names none of ours reads Finnish. */
const languageOf = (acceptLanguage: string | undefined): RecordLanguage =>
  (new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language([...RECORD_LANGUAGES]) as RecordLanguage | undefined) ?? 'fi';

/**
 * The record of care of a task (domain.md, "The record of care"), from its stream alone: as text
 * in the reader's language, and as an HL7 FHIR R4 Bundle. Each is a logged read of personal data
 * (S7), written before the record is returned.
 */
@ApiTags('record of care')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class RecordController {
  constructor(
    private readonly service: DTaskService,
    private readonly accessLog: AccessLog,
    private readonly directory: ServiceDirectory,
    private readonly clock: Clock,
  ) {}

  @Get(':id/record')
  @Roles(...NURSE_ROLES)
  @Header('Cache-Control', 'no-store')
  async record(
    @Param('id', zodPipe(TaskIdParam)) taskId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const facts = await this.loggedRead(taskId, actor, 'record', correlation);
    const language = languageOf(acceptLanguage);
    reply.header('Content-Language', language).header('Vary', 'Accept-Language');
    return readableRecord(facts, language, this.serviceNames(language));
  }

  @Get(':id/record.fhir')
  @Roles(...NURSE_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/fhir+json')
  async fhir(
    @Param('id', zodPipe(TaskIdParam)) taskId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const facts = await this.loggedRead(taskId, actor, 'record-fhir', correlation);
    reply.type('application/fhir+json; charset=utf-8').header('Vary', 'Accept-Language');
    const language = languageOf(acceptLanguage);
    return recordBundle(facts, language, this.serviceNames(language), this.clock.now().toISOString());
  }

  /** Services by the name the record's language gives them: the helpline's Swedish one in Swedish. */
  private serviceNames(language: RecordLanguage): ServiceName {
    return (serviceId) => {
      const service = this.directory.find(serviceId);
      return language === 'sv' ? (service?.nameSv ?? service?.name) : service?.name;
    };
  }

  /** The task's stream, read now; the read is logged before anything of it is returned. */
  private async loggedRead(taskId: string, actor: Actor, purpose: ReadPurpose, correlation: string | undefined): Promise<CareFacts> {
    const { history } = await this.service.read(taskId);
    if (history.length === 0) throw new TaskNotFoundError(taskId);
    await this.accessLog.personalDataRead(actor, taskId, purpose, correlationIdOf(correlation));
    return careFacts(taskId, history);
  }
}
