import { asSentence, messageParts, uniqueMessages } from './messageText';

describe('message text', () => {
  it('ends messages as sentences', () => {
    expect(asSentence('Pin a version tag or a digest')).toBe(
      'Pin a version tag or a digest.',
    );
    expect(asSentence('Already done.')).toBe('Already done.');
    expect(asSentence('Is it "latest"?')).toBe('Is it "latest"?');
  });

  it('turns backtick pairs into code parts and keeps the rest', () => {
    expect(
      messageParts('`alibabacloud.com/eci-images`: "docker/whalesay" floats'),
    ).toEqual([
      { code: true, text: 'alibabacloud.com/eci-images' },
      { code: false, text: ': "docker/whalesay" floats' },
    ]);
    expect(messageParts('a lone ` stays')).toEqual([
      { code: false, text: 'a lone ` stays' },
    ]);
  });

  it('drops repeated messages', () => {
    expect(uniqueMessages(['One', 'One.', 'Two'])).toEqual(['One.', 'Two.']);
  });
});
