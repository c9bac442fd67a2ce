/**
 * Modal dialogs from react-aria-components: focus is trapped inside and
 * returned to where it was on close, Escape closes, the title labels it.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ModalDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode | ((close: () => void) => ReactNode);
  /** `alertdialog` for confirmations that interrupt (delete, irreversible steps). */
  role?: 'dialog' | 'alertdialog';
  /** Close on a click outside; off where unsaved input would be lost. */
  isDismissable?: boolean;
  className?: string;
}

export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  isDismissable = false,
  className,
}: ModalDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={false}
      className="modal-overlay"
    >
      <Modal className={className ? `modal ${className}` : 'modal'}>
        <Dialog role={role} className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {typeof children === 'function' ? children(close) : children}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
