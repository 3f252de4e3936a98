import type { DeliverStep } from '../delivery/deliver';
import type { Renderers } from '../model/types';
import type { Store } from '../store/store';
import type { DeliverySettings, RuntimeConfig } from './config';

/**
 * The compile function's heavy parts, loaded when first needed rather than at import (README
 * "Deployment package"): a draft tick that finds nothing new loads neither, and a cold start
 * reaches the handler sooner. The bundle keeps each `import()` lazy.
 */

/**
 * The renderers, with pdf-lib, fontkit, Handlebars, the templates and the fonts read by
 * `load()` (once). The HTML renderer is synchronous, so `load()` must have resolved before a
 * renderer is called; calling one sooner is a bug and says so.
 */
export function renderersOnDemand(config: RuntimeConfig): {
  renderers: Renderers;
  load: () => Promise<void>;
} {
  let loaded: Renderers | undefined;
  let loading: Promise<void> | undefined;
  const ready = (): Renderers => {
    if (!loaded) throw new Error('renderers used before renderersOnDemand().load() resolved');
    return loaded;
  };
  return {
    renderers: { html: (model) => ready().html(model), pdf: (model) => ready().pdf(model) },
    load: () => {
      loading ??= import('./make-renderers').then(({ makeRenderers }) => {
        loaded = makeRenderers(config);
      });
      return loading;
    },
  };
}

/**
 * The delivery step, with its SES, SNS and pre-signing clients (and nodemailer) made at the
 * first delivery: most compiles (drafts, manual rebuilds) deliver nothing.
 */
export function deliveryOnDemand(
  settings: DeliverySettings,
  context: { store: Store; renderers: Renderers; clock: () => Date },
): DeliverStep {
  let step: Promise<DeliverStep> | undefined;
  return async (model, options) => {
    step ??= import('./make-delivery-step').then(({ makeDeliveryStep }) =>
      makeDeliveryStep(settings, context),
    );
    return (await step)(model, options);
  };
}
