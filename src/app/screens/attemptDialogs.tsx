import { ReasonDialog } from '../../features/actions/ReasonDialog';
import { DecisionDialog, type DecisionDialogProps } from '../../features/decisions/DecisionDialog';
import { RevokeDialog } from '../../features/decisions/RevokeDialog';
import type { AttemptDialogs } from '../../features/diagram/useTryTransition';
import { EvidenceDisclosure } from '../../features/evidence/EvidenceDisclosure';

/** The mayor's decision with what is known about the tear agent in its dialog, as everywhere in Paraat. */
export function DecisionWithEvidence(props: DecisionDialogProps) {
  return <DecisionDialog {...props} evidence={<EvidenceDisclosure />} />;
}

/** The console's own dialogs, for a path tried from the diagram: the same reason and grounds (R1, R6). */
export const ATTEMPT_DIALOGS: AttemptDialogs = {
  Reason: ReasonDialog,
  Decide: DecisionWithEvidence,
  Revoke: RevokeDialog,
};
