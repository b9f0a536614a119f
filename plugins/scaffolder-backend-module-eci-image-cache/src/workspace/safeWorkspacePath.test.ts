import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveInsideDirectory } from './safeWorkspacePath';

describe('resolveInsideDirectory', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-safe-path-'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it.each([
    ['right-to-left override', 'workflows/\u202eeyaml.exe'],
    ['zero-width space', 'workflows/web\u200b.yaml'],
    ['line separator', 'workflows/a\u2028b.yaml'],
    ['byte order mark', 'workflows/\ufeffweb.yaml'],
    ['lone surrogate', 'workflows/\ud800.yaml'],
  ])(
    'refuses a path with a %s, naming the field and showing the value escaped',
    (_, unsafe) => {
      expect(() => resolveInsideDirectory(base, unsafe, 'targetPath')).toThrow(
        /^`targetPath`: "[^"]*\\u\{[0-9A-F]+\}[^"]*" contains an invisible, bidirectional or line-separator character/,
      );
    },
  );

  it('accepts plain non-ASCII file names', () => {
    expect(
      resolveInsideDirectory(base, 'workflows/训练.yaml', 'targetPath'),
    ).toBe(path.join(fs.realpathSync(base), 'workflows/训练.yaml'));
  });
});
