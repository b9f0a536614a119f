import { createHash } from 'crypto';
import fc from 'fast-check';
import { sha256Hex } from './hash';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 test vector for %p', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('matches the 1,000,000 × "a" test vector', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with Node crypto on UTF-8 input of every length around block boundaries', () => {
    for (let length = 0; length < 140; length++) {
      const text = 'é😀x'.repeat(length).slice(0, length);
      const expected = createHash('sha256')
        .update(Buffer.from(new TextEncoder().encode(text)))
        .digest('hex');
      expect(sha256Hex(text)).toBe(expected);
    }
  });

  it('agrees with Node crypto on arbitrary strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), text => {
        const expected = createHash('sha256')
          .update(Buffer.from(new TextEncoder().encode(text)))
          .digest('hex');
        return sha256Hex(text) === expected;
      }),
    );
    expect(sha256Hex('\ud800')).toBe(sha256Hex('\ufffd'));
  });
});
