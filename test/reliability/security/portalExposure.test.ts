import { ConfigReader } from '@backstage/config';
import {
  createHttpServer,
  readHttpServerOptions,
} from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';

const appConfig = new ConfigReader(
  parse(
    fs.readFileSync(
      path.resolve(__dirname, '../../../app-config.yaml'),
      'utf8',
    ),
  ),
);

describe('the development portal (`npm start`) is reachable from this machine only', () => {
  it('binds the backend to the loopback address', async () => {
    const options = readHttpServerOptions(appConfig.getConfig('backend'));
    expect(options.listen.host).toBe('127.0.0.1');
    // The backend's own server code with these options, on a free port.
    const server = await createHttpServer(
      (_req, res) => res.end(),
      { ...options, listen: { ...options.listen, port: 0 } },
      { logger: mockServices.logger.mock() },
    );
    await server.start();
    try {
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await server.stop();
    }
  });

  it('binds the frontend dev server to the loopback address', () => {
    // backstage-cli's dev server listens on app.listen.host, else on the baseUrl's host name.
    expect(appConfig.getOptionalString('app.listen.host')).toBe('127.0.0.1');
  });

  it('signs guests in only in development', () => {
    expect(
      appConfig.getOptionalBoolean(
        'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
      ),
    ).toBeUndefined();
  });
});
