import { Dialog } from './dialog.tsx';

/** Approving with open warnings: the editor confirms, or goes to the first open one. */
export function ApproveDialog({ open, revision, onApprove, onShow, onClose }: { open: number; revision: number; onApprove: () => void; onShow: () => void; onClose: () => void }) {
  return (
    <Dialog title="Approve with open warnings?" onClose={onClose}>
      <div className="stack" data-testid="approve-confirm">
        <p>
          {open} warning{open === 1 ? ' is' : 's are'} still open on revision {revision}: neither fixed by an edit nor dismissed. Approving says the segmentation is right as it stands.
        </p>
        <div className="actions">
          <button type="button" onClick={onShow} data-autofocus data-testid="approve-show">
            Show the first one
          </button>
          <button type="button" className="approve" onClick={onApprove} data-testid="approve-anyway">
            Approve anyway
          </button>
        </div>
      </div>
    </Dialog>
  );
}
