import Handlebars from 'handlebars';
import { ConfigError } from '../../model/errors';
import type { BriefModel } from '../../model/types';
import { buildBriefView } from '../view/brief-view';
import { type CitationData, registerBriefHelpers } from './html-helpers';
import { buildHtmlView, type HtmlView } from './html-view';

/**
 * The sources of one HTML template set: the page (`brief.hbs`), its partials by name
 * (`partials/masthead.hbs` → `masthead`) and the CSS inlined into the page. Plain strings, so
 * the renderer needs no filesystem: `loadTemplates` reads them, a test can hand them in.
 */
export interface TemplateSet {
  page: string;
  partials: Record<string, string>;
  css: string;
}

type PageTemplate = Handlebars.TemplateDelegate<HtmlView & { css: string }>;

interface Compiled {
  env: typeof Handlebars;
  page: PageTemplate;
}

const compiled = new WeakMap<TemplateSet, Compiled>();

function templateError(file: string, error: unknown): ConfigError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    `templates: ${file} is not a valid Handlebars template (${detail}); fix it or restore the default from templates/`,
    { cause: error },
  );
}

/** Parses every source up front so a broken custom template is reported by file name. */
function compile(templates: TemplateSet): Compiled {
  const env = Handlebars.create();
  registerBriefHelpers(env);
  for (const [name, source] of Object.entries(templates.partials)) {
    try {
      env.parse(source);
    } catch (error) {
      throw templateError(`partials/${name}.hbs`, error);
    }
    env.registerPartial(name, source);
  }
  try {
    env.parse(templates.page);
  } catch (error) {
    throw templateError('brief.hbs', error);
  }
  return { env, page: env.compile(templates.page, { strict: false }) };
}

function compiledFor(templates: TemplateSet): Compiled {
  let entry = compiled.get(templates);
  if (!entry) {
    entry = compile(templates);
    compiled.set(templates, entry);
  }
  return entry;
}

/** CSS is trusted (it ships with the templates) but must still not be able to close `<style>`. */
function inlineCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * Renders the brief model to one self-contained HTML page (inline CSS and SVG, no scripts, no
 * external requests). Templates are compiled once per `TemplateSet` object, so keep the same
 * object across renders. Article-derived text is escaped by the templates (`{{ }}`); throws
 * `ConfigError` when a template does not parse or names a partial that does not exist.
 */
export function renderHtml(model: BriefModel, templates: TemplateSet): string {
  const { env, page } = compiledFor(templates);
  const view = buildBriefView(model);
  const data: CitationData = { citeOf: view.citeOf };
  try {
    return page({ ...buildHtmlView(view), css: inlineCss(templates.css) }, { data });
  } catch (error) {
    if (error instanceof env.Exception) throw templateError('brief.hbs or a partial', error);
    throw error;
  }
}
