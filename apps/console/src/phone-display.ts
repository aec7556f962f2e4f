/** How a number is read aloud is one rule with the record of care's (libs/events). */
export { phoneDisplay } from '../../../libs/events/src/phone-display';

/** The tel: link: the full international number, digits and its plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
