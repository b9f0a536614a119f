// `npm run bench`: every benchmark, one after the other in one run, then the README's performance
// table and peer comparison rewritten from what this run measured. A bench that crashes leaves
// the README as it was; a missed budget is written as such, and the run exits non-zero.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchOutputFile, BenchResult, machineNote } from './benchReport';

const BENCHES = [
  ['emulator', 'emulator.bench.ts'],
  ['backend', 'backend.bench.ts'],
  ['fleet', 'fleet.bench.ts'],
  ['runs', 'runEvidence.bench.ts'],
  ['scaffolder', 'scaffolder.bench.ts'],
  ['peer', 'peer.bench.ts'],
] as const;
const README = path.resolve(__dirname, '../../README.md');

function replaceBlock(readme: string, name: string, lines: string[]): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function main() {
  const machine = machineNote();
  const started = Date.now();
  const results: BenchResult[] = [];
  const crashed: string[] = [];
  for (const [bench, file] of BENCHES) {
    console.log(`\n=== bench:${bench} ===`);
    fs.rmSync(benchOutputFile(bench), { force: true });
    spawnSync('npx', ['tsx', path.join(__dirname, file)], { stdio: 'inherit' });
    if (!fs.existsSync(benchOutputFile(bench))) {
      crashed.push(bench);
      continue;
    }
    results.push(JSON.parse(fs.readFileSync(benchOutputFile(bench), 'utf8')));
  }
  if (crashed.length > 0) {
    console.error(`\nbench:${crashed.join(', bench:')} did not finish; README.md left unchanged.`);
    process.exit(1);
  }

  const figures = results.flatMap(result => result.figures);
  const minutes = Math.round((Date.now() - started) / 60_000);
  const caption =
    `\`npm run bench\`, ${new Date().toISOString().slice(0, 10)}: one run of every benchmark, ` +
    `${minutes} min, on ${machine} at its start.`;
  const table = [
    '| benchmark | figure | budget |',
    '|---|---|---|',
    ...figures.map(
      figure =>
        `| ${cell(figure.benchmark)} | ${cell(figure.figure)} | ${cell(figure.budget)}${
          figure.met === false ? ' **missed**' : ''
        } |`,
    ),
    '',
    caption,
  ];
  const peer = results.find(result => result.bench === 'peer')!;
  let readme = fs.readFileSync(README, 'utf8');
  readme = replaceBlock(readme, 'table', table);
  readme = replaceBlock(readme, 'peer', [...(peer.markdown ?? []), '', caption]);
  fs.writeFileSync(README, readme);
  console.log(`\nREADME.md updated from this run.\n${table.join('\n')}`);

  const missed = figures.filter(figure => figure.met === false);
  if (missed.length > 0) {
    console.error(`Budgets missed: ${missed.map(figure => figure.benchmark).join('; ')}`);
    process.exit(1);
  }
}

main();
