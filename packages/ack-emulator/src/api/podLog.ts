import { podContainer, simulatedContainerOutput } from '../eci/containerOutput';
import type { ResourceType } from '../schema/ResourceType';
import { isPlainObject, type JsonObject } from '../util/json';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { badRequest, invalid } from './errors';
import { sendText } from './http';

/** Only core pods have a `log` subresource. */
export function hasLogSubresource(type: ResourceType): boolean {
  return !type.group && type.resource === 'pods';
}

function nonNegativeInteger(
  request: ResourceRequest,
  field: string,
): number | undefined {
  const raw = request.query.get(field);
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw))
    throw badRequest(
      `couldn't parse query parameter ${field}: strconv.ParseInt: parsing "${raw}": invalid syntax`,
    );
  const value = Number(raw);
  if (value < 0)
    throw invalid({ group: '', resource: 'pods', kind: 'PodLogOptions' }, '', [
      {
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${value}: must be greater than or equal to 0`,
      },
    ]);
  return value;
}

/** The chosen container: `?container=`, or the only one; otherwise 400 like the apiserver. */
function containerName(pod: JsonObject, requested: string | null): string {
  const spec = (pod.spec ?? {}) as JsonObject;
  const name = String((pod.metadata as JsonObject).name);
  if (requested) {
    if (!podContainer(spec, requested))
      throw badRequest(`container ${requested} is not valid for pod ${name}`);
    return requested;
  }
  const containers = (Array.isArray(spec.containers) ? spec.containers : [])
    .filter(isPlainObject)
    .map(c => String(c.name));
  if (containers.length !== 1)
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${containers.join(
        ' ',
      )}]`,
    );
  return containers[0];
}

/**
 * `GET …/pods/<name>/log`: the simulated stdout of a container that has
 * started (current or `previous` instance), with `tailLines`, `limitBytes` and
 * `timestamps`. A container still waiting answers 400 as the kubelet does.
 */
export function handlePodLog(ctx: ApiContext, request: ResourceRequest): void {
  const pod = ctx.store.mustGet(request.type, request.namespace, request.name!)
    .object as unknown as JsonObject;
  const name = containerName(pod, request.query.get('container'));
  const tailLines = nonNegativeInteger(request, 'tailLines');
  const limitBytes = nonNegativeInteger(request, 'limitBytes');
  const previous = request.query.get('previous') === 'true';
  const status = (pod.status ?? {}) as JsonObject;
  const containerStatus = [
    ...(Array.isArray(status.containerStatuses)
      ? status.containerStatuses
      : []),
    ...(Array.isArray(status.initContainerStatuses)
      ? status.initContainerStatuses
      : []),
  ]
    .filter(isPlainObject)
    .find(c => c.name === name);
  const state = (
    previous ? containerStatus?.lastState : containerStatus?.state
  ) as JsonObject | undefined;
  const instance = (state?.running ?? state?.terminated) as
    | JsonObject
    | undefined;
  const podName = request.name!;
  if (!instance) {
    if (previous)
      throw badRequest(
        `previous terminated container "${name}" in pod "${podName}" not found`,
      );
    const waiting = (state?.waiting ?? {}) as JsonObject;
    throw badRequest(
      `container "${name}" in pod "${podName}" is waiting to start: ${
        waiting.reason ?? 'ContainerCreating'
      }`,
    );
  }
  let lines = simulatedContainerOutput(
    podContainer((pod.spec ?? {}) as JsonObject, name)!,
  );
  if (tailLines !== undefined)
    lines = tailLines === 0 ? [] : lines.slice(-tailLines);
  if (request.query.get('timestamps') === 'true') {
    const at = new Date(String(instance.startedAt)).toISOString();
    const stamp = `${at.slice(0, -1)}000000Z`;
    lines = lines.map(line => `${stamp} ${line}`);
  }
  let body = lines.map(line => `${line}\n`).join('');
  if (limitBytes !== undefined)
    body = Buffer.from(body).subarray(0, limitBytes).toString();
  sendText(request.res, 200, body, 'text/plain');
}
