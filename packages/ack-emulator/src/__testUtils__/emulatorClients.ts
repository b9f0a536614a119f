import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type User,
} from '@kubernetes/client-node';
import { startEmulator } from '../emulator/startEmulator';
import type { EmulatorOptions, RunningEmulator } from '../emulator/options';
import type { StatusObject } from '../api/errors';

export const IMAGECACHES = {
  group: 'eci.alibabacloud.com',
  version: 'v1',
  plural: 'imagecaches',
} as const;

/** An emulator on a free port with a manual clock, unless options say otherwise. */
export function startTestEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  return startEmulator({ port: 0, manualClock: true, ...options });
}

export function kubeConfigFor(
  emulator: RunningEmulator,
  user = 'admin',
  token = emulator.tokens[user],
): KubeConfig {
  return kubeConfigWithUser(emulator, { name: user, token });
}

/** A KubeConfig for the emulator with any client-node user (token, client certificate, …). */
export function kubeConfigWithUser(
  emulator: RunningEmulator,
  user: User,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'emulator',
        server: emulator.url,
        caData: emulator.caData
          ? Buffer.from(emulator.caData).toString('base64')
          : undefined,
        // client-node 2.x refuses plain HTTP unless TLS verification is explicitly skipped.
        skipTLSVerify: !emulator.url.startsWith('https:'),
      },
    ],
    users: [user],
    contexts: [{ name: 'emulator', cluster: 'emulator', user: user.name }],
    currentContext: 'emulator',
  });
  return kc;
}

export function clientsFor(emulator: RunningEmulator, user = 'admin') {
  const kc = kubeConfigFor(emulator, user);
  return {
    kc,
    custom: kc.makeApiClient(CustomObjectsApi),
    core: kc.makeApiClient(CoreV1Api),
  };
}

/** The Kubernetes Status carried by a client-node ApiException. */
export function statusOf(error: unknown): StatusObject & { httpCode: number } {
  const { code, body } = error as { code?: number; body?: unknown };
  if (code === undefined) throw error;
  const parsed = typeof body === 'string' ? JSON.parse(body) : body;
  return { ...(parsed as StatusObject), httpCode: code };
}

export async function expectStatus(
  promise: Promise<unknown>,
): Promise<StatusObject & { httpCode: number }> {
  try {
    await promise;
  } catch (error) {
    return statusOf(error);
  }
  throw new Error('expected the request to fail');
}

export function imageCacheBody(
  name: string,
  spec: Record<string, unknown> = { images: ['nginx:1.25.3'] },
  metadata: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'eci.alibabacloud.com/v1',
    kind: 'ImageCache',
    metadata: { name, ...metadata },
    spec,
  };
}

/** Polls until `check` returns a value other than undefined/false. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

function encodeBody(body: unknown): string | undefined {
  if (body === undefined || typeof body === 'string') return body;
  return JSON.stringify(body);
}

/** A raw HTTP request to the emulator (plain-HTTP emulators only). */
export async function rawRequest(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: {
    token?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const token =
    options.token === undefined ? emulator.tokens.admin : options.token;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined && !headers['Content-Type'])
    headers['Content-Type'] = 'application/json';
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    body: encodeBody(options.body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
