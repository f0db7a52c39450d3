import { readFileSync } from 'node:fs';

/**
 * CPU time of the whole machine in clock ticks (USER_HZ), from the `cpu` line of /proc/stat: the time
 * the hypervisor gave to other guests while this one wanted to run (`steal`), and all time (`total`).
 */
export interface CpuTimes {
  steal: number;
  total: number;
}

const PROC_STAT = '/proc/stat';

/**
 * Reads the aggregate `cpu` line: user nice system idle iowait irq softirq steal [guest guest_nice].
 * guest and guest_nice are already counted in user and nice, so they stay out of the total.
 */
export function parseProcStat(text: string, file = PROC_STAT): CpuTimes {
  const line = text.split('\n', 1)[0] ?? '';
  const [label, ...fields] = line.trim().split(/\s+/);
  if (label !== 'cpu') {
    throw new Error(`${file}: first line should start with "cpu", got "${line.slice(0, 40)}"`);
  }
  if (fields.length < 8) {
    throw new Error(`${file}: the cpu line has ${fields.length} fields, expected at least 8 (up to steal)`);
  }
  const ticks = fields.slice(0, 8).map((f, i) => {
    if (!/^\d+$/.test(f)) throw new Error(`${file}: cpu field ${i + 1} is "${f}", expected a whole number`);
    return Number(f);
  });
  return { steal: ticks[7] ?? 0, total: ticks.reduce((a, b) => a + b, 0) };
}

/** The machine's CPU times now, or null where there is no /proc/stat (not Linux). */
export function readCpuTimes(): CpuTimes | null {
  let text: string;
  try {
    text = readFileSync(PROC_STAT, 'utf8');
  } catch {
    return null;
  }
  return parseProcStat(text);
}

/** Adds the ticks between `before` and `after` to `sum` (null stays null: nothing to add to). */
export function addCpuTimes(sum: CpuTimes | null, before: CpuTimes | null, after: CpuTimes | null) {
  if (!sum || !before || !after) return;
  sum.steal += after.steal - before.steal;
  sum.total += after.total - before.total;
}

/** Steal as a share of all CPU time, in percent; null when nothing was measured. */
export function stealPercent(times: CpuTimes | null | undefined): number | null {
  if (!times || times.total <= 0) return null;
  return (100 * times.steal) / times.total;
}
