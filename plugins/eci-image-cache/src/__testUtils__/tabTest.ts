import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, RequestHandler } from 'msw';
import { SetupServer } from 'msw/node';
import { entityState } from './fixtures';
import { ENTITY_API } from './renderTab';
import { runsHandler } from './runs';
import { workflowHandler } from './server';

/**
 * Serves the tab's backend: the entity state (a value, or a function read on every request), the
 * workflow preview, no runs, and `handlers`, which take precedence over them.
 */
export function serveEntityState(
  server: SetupServer,
  state: EntityStateResponse | (() => EntityStateResponse) = entityState(),
  ...handlers: RequestHandler[]
) {
  server.use(
    ...handlers,
    http.get(ENTITY_API, () =>
      HttpResponse.json(typeof state === 'function' ? state() : state),
    ),
    workflowHandler,
    runsHandler(),
  );
}

/** Presses the button that opens a dialog and returns the dialog. */
export async function openDialog(buttonName: string): Promise<HTMLElement> {
  await userEvent.click(
    await screen.findByRole('button', { name: buttonName }),
  );
  return screen.findByRole('dialog');
}

/** Presses a button of the dialog. */
export async function pressInDialog(dialog: HTMLElement, buttonName: string) {
  await userEvent.click(
    within(dialog).getByRole('button', { name: buttonName }),
  );
}

/** Waits until no dialog is open. */
export async function waitForNoDialog() {
  await waitFor(() =>
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
  );
}

/** Replaces the clipboard with a mock and returns its `writeText`. */
export function mockClipboard(): jest.Mock {
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
  return writeText;
}
