import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

/** The end of a form in a dialog: the action's refusal, if any, then cancel and submit. */
export function DialogFormFooter({
  error,
  errorTestId,
  submitting,
  onCancel,
  labels,
}: {
  error: string | undefined;
  errorTestId: string;
  submitting: boolean;
  onCancel: () => void;
  labels: { cancel: string; submit: string; submitting: string };
}) {
  return (
    <>
      {error ? (
        <p
          aria-live="polite"
          data-testid={errorTestId}
          className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {error}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {labels.cancel}
        </Button>
        <Button type="submit" disabled={submitting}>
          {submitting ? labels.submitting : labels.submit}
        </Button>
      </DialogFooter>
    </>
  );
}
