import { area } from './area';

/** The record of care of a closed task (contract v1.1), as the nurse and the supervisor open it in the panel. */
export const recordOfCare = area(
  {
    recordTitle: 'Record of care',
    recordShow: 'Show the record of care',
    recordHide: 'Hide the record',
    recordFhir: 'Download for the patient record (FHIR)',
    recordLogged: 'Each opening is a logged read of the patient’s data.',
    recordLoadFailed: 'The record could not be read: {reason}',
    closedTasks: 'Closed tasks',
    closedTasksNone: 'No closed tasks to show.',
    closedTaskEntry: '{code} · {area} · {age} · received {time} · {outcome}',
    clockTime: '{time}',
  },
  {
    recordTitle: 'Potilaskertomusmerkintä',
    recordShow: 'Näytä potilaskertomusmerkintä',
    recordHide: 'Piilota merkintä',
    recordFhir: 'Lataa potilastietojärjestelmään (FHIR)',
    recordLogged: 'Jokainen avaus kirjataan potilaan tietojen käsittelylokiin.',
    recordLoadFailed: 'Merkintää ei saatu luettua: {reason}',
    closedTasks: 'Päätetyt tehtävät',
    closedTasksNone: 'Ei näytettäviä päätettyjä tehtäviä.',
    closedTaskEntry: '{code} · {area} · {age} · vastaanotettu {time} · {outcome}',
    clockTime: 'klo {time}',
  },
  {
    recordTitle: 'Journalanteckning',
    recordShow: 'Visa journalanteckningen',
    recordHide: 'Dölj anteckningen',
    recordFhir: 'Ladda ner för patientdatasystemet (FHIR)',
    recordLogged: 'Varje öppning loggas som läsning av patientens uppgifter.',
    recordLoadFailed: 'Anteckningen kunde inte läsas: {reason}',
    closedTasks: 'Avslutade uppdrag',
    closedTasksNone: 'Inga avslutade uppdrag att visa.',
    closedTaskEntry: '{code} · {area} · {age} · mottaget {time} · {outcome}',
    clockTime: 'kl. {time}',
  },
);
