import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import {
  validateAcrInstanceId,
  validateAcrInstanceRef,
  validateImageCacheId,
  validateRegionId,
} from './alibabaIds';

const rule = (result: { ok: boolean; problems?: { rule: string }[] }) =>
  result.ok ? 'ok' : result.problems![0].rule;

describe('validateRegionId', () => {
  it.each([
    ['cn-hangzhou', 'ok'],
    ['ap-southeast-1', 'ok'],
    ['cn-shanghai-finance-1', 'ok'],
    ['us-east-1', 'ok'],
    ['cn', 'region-id'],
    ['cn-', 'region-id'],
    ['CN-hangzhou', 'region-id'],
    ['c-hangzhou', 'region-id'],
    ['cnn-hangzhou', 'region-id'],
    ['cn_hangzhou', 'region-id'],
    ['cn--hangzhou', 'region-id'],
    ['сn-hangzhou', 'region-id'],
    ['x'.repeat(33), 'max-length'],
    ['', 'required'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateRegionId(raw))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateRegionId(raw).ok).toBe(false);
  });
});

describe('validateAcrInstanceId', () => {
  it.each([
    ['cri-f34lmbk2rxqx41u8', 'ok'],
    ['cri-a', 'ok'],
    ['cri-', 'acr-instance-id'],
    ['CRI-abc', 'acr-instance-id'],
    ['cri-ABC', 'acr-instance-id'],
    ['cri-ab-c', 'acr-instance-id'],
    ['cri-ab****', 'acr-instance-id'],
    ['ｃri-abc', 'acr-instance-id'],
    ['cri-аbc', 'acr-instance-id'],
    ['cn-hangzhou:cri-abc', 'acr-instance-id'],
    [`cri-${'a'.repeat(61)}`, 'max-length'],
    [undefined, 'required'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateAcrInstanceId(raw))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateAcrInstanceId(raw).ok).toBe(false);
  });
});

describe('validateImageCacheId', () => {
  it.each([
    ['imc-2zeditzeoemfhqor1234', 'ok'],
    ['imc-f8zf****', 'image-cache-id'],
    ['imc-', 'image-cache-id'],
    ['IMC-abc', 'image-cache-id'],
    ['cri-abc', 'image-cache-id'],
    ['imc-abc\n', 'image-cache-id'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateImageCacheId(raw))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateImageCacheId(raw).ok).toBe(false);
  });
});

describe('validateAcrInstanceRef', () => {
  it.each([
    ['cri-f34lmbk2rxqx41u8', { id: 'cri-f34lmbk2rxqx41u8' }],
    [
      'cn-hangzhou:cri-f34lmbk2rxqx41u8',
      { id: 'cri-f34lmbk2rxqx41u8', region: 'cn-hangzhou' },
    ],
  ])('accepts %p', (raw, expected) => {
    expect(validateAcrInstanceRef(raw)).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
  });

  it.each([
    ['cn-hangzhou:', 'acr-instance-ref'],
    [':cri-abc', 'acr-instance-ref'],
    ['cn-hangzhou:cri-abc:x', 'acr-instance-ref'],
    ['cri-abc:cn-hangzhou', 'acr-instance-ref'],
    ['hangzhou:cri-abc', 'acr-instance-ref'],
    ['cn-hangzhou :cri-abc', 'acr-instance-ref'],
    ['cn-hangzhou:ｃri-abc', 'acr-instance-ref'],
    ['', 'required'],
  ])('rejects %p (%s)', (raw, expected) => {
    expect(
      rule(validateAcrInstanceRef(raw, 'alibabacloud.com/acr-instance-id')),
    ).toBe(expected);
  });

  it('names the annotation and the format in the message', () => {
    const result = validateAcrInstanceRef(
      'cri-abc\nx: y',
      'alibabacloud.com/acr-instance-id',
    );
    expect(!result.ok && result.problems[0].message).toBe(
      '`alibabacloud.com/acr-instance-id`: "cri-abc\\nx: y" is not "[RegionID:]InstanceID" (like "cn-hangzhou:cri-abc123" or "cri-abc123")',
    );
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateAcrInstanceRef(raw).ok).toBe(false);
  });
});
