import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** The user entity ref or service subject behind credentials, for messages. */
export function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'the task initiator';
}
