import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
} from '@backstage/ui';
import { ReactNode } from 'react';
import { readableError } from '../../api/readableError';
import { PendingAction } from '../../hooks/usePendingAction';

/**
 * A dialog that changes something: its fields, the server's message when the change failed, and
 * Cancel next to the action button.
 */
export function ActionDialog(props: {
  title: ReactNode;
  width?: number;
  /** Text of the action button. */
  actionLabel: string;
  /** Title of the error shown when the action failed, e.g. "The cache was not deleted". */
  failureTitle: string;
  action: PendingAction;
  isActionDisabled?: boolean;
  destructive?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { action, onClose } = props;
  return (
    <Dialog
      isOpen
      onOpenChange={open => {
        if (!open) onClose();
      }}
      width={props.width}
    >
      <DialogHeader>{props.title}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          {props.children}
          {action.error ? (
            <Alert
              status="danger"
              icon
              title={props.failureTitle}
              description={readableError(action.error)}
            />
          ) : null}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          destructive={props.destructive}
          isDisabled={props.isActionDisabled}
          isPending={action.pending}
          onPress={action.run}
        >
          {props.actionLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
