import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removePidFile, writePidFile } from './pidFile';

describe('pid file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ack-emulator-pid-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records this process and removes its own record', () => {
    const path = join(dir, 'nested', 'emulator.pid');
    writePidFile(path);
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    removePidFile(path);
    expect(existsSync(path)).toBe(false);
    expect(() => removePidFile(path)).not.toThrow();
  });

  it('leaves the record of a newer emulator in place', () => {
    const path = join(dir, 'emulator.pid');
    writeFileSync(path, `${process.pid + 1}\n`);
    removePidFile(path);
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid + 1}\n`);
  });
});
