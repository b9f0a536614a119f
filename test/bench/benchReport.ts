// What one benchmark measured, as rows of the README's performance table: each bench records its
// figures and writes them to test/bench/output/<bench>.json (git ignores it); `npm run bench`
// (all.ts) runs every bench in one go and writes the README from those files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_OUTPUT = path.resolve(__dirname, 'output');

export interface BenchFigure {
  benchmark: string;
  figure: string;
  budget: string;
  /** Whether the budget was met; undefined for figures without a budget. */
  met?: boolean;
}

export interface BenchResult {
  bench: string;
  command: string;
  finishedAt: string;
  figures: BenchFigure[];
  /** Extra README lines (the peer comparison's table). */
  markdown?: string[];
}

export function benchOutputFile(bench: string): string {
  return path.join(BENCH_OUTPUT, `${bench}.json`);
}

export type BenchReport = ReturnType<typeof benchReport>;

export function benchReport(bench: string) {
  const figures: BenchFigure[] = [];
  return {
    figure(figure: BenchFigure) {
      figures.push(figure);
      const verdicts = { true: ' ok', false: ' MISSED', undefined: '' };
      const verdict = verdicts[`${figure.met}`];
      console.log(`${figure.benchmark}: ${figure.figure} (budget ${figure.budget})${verdict}`);
    },
    /** The benchmarks whose budget was missed. */
    missed(): string[] {
      return figures.filter(figure => figure.met === false).map(figure => figure.benchmark);
    },
    write(markdown?: string[]) {
      const result: BenchResult = {
        bench,
        command: `npm run bench:${bench}`,
        finishedAt: new Date().toISOString(),
        figures,
        markdown,
      };
      fs.mkdirSync(BENCH_OUTPUT, { recursive: true });
      fs.writeFileSync(benchOutputFile(bench), `${JSON.stringify(result, null, 2)}\n`);
    },
  };
}

/** The machine a run was on, for the README's caption. */
export function machineNote(): string {
  const [load1, load5] = os.loadavg();
  return `${os.cpus().length} cores, Node ${process.version}, load average ${load1.toFixed(1)} / ${load5.toFixed(1)} (1 / 5 min)`;
}
