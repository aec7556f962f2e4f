/**
 * A callback number as a Finnish nurse reads it aloud: `+358400009769` is `040 000 9769`. Numbers
 * of other countries keep their `+country` (the nurse dials them as they stand); anything that is
 * not an international number is shown as the ERC sent it. The console's panel and the record of
 * care both write it so; a tel: link takes the full international number, never this.
 */
export function phoneDisplay(phone: string): string {
  const compact = phone.replace(/[\s()-]/g, '');
  const finnish = /^(?:\+|00)358(\d{5,11})$/.exec(compact);
  if (!finnish) return phone;
  const national = finnish[1]!;
  // Mobiles (04x, 050) and the old two-digit areas (013-019) have a three-digit prefix; 02, 03, 05, 06, 08, 09 have two.
  const prefixLength = /^(4|50|1[3-9])/.test(national) ? 2 : 1;
  const prefix = `0${national.slice(0, prefixLength)}`;
  const subscriber = national.slice(prefixLength);
  if (subscriber.length <= 4) return `${prefix} ${subscriber}`;
  // The last four digits as their own group, as the number is said: 000 9769, 123 456 (six: three and three).
  const split = subscriber.length <= 6 ? subscriber.length - 3 : subscriber.length - 4;
  return `${prefix} ${subscriber.slice(0, split)} ${subscriber.slice(split)}`;
}
