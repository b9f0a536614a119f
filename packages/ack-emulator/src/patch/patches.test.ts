import type { KubeObject } from '../store/types';
import { applyJsonPatch } from './jsonPatch';
import { recordUpdate, readEntries } from './managedFields';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMergePatch';

describe('patch formats', () => {
  it('applies RFC 7386 merge patches', () => {
    expect(
      applyMergePatch(
        { a: 1, b: { c: 2, d: 3 } },
        { a: null, b: { c: 5 }, e: [1] },
      ),
    ).toEqual({ b: { c: 5, d: 3 }, e: [1] });
  });

  it('applies RFC 6902 JSON patches and fails on a failed test', () => {
    const doc = { spec: { images: ['a'], size: 20 } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/spec/images/-', value: 'b' },
        { op: 'replace', path: '/spec/size', value: 40 },
        { op: 'copy', from: '/spec/size', path: '/spec/copy' },
        { op: 'move', from: '/spec/copy', path: '/moved' },
        { op: 'test', path: '/spec/images/1', value: 'b' },
        { op: 'remove', path: '/spec/images/0' },
      ]),
    ).toEqual({ spec: { images: ['b'], size: 40 }, moved: 40 });
    expect(doc.spec.images).toEqual(['a']);
    expect(() =>
      applyJsonPatch(doc, [{ op: 'test', path: '/spec/size', value: 1 }]),
    ).toThrow('testing value /spec/size failed');
    expect(() =>
      applyJsonPatch(doc, [{ op: 'remove', path: '/spec/missing' }]),
    ).toThrow('unable to remove nonexistent key');
  });

  it('approximates strategic merge patches: merge by name, $patch directives', () => {
    const pod = {
      spec: {
        containers: [
          { name: 'main', image: 'a' },
          { name: 'side', image: 'b' },
        ],
      },
      metadata: { labels: { x: '1' } },
    };
    const patched = applyStrategicMergePatch(pod, {
      $setElementOrder: {},
      spec: {
        containers: [
          { name: 'main', image: 'c' },
          { name: 'side', $patch: 'delete' },
        ],
        '$setElementOrder/containers': [{ name: 'main' }],
      },
      metadata: { labels: { $patch: 'replace', y: '2' } },
    });
    expect(patched).toEqual({
      spec: { containers: [{ name: 'main', image: 'c' }] },
      metadata: { labels: { y: '2' } },
    });
  });
});

describe('managedFields bookkeeping', () => {
  const object = (spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'X',
    metadata: { name: 'x' },
    spec,
  });

  it('gives updaters ownership of the fields they change', () => {
    const created = object({ a: 1, b: 2 });
    recordUpdate(created, undefined, 'first', undefined, 0);
    const updated = {
      ...object({ a: 1, b: 3 }),
      metadata: { ...created.metadata },
    };
    recordUpdate(updated, created, 'second', undefined, 1_000);
    const owners = Object.fromEntries(
      readEntries(updated).map(e => [e.manager, [...e.fields]]),
    );
    expect(owners).toEqual({
      first: ['["spec","a"]'],
      second: ['["spec","b"]'],
    });
    expect(updated.metadata.managedFields?.[1]).toMatchObject({
      manager: 'second',
      operation: 'Update',
      time: '1970-01-01T00:00:01Z',
      fieldsV1: { 'f:spec': { '.': {}, 'f:b': {} } },
    });
  });
});
