import { sideBySide } from './area';

/** What the desk says of the nurse's own input: the queue's cursor, the key that leaves a field, a typed time. Each key: English, Finnish, Swedish. */
export const deskInput = sideBySide({
  'cursorTaskTaken': ['Another nurse took the task you were on.', 'Toinen hoitaja otti tehtävän, jonka kohdalla olit.', 'En annan sjukskötare tog uppdraget du stod på.'],
  'cursorTaskLeft': ['The task you were on has left the queue.', 'Tehtävä, jonka kohdalla olit, lähti jonosta.', 'Uppdraget du stod på har lämnat kön.'],
  'cursorOnNextTask': [
    'The cursor is now on the next task: check it, then press Enter again to claim it.',
    'Kohdistin on nyt seuraavassa tehtävässä: tarkista se ja ota se painamalla Enter uudelleen.',
    'Markören står nu på nästa uppdrag: kontrollera det och tryck Enter igen för att ta det.',
  ],
  'key.leaveField': ['leave the field', 'poistu kentästä', 'lämna fältet'],
  'callTimeTomorrow': [
    '{time} has passed today: the call is for tomorrow, {at}.',
    'Klo {time} on tältä päivältä jo mennyt: soitto on huomenna {at}.',
    'Kl. {time} har redan passerat i dag: samtalet blir i morgon {at}.',
  ],
});
