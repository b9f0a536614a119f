import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlTrainer } from '../../__testUtils__/fixtures';
import { renderTab } from '../../__testUtils__/renderTab';
import { setupTestServer } from '../../__testUtils__/server';
import { serveEntityState } from '../../__testUtils__/tabTest';

// usePermission caches answers per module (SWR), so denied users get a test file of their own.

const server = setupTestServer();

describe('Image Cache tab for users without change permissions', () => {
  it('disables create, delete and ACR changes for users without the permissions, and says why', async () => {
    serveEntityState(server);
    await renderTab(mlTrainer, {
      denied: [
        'eci.imagecache.create',
        'eci.imagecache.delete',
        'eci.acr.update',
      ],
    });
    const refresh = await screen.findByRole('button', {
      name: 'Refresh cache',
    });
    await waitFor(() =>
      expect(refresh).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(refresh).toHaveAccessibleDescription(
      'Only members of group:default/platform-team, the owner of ml-trainer, and ECI admins may create or refresh its caches.',
    );
    expect(
      screen.getByRole('button', {
        name: 'Delete cache ml-trainer-3f9a1c2b7d',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.getByRole('button', { name: 'Edit ACR instance' }),
    ).toHaveAttribute('aria-disabled', 'true');

    // The disabled button is still reachable by keyboard and shows its tooltip on focus.
    await userEvent.keyboard('{Shift}');
    act(() => refresh.focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /may create or refresh its caches/,
    );

    // Pressing a denied button does nothing.
    await userEvent.click(refresh);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
