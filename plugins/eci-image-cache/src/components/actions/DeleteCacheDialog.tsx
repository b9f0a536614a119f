import {
  EntityCacheMode,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { readableError } from '../../api/readableError';
import { usePendingAction } from '../../hooks/usePendingAction';
import { ActionDialog } from '../common/ActionDialog';

/** Ways out when the cache to delete is the current cache of a manual entity (it would be rebuilt). */
export interface RebuildAlternatives {
  /** The entity's manual mode comes from saved settings or the default, so it can be switched here. */
  canSwitch: boolean;
  /** Why switching here is not possible (no permission, or the annotation sets the mode). */
  cannotSwitchReason?: string;
  onSwitch: (mode: Exclude<EntityCacheMode, 'manual'>) => Promise<void>;
}

/** Asks before deleting a managed cache, and says what happens to pods pinned to it. */
export function DeleteCacheDialog(props: {
  cache: ImageCacheView;
  /** Set when the reconciler recreates this cache right after the delete. */
  rebuild?: RebuildAlternatives;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { cache, rebuild, onConfirm, onClose } = props;
  const confirm = usePendingAction(onConfirm);
  const switchToAuto = usePendingAction(async () => rebuild?.onSwitch('auto'));
  const switchOff = usePendingAction(async () => rebuild?.onSwitch('off'));

  return (
    <ActionDialog
      title="Delete image cache?"
      actionLabel={rebuild ? 'Delete and rebuild' : 'Delete cache'}
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
      {rebuild ? (
        <Alert
          status="warning"
          icon
          title="This is the entity's current cache and its cache mode is manual: it is rebuilt right after the delete"
          description="The rebuilt cache has the same name and a new cache id; pods start cold until it is Ready. To stop caching instead, switch the entity to auto (ECI caches images on its own) or off."
        />
      ) : null}
      {rebuild ? (
        <Flex gap="2" align="center">
          <Button
            size="small"
            variant="secondary"
            isDisabled={
              !rebuild.canSwitch || switchToAuto.pending || switchOff.pending
            }
            onPress={switchToAuto.run}
          >
            Switch to auto instead
          </Button>
          <Button
            size="small"
            variant="secondary"
            isDisabled={
              !rebuild.canSwitch || switchToAuto.pending || switchOff.pending
            }
            onPress={switchOff.run}
          >
            Switch off instead
          </Button>
          {rebuild.cannotSwitchReason ? (
            <Text variant="body-small" color="secondary">
              {rebuild.cannotSwitchReason}
            </Text>
          ) : null}
        </Flex>
      ) : null}
      {switchToAuto.error || switchOff.error ? (
        <Alert
          status="danger"
          icon
          title="The cache mode was not changed"
          description={readableError(switchToAuto.error ?? switchOff.error)}
        />
      ) : null}
      <Text as="p" color="secondary">
        Workflows pinned to this cache id start cold until a new cache is Ready.
        ECI deletes the cache snapshot, which stops its billing.
      </Text>
    </ActionDialog>
  );
}
