/** Benchmarks report medians of several runs: these machines are shared and noisy. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentileOf(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function repeat(runs: number, once: () => Promise<number>): Promise<{ median: number; runs: number[] }> {
  const results: number[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await once());
  return { median: median(results), runs: results.map((value) => Math.round(value)) };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}

export interface Section {
  name: string;
  measuredAt: string;
  machine: string;
  figures: Figure[];
  details?: Record<string, unknown>;
}
