import { phoneDisplay, telHref } from '../apps/console/src/phone-display';

describe('a callback number as a Finnish nurse reads it', () => {
  it('writes a Finnish mobile in its national form, grouped as it is said', () => {
    expect(phoneDisplay('+358400009769')).toBe('040 000 9769');
    expect(phoneDisplay('+358501234567')).toBe('050 123 4567');
    expect(phoneDisplay('+358 45 7123 4567')).toBe('045 7123 4567');
  });

  it('gives a landline its area code: two digits for Helsinki and Oulu, three for the old areas', () => {
    expect(phoneDisplay('+35891234567')).toBe('09 123 4567');
    expect(phoneDisplay('+3588123456')).toBe('08 123 456');
    expect(phoneDisplay('+358131234567')).toBe('013 123 4567');
  });

  it("keeps another country's number with its +country, and shows what is no international number as sent", () => {
    expect(phoneDisplay('+46701234567')).toBe('+46701234567');
    expect(phoneDisplay('040 000 9769')).toBe('040 000 9769');
    expect(phoneDisplay('')).toBe('');
  });

  it('links the full international number, digits and plus only', () => {
    expect(telHref('+358 40 000 9769')).toBe('tel:+358400009769');
  });
});
