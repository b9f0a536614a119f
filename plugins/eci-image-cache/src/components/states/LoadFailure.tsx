import { Alert, Button } from '@backstage/ui';
import { readableError } from '../../api/readableError';

/** The backend could not be asked at all: say why, and offer to try again. */
export function LoadFailure(props: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      status="danger"
      icon
      title="The image cache state could not be loaded"
      description={readableError(props.error)}
      customActions={
        <Button size="small" variant="secondary" onPress={props.onRetry}>
          Retry
        </Button>
      }
    />
  );
}
