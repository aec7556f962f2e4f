/**
 * Brings a form of the task in hand whole into view below the panel's sticky patient header, or,
 * when it is taller than the room left, its top just below the header. A form already whole in view
 * stays put: the panel does not jump under the nurse's eyes. The header's clearance is the panel's
 * scroll-padding-top (PatientHeader keeps it as tall as the header).
 */
export function bringClearOfHeader(form: Element | null | undefined): void {
  const scroller = form?.closest<HTMLElement>('.desk > .task');
  if (!form || !scroller) return;
  const view = scroller.getBoundingClientRect();
  const box = form.getBoundingClientRect();
  const clearTop = view.top + (parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0);
  // The panel may reach below the window (the page not yet scrolled past the desk's title): the window's edge counts.
  if (box.top >= clearTop - 1 && box.bottom <= Math.min(view.bottom, window.innerHeight) + 1) return;
  form.scrollIntoView({ block: 'start' });
}
