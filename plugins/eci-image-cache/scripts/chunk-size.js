#!/usr/bin/env node
/*
 * Prints the size of the Image Cache tab's lazy chunk(s) in the built app and fails when the
 * gzipped total is over the budget.
 *
 *   cd packages/app && npx backstage-cli package build
 *   node plugins/eci-image-cache/scripts/chunk-size.js [path/to/app/dist/static] [--budget-kb 60]
 *
 * A chunk belongs to the tab when its source map lists the tab's entry component. The lazy chunk
 * of the scaffolder form fields, and files that carry the plugin's eager part (plugin definition,
 * API client), are listed for information.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CONTENT_SOURCE =
  'plugins/eci-image-cache/src/components/EciImageCacheContent';
const FIELDS_SOURCE = 'plugins/eci-image-cache/src/scaffolder/formFields';
const PLUGIN_SOURCE = 'plugins/eci-image-cache/src/';

const args = process.argv.slice(2);
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex === -1 ? 60 : Number(args[budgetIndex + 1]);
const staticDir = path.resolve(
  args.find(
    (arg, index) => !arg.startsWith('--') && index !== budgetIndex + 1,
  ) ?? path.join(__dirname, '../../../packages/app/dist/static'),
);

const print = line => process.stdout.write(`${line}\n`);
const warn = line => process.stderr.write(`${line}\n`);

if (!fs.existsSync(staticDir)) {
  warn(
    `No build output at ${staticDir}; run "npx backstage-cli package build" in packages/app first.`,
  );
  process.exit(2);
}

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
const lazy = [];
const fields = [];
const eager = [];
for (const file of fs
  .readdirSync(staticDir)
  .filter(name => name.endsWith('.js'))) {
  const mapFile = path.join(staticDir, `${file}.map`);
  if (!fs.existsSync(mapFile)) continue;
  const sources = JSON.parse(fs.readFileSync(mapFile, 'utf8')).sources ?? [];
  const code = fs.readFileSync(path.join(staticDir, file));
  const entry = {
    file,
    raw: code.length,
    gzip: zlib.gzipSync(code, { level: 9 }).length,
  };
  if (sources.some(source => source.includes(CONTENT_SOURCE))) {
    lazy.push(entry);
  } else if (sources.some(source => source.includes(FIELDS_SOURCE))) {
    fields.push(entry);
  } else if (sources.some(source => source.includes(PLUGIN_SOURCE))) {
    eager.push(entry);
  }
}

if (lazy.length === 0) {
  warn(
    `No chunk in ${staticDir} contains ${CONTENT_SOURCE}; is the plugin installed in the app?`,
  );
  process.exit(2);
}

print('Image Cache tab, lazy chunk(s):');
for (const chunk of lazy) {
  print(`  ${chunk.file}  ${kb(chunk.raw)} raw, ${kb(chunk.gzip)} gzipped`);
}
const total = lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
print(`  total ${kb(total)} gzipped (budget ${budgetKb} KB)`);
if (fields.length > 0) {
  print('Scaffolder form fields, lazy chunk(s):');
  for (const chunk of fields) {
    print(`  ${chunk.file}  ${kb(chunk.raw)} raw, ${kb(chunk.gzip)} gzipped`);
  }
}
if (eager.length > 0) {
  print(
    'Loaded with the app (plugin definition and API client, shared bundles):',
  );
  for (const file of eager) print(`  ${file.file}`);
}
if (total > budgetKb * 1024) {
  warn(`Over budget by ${kb(total - budgetKb * 1024)}.`);
  process.exit(1);
}
