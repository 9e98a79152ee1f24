/**
 * @module
 * One diagnosis as the page and the widget run it: check the address, cancel the one before,
 * stream the steps into the progress list and the recommendation so far, then hand over the
 * report. Each face renders the report its own way.
 */
import { diagnose } from './api.ts'
import { errorText, looksLikeEmail } from './errors.ts'
import type { Translate } from './messages.ts'
import type { Progress } from './progress.ts'
import type { DiagnoseInput, RecommendationView, Report } from './types.ts'

export interface DiagnoseFlowView {
  progress: Progress
  /** The recommendation so far, while probes still run. */
  live(view: RecommendationView): void
  setBusy(busy: boolean): void
  /** Shows (or, with null, clears) the error under the address field; `badAddress` when the address itself is wrong. */
  setError(text: string | null, badAddress?: boolean): void
  /** Puts the focus back in the address field (after a bad address). */
  focusField(): void
}

/**
 * @example
 * const flow = createDiagnoseFlow('', t, { progress, live, setBusy, setError, focusField })
 * const report = await flow.run({ email, lang, probe: true }, () => clearOldResult())
 * if (report) show(report)
 */
export const createDiagnoseFlow = (base: string, t: Translate, view: DiagnoseFlowView) => {
  let controller: AbortController | null = null
  return {
    /**
     * The report, or null when the address is not one, the diagnosis failed (the error is shown)
     * or a newer one replaced it. `onStart` runs once the address is accepted.
     */
    async run(input: DiagnoseInput, onStart?: () => void): Promise<Report | null> {
      view.setError(null)
      if (!looksLikeEmail(input.email)) {
        view.setError(t('error.INVALID_INPUT'), true)
        view.focusField()
        return null
      }
      controller?.abort()
      controller = new AbortController()
      onStart?.()
      const started = performance.now()
      view.progress.start(input.email.slice(input.email.lastIndexOf('@') + 1))
      view.setBusy(true)
      try {
        const report = await diagnose(
          base,
          input,
          {
            source: view.progress.source,
            probe: view.progress.probe,
            recommendation: (live) => {
              view.progress.recommendation(live)
              view.live(live)
            },
          },
          controller.signal,
        )
        view.progress.done(performance.now() - started)
        return report
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return null
        view.setError(errorText(t, err))
        return null
      } finally {
        view.setBusy(false)
      }
    },
    /** Cancels the diagnosis running now, if any. */
    abort() {
      controller?.abort()
    },
  }
}
