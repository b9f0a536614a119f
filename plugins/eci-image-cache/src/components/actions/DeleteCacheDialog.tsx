import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { Text } from '@backstage/ui';
import { usePendingAction } from '../../hooks/usePendingAction';
import { ActionDialog } from '../common/ActionDialog';

/** Asks before deleting a managed cache, and says what happens to pods pinned to it. */
export function DeleteCacheDialog(props: {
  cache: ImageCacheView;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { cache, onConfirm, onClose } = props;
  const confirm = usePendingAction(onConfirm);

  return (
    <ActionDialog
      title="Delete image cache?"
      actionLabel="Delete cache"
      failureTitle="The cache was not deleted"
      action={confirm}
      destructive
      onClose={onClose}
    >
      <Text as="p">
        Delete <strong>{cache.name}</strong> on cluster{' '}
        <strong>{cache.cluster}</strong>
        {cache.imageCacheId ? ` (${cache.imageCacheId})` : ''}?
      </Text>
      <Text as="p" color="secondary">
        Workflows pinned to this cache id start cold until a new cache is Ready.
        ECI deletes the cache snapshot, which stops its billing.
      </Text>
    </ActionDialog>
  );
}
