import { area } from './area';

/** The supervisor's wall for contract v1.1: S8's alerts and repeat calls as tiles, the field commander's units, S1's unit on its way. */
export const worldWall = area(
  {
    'wall.kind.recalls-failed': 'Not reached while waiting for a unit (S8)',
    'wall.kind.unit-overdue': 'Unit overdue (S8)',
    'wall.kind.repeat-call': 'Repeat calls to 112',
    'wall.kindShort.recalls-failed': 'not reached while waiting {count}',
    'wall.kindShort.unit-overdue': 'units overdue {count}',
    'wall.kindShort.repeat-call': 'repeat calls {count}',
    'wall.openThisTask': 'Open the task',
    'wall.mixFieldCommander': 'Units attached by the field commander',
    'wall.severity.info': 'ℹ For information',
    'wall.unitSentAt': 'unit sent automatically at {time}',
  },
  {
    'wall.kind.recalls-failed': 'Yksikköä odottava ei vastaa (S8)',
    'wall.kind.unit-overdue': 'Yksikkö myöhässä (S8)',
    'wall.kind.repeat-call': 'Uudet soitot 112:een',
    'wall.kindShort.recalls-failed': 'yksikköä odottava ei vastaa {count}',
    'wall.kindShort.unit-overdue': 'yksikkö myöhässä {count}',
    'wall.kindShort.repeat-call': 'uusia soittoja 112:een {count}',
    'wall.openThisTask': 'Avaa tehtävä',
    'wall.mixFieldCommander': 'Kenttäjohtajan liittämät yksiköt',
    'wall.severity.info': 'ℹ Tiedoksi',
    'wall.unitSentAt': 'yksikkö lähetetty automaattisesti klo {time}',
  },
  {
    'wall.kind.recalls-failed': 'Väntar på enhet, nås inte (S8)',
    'wall.kind.unit-overdue': 'Enheten försenad (S8)',
    'wall.kind.repeat-call': 'Nya samtal till 112',
    'wall.kindShort.recalls-failed': 'väntar på enhet, nås inte {count}',
    'wall.kindShort.unit-overdue': 'enhet försenad {count}',
    'wall.kindShort.repeat-call': 'nya samtal till 112 {count}',
    'wall.openThisTask': 'Öppna uppdraget',
    'wall.mixFieldCommander': 'Enheter som fältchefen kopplat',
    'wall.severity.info': 'ℹ För kännedom',
    'wall.unitSentAt': 'enhet skickad automatiskt kl. {time}',
  },
);
