import { area } from './area';

/** New words of the analyst's view; its older words stay in base.ts. Keys start with `analyst.`. */
const en = {
  'analyst.dataHeld': 'Data held: tasks received {first} – {last} ({tasks} tasks).',
  'analyst.noData': 'No tasks are held yet: the charts fill once tasks arrive or a simulated year is loaded.',
  'analyst.periodOutsideData': 'No tasks in this period. The data held runs from {first} to {last}.',
  'analyst.showDataPeriod': 'Show the last 12 months of the data',
  'analyst.spanUnknown': 'Where the data lies could not be fetched; showing the last 12 months.',
  'analyst.queueFollowsSlider': 'The queue as it stood appears once the slider rests.',
  'analyst.otherArea': 'Other area',
  'analyst.flag.second-contact': 'Second contact',
  'analyst.flag.s2-alert': 'Waiting limit (S2)',
  'analyst.flag.handoff-returned': 'Handoff returned',
  'analyst.flag.red-flags': 'Red flags',
  'analyst.flag.escalated': 'Escalated',
  'analyst.flag.unreachable': 'Unreachable',
  'analyst.flag.follow-up-pending': 'Follow-up call booked',
  'analyst.flag.follow-up-due': 'Follow-up call due',
};

type Words = Record<keyof typeof en, string>;

const fi: Words = {
  'analyst.dataHeld': 'Aineisto: tehtävät vastaanotettu {first} – {last} ({tasks} tehtävää).',
  'analyst.noData': 'Tehtäviä ei vielä ole: kaaviot täyttyvät, kun tehtäviä saapuu tai simuloitu vuosi ladataan.',
  'analyst.periodOutsideData': 'Tällä jaksolla ei ole tehtäviä. Aineisto kattaa ajan {first} – {last}.',
  'analyst.showDataPeriod': 'Näytä aineiston viimeiset 12 kuukautta',
  'analyst.spanUnknown': 'Aineiston ajanjaksoa ei saatu; näytetään viimeiset 12 kuukautta.',
  'analyst.queueFollowsSlider': 'Silloinen jono näkyy, kun liukusäädin pysähtyy.',
  'analyst.otherArea': 'Muu alue',
  'analyst.flag.second-contact': 'Toistuva yhteydenotto',
  'analyst.flag.s2-alert': 'Odotusraja (S2)',
  'analyst.flag.handoff-returned': 'Siirto palautunut',
  'analyst.flag.red-flags': 'Hälytysmerkit',
  'analyst.flag.escalated': 'Kiireellisyys nostettu',
  'analyst.flag.unreachable': 'Ei tavoitettu',
  'analyst.flag.follow-up-pending': 'Seurantasoitto sovittu',
  'analyst.flag.follow-up-due': 'Seurantasoiton aika',
};

const sv: Words = {
  'analyst.dataHeld': 'Data: uppdrag mottagna {first} – {last} ({tasks} uppdrag).',
  'analyst.noData': 'Det finns ännu inga uppdrag: diagrammen fylls när uppdrag kommer in eller ett simulerat år laddas.',
  'analyst.periodOutsideData': 'Inga uppdrag under perioden. Data finns från {first} till {last}.',
  'analyst.showDataPeriod': 'Visa de senaste 12 månaderna av data',
  'analyst.spanUnknown': 'Det gick inte att hämta vilken tid data täcker; de senaste 12 månaderna visas.',
  'analyst.queueFollowsSlider': 'Kön vid tidpunkten visas när reglaget stannar.',
  'analyst.otherArea': 'Annat område',
  'analyst.flag.second-contact': 'Upprepad kontakt',
  'analyst.flag.s2-alert': 'Väntegräns (S2)',
  'analyst.flag.handoff-returned': 'Överlämning återkommen',
  'analyst.flag.red-flags': 'Varningstecken',
  'analyst.flag.escalated': 'Brådskandegrad höjd',
  'analyst.flag.unreachable': 'Inte nådd',
  'analyst.flag.follow-up-pending': 'Uppföljningssamtal bokat',
  'analyst.flag.follow-up-due': 'Dags för uppföljningssamtal',
};

export const analyst = area(en, fi, sv);
