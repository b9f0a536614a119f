import {
  Button,
  ButtonProps,
  Focusable,
  Tooltip,
  TooltipTrigger,
  VisuallyHidden,
} from '@backstage/ui';
import { useId } from 'react';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';

/** Props of {@link PermissionGatedButton}. */
export interface PermissionGatedButtonProps extends ButtonProps {
  permission: ActionPermission;
  /** Why the action is denied, shown in a tooltip and announced with the button. */
  deniedReason: string;
}

/**
 * A button that waits for the permission answer and, when the action is denied, stays visible
 * but disabled with a tooltip saying why. A disabled button gets no pointer or focus events, so
 * the denied state is a focusable `aria-disabled` button around the drawn, inert one.
 */
export function PermissionGatedButton(props: PermissionGatedButtonProps) {
  const { permission, deniedReason, isDisabled, ...buttonProps } = props;
  const reasonId = useId();
  if (permission.allowed || permission.loading) {
    return (
      <Button {...buttonProps} isDisabled={isDisabled || permission.loading} />
    );
  }
  const label =
    buttonProps['aria-label'] ??
    (typeof buttonProps.children === 'string'
      ? buttonProps.children
      : undefined);
  return (
    <TooltipTrigger delay={200}>
      <Focusable>
        <span
          role="button"
          tabIndex={0}
          aria-disabled="true"
          aria-label={label}
          aria-describedby={reasonId}
          style={{
            display: 'inline-flex',
            borderRadius: 'var(--bui-radius-2)',
            cursor: 'not-allowed',
          }}
        >
          {/* Browsers send no pointer events to disabled buttons; let them reach the wrapper. */}
          <span
            aria-hidden="true"
            style={{ display: 'inline-flex', pointerEvents: 'none' }}
          >
            <Button {...buttonProps} aria-label={undefined} isDisabled />
          </span>
          <VisuallyHidden id={reasonId}>{deniedReason}</VisuallyHidden>
        </span>
      </Focusable>
      <Tooltip>{deniedReason}</Tooltip>
    </TooltipTrigger>
  );
}
