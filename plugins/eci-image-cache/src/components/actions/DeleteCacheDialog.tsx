import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { useState } from 'react';
import { readableError } from '../../api/readableError';

/** Asks before deleting a managed cache, and says what happens to pods pinned to it. */
export function DeleteCacheDialog(props: {
  cache: ImageCacheView;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { cache, onConfirm, onClose } = props;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  return (
    <Dialog
      isOpen
      onOpenChange={open => {
        if (!open) onClose();
      }}
    >
      <DialogHeader>Delete image cache?</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p">
            Delete <strong>{cache.name}</strong> on cluster{' '}
            <strong>{cache.cluster}</strong>
            {cache.imageCacheId ? ` (${cache.imageCacheId})` : ''}?
          </Text>
          <Text as="p" color="secondary">
            Workflows pinned to this cache id start cold until a new cache is
            Ready. ECI deletes the cache snapshot, which stops its billing.
          </Text>
          {error ? (
            <Alert
              status="danger"
              icon
              title="The cache was not deleted"
              description={readableError(error)}
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
          destructive
          isPending={pending}
          onPress={confirm}
        >
          Delete cache
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
