/** The region stands in libs/events, where the intake checks its municipalities (the events library cannot import the domain). */
export { areaOf, D_TASK_CODES, OTHER_AREA, REGION_AREAS } from '@dtask/events';
