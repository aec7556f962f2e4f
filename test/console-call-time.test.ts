import { typedTimeTomorrow } from '../apps/console/src/format';
import { translate } from '../apps/console/src/i18n';

/**
 * QA 6 (12): "02.00" typed at 02.30 booked a call for the next night without a word. The form now
 * says when a typed time has passed today and falls tomorrow, before anything is booked.
 */
describe('a call time typed as hh.mm', () => {
  // 2.12.2026 at 02.30 in Helsinki (UTC+2).
  const at0230 = Date.parse('2026-12-02T00:30:00Z');

  it('falls tomorrow when it has passed today, and says the instant', () => {
    expect(typedTimeTomorrow('02.00', at0230)).toBe(Date.parse('2026-12-03T00:00:00Z'));
    expect(typedTimeTomorrow('2:29', at0230)).toBe(Date.parse('2026-12-03T00:29:00Z'));
  });

  it('is no news when it is still to come today, or no time at all', () => {
    expect(typedTimeTomorrow('02.31', at0230)).toBeUndefined();
    expect(typedTimeTomorrow('23.59', at0230)).toBeUndefined();
    expect(typedTimeTomorrow('25.00', at0230)).toBeUndefined();
    expect(typedTimeTomorrow('abc', at0230)).toBeUndefined();
  });

  it('is said in Finnish and Swedish as the centre writes times', () => {
    const values = { time: '02.00', at: '3.12.2026 klo 02.00' };
    expect(translate('fi', 'callTimeTomorrow', values)).toBe('Klo 02.00 on tältä päivältä jo mennyt: soitto on huomenna 3.12.2026 klo 02.00.');
    expect(translate('sv', 'callTimeTomorrow', { ...values, at: '3.12.2026 kl. 02.00' })).toBe('Kl. 02.00 har redan passerat i dag: samtalet blir i morgon 3.12.2026 kl. 02.00.');
  });
});
