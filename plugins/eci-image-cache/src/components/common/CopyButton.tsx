import { Button, ButtonIcon } from '@backstage/ui';
import { RiCheckLine, RiFileCopyLine } from '@remixicon/react';
import { useEffect, useRef, useState } from 'react';

const FEEDBACK_MS = 1500;

/** Copies `text` to the clipboard and says so for a moment (also to screen readers). */
export function CopyButton(props: {
  text: string;
  /** Accessible name, e.g. "Copy cache id". */
  label: string;
  /** Show only the icon (the label stays the accessible name). */
  iconOnly?: boolean;
  isDisabled?: boolean;
}) {
  const { text, label, iconOnly, isDisabled } = props;
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), FEEDBACK_MS);
  };

  const icon = status === 'copied' ? <RiCheckLine /> : <RiFileCopyLine />;
  const announcement = {
    idle: '',
    copied: 'Copied to the clipboard',
    failed: 'The browser did not allow copying',
  }[status];
  return (
    <>
      {iconOnly ? (
        <ButtonIcon
          aria-label={label}
          icon={icon}
          size="small"
          variant="tertiary"
          isDisabled={isDisabled}
          onPress={copy}
        />
      ) : (
        <Button
          iconStart={icon}
          size="small"
          variant="secondary"
          isDisabled={isDisabled}
          onPress={copy}
        >
          {status === 'copied' ? 'Copied' : label}
        </Button>
      )}
      <span
        role="status"
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
        }}
      >
        {announcement}
      </span>
    </>
  );
}
