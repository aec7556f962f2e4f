/** Minutes of a timeframe (`Timeframe`, an ISO 8601 duration such as PT2H, P1D or P1DT30M). */
export function timeframeMinutes(within: string): number {
  const [, days = '0', hours = '0', minutes = '0'] = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(within) ?? [];
  return Number(days) * 24 * 60 + Number(hours) * 60 + Number(minutes);
}
